/** `kubectl create clusterrole NAME --verb=… [--resource=… | --non-resource-url=…] | --aggregation-rule=…` (create_clusterrole.go). */
import { discover } from '../../discovery.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { completeRules, policyRules, ROLE_FLAGS, validateResources, verbWarnings } from './role.ts';
import { apiVersion, CLUSTER_ROLE } from './types.ts';

const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** parseMapFlag is cliflag.MapStringString: `k=v,k2=v2`, repeatable. */
function parseMapFlag(values: string[]): { ok: true; map: Record<string, string> } | { ok: false; value: string } {
  const map: Record<string, string> = {};
  for (const value of values) {
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0) return { ok: false, value };
      map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return { ok: true, map };
}

export async function createClusterRole(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create clusterrole',
    flags: [...ROLE_FLAGS, { name: 'non-resource-url', type: 'strings' }],
    arrayFlags: ['resource-name', 'aggregation-rule'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const aggregation = parseMapFlag(done.arrays.get('aggregation-rule') ?? []);
  if (!aggregation.ok) {
    return fail(
      `error: invalid argument "${aggregation.value}" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee 'kubectl create clusterrole --help' for usage.\n`,
    );
  }
  const nonResourceURLs = [...new Set(o.flags.strings('non-resource-url'))];
  const input = completeRules(o, done.arrays.get('resource-name') ?? []);
  const registry = await discover(ctx.client);
  const rule = Object.keys(aggregation.map).length > 0;
  if (rule) {
    if (nonResourceURLs.length || input.verbs.length || input.resources.length || input.resourceNames.length) {
      return fail(
        'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n',
      );
    }
  } else {
    if (input.verbs.length === 0) return fail('error: at least one verb must be specified\n');
    if (input.resources.length === 0 && nonResourceURLs.length === 0)
      return fail('error: one of resource or nonResourceURL must be specified\n');
    if (input.resources.length > 0) {
      o.warnings.push(...verbWarnings(input.verbs));
      const invalid = validateResources(registry, input);
      if (invalid) return fail(`${o.warnings.join('')}${invalid}`);
    }
    if (nonResourceURLs.length > 0) {
      const bad = input.verbs.find((v) => !VALID_NON_RESOURCE_VERBS.includes(v));
      if (bad !== undefined) return fail(`${o.warnings.join('')}error: invalid verb: '${bad}' for nonResourceURL\n`);
      for (const url of nonResourceURLs) {
        if (url === '*') continue;
        if (url === '' || !url.startsWith('/'))
          return fail(`${o.warnings.join('')}error: nonResourceURL should start with /\n`);
        if (url.slice(0, -1).includes('*'))
          return fail(
            `${o.warnings.join('')}error: nonResourceURL only supports wildcard matches when '*' is at the end\n`,
          );
      }
    }
  }
  const clusterRole = {
    kind: 'ClusterRole',
    apiVersion: apiVersion(CLUSTER_ROLE),
    metadata: { name: o.name },
    ...(rule
      ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation.map }] } }
      : { rules: policyRules(registry, input, nonResourceURLs) }),
  };
  return finishCreate(ctx, o, CLUSTER_ROLE, clusterRole, 'raw');
}
