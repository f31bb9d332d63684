import { groupVersion, type ResourceRegistry, type ResourceType } from '../registry.ts';
import type { ApiResponse } from '../types.ts';
import { descriptions, kindEntry, loadedDescriptions, typeDef } from './index.ts';
import { openApiName, type TypeNode } from './format.ts';

/**
 * The /openapi/v3 documents kube-apiserver serves, cut to what clients read from them:
 *
 * - kubectl's query-parameter verifier (k8s.io/cli-runtime resource.queryParamVerifierV3) looks for
 *   the PATCH operation of a kind, marked with `x-kubernetes-group-version-kind`, and its
 *   `fieldValidation` parameter. Without it the real kubectl refuses to apply anything
 *   (`error validating data: failed to download openapi`) unless told --validate=false.
 * - `kubectl explain` reads `components.schemas`, found by `x-kubernetes-group-version-kind`.
 *
 * PATCH operations list no request body, so kubectl computes strategic merge patches from its own
 * compiled-in types, as it did before this document existed.
 */
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';

/** gvPath is how /openapi/v3 names a group-version: `api/v1`, `apis/apps/v1`. */
function gvPath(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? `api/${type.version}` : `apis/${type.group}/${type.version}`;
}

/** openApiV3 answers GET /openapi/v3 and /openapi/v3/<gv>, or undefined for other paths. */
export function openApiV3(path: string, registry: ResourceRegistry): ApiResponse | undefined {
  if (path !== '/openapi/v3' && !path.startsWith('/openapi/v3/')) return undefined;
  const served = registry.all().filter((t) => kindEntry(groupVersion(t), t.kind));
  if (path === '/openapi/v3' || path === '/openapi/v3/') {
    // Loading the descriptions now means they are there when kubectl asks for a group-version next.
    void descriptions();
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const type of served) {
      const gv = gvPath(type);
      paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hashOf(gv)}` };
    }
    return { status: 200, body: { paths } };
  }
  const gv = path.slice('/openapi/v3/'.length).replace(/\/$/, '');
  const types = served.filter((t) => gvPath(t) === gv);
  if (types.length === 0) return undefined;
  return { status: 200, body: gvDocument(types) };
}

/** hashOf stands in for the document hash kubectl uses to cache a group-version's document. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).toUpperCase().padStart(8, '0').repeat(16);
}

function gvDocument(types: ResourceType[]): unknown {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const docs = loadedDescriptions() ?? {};
  const pending: string[] = [];
  const ref = (key: string) => {
    pending.push(key);
    return `#/components/schemas/${openApiName(key)}`;
  };
  const schemaOf = (node: TypeNode): Record<string, unknown> => {
    if (typeof node === 'string') {
      if (node.startsWith('#')) return { $ref: ref(node.slice(1)) };
      switch (node) {
        case 'Quantity':
          return { $ref: `#/components/schemas/${QUANTITY}` };
        case 'IntOrString':
          return { $ref: `#/components/schemas/${INT_OR_STRING}` };
        case 'Time':
          return { $ref: `#/components/schemas/${TIME}` };
        case 'MicroTime':
          return { $ref: `#/components/schemas/${MICRO_TIME}` };
        case 'integer':
          return { type: 'integer', format: 'int64' };
        case 'number':
          return { type: 'number', format: 'double' };
        case 'any':
          return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
        default:
          return { type: node };
      }
    }
    if ('items' in node) return { type: 'array', items: schemaOf(node.items) };
    if ('map' in node) return { type: 'object', additionalProperties: schemaOf(node.map) };
    return { 'x-kubernetes-preserve-unknown-fields': true };
  };
  /** field wraps a reference in allOf, as the API server does, so a description can sit beside it. */
  const field = (node: TypeNode, description: string | undefined): Record<string, unknown> => {
    const schema = schemaOf(node);
    const doc = description ? { description } : {};
    return schema.$ref ? { allOf: [schema], ...doc } : { ...schema, ...doc };
  };
  for (const type of types) {
    const entry = kindEntry(groupVersion(type), type.kind);
    if (!entry) continue;
    pending.push(entry.type);
    if (!type.verbs.includes('patch')) continue;
    const base = `/${gvPath(type)}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.plural}/{name}`;
    paths[base] = {
      patch: {
        description: `partially update the specified ${type.kind}`,
        operationId: `patch${type.kind}`,
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
        })),
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: type.group, version: type.version, kind: type.kind },
      },
    };
  }
  const kinds = new Map(
    types.map((t) => [
      kindEntry(groupVersion(t), t.kind)?.type ?? '',
      { group: t.group, version: t.version, kind: t.kind },
    ]),
  );
  const done = new Set<string>();
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (done.has(key)) continue;
    done.add(key);
    const def = typeDef(key);
    if (!def) continue;
    const typeDocs = docs[key] ?? {};
    if (def.alias !== undefined) {
      schemas[openApiName(key)] = { ...schemaOf(def.alias), ...(typeDocs['.'] ? { description: typeDocs['.'] } : {}) };
      continue;
    }
    const properties: Record<string, unknown> = {};
    for (const [name, node] of Object.entries(def.fields ?? {})) properties[name] = field(node, typeDocs[name]);
    const gvk = kinds.get(key);
    schemas[openApiName(key)] = {
      type: 'object',
      ...(typeDocs['.'] ? { description: typeDocs['.'] } : {}),
      properties,
      ...(def.required?.length ? { required: def.required } : {}),
      ...(gvk ? { 'x-kubernetes-group-version-kind': [gvk] } : {}),
    };
  }
  const leafDoc = (key: string, fallback: string) => ({ description: docs[key]?.['.'] ?? fallback });
  schemas[QUANTITY] = { ...leafDoc('api/resource.Quantity', ''), oneOf: [{ type: 'string' }, { type: 'number' }] };
  schemas[INT_OR_STRING] = {
    description:
      'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  };
  schemas[TIME] = { ...leafDoc('meta/v1.Time', ''), type: 'string', format: 'date-time' };
  schemas[MICRO_TIME] = { ...leafDoc('meta/v1.MicroTime', ''), type: 'string', format: 'date-time' };
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.35.0' },
    paths,
    components: { schemas },
  };
}
