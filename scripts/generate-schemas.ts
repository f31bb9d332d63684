/**
 * generate-schemas writes the Kubernetes schema the lab shares: the API server's strict field
 * validation, `kubectl explain` and the editor's completion and hovers all read it. It runs at
 * development time (`npx tsx scripts/generate-schemas.ts`); its output is committed, so `npm ci`
 * never needs it.
 *
 * Source: the kubernetes-types declarations (1.30), turned into JSON Schema by ts-json-schema-generator
 * one kind per run (same-named types such as core/v1 Event and events/v1 Event collide in one run),
 * then folded into one table of types keyed by kubernetes-types module path + name, so a type shared by
 * many kinds (ObjectMeta, PodSpec …) is written once. OVERLAY adds what 1.31–1.35 added (and the
 * `x-kubernetes-*` schema keys kubernetes-types leaves out), so the lab knows the fields a 1.35 API
 * server knows.
 *
 * Outputs:
 *   src/engine/api/openapi/schemas.json       types and fields (the engine imports it at start-up)
 *   src/engine/api/openapi/descriptions.json  doc texts, loaded on demand for explain and hovers
 *   src/ui/editor/kubernetes.schema.json      a JSON Schema for monaco-yaml: a root oneOf over the kinds
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  createFormatter,
  createParser,
  DEFAULT_CONFIG,
  SchemaGenerator,
  type CompletedConfig,
  type Schema,
} from 'ts-json-schema-generator';
import { BUILT_IN_RESOURCES, groupVersion, type ResourceType } from '../src/engine/api/registry.ts';
import {
  openApiName,
  type KindEntry,
  type SchemaFile,
  type TypeDef,
  type TypeNode,
} from '../src/engine/api/openapi/format.ts';
import { OVERLAY_FIELDS, OVERLAY_REMOVED, OVERLAY_TYPES } from './schema-overlay.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES_DIR = join(ROOT, 'node_modules', 'kubernetes-types');
const OUT_SCHEMAS = join(ROOT, 'src', 'engine', 'api', 'openapi', 'schemas.json');
const OUT_DESCRIPTIONS = join(ROOT, 'src', 'engine', 'api', 'openapi', 'descriptions.json');
const OUT_MONACO = join(ROOT, 'src', 'ui', 'editor', 'kubernetes.schema.json');

/** LEAF_TYPES are kubernetes-types aliases the API server decodes specially, kept as named leaves. */
const LEAF_TYPES: Record<string, TypeNode> = {
  'api/resource.Quantity': 'Quantity',
  'meta/v1.Time': 'Time',
  'meta/v1.MicroTime': 'MicroTime',
  // Empty interfaces in kubernetes-types that hold any JSON in the API.
  'apiextensions/v1.JSON': 'any',
  'runtime.RawExtension': 'any',
  'meta/v1.FieldsV1': 'any',
};

/** FLOAT_FIELDS are the float64 fields; kubernetes-types types every number as `number`, the rest are integers. */
const FLOAT_FIELDS = new Set(['apiextensions/v1.JSONSchemaProps.maximum', 'apiextensions/v1.JSONSchemaProps.minimum']);
FLOAT_FIELDS.add('apiextensions/v1.JSONSchemaProps.multipleOf');

/** moduleOf maps an API group and version to its kubernetes-types module path. */
function moduleOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  const dir = type.group === '' ? 'core' : type.group.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '');
  return `${dir.split('.')[0]}/${type.version}`;
}

const importCache = new Map<string, Map<string, string>>();

/** importsOf reads `import { A, B } from "../meta/v1"` lines: which module each imported name comes from. */
function importsOf(module: string): Map<string, string> {
  const cached = importCache.get(module);
  if (cached) return cached;
  const text = readFileSync(join(TYPES_DIR, `${module}.d.ts`), 'utf8');
  const map = new Map<string, string>();
  for (const match of text.matchAll(/^import \{([^}]*)\} from "([^"]+)";/gm)) {
    const from = join(dirname(module), match[2] ?? '').replace(/\\/g, '/');
    for (const name of (match[1] ?? '').split(',').map((n) => n.trim()))
      if (name) map.set(name.split(' as ').pop()?.trim() ?? name, from);
  }
  importCache.set(module, map);
  return map;
}

