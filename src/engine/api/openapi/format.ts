/**
 * The shape of schemas.json, written by scripts/generate-schemas.ts. Types are keyed by their
 * kubernetes-types module path and name (`core/v1.PodSpec`, `meta/v1.ObjectMeta`), so a type shared by
 * many kinds is stored once.
 */

/**
 * TypeNode is a field's type. Leaves name the JSON type, or the API types the decoder treats specially:
 * `IntOrString` (a number or a string), `Quantity` (a string or a number), `Time`/`MicroTime` (RFC 3339
 * strings), `any` (RawExtension, JSON, FieldsV1: anything goes). `#core/v1.PodSpec` refers to a type;
 * `{items}` is a list, `{map}` a map with string keys, `{oneOf}` a union such as JSONSchemaPropsOrBool.
 */
export type LeafType =
  'string' | 'integer' | 'number' | 'boolean' | 'IntOrString' | 'Quantity' | 'Time' | 'MicroTime' | 'any';

export type TypeRef = `#${string}`;

export type TypeNode = LeafType | TypeRef | { items: TypeNode } | { map: TypeNode } | { oneOf: TypeNode[] };

/** TypeDef is a struct (`fields`, `required`) or, for a type alias such as JSONSchemaPropsOrBool, `alias`. */
export interface TypeDef {
  fields?: Record<string, TypeNode>;
  required?: string[];
  alias?: TypeNode;
}

/** KindEntry ties a served kind to its type. */
export interface KindEntry {
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
  type: string;
}

export interface SchemaFile {
  source: string;
  /** Keyed by `apiVersion/kind`: `v1/Pod`, `apps/v1/Deployment`. */
  kinds: Record<string, KindEntry>;
  types: Record<string, TypeDef>;
}

/** Descriptions are keyed by type, then field; `.` is the type's own description. */
export type DescriptionFile = Record<string, Record<string, string>>;

/**
 * openApiName names a type as the API server's OpenAPI does (`io.k8s.api.core.v1.Pod`), so the editor
 * schema and the served /openapi/v3 documents use the names kubectl and other tools expect.
 */
export function openApiName(key: string): string {
  const dot = key.lastIndexOf('.');
  const module = key.slice(0, dot);
  const prefix: Record<string, string> = {
    'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
    'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
    runtime: 'io.k8s.apimachinery.pkg.runtime',
  };
  return `${prefix[module] ?? `io.k8s.api.${module.replace('/', '.')}`}.${key.slice(dot + 1)}`;
}
