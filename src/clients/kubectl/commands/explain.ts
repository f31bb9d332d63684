import { discover } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags } from '../flags.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl explain` (pkg/explain/v2): like kubectl, it reads the server's /openapi/v3 document for
 * the resource's group-version and renders it as templates/plaintext.tmpl does — KIND, VERSION,
 * FIELD or DESCRIPTION, and the FIELDS list (or the whole tree with --recursive), wrapped at 76
 * columns by go-wordwrap.
 */
type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  enum?: unknown[];
  externalDocs?: { description?: string; url?: string };
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
};

type Document = { components?: { schemas?: Record<string, Schema> }; paths?: Record<string, Record<string, Schema>> };

/** wrap is go-wordwrap's WrapString, which kubectl's template `wrap` uses. */
export function wrap(limit: number, text: string): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const chars = [...text];
  for (const char of chars) {
    if (char === '\n') {
      if (word.length === 0) {
        if (current + [...space].length > limit) current = 0;
        else out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += char;
      current = 0;
    } else if (/\s/.test(char) && char !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length;
        out += space + word;
        space = '';
        word = '';
      }
      space += char;
    } else {
      word += char;
      const wordLen = [...word].length;
      if (current + [...space].length + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= limit) out += space;
  } else out += space + word;
  return out;
}

function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join(`\n${pad}`);
}

function resolveRef(ref: unknown, doc: Document): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const part of ref.slice(1).split('/')) {
    if (!part) continue;
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'object' && cur !== null ? (cur as Schema) : undefined;
}

function isMapSchema(s: Schema): s is Schema & { additionalProperties: Schema } {
  return typeof s.additionalProperties === 'object' && s.additionalProperties !== null;
}

function typeGuess(schema: Schema, doc: Document): string {
  if (schema.items) return `[]${typeGuess(schema.items, doc)}`;
  if (isMapSchema(schema)) return `map[string]${typeGuess(schema.additionalProperties, doc)}`;
  if (schema.allOf && !schema.properties && schema.allOf.length === 1) return typeGuess(schema.allOf[0] as Schema, doc);
  if (schema.$ref) {
    const target = resolveRef(schema.$ref, doc);
    if (!target || !target.type || target.type === 'object') {
      const name = schema.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return target.type || 'Object';
  }
  if (schema.type === 'object') return 'Object';
  return schema.type || 'Object';
}

function enumText(schema: Schema, longView: boolean, limit: number, indentAmount: number): string {
  if (!schema.enum || schema.enum.length === 0) return '';
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (const [index, element] of schema.enum.entries()) {
    if (limit > -1 && index >= limit) {
      out += ', ....';
      break;
    }
    if (index > 0 && !longView) out += ', ';
    else if (longView) out += `\n${' '.repeat(4)}`;
    out += element === '' ? '""' : String(element);
  }
  return out;
}

function description(schema: Schema, doc: Document): string {
  const resolved = resolveRef(schema.$ref, doc) ?? schema;
  let out = '';
  if (resolved.description) out += `${resolved.description}\n`;
  for (const sub of resolved.allOf ?? []) out += description(sub, doc);
  if (resolved.items) out += description(resolved.items, doc);
  if (isMapSchema(resolved)) out += description(resolved.additionalProperties, doc);
  return out;
}

function externalDocs(schema: Schema): string {
  const docs = schema.externalDocs;
  if (!docs) return '';
  let out = 'EXTERNAL DOCS:\n';
  if (docs.description) out += `${indent(4, wrap(76, docs.description))}\n`;
  if (docs.url) out += `${indent(4, `URL: ${docs.url}`)}\n`;
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: Document): string {
  const amount = level * 2;
  const field = parent.properties?.[name] as Schema;
  let out = `${indent(amount, name)}\t<${typeGuess(field, doc)}>`;
  if ((parent.required ?? []).includes(name)) out += ' -required-';
  out += enumText(field, false, 4, amount);
  out += '\n';
  if (!short) {
    out += `${indent(amount + 2, wrap(78 - amount, field.description || '<no description>'))}\n`;
    if (field.externalDocs) {
      out += `\n${indent(amount + 2, 'EXTERNAL DOCS:')}\n`;
      if (field.externalDocs.description)
        out += `${indent(amount + 4, wrap(76 - amount, field.externalDocs.description))}\n`;
      if (field.externalDocs.url) out += `${indent(amount + 4, `URL: ${field.externalDocs.url}`)}\n`;
    }
    out += '\n';
  }
  return out;
}

function fieldList(schema: Schema, level: number, doc: Document, recursive: boolean, history: Set<string>): string {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history);
  next.add(ref);
  const resolved = resolveRef(ref, doc) ?? schema;
  let out = '';
  for (const name of Object.keys(resolved.properties ?? {}).sort()) {
    out += fieldDetail(name, resolved, recursive, level, doc);
    if (recursive) out += fieldList(resolved.properties?.[name] as Schema, level + 1, doc, recursive, next);
  }
  for (const sub of resolved.allOf ?? []) out += fieldList(sub, level, doc, recursive, next);
  if (resolved.items) out += fieldList(resolved.items, level, doc, recursive, next);
  if (isMapSchema(resolved)) out += fieldList(resolved.additionalProperties, level, doc, recursive, next);
  return out;
}