const programs = new Map<string, ts.Program>();

/**
 * schemaOf runs ts-json-schema-generator for one kind, reusing the TypeScript program of its module.
 * The program holds only kubernetes-types and the ES library: with the DOM library or @types/* in it,
 * `Node` or `Event` would find the DOM's or estree's type instead of the Kubernetes kind.
 */
function schemaOf(module: string, kind: string): Schema {
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    path: join(TYPES_DIR, `${module}.d.ts`),
    type: kind,
    jsDoc: 'extended',
    skipTypeCheck: true,
    topRef: true,
    expose: 'all',
    sortProps: true,
  };
  let program = programs.get(module);
  if (!program) {
    program = ts.createProgram({
      rootNames: [join(TYPES_DIR, `${module}.d.ts`)],
      options: { types: [], lib: ['lib.es2022.d.ts'], noEmit: true, skipLibCheck: true },
    });
    programs.set(module, program);
  }
  const generator = new SchemaGenerator(program, createParser(program, config), createFormatter(config), config);
  return generator.createSchema(kind);
}

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
};

const types: Record<string, TypeDef> = {};
const descriptions: Record<string, Record<string, string>> = {};

/** collect folds one generated schema into `types`, resolving each definition's module as TypeScript does. */
function collect(schema: Schema, rootModule: string, rootName: string): string {
  const definitions = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const resolve = (name: string, fromModule: string): string => {
    const imported = importsOf(fromModule).get(name);
    return `${imported ?? fromModule}.${name}`;
  };
  const visit = (name: string, module: string): string => {
    const key = `${module}.${name}`;
    if (LEAF_TYPES[key] !== undefined || types[key] !== undefined) return key;
    const definition = definitions[name];
    if (!definition) throw new Error(`no definition for ${key}`);
    if (definition.type !== 'object' || !definition.properties) {
      // A type alias such as JSONSchemaPropsOrBool: keep its shape as a node.
      types[key] = { alias: nodeOf(definition, module, key, '') };
      return key;
    }
    const def: TypeDef = { fields: {} };
    types[key] = def;
    const docs: Record<string, string> = {};
    if (definition.description) docs['.'] = definition.description;
    for (const [field, property] of Object.entries(definition.properties)) {
      (def.fields as Record<string, TypeNode>)[field] = nodeOf(property, module, key, field);
      if (property.description) docs[field] = property.description;
    }
    if (definition.required?.length) def.required = [...definition.required].sort();
    if (Object.keys(docs).length) descriptions[key] = docs;
    return key;
  };
  const nodeOf = (s: JsonSchema, module: string, owner: string, field: string): TypeNode => {
    if (s.$ref) {
      const name = decodeURIComponent(s.$ref.replace('#/definitions/', ''));
      const target = resolve(name, module);
      const leaf = LEAF_TYPES[target];
      if (leaf !== undefined) {
        // Kept for the served OpenAPI, where kubectl explain prints a referenced type's description.
        const doc = definitions[name]?.description;
        if (doc && leaf !== 'any') descriptions[target] = { '.': doc };
        return leaf;
      }
      const [targetModule] = splitKey(target);
      return `#${visit(name, targetModule)}`;
    }
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) {
      const kinds = alternatives.map((a) => a.type);
      if (kinds.length === 2 && kinds.includes('number') && kinds.includes('string')) return 'IntOrString';
      return { oneOf: alternatives.map((a) => nodeOf(a, module, owner, field)) };
    }
    if (Array.isArray(s.type)) {
      if (s.type.length === 2 && s.type.includes('number') && s.type.includes('string')) return 'IntOrString';
      return { oneOf: s.type.map((t) => nodeOf({ type: t }, module, owner, field)) };
    }
    switch (s.type) {
      case 'string':
      case 'boolean':
        return s.type;
      case 'number':
      case 'integer':
        return FLOAT_FIELDS.has(`${owner}.${field}`) ? 'number' : 'integer';
      case 'array':
        return { items: s.items ? nodeOf(s.items, module, owner, field) : 'any' };
      case 'object':
        if (s.additionalProperties && typeof s.additionalProperties === 'object')
          return { map: nodeOf(s.additionalProperties, module, owner, field) };
        return 'any';
      default:
        return 'any';
    }
  };
  return visit(rootName, rootModule);
}

