/**
 * configMapGenerator and secretGenerator (api/internal/generators, api/kv): key/value pairs from
 * env files, literals and files, in that order; labels, annotations and immutability from the
 * generator's options merged with generatorOptions; the content hash is added later, at the top.
 */
import { KustomizeError } from './errors.ts';
import { baseName, entriesOf, isDirectory, isUnder, joinPath, type FileAccess } from './files.ts';
import type { GeneratorArgs, GeneratorOptions } from './kustomization.ts';
import { makeResource, type KObject, type Resource } from './resource.ts';
import { evalSymlinkFailure } from './errors.ts';

export interface GeneratorContext {
  files: FileAccess;
  /** dir is the kustomization's folder as read; shownDir as printed in errors. */
  dir: string;
  shownDir: string;
}

/** mergeOptions is types.MergeGlobalOptionsIntoLocal: the generator's own values win. */
export function mergeOptions(
  local: GeneratorOptions | undefined,
  global: GeneratorOptions | undefined,
): GeneratorOptions {
  const out: GeneratorOptions = { ...(local ?? {}) };
  if (!global) return out;
  if (global.labels) out.labels = { ...global.labels, ...(out.labels ?? {}) };
  if (global.annotations) out.annotations = { ...global.annotations, ...(out.annotations ?? {}) };
  if (global.disableNameSuffixHash) out.disableNameSuffixHash = true;
  if (global.immutable) out.immutable = true;
  return out;
}

/** removeQuotes strips one pair of matching surrounding quotes, as kv.removeQuotes does. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}

function parseLiteral(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KustomizeError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), removeQuotes(source.slice(eq + 1))];
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** envPairs is kv.KeyValuesFromLines: KEY=value lines, comments and blank lines skipped. */
export function envPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    let line = index === 0 && raw.startsWith('\ufeff') ? raw.slice(1) : raw;
    line = line.replace(/^\s+/u, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!ENV_NAME.test(key) || /^[0-9]/.test(key)) {
      throw new KustomizeError(
        `"${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnv1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
      );
    }
    out.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
  });
  return out;
}

function listFormat(items: string[]): string {
  return `[${items.join(' ')}]`;
}

/** readRooted reads a file of the kustomization, refusing paths outside its root as LoadRestrictionsRootOnly does. */
export function readRooted(ctx: GeneratorContext, path: string): string {
  const full = joinPath(ctx.dir, path);
  const shown = joinPath(ctx.shownDir, path);
  if (!isUnder(full, ctx.dir))
    throw new KustomizeError(`security; file '${shown}' is not in or below '${ctx.shownDir}'`);
  const text = ctx.files.readFile(full);
  if (text === undefined) throw new KustomizeError(evalSymlinkFailure(shown, shown));
  return text;
}

function fileSources(ctx: GeneratorContext, sources: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const source of sources) {
    let key: string | undefined;
    let path = source;
    const eq = source.indexOf('=');
    if (eq >= 0) {
      key = source.slice(0, eq);
      path = source.slice(eq + 1);
      if (key === '') throw new KustomizeError(`key name for file path ${path} missing`);
    }
    const full = joinPath(ctx.dir, path);
    if (isDirectory(ctx.files, full)) {
      if (key !== undefined) throw new KustomizeError(`cannot give a key name for a directory path`);
      for (const name of entriesOf(ctx.files, full)) out.push([name, readRooted(ctx, joinPath(path, name))]);
      continue;
    }
    out.push([key ?? baseName(path), readRooted(ctx, path)]);
  }
  return out;
}

function pairsOf(ctx: GeneratorContext, args: GeneratorArgs, kind: string): [string, string][] {
  const pairs: [string, string][] = [];
  const envs = args.envs ?? [];
  try {
    for (const env of envs) pairs.push(...envPairs(readRooted(ctx, env)));
  } catch (error) {
    throw new KustomizeError(`env source files: ${listFormat(envs)}: ${(error as Error).message}`);
  }
  const literals = args.literals ?? [];
  try {
    for (const literal of literals) pairs.push(parseLiteral(literal));
  } catch (error) {
    throw new KustomizeError(`literal sources ${listFormat(literals)}: ${(error as Error).message}`);
  }
  const files = args.files ?? [];
  try {
    pairs.push(...fileSources(ctx, files));
  } catch (error) {
    throw new KustomizeError(`file sources: ${listFormat(files)}: ${(error as Error).message}`);
  }
  const seen = new Set<string>();
  for (const [key] of pairs) {
    if (seen.has(key))
      throw new KustomizeError(
        `${kind === 'ConfigMap' ? 'configmap' : 'secret'} ${args.name ?? ''} illegally repeats the key \`${key}\``,
      );
    seen.add(key);
  }
  return pairs;
}

/** base64 is Go's base64.StdEncoding of the UTF-8 bytes. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** generate makes one ConfigMap or Secret from its generator arguments. */
export function generate(
  ctx: GeneratorContext,
  kind: 'ConfigMap' | 'Secret',
  args: GeneratorArgs,
  options: GeneratorOptions,
): Resource {
  const behavior = args.behavior ?? '';
  if (!['', 'create', 'merge', 'replace'].includes(behavior))
    throw new KustomizeError(`unknown generator behavior '${behavior}'`);
  let pairs: [string, string][];
  try {
    pairs = pairsOf(ctx, args, kind);
  } catch (error) {
    throw new KustomizeError(`loading KV pairs: ${(error as Error).message}`);
  }
  if (!args.name) throw new KustomizeError(`a ${kind === 'ConfigMap' ? 'configmap' : 'secret'} must have a name`);
  const metadata: KObject = { name: args.name };
  if (args.namespace) metadata.namespace = args.namespace;
  const object: KObject = { apiVersion: 'v1', kind, metadata };
  if (options.labels && Object.keys(options.labels).length > 0) metadata.labels = { ...options.labels };
  if (options.annotations && Object.keys(options.annotations).length > 0)
    metadata.annotations = { ...options.annotations };
  if (pairs.length > 0) {
    object.data = Object.fromEntries(kind === 'Secret' ? pairs.map(([k, v]) => [k, base64(v)]) : pairs);
  }
  if (kind === 'Secret') object.type = args.type || 'Opaque';
  if (options.immutable) object.immutable = true;
  const resource = makeResource(object);
  resource.generated = true;
  resource.needsHash = options.disableNameSuffixHash !== true;
  resource.behavior = behavior === '' ? 'unspecified' : (behavior as Resource['behavior']);
  return resource;
}
