import { describe, expect, it } from 'vitest';
import {
  applyCustomDefaults,
  unknownCustomFields,
  validateCustomResource,
  type StructuralSchema,
} from './crdschema.ts';

const SCHEMA: StructuralSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['color'],
      properties: {
        size: { type: 'integer', minimum: 1, default: 1 },
        color: { type: 'string', enum: ['red', 'green'] },
        port: { 'x-kubernetes-int-or-string': true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        items: { type: 'array', maxItems: 2, items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
  },
};

const widget = (spec: unknown) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

describe('custom resources against their structural schema', () => {
  it('reports and prunes fields no property declares, but keeps preserved and additional ones', () => {
    const object = widget({
      color: 'red',
      colour: 'x',
      extra: { anything: 1 },
      labels: { a: 'b' },
      items: [{ name: 'a', nme: 'b' }],
    });
    expect(unknownCustomFields(SCHEMA, structuredClone(object), false)).toEqual(['spec.colour', 'spec.items[0].nme']);
    unknownCustomFields(SCHEMA, object, true);
    expect(object.spec).toEqual({ color: 'red', extra: { anything: 1 }, labels: { a: 'b' }, items: [{ name: 'a' }] });
  });

  it('fills defaults', () => {
    const object = widget({ color: 'red' });
    applyCustomDefaults(SCHEMA, object);
    expect(object.spec).toEqual({ color: 'red', size: 1 });
  });

  it('checks types, enums, minimums, required fields and list lengths in the API server words', () => {
    const errors = validateCustomResource(
      SCHEMA,
      widget({ size: 'three', color: 'pink', port: 'http', items: [{}, {}, {}] }),
    );
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'spec.color: Unsupported value: "pink": supported values: "red", "green"',
      'spec.items: Too many: 3: must have at most 2 items',
      'spec.size: Invalid value: "string": spec.size in body must be of type integer: "three"',
    ]);
    expect(validateCustomResource(SCHEMA, widget({ size: 0 })).map((e) => `${e.field}: ${e.message}`)).toEqual([
      'spec.color: Required value',
      'spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1',
    ]);
  });
});