function splitKey(key: string): [string, string] {
  const dot = key.lastIndexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/** applyOverlay adds the fields and types kubernetes-types 1.30 lacks and drops those 1.35 removed. */
function applyOverlay(): void {
  for (const [key, overlay] of Object.entries(OVERLAY_TYPES)) {
    types[key] = { fields: {}, ...(overlay.required ? { required: overlay.required } : {}) };
    const docs: Record<string, string> = { '.': overlay.description };
    for (const [field, spec] of Object.entries(overlay.fields)) {
      (types[key].fields as Record<string, TypeNode>)[field] = spec.type;
      docs[field] = spec.description;
    }
    descriptions[key] = docs;
  }
  for (const [key, fields] of Object.entries(OVERLAY_FIELDS)) {
    const def = types[key];
    if (!def?.fields) throw new Error(`overlay: no type ${key}`);
    for (const [field, spec] of Object.entries(fields)) {
      def.fields[field] = spec.type;
      (descriptions[key] ??= {})[field] = spec.description;
    }
  }
  for (const [key, fields] of Object.entries(OVERLAY_REMOVED)) {
    const def = types[key];
    if (!def?.fields) throw new Error(`overlay: no type ${key}`);
    for (const field of fields) {
      delete def.fields[field];
      delete descriptions[key]?.[field];
    }
  }
}

/** dropUnreachable deletes types no kind reaches any more (ClaimSource, once the overlay removed its field). */
function dropUnreachable(roots: string[]): void {
  const seen = new Set<string>();
  const walk = (node: TypeNode): void => {
    if (typeof node === 'string') {
      if (node.startsWith('#')) visitType(node.slice(1));
    } else if ('items' in node) walk(node.items);
    else if ('map' in node) walk(node.map);
    else node.oneOf.forEach(walk);
  };
  const visitType = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const def = types[key];
    if (!def) throw new Error(`dangling reference to ${key}`);
    if (def.alias !== undefined) walk(def.alias);
    for (const node of Object.values(def.fields ?? {})) walk(node);
  };
  roots.forEach(visitType);
  for (const key of Object.keys(types)) {
    if (seen.has(key)) continue;
    delete types[key];
    delete descriptions[key];
  }
}

/** sortKeys orders an object's keys so the committed JSON diffs cleanly between runs. */
function sortKeys<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

// ---------------------------------------------------------------------------------------------------
// monaco-yaml schema

function monacoNode(node: TypeNode, description: string | undefined): Record<string, unknown> {
  const doc = description ? { description } : {};
  if (typeof node === 'string') {
    if (node.startsWith('#')) return { ...doc, allOf: [{ $ref: `#/definitions/${openApiName(node.slice(1))}` }] };
    switch (node) {
      case 'IntOrString':
        return { ...doc, anyOf: [{ type: 'integer' }, { type: 'string' }] };
      case 'Quantity':
        return { ...doc, anyOf: [{ type: 'string' }, { type: 'number' }] };
      case 'Time':
      case 'MicroTime':
        return { ...doc, type: 'string', format: 'date-time' };
      case 'any':
        return { ...doc };
      default:
        return { ...doc, type: node };
    }
  }
  if ('items' in node) return { ...doc, type: 'array', items: monacoNode(node.items, undefined) };
  if ('map' in node) return { ...doc, type: 'object', additionalProperties: monacoNode(node.map, undefined) };
  return { ...doc, anyOf: node.oneOf.map((n) => monacoNode(n, undefined)) };
}

