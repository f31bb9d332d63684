/** `kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file]` (create_configmap.go). */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { configMapHash } from './hash.ts';
import { completeCreate, finishCreate } from './options.ts';
import { goQuote, isConfigMapKey, parseLiteralSource, readEnvFile, readFileSources } from './sources.ts';
import { apiVersion, CONFIG_MAP, objectMeta } from './types.ts';

export async function createConfigMap(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create configmap',
    flags: [
      { name: 'from-file', type: 'strings' },
      { name: 'from-env-file', type: 'strings' },
      { name: 'append-hash', type: 'bool' },
    ],
    arrayFlags: ['from-literal'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const literals = done.arrays.get('from-literal') ?? [];
  const files = o.flags.strings('from-file');
  const envFiles = o.flags.strings('from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
    return fail('error: from-env-file cannot be combined with from-file or from-literal\n');
  }
  const data: Record<string, string> = {};
  const add = (key: string, value: string): string | undefined => {
    const errs = isConfigMapKey(key);
    if (errs.length) return `${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
    if (Object.hasOwn(data, key))
      return `cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(o.name)}`;
    data[key] = value;
    return undefined;
  };
  if (files.length > 0) {
    const read = readFileSources(ctx, files);
    if (!read.ok) return fail(`error: ${read.error}\n`);
    for (const entry of read.value) {
      const error = add(entry.key, entry.content);
      if (error) return fail(`error: ${error}\n`);
    }
  }
  for (const literal of literals) {
    const parsed = parseLiteralSource(literal);
    if (!parsed.ok) return fail(`error: ${parsed.error}\n`);
    const error = add(...parsed.value);
    if (error) return fail(`error: ${error}\n`);
  }
  for (const envFile of envFiles) {
    const error = readEnvFile(ctx, envFile, 'config', add);
    if (error) return fail(`error: ${error}\n`);
  }
  let name = o.name;
  if (o.flags.bool('append-hash')) name = `${name}-${configMapHash(name, data)}`;
  const configMap = {
    kind: 'ConfigMap',
    apiVersion: apiVersion(CONFIG_MAP),
    metadata: objectMeta(name, o.enforceNamespace ? o.namespace : undefined),
    ...(Object.keys(data).length ? { data } : {}),
  };
  return finishCreate(ctx, o, CONFIG_MAP, configMap, { wrap: 'failed to create configmap: ' });
}