function output(schema: Schema, path: string[], doc: Document, recursive: boolean, history: Set<string>): string {
  const ref = schema.$ref ?? '';
  const next = new Set(history);
  next.add(ref);
  const resolved = resolveRef(ref, doc) ?? schema;
  if (path.length === 0) {
    let out = 'DESCRIPTION:\n';
    out += `${indent(4, wrap(76, description(resolved, doc) || '<empty>'))}\n`;
    const external = externalDocs(resolved);
    if (external) out += `\n${external}`;
    const fields = fieldList(resolved, 1, doc, recursive, new Set());
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const first = path[0] as string;
  if (resolved.properties && resolved.properties[first]) {
    const sub = resolved.properties[first];
    let out = '';
    if (path.length === 1) out += `FIELD: ${first} <${typeGuess(sub, doc)}>\n${enumText(sub, true, -1, 0)}\n\n`;
    return out + output(sub, path.slice(1), doc, recursive, new Set());
  }
  if (resolved.items) return output(resolved.items, path, doc, recursive, next);
  if (isMapSchema(resolved)) return output(resolved.additionalProperties, path, doc, recursive, next);
  for (const sub of resolved.allOf ?? []) {
    const text = output(sub, path, doc, recursive, next);
    if (text) return text;
  }
  return '';
}

async function fetchDocument(ctx: KubectlContext, group: string, version: string): Promise<Document | string> {
  const index = await ctx.client.request<{ paths?: Record<string, { serverRelativeURL: string }> }>({
    verb: 'GET',
    path: '/openapi/v3',
  });
  const indexError = responseError(index);
  if (indexError) return indexError;
  const key = group ? `apis/${group}/${version}` : `api/${version}`;
  const entry = index.body.paths?.[key];
  if (!entry) return `error: couldn't find resource for "${group ? `${group}/` : ''}${version}"\n`;
  const [path = '', query = ''] = entry.serverRelativeURL.split('?');
  const response = await ctx.client.request<Document>({
    verb: 'GET',
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
  });
  const error = responseError(response);
  return error ?? response.body;
}

export async function explainCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
  ]);
  if (flags.positional.length === 0)
    return fail(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (flags.positional.length > 1) return fail('error: We accept only this format: explain RESOURCE');
  const outputFormat = flags.string('output') ?? 'plaintext';
  if (outputFormat !== 'plaintext') return fail(`error: unsupported output format: ${outputFormat}`);
  const [resource = '', ...path] = (flags.positional[0] as string).split('.');
  const registry = await discover(ctx.client);
  const apiVersion = flags.string('api-version');
  let type = registry.resolve(resource);
  if (apiVersion && type) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    type = registry.all().find((t) => t.plural === type?.plural && t.group === group && t.version === version) ?? type;
  }
  if (!type) return fail(`the server doesn't have a resource type "${resource}"`);
  const doc = await fetchDocument(ctx, type.group, type.version);
  if (typeof doc === 'string') return { stdout: '', stderr: doc, exitCode: 1 };
  const schema = Object.values(doc.components?.schemas ?? {}).find((s) =>
    (s['x-kubernetes-group-version-kind'] ?? []).some(
      (g) => g.group === type?.group && g.version === type?.version && g.kind === type?.kind,
    ),
  );
  if (!schema) return fail(`error: GVK ${type.group}/${type.version}, Kind=${type.kind} not found in OpenAPI schema`);
  const body = output(schema, path, doc, flags.bool('recursive'), new Set());
  const header = `${type.group ? `GROUP:      ${type.group}\n` : ''}KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
  // The template has printed the header by the time it finds the field missing.
  if (!body)
    return { stdout: header, stderr: `error: field "${path[path.length - 1] ?? ''}" does not exist\n`, exitCode: 1 };
  return { stdout: `${header}${body}\n`, stderr: '', exitCode: 0 };
}
