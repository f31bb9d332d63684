import { canonicalQuantity } from '../../../../engine/index.ts';
import { parseFlags, type FlagSpec } from '../../flags.ts';
import { globMatch } from '../../podspec.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { RESOURCES_REQUIRED } from '../scale.ts';
import { kindName, runSet, SET_FLAGS } from './run.ts';

/**
 * `kubectl set resources` (set_resources.go): `--limits` and `--requests` as `cpu=200m,memory=512Mi`
 * merged into the resources of the containers matching `-c`.
 */
const FLAGS: FlagSpec[] = [
  ...SET_FLAGS,
  { name: 'containers', short: 'c', type: 'string', default: '*' },
  { name: 'limits', type: 'string' },
  { name: 'requests', type: 'string' },
];

/** parseResourceList is `cpu=200m,memory=512Mi` with each quantity made canonical. */
function parseResourceList(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const pair of text.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2) return `invalid argument syntax ${pair}`;
    const [name = '', value = ''] = parts;
    const quantity = canonicalQuantity(value);
    if (quantity === undefined)
      return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    out[name] = quantity;
  }
  return out;
}

export async function setResourcesCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  if (flags.bool('all') && flags.string('selector'))
    return fail('error: cannot set --all and --selector at the same time');
  if (flags.positional.length === 0 && flags.strings('filename').length === 0) return fail(RESOURCES_REQUIRED);
  const limitsText = flags.string('limits') ?? '';
  const requestsText = flags.string('requests') ?? '';
  const limits = parseResourceList(limitsText);
  if (typeof limits === 'string') return fail(`error: ${limits}`);
  const requests = parseResourceList(requestsText);
  if (typeof requests === 'string') return fail(`error: ${requests}`);
  const selector = flags.string('containers') ?? '*';
  return runSet(ctx, {
    flags,
    resources: flags.positional,
    operation: 'resource requirements updated',
    validate: () =>
      !limitsText && !requestsText
        ? 'error: you must specify an update to requests or limits (in the form of --requests/--limits)'
        : undefined,
    change: (info, spec) => {
      const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c) =>
        globMatch(selector, c.name),
      );
      if (containers.length === 0)
        return {
          stderr: `warning: ${kindName(info)} does not have any containers matching ${JSON.stringify(selector)}\n`,
        };
      for (const container of containers) {
        const resources = { ...(container.resources ?? {}) };
        if (Object.keys(limits).length) resources.limits = { ...(resources.limits ?? {}), ...limits };
        if (Object.keys(requests).length) resources.requests = { ...(resources.requests ?? {}), ...requests };
        container.resources = resources;
      }
      return undefined;
    },
  });
}
