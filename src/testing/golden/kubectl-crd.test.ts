import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleAvailable } from '../oracle.ts';
import { both, expectSameObjects, makeTwins, type Twins } from './kubectl-twins.ts';

/**
 * CustomResourceDefinitions: once a CRD is applied, its kind is served (discovery, CRUD, short
 * names, Tables with additionalPrinterColumns, its schema's defaults and checks), and deleting it
 * takes its objects away — compared with the real kubectl 1.35 on twin clusters.
 */
const FILES = {
  'crd.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer, minimum: 1, default: 1}
              color: {type: string, enum: [red, green, blue]}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Color, type: string, jsonPath: .spec.color, priority: 1}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
`,
  'w1.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 3\n  color: red\n',
  'w2.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w2\nspec:\n  size: 5\n',
  'w3.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w3\nspec:\n  color: green\n',
  'unknown.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: bad\nspec:\n  colour: red\n',
  'invalid.yaml':
    'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: bad\nspec:\n  size: three\n  color: pink\n',
  'small.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: bad\nspec:\n  size: 0\n',
};

const CASES = [
  'get widgets',
  'apply -f crd.yaml',
  'get crd',
  'apply -f w1.yaml',
  'apply -f w1.yaml',
  'create -f w2.yaml',
  'get widgets',
  'get wd -o wide',
  // The CRD's schema: defaults, strict unknown fields, types, enums and minimums.
  'apply -f w3.yaml',
  'get wd w3 -o jsonpath={.spec}',
  'apply -f unknown.yaml',
  'apply -f unknown.yaml --validate=false',
  'get wd bad -o jsonpath={.spec}',
  'delete wd bad',
  'apply -f invalid.yaml',
  'apply -f small.yaml',
  'get widget w1 -o yaml',
  'get widgets.example.com -o name',
  'get wd w2 -o jsonpath={.spec.size}',
  'label wd w1 tier=gold',
  'get wd -l tier=gold',
  `patch wd w2 --type=merge -p '{"spec":{"size":7}}'`,
  'get wd w2 -o jsonpath={.spec.size}',
  'delete wd w2',
  'get wd',
  'delete crd widgets.example.com',
  // (After the delete, the real kubectl's cached discovery still knows widgets for a while, so
  // its next `get widgets` answers NotFound where a fresh kubectl says there is no such type.)
  'get crd',
];

describe.skipIf(!oracleAvailable())('custom resources match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins([], FILES, { lagMs: 30_000 });
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line, undefined, true);
    expect(ours).toEqual(real);
    expectSameObjects(twins, [['customresourcedefinitions.apiextensions.k8s.io', 'widgets.example.com']], '');
  });
});
