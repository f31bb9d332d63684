/** `kubectl create namespace NAME` (create_namespace.go): the server's error is printed as is. */
import type { CommandResult, KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, NAMESPACE } from './types.ts';

export async function createNamespace(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, { path: 'create namespace', flags: [] });
  if (!done.ok) return done.result;
  const o = done.options;
  const namespace = { kind: 'Namespace', apiVersion: apiVersion(NAMESPACE), metadata: { name: o.name } };
  return finishCreate(ctx, o, NAMESPACE, namespace, 'raw');
}
