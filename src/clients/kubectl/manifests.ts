import { parseAllDocuments, isMap, isScalar, type Document } from 'yaml';
import type { KubeObject } from '../../engine/index.ts';

/**
 * Reading manifests the way kubectl's resource builder does: several YAML documents per file,
 * empty documents skipped, errors in go-yaml's words with the file named, and limits so a hostile
 * file (an alias bomb, a huge document) is refused instead of hanging the page.
 */
export interface Manifest {
  object: KubeObject;
  source: string;
  index: number;
}

export type ManifestResult = { ok: true; manifests: Manifest[] } | { ok: false; error: string };

export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_ALIASES = 100;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** goYamlMessage translates the yaml library's error codes into what go-yaml (and so kubectl) says. */
function goYamlMessage(code: string, line: number): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return `yaml: line ${line}: mapping values are not allowed in this context`;
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'MISSING_CHAR':
      return `yaml: line ${line}: did not find expected node content`;
    case 'BAD_ALIAS':
      return `yaml: unknown anchor referenced`;
    case 'BLOCK_IN_FLOW':
      return `yaml: line ${line}: did not find expected ',' or ']'`;
    default:
      return `yaml: line ${line}: did not find expected key`;
  }
}

function duplicateKeys(doc: Document, text: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined) {
          if (seen.has(key)) {
            const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
            out.push(`  line ${lineOf(text, offset)}: key "${key}" already set in map`);
          }
          seen.add(key);
        }
        visit(pair.value);
      }
    } else if (node && typeof node === 'object' && 'items' in node) {
      for (const item of (node as { items: unknown[] }).items) visit(item);
    }
  };
  visit(doc.contents);
  return out;
}

export function parseManifests(text: string, source: string): ManifestResult {
  const label = source === '-' ? 'STDIN' : source;
  if (text.length > MAX_MANIFEST_BYTES) {
    return { ok: false, error: `error: error parsing ${label}: file is larger than ${MAX_MANIFEST_BYTES} bytes` };
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false }) as Document.Parsed[];
  } catch (error) {
    return {
      ok: false,
      error: `error: error parsing ${label}: error converting YAML to JSON: yaml: ${(error as Error).message}`,
    };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  const manifests: Manifest[] = [];
  for (const [index, doc] of docs.entries()) {
    const firstError = doc.errors[0];
    if (firstError) {
      const offset = firstError.pos?.[0] ?? 0;
      return {
        ok: false,
        error: `error: error parsing ${label}: error converting YAML to JSON: ${goYamlMessage(firstError.code, lineOf(text, offset))}`,
      };
    }
    const duplicates = duplicateKeys(doc, text);
    if (duplicates.length > 0) {
      return {
        ok: false,
        error: `error: error parsing ${label}: error converting YAML to JSON: yaml: unmarshal errors:\n${duplicates.join('\n')}`,
      };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const message = (error as Error).message;
      if (/alias/i.test(message))
        return {
          ok: false,
          error: `error: error parsing ${label}: error converting YAML to JSON: yaml: document contains excessive aliasing`,
        };
      return { ok: false, error: `error: error parsing ${label}: error converting YAML to JSON: yaml: ${message}` };
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const goType = Array.isArray(value)
        ? 'array'
        : typeof value === 'string'
          ? 'string'
          : typeof value === 'number'
            ? 'number'
            : 'bool';
      return {
        ok: false,
        error: `error: error parsing ${label}: json: cannot unmarshal ${goType} into Go value of type map[string]interface {}`,
      };
    }
    const object = normalize(value) as KubeObject;
    if ((object as { kind?: unknown }).kind === 'List' && Array.isArray((object as { items?: unknown }).items)) {
      for (const item of (object as unknown as { items: KubeObject[] }).items)
        manifests.push({ object: item, source, index });
      continue;
    }
    manifests.push({ object, source, index });
  }
  return { ok: true, manifests };
}

/** normalize makes YAML values JSON (dates stay strings, keys become strings), as YAMLToJSON does. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), normalize(v)]));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** validateBasics is kubectl's client-side check before sending: apiVersion and kind must be set. */
export function validateBasics(manifest: Manifest): string | undefined {
  const missing: string[] = [];
  if (!manifest.object.apiVersion) missing.push('apiVersion not set');
  if (!manifest.object.kind) missing.push('kind not set');
  if (missing.length === 0) return undefined;
  const detail = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
  const label = manifest.source === '-' ? 'STDIN' : manifest.source;
  return `error: error validating "${label}": error validating data: ${detail}; if you choose to ignore these errors, turn validation off with --validate=false`;
}
