/**
 * `kubectl create secret generic|tls|docker-registry` (create_secret.go): generic reads literals,
 * files and env files into base64 data; tls and docker-registry live in their own files.
 */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { findSubcommand, parentCommand } from './parent.ts';
import { secretHash } from './hash.ts';
import { completeCreate, finishCreate } from './options.ts';
import { createSecretDockerRegistry } from './secret-docker-registry.ts';
import { createSecretTls } from './secret-tls.ts';
import { goQuote, isConfigMapKey, parseLiteralSource, readEnvFile, readFileSources } from './sources.ts';
import { apiVersion, objectMeta, SECRET } from './types.ts';

/** base64 encodes text as UTF-8, which is how a Secret's []byte data reaches JSON. */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** SecretData collects a Secret's keys with kubectl's checks; values are stored base64-encoded. */
export class SecretData {
  readonly data: Record<string, string> = {};

  add(key: string, value: string): string | undefined {
    const errs = isConfigMapKey(key);
    if (errs.length) return `${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`;
    if (Object.hasOwn(this.data, key)) return `cannot add key ${key}, another key by that name already exists`;
    this.data[key] = base64(value);
    return undefined;
  }

  /** addFiles adds --from-file sources. */
  addFiles(ctx: KubectlContext, sources: string[]): string | undefined {
    const read = readFileSources(ctx, sources);
    if (!read.ok) return read.error;
    for (const entry of read.value) {
      const error = this.add(entry.key, entry.content);
      if (error) return error;
    }
    return undefined;
  }
}

/** secretObject is newSecretObj: name, namespace when forced, type when given, and the data. */
export function secretObject(
  name: string,
  namespace: string | undefined,
  type: string,
  data: Record<string, string>,
  appendHash: boolean,
) {
  const finalName = appendHash ? `${name}-${secretHash(name, type, data)}` : name;
  return {
    kind: 'Secret',
    apiVersion: apiVersion(SECRET),
    metadata: objectMeta(finalName, namespace),
    ...(Object.keys(data).length ? { data } : {}),
    ...(type !== '' ? { type } : {}),
  };
}

async function createSecretGeneric(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create secret generic',
    flags: [
      { name: 'from-file', type: 'strings' },
      { name: 'from-env-file', type: 'strings' },
      { name: 'type', type: 'string' },
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
  const data = new SecretData();
  for (const literal of literals) {
    const parsed = parseLiteralSource(literal);
    if (!parsed.ok) return fail(`error: ${parsed.error}\n`);
    const error = data.add(...parsed.value);
    if (error) return fail(`error: ${error}\n`);
  }
  if (files.length > 0) {
    const error = data.addFiles(ctx, files);
    if (error) return fail(`error: ${error}\n`);
  }
  for (const envFile of envFiles) {
    const error = readEnvFile(ctx, envFile, 'secret', (k, v) => data.add(k, v));
    if (error) return fail(`error: ${error}\n`);
  }
  const secret = secretObject(
    o.name,
    o.enforceNamespace ? o.namespace : undefined,
    o.flags.string('type') ?? '',
    data.data,
    o.flags.bool('append-hash'),
  );
  return finishCreate(ctx, o, SECRET, secret, { wrap: 'failed to create secret: ' });
}

export async function createSecret(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const at = findSubcommand(args);
  const sub = at >= 0 ? args[at] : undefined;
  const rest = [...args.slice(0, at), ...args.slice(at + 1)];
  switch (sub) {
    case 'generic':
      return createSecretGeneric(rest, ctx);
    case 'tls':
      return createSecretTls(rest, ctx);
    case 'docker-registry':
      return createSecretDockerRegistry(rest, ctx);
  }
  return parentCommand('secret', args);
}
