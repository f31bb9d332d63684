import { fieldErrors, type FieldError } from './errors.ts';

/**
 * A CRD version's openAPIV3Schema applied to its custom resources, as the apiextensions server does
 * with structural schemas: unknown fields (those no `properties` declares, unless
 * `x-kubernetes-preserve-unknown-fields` or `additionalProperties` allows them) are reported for
 * strict field validation and pruned otherwise; `default`s fill missing fields; types, `required`,
 * `enum`, `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, `minItems`/`maxItems` are
 * checked with kube-openapi's messages. apiVersion, kind and metadata at the root are the API's.
 */
export interface StructuralSchema {
  type?: string;
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: StructuralSchema | boolean;
  items?: StructuralSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** unknownCustomFields lists (and, when prune is set, removes) the fields the schema does not know. */
export function unknownCustomFields(schema: StructuralSchema, object: unknown, prune: boolean): string[] {
  const found: string[] = [];
  const walk = (value: unknown, node: StructuralSchema | undefined, path: string, root: boolean) => {
    if (!node || node['x-kubernetes-preserve-unknown-fields']) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, node.items, `${path}[${i}]`, false));
      return;
    }
    if (!isObject(value)) return;
    for (const name of Object.keys(value)) {
      if (root && ROOT_FIELDS.has(name)) continue;
      const child = node.properties?.[name];
      if (child) walk(value[name], child, join(path, name), false);
      else if (typeof node.additionalProperties === 'object')
        walk(value[name], node.additionalProperties, join(path, name), false);
      else if (node.additionalProperties !== true) {
        found.push(join(path, name));
        if (prune) delete value[name];
      }
    }
  };
  walk(object, schema, '', true);
  return found;
}

/** applyCustomDefaults fills `default`s where a declared field is missing, parents before children. */
export function applyCustomDefaults(schema: StructuralSchema, object: unknown): void {
  const walk = (value: unknown, node: StructuralSchema | undefined) => {
    if (!node) return;
    if (Array.isArray(value)) return value.forEach((item) => walk(item, node.items));
    if (!isObject(value) || !node.properties) return;
    for (const [name, child] of Object.entries(node.properties)) {
      if (value[name] === undefined && child.default !== undefined) value[name] = structuredClone(child.default);
      walk(value[name], child);
    }
  };
  walk(object, schema);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fits(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}

/** validateCustomResource checks an object against the schema, giving the API server's field errors. */
export function validateCustomResource(schema: StructuralSchema, object: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (value: unknown, node: StructuralSchema | undefined, path: string, root: boolean) => {
    if (!node) return;
    if (value === null && node.nullable) return;
    const intOrString = node['x-kubernetes-int-or-string'];
    if (node.type && !intOrString && !fits(node.type, value)) {
      errors.push({
        type: 'FieldValueTypeInvalid',
        field: path,
        message: `Invalid value: "${typeName(value)}": ${path} in body must be of type ${node.type}: ${shown(value)}`,
      });
      return;
    }
    if (node.enum && !node.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
      errors.push(
        fieldErrors.notSupported(
          path,
          value,
          node.enum.map((e) => String(e)),
        ),
      );
    if (typeof value === 'number') {
      if (node.minimum !== undefined && value < node.minimum)
        errors.push(
          fieldErrors.invalid(path, value, `${path} in body should be greater than or equal to ${node.minimum}`),
        );
      if (node.maximum !== undefined && value > node.maximum)
        errors.push(
          fieldErrors.invalid(path, value, `${path} in body should be less than or equal to ${node.maximum}`),
        );
    }
    if (typeof value === 'string') {
      if (node.minLength !== undefined && value.length < node.minLength)
        errors.push(
          fieldErrors.invalid(path, value, `${path} in body should be at least ${node.minLength} chars long`),
        );
      if (node.maxLength !== undefined && value.length > node.maxLength)
        errors.push({
          type: 'FieldValueTooLong',
          field: path,
          message: `Too long: may not be more than ${node.maxLength} bytes`,
        });
      if (node.pattern !== undefined) {
        let matches = true;
        try {
          matches = new RegExp(node.pattern).test(value);
        } catch {
          matches = true;
        }
        if (!matches) errors.push(fieldErrors.invalid(path, value, `${path} in body should match '${node.pattern}'`));
      }
    }
    if (Array.isArray(value)) {
      if (node.minItems !== undefined && value.length < node.minItems)
        errors.push(fieldErrors.invalid(path, value, `${path} in body should have at least ${node.minItems} items`));
      if (node.maxItems !== undefined && value.length > node.maxItems)
        errors.push({
          type: 'FieldValueTooMany',
          field: path,
          message: `Too many: ${value.length}: must have at most ${node.maxItems} items`,
        });
      value.forEach((item, i) => walk(item, node.items, `${path}[${i}]`, false));
      return;
    }
    if (!isObject(value)) return;
    for (const name of node.required ?? [])
      if (value[name] === undefined) errors.push(fieldErrors.required(join(path, name)));
    // Properties in name order: the API server's schema is a Go map, and its errors come sorted.
    for (const [name, child] of Object.entries(node.properties ?? {}).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      if (root && ROOT_FIELDS.has(name)) continue;
      if (value[name] !== undefined) walk(value[name], child, join(path, name), false);
    }
    if (typeof node.additionalProperties === 'object')
      for (const [name, child] of Object.entries(value))
        if (!node.properties?.[name] && !(root && ROOT_FIELDS.has(name)))
          walk(child, node.additionalProperties, join(path, name), false);
  };
  walk(object, schema, '', true);
  return errors;
}
