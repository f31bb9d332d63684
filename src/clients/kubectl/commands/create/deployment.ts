/** `kubectl create deployment NAME --image=image [-- command]` (create_deployment.go). */
import type { KubectlContext, CommandResult } from '../../types.ts';
import { fail } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, DEPLOYMENT, objectMeta } from './types.ts';

const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * containerName keeps an image's last path segment without tag or digest, as kubectl does; names
 * with `_` or `.` become DNS labels plus a 5-character suffix. kubectl draws that suffix at random;
 * here it comes from the simulated clock and the name, so a lab stays reproducible.
 */
export function containerName(image: string, seed: number): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0] ?? name;
  if (name.includes('@')) name = name.split('@')[0] ?? name;
  if (/[_.]/.test(name)) {
    name = name.replace(/_/g, '-').replace(/\./g, '-');
    let h = 2166136261 ^ seed;
    for (const ch of `${name}/${seed}`) h = Math.imul(h ^ (ch.codePointAt(0) as number), 16777619) >>> 0;
    let suffix = '';
    for (let i = 0; i < 5; i++) {
      suffix += RAND_ALPHABET[h % RAND_ALPHABET.length];
      h = Math.imul(h ^ (i + 1), 2654435761) >>> 0;
    }
    name = `${name}-${suffix}`;
  }
  return name;
}

export async function createDeployment(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create deployment',
    flags: [
      { name: 'image', type: 'strings' },
      { name: 'port', type: 'int', default: -1 },
      { name: 'replicas', short: 'r', type: 'int', default: 1 },
    ],
    required: ['image'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const images = o.flags.strings('image');
  if (images.length > 1 && o.command.length > 0)
    return fail('error: cannot specify multiple --image options and command\n');
  const labels = { app: o.name };
  const containers: Record<string, unknown>[] = images.map((image, i) => ({
    name: containerName(image, ctx.now() + i),
    image,
    ...(o.command.length > 0 ? { command: o.command } : {}),
  }));
  const port = o.flags.int('port') ?? -1;
  if (port >= 0 && containers[0]) containers[0].ports = [{ containerPort: port }];
  const deployment = {
    kind: 'Deployment',
    apiVersion: apiVersion(DEPLOYMENT),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined, { labels }),
    spec: {
      replicas: o.flags.int('replicas') ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
    },
  };
  return finishCreate(ctx, o, DEPLOYMENT, deployment, { wrap: 'failed to create deployment: ' });
}
