/** `kubectl create quota NAME [--hard=key1=value1] [--scopes=Scope1,Scope2]` (create_quota.go). */
import { canonicalQuantity } from '../../../../engine/api/quantity.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, objectMeta, RESOURCE_QUOTA } from './types.ts';

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export async function createQuota(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create quota',
    flags: [
      { name: 'hard', type: 'string' },
      { name: 'scopes', type: 'string' },
    ],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const hardSpec = o.flags.string('hard') ?? '';
  const scopesSpec = o.flags.string('scopes') ?? '';
  let hard: Record<string, string> | undefined;
  if (hardSpec !== '') {
    hard = {};
    for (const statement of hardSpec.split(',')) {
      const parts = statement.split('=');
      if (parts.length !== 2) return fail(`error: Invalid argument syntax ${statement}, expected <resource>=<value>\n`);
      const quantity = canonicalQuantity(parts[1] as string);
      if (quantity === undefined) return fail(`error: ${QUANTITY_ERROR}\n`);
      hard[parts[0] as string] = quantity;
    }
  }
  let scopes: string[] | undefined;
  if (scopesSpec !== '') {
    scopes = scopesSpec.split(',');
    if (scopes.includes('')) return fail('error: invalid resource quota scope ""\n');
  }
  const quota = {
    kind: 'ResourceQuota',
    apiVersion: apiVersion(RESOURCE_QUOTA),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined),
    spec: { ...(hard && Object.keys(hard).length ? { hard } : {}), ...(scopes ? { scopes } : {}) },
  };
  return finishCreate(ctx, o, RESOURCE_QUOTA, quota, { wrap: 'failed to create quota: ' });
}
