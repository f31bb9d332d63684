/** `kubectl create serviceaccount NAME` (create_serviceaccount.go). */
import type { CommandResult, KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, objectMeta, SERVICE_ACCOUNT } from './types.ts';

export async function createServiceAccount(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, { path: 'create serviceaccount', flags: [] });
  if (!done.ok) return done.result;
  const o = done.options;
  const account = {
    kind: 'ServiceAccount',
    apiVersion: apiVersion(SERVICE_ACCOUNT),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined),
  };
  return finishCreate(ctx, o, SERVICE_ACCOUNT, account, { wrap: 'failed to create serviceaccount: ' });
}