function monacoSchema(kinds: Record<string, KindEntry>): unknown {
  const definitions: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(types)) {
    const docs = descriptions[key] ?? {};
    if (def.alias !== undefined) {
      definitions[openApiName(key)] = monacoNode(def.alias, docs['.']);
      continue;
    }
    const properties: Record<string, unknown> = {};
    for (const [field, node] of Object.entries(def.fields ?? {})) properties[field] = monacoNode(node, docs[field]);
    definitions[openApiName(key)] = {
      type: 'object',
      ...(docs['.'] ? { description: docs['.'] } : {}),
      properties,
      ...(def.required?.length ? { required: def.required } : {}),
      additionalProperties: false,
    };
  }
  const oneOf = Object.values(kinds).map((entry) => {
    const [apiVersion, kind] = [entry.apiVersion, entry.kind];
    const definition = definitions[openApiName(entry.type)] as { properties: Record<string, Record<string, unknown>> };
    // A copy per kind, whose apiVersion and kind enums let the language server pick the kind; the shared
    // definition stays as it is for the places that embed it (a StatefulSet's volumeClaimTemplates).
    const name = `kind.${entry.group || 'core'}.${entry.version}.${kind}`;
    definitions[name] = {
      ...definition,
      properties: {
        ...definition.properties,
        apiVersion: { ...definition.properties.apiVersion, type: 'string', enum: [apiVersion] },
        kind: { ...definition.properties.kind, type: 'string', enum: [kind] },
      },
      required: ['apiVersion', 'kind'],
      'x-kubernetes-group-version-kind': [{ group: entry.group, version: entry.version, kind }],
    };
    return { $ref: `#/definitions/${name}` };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Generated by scripts/generate-schemas.ts from kubernetes-types; do not edit.',
    oneOf,
    definitions: sortKeys(definitions),
  };
}

// ---------------------------------------------------------------------------------------------------

function main(): void {
  const started = Date.now();
  const kinds: Record<string, KindEntry> = {};
  const skipped: string[] = [];
  for (const resource of BUILT_IN_RESOURCES) {
    const module = moduleOf(resource);
    const label = `${groupVersion(resource)}/${resource.kind}`;
    try {
      const schema = schemaOf(module, resource.kind);
      const key = collect(schema, module, resource.kind);
      kinds[label] = {
        apiVersion: groupVersion(resource),
        group: resource.group,
        version: resource.version,
        kind: resource.kind,
        type: key,
      };
      process.stderr.write(`  ${label} → ${key}\n`);
    } catch (error) {
      skipped.push(`${label}: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
  }
  // Types kubernetes-types declares but no 1.30 field reaches; the overlay's fields refer to them.
  for (const [module, name] of [['apiextensions/v1', 'ValidationRule']] as const)
    collect(schemaOf(module, name), module, name);
  applyOverlay();
  dropUnreachable(Object.values(kinds).map((k) => k.type));
  for (const def of Object.values(types)) if (def.fields) def.fields = sortKeys(def.fields);
  const version = (JSON.parse(readFileSync(join(TYPES_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  const file: SchemaFile = {
    source: `kubernetes-types ${version} with the 1.31–1.35 additions of scripts/schema-overlay.ts`,
    kinds: sortKeys(kinds),
    types: sortKeys(types),
  };
  writeFileSync(OUT_SCHEMAS, `${JSON.stringify(file)}\n`);
  writeFileSync(OUT_DESCRIPTIONS, `${JSON.stringify(sortKeys(descriptions))}\n`);
  writeFileSync(OUT_MONACO, `${JSON.stringify(monacoSchema(file.kinds))}\n`);
  for (const line of skipped) process.stderr.write(`  skipped ${line}\n`);
  const size = (path: string) => `${(readFileSync(path).length / 1024).toFixed(0)} KiB`;
  process.stderr.write(
    `${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types in ${((Date.now() - started) / 1000).toFixed(1)}s: ` +
      `schemas.json ${size(OUT_SCHEMAS)}, descriptions.json ${size(OUT_DESCRIPTIONS)}, kubernetes.schema.json ${size(OUT_MONACO)}\n`,
  );
}

main();
