/** `kubectl create clusterrolebinding NAME --clusterrole=… [--user] [--group] [--serviceaccount=ns:name]` (create_clusterrolebinding.go). */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { BINDING_ARRAY_FLAGS, subjects } from './rolebinding.ts';
import { apiVersion, CLUSTER_ROLE_BINDING } from './types.ts';

export async function createClusterRoleBinding(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create clusterrolebinding',
    flags: [{ name: 'clusterrole', type: 'string' }],
    arrayFlags: BINDING_ARRAY_FLAGS,
    required: ['clusterrole'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const built = subjects(
    done.arrays.get('user') ?? [],
    done.arrays.get('group') ?? [],
    done.arrays.get('serviceaccount') ?? [],
  );
  if (!built.ok) return fail(built.error);
  const binding = {
    kind: 'ClusterRoleBinding',
    apiVersion: apiVersion(CLUSTER_ROLE_BINDING),
    metadata: { name: o.name },
    ...(built.subjects.length ? { subjects: built.subjects } : {}),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: o.flags.string('clusterrole') ?? '' },
  };
  return finishCreate(ctx, o, CLUSTER_ROLE_BINDING, binding, { wrap: 'failed to create clusterrolebinding: ' });
}
