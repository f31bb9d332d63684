import { threeWayMergePatch, twoWayMergePatch } from '../../engine/index.ts';

/**
 * The patches kubectl computes on the client, through the engine's port of apimachinery's
 * strategicpatch (directives included: `$setElementOrder`, `$retainKeys`, `$patch: delete`,
 * `$deleteFromPrimitiveList`). Undefined means the patch is `{}`: nothing to send, `unchanged`.
 */
function kindOf(object: unknown): string | undefined {
  const kind = (object as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** threeWayPatch is what `kubectl apply` sends (CreateThreeWayMergePatch, overwrite on). */
export function threeWayPatch(
  original: unknown,
  modified: unknown,
  current: unknown,
): Record<string, unknown> | undefined {
  const patch = threeWayMergePatch(original, modified, current, kindOf(modified) ?? kindOf(current));
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** twoWayPatch is what `kubectl set`, `label` and friends send (CreateTwoWayMergePatch). */
export function twoWayPatch(original: unknown, modified: unknown): Record<string, unknown> | undefined {
  const patch = twoWayMergePatch(original, modified, kindOf(modified) ?? kindOf(original));
  return Object.keys(patch).length > 0 ? patch : undefined;
}
