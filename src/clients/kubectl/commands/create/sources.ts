/**
 * The data sources of `create configmap` and `create secret generic`: --from-literal, --from-file
 * (files, `key=path`, folders) and --from-env-file, with kubectl's parsing and error texts
 * (k8s.io/kubectl/pkg/util/{configmap,secret}.go, cmd/util/env_file.go, apimachinery validation).
 */
import { goQuote } from '../../printers/jsonpath.ts';
import type { KubectlContext } from '../../types.ts';

export type SourceResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** parseLiteralSource splits `key=value` at the first `=`. */
export function parseLiteralSource(source: string): SourceResult<[string, string]> {
  const eq = source.indexOf('=');
  if (eq <= 0) return { ok: false, error: `invalid literal source ${source}, expected key=value` };
  return { ok: true, value: [source.slice(0, eq), source.slice(eq + 1)] };
}

/** parseFileSource reads `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): SourceResult<[string, string]> {
  const separators = source.split('=').length - 1;
  if (separators === 0) return { ok: true, value: [basename(source), source] };
  if (separators === 1 && source.startsWith('='))
    return { ok: false, error: `key name for file path ${source.slice(1)} missing` };
  if (separators === 1 && source.endsWith('='))
    return { ok: false, error: `file path for key name ${source.slice(0, -1)} missing` };
  if (separators > 1) return { ok: false, error: "key names or file paths cannot contain '='" };
  const [key = '', path = ''] = source.split('=');
  return { ok: true, value: [key, path] };
}

/** basename is Go's path.Base. */
function basename(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function chDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** isConfigMapKey is validation.IsConfigMapKey: the errors for a bad ConfigMap or Secret key. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(value)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  return [...errs, ...chDirPrefix(value)];
}

/** isEnvVarName is validation.IsEnvVarName, which env files check their keys with. */
function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME.test(value)) {
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  }
  return [...errs, ...chDirPrefix(value)];
}

export { goQuote };

/** FileEntry is one key read from --from-file. */
export interface FileEntry {
  key: string;
  path: string;
  content: string;
}

/**
 * readFileSources resolves --from-file values: a file gives one key, a folder every regular file
 * directly inside it (sorted, as os.ReadDir), a `key=` prefix renames a file's key.
 */
export function readFileSources(ctx: KubectlContext, sources: string[]): SourceResult<FileEntry[]> {
  const out: FileEntry[] = [];
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if (!parsed.ok) return parsed;
    const [key, path] = parsed.value;
    const listing = ctx.listDir?.(path);
    if (listing) {
      if (source.includes('=')) return { ok: false, error: 'cannot give a key name for a directory path' };
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const files = listing
        .map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f))
        .filter((f) => f !== '' && !f.includes('/'))
        .sort();
      for (const name of files) {
        const content = ctx.readFile?.(`${prefix}${name}`);
        if (content !== undefined) out.push({ key: name, path: `${prefix}${name}`, content });
      }
      continue;
    }
    const content = ctx.readFile?.(path);
    if (content === undefined) return { ok: false, error: `error reading ${path}: no such file or directory` };
    out.push({ key, path, content });
  }
  return { ok: true, value: out };
}

/**
 * readEnvFile is cmdutil.AddFromEnvFile: `KEY=value` lines (a key alone reads the environment, empty
 * here), blank lines and `#` comments skipped; add() stores a pair or returns its error.
 */
export function readEnvFile(
  ctx: KubectlContext,
  path: string,
  kind: 'config' | 'secret',
  add: (key: string, value: string) => string | undefined,
): string | undefined {
  if (ctx.listDir?.(path)) return `env ${kind} file cannot be a directory`;
  const text = ctx.readFile?.(path);
  if (text === undefined) return `error reading ${path}: no such file or directory`;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [index, raw] of lines.entries()) {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    line = line.replace(/^\s+/u, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq >= 0 ? line.slice(0, eq) : line;
    const errs = isEnvVarName(key);
    if (errs.length) return `${goQuote(key)} is not a valid key name: ${errs.join(';')}`;
    const error = add(key, eq >= 0 ? line.slice(eq + 1) : '');
    if (error) return error;
  }
  return undefined;
}
