import type { Container, EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import { objectPath, type KubeObject } from '../../../../engine/index.ts';
import { discover } from '../../discovery.ts';
import { responseError } from '../../errors.ts';
import { parseFlags, type FlagSpec } from '../../flags.ts';
import { globMatch } from '../../podspec.ts';
import { selectResources } from '../../resources.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { kindName, RESOURCES_REQUIRED, runSet, SET_FLAGS } from './run.ts';

/**
 * `kubectl set env` (set_env.go, env_parse.go): `KEY=value` and `KEY-` on the containers matching
 * `-c` (all by default), `--from=configmap/x|secret/x` adding a reference per key, and `--list`
 * printing each container's environment as kubectl does.
 */
const FLAGS: FlagSpec[] = [
  ...SET_FLAGS,
  { name: 'containers', short: 'c', type: 'string', default: '*' },
  { name: 'env', short: 'e', type: 'strings' },
  { name: 'from', type: 'string' },
  { name: 'keys', type: 'strings' },
  { name: 'list', type: 'bool' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'prefix', type: 'string' },
  { name: 'resolve', type: 'bool' },
];

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function isEnvArgument(arg: string): boolean {
  return /^(.+)=(.*)$/s.test(arg) || arg.endsWith('-');
}

function parseEnv(specs: string[]): { env: EnvVar[]; remove: string[] } | string {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name))
        return `${JSON.stringify(name)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`;
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return `unknown environment variable: ${spec}`;
  }
  if (remove.some((name) => env.some((e) => e.name === name)))
    return 'can not both modify and remove the same environment variable in the same command';
  return { env, remove };
}

/** updateEnv replaces variables in place, appends new ones and drops removed ones (set_env.go). */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** refString is envutil.GetEnvVarRefString. */
function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

/** fromSource reads `--from=configmap/x` into references to each of its keys. */
async function fromSource(
  ctx: KubectlContext,
  from: string,
  keys: string[],
  namespace: string,
): Promise<EnvVar[] | string> {
  const registry = await discover(ctx.client);
  const selection = selectResources(registry, [from]);
  if (!selection.ok) return selection.error;
  const out: EnvVar[] = [];
  for (const { type, names } of selection.selections) {
    for (const name of names) {
      const response = await ctx.client.request<KubeObject>({ verb: 'GET', path: objectPath(type, namespace, name) });
      const error = responseError(response);
      if (error) return error;
      const data = (response.body as { data?: Record<string, string> }).data ?? {};
      if (type.kind !== 'ConfigMap' && type.kind !== 'Secret')
        return 'error: unsupported resource specified in --from\n';
      for (const key of Object.keys(data).sort()) {
        if (keys.length > 0 && !keys.includes(key)) continue;
        const ref = { name, key };
        out.push({
          name: keyToEnvName(key),
          valueFrom: type.kind === 'ConfigMap' ? { configMapKeyRef: ref } : { secretKeyRef: ref },
        });
      }
    }
  }
  return out;
}

export async function setEnvCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  if (flags.bool('all') && flags.string('selector'))
    return fail('error: cannot set --all and --selector at the same time');
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const arg of flags.positional) {
    if (isEnvArgument(arg)) envArgs.push(arg);
    else if (envArgs.length > 0)
      return fail(`error: all resources must be specified before environment changes: ${flags.positional.join(' ')}`);
    else resources.push(arg);
  }
  if (flags.strings('filename').length === 0 && resources.length === 0) return fail(RESOURCES_REQUIRED);
  if (flags.bool('list') && flags.string('output'))
    return fail('error: --list and --output may not be specified together');
  const keys = flags.strings('keys');
  const from = flags.string('from') ?? '';
  if (keys.length > 0 && !from)
    return fail('error: when specifying --keys, a configmap or secret must be provided with --from');
  const parsed = parseEnv([...flags.strings('env'), ...envArgs]);
  if (typeof parsed === 'string') return fail(`error: ${parsed}`);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  let env = parsed.env;
  if (from) {
    const refs = await fromSource(ctx, from, keys, namespace);
    if (typeof refs === 'string') return { stdout: '', stderr: refs, exitCode: 1 };
    env = [...env, ...refs];
  }
  const prefix = flags.string('prefix') ?? '';
  if (prefix) env = env.map((e) => ({ ...e, name: `${prefix}${e.name}` }));
  const selector = flags.string('containers') ?? '*';
  const list = flags.bool('list');
  return runSet(ctx, {
    flags,
    resources,
    operation: 'env updated',
    listOnly: list,
    patchError: (error) => `failed to patch env update to pod template: ${error}`,
    change: (info, spec) => {
      const containers: Container[] = [
        ...(spec.containers ?? []).filter((c) => globMatch(selector, c.name)),
        ...(spec.initContainers ?? []).filter((c) => globMatch(selector, c.name)),
      ];
      if (containers.length === 0)
        return {
          stderr: `Warning: ${kindName(info)} does not have any containers matching ${JSON.stringify(selector)}\n`,
        };
      let stdout = '';
      for (const container of containers) {
        if (!flags.bool('overwrite')) {
          for (const e of env) {
            const current = (container.env ?? []).find((c) => c.name === e.name);
            if (current)
              return {
                error: `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`,
              };
          }
        }
        const updated = updateEnv(container.env ?? [], env, parsed.remove);
        if (updated.length > 0 || container.env) container.env = updated;
        if (list) {
          stdout += `# ${info.object.kind} ${info.name}, container ${container.name}\n`;
          for (const e of updated) {
            if (!e.valueFrom) stdout += `${e.name}=${e.value ?? ''}\n`;
            else stdout += `# ${e.name} from ${refString(e.valueFrom)}\n`;
          }
        }
      }
      return { stdout };
    },
  });
}
