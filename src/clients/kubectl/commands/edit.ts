import { parseAllDocuments } from 'yaml';
import { deepEqual, objectPath, type KubeObject } from '../../../engine/index.ts';
import { buildInfos, type Info } from '../builder.ts';
import { discover, qualifiedKind } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { mergePatchBetween, PRINT_FLAGS } from '../mutation.ts';
import { toKubectlYaml } from '../printers/yaml.ts';
import { fail, ok, type CommandResult, type KubectlContext } from '../types.ts';
import { RESOURCES_REQUIRED } from './scale.ts';

/**
 * `kubectl edit` (pkg/cmd/util/editor): the object opens in an editor with kubectl's header; when
 * it is saved, comment lines are dropped, an unchanged or empty file cancels, and otherwise the
 * difference is patched onto the live object (`pod/web edited`). In the browser the editor is the
 * page's; elsewhere there is none, and the command says so.
 */
const FLAGS: FlagSpec[] = [
  { name: 'output-patch', type: 'bool' },
  ...PRINT_FLAGS,
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'subresource', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
];

export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

export const NO_EDITOR =
  "error: kubectl edit needs an editor: in the lab, edit the object in the page's Editor (or change it with kubectl patch, or kubectl apply -f)";

const CANCELLED = 'Edit cancelled, no changes made.\n';

/** editedText is what kubectl edit shows: the header, then the object (a List when several). */
function editedText(infos: Info[]): string {
  const objects = infos.map((i) => stripManaged(i.object));
  const value =
    objects.length === 1
      ? objects[0]
      : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  return `${EDIT_HEADER}${toKubectlYaml(value)}`;
}

function stripManaged(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  delete copy.metadata.managedFields;
  return copy;
}

/** saveEdit applies what the learner saved in the editor to the live objects. */
async function saveEdit(ctx: KubectlContext, infos: Info[], original: string, text: string): Promise<CommandResult> {
  const stripped = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  if (stripped.trim() === '') return { stdout: '', stderr: CANCELLED, exitCode: 0 };
  if (text === original) return { stdout: '', stderr: CANCELLED, exitCode: 0 };
  let edited: KubeObject[];
  try {
    const docs = parseAllDocuments(stripped);
    const values = (Array.isArray(docs) ? docs : [docs]).map((d) => {
      if (d.errors[0]) throw new Error(d.errors[0].message);
      return d.toJS({ maxAliasCount: 100 }) as unknown;
    });
    const first = values[0] as KubeObject | undefined;
    edited =
      first && first.kind === 'List' && Array.isArray((first as { items?: unknown }).items)
        ? (first as unknown as { items: KubeObject[] }).items
        : (values.filter((v) => v) as KubeObject[]);
  } catch (error) {
    return fail(`error: error parsing edited object: ${(error as Error).message}`);
  }
  let stdout = '';
  let stderr = '';
  for (const info of infos) {
    const next = edited.find(
      (o) => o?.metadata?.name === info.name && (o.metadata.namespace ?? '') === (info.object.metadata.namespace ?? ''),
    );
    if (!next || next.kind !== info.object.kind || next.apiVersion !== info.object.apiVersion) {
      stderr += 'error: At least one of apiVersion, kind and name was changed\n';
      continue;
    }
    const before = stripManaged(info.object);
    if (deepEqual(before, next)) continue;
    const patched = await ctx.client.request<KubeObject>({
      verb: 'PATCH',
      path: objectPath(info.type, info.namespace, info.name),
      headers: { 'content-type': 'application/merge-patch+json' },
      body: mergePatchBetween(before, next),
      query: { fieldManager: 'kubectl-edit' },
    });
    const error = responseError(patched);
    if (error) {
      stderr += error;
      continue;
    }
    stdout += `${qualifiedKind(info.type)}/${info.name} edited\n`;
  }
  if (!stdout && !stderr) return { stdout: '', stderr: CANCELLED, exitCode: 0 };
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

export async function editCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const filenames = flags.strings('filename');
  if (flags.positional.length === 0 && filenames.length === 0) return fail(RESOURCES_REQUIRED);
  const registry = await discover(ctx.client);
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames,
    recursive: flags.bool('recursive'),
    namespace: flags.string('namespace') ?? ctx.namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return fail(built.error);
  if (built.errors.length > 0) return { stdout: '', stderr: built.errors.join(''), exitCode: 1 };
  if (built.infos.length === 0) return fail('error: no objects passed to edit');
  if (!ctx.openEditor) return fail(NO_EDITOR);
  const text = editedText(built.infos);
  ctx.openEditor(text, (saved) => saveEdit(ctx, built.infos, text, saved));
  return ok();
}
