import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster.ts';
import { BUILT_IN_RESOURCES, groupVersion } from '../registry.ts';
import type { TypeNode } from './format.ts';
import { explain, kindEntry, typeDef, typeName, unknownFields, type ExplainNode } from './index.ts';
import { ResourceRegistry } from '../registry.ts';
import { openApiV3 } from './v3.ts';
import { decodeFailure, goFormat, goQuote, patchFailure, strictDecodingError } from './strict.ts';

/**
 * Strict field validation as kube-apiserver's decoder reports it (sigs.k8s.io/json UnmarshalStrict):
 * unknown fields by their full path, arrays indexed, case-sensitive, in document order.
 */
const pod = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx', ...container }], ...extra },
});

const deployment = (podSpec: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx' }], ...podSpec },
    },
    ...spec,
  },
});

describe('unknownFields', () => {
  it.each([
    ['a typo in a container', pod({ imagee: 'nginx' }), ['spec.containers[0].imagee']],
    ['a typo in metadata', { ...pod({}), metadata: { name: 'web', labelss: { a: 'b' } } }, ['metadata.labelss']],
    ['a misplaced top-level field', { ...pod({}), specc: {} }, ['specc']],
    [
      'a field in the wrong case (the decoder is case-sensitive)',
      pod({ Image: 'nginx' }),
      ['spec.containers[0].Image'],
    ],
    [
      'the course notes: pullPolicy for imagePullPolicy, volumeMount for volumeMounts',
      pod({ pullPolicy: 'IfNotPresent', volumeMount: [{ name: 'v', mountPath: '/datos' }] }),
      ['spec.containers[0].pullPolicy', 'spec.containers[0].volumeMount'],
    ],
    [
      'a field of a second container and of a volume',
      pod(
        {},
        {
          containers: [
            { name: 'a', image: 'x' },
            { name: 'b', image: 'y', portss: [] },
          ],
          volumes: [{ name: 'v', emptyDir: { mediumm: 'Memory' } }],
        },
      ),
      ['spec.containers[1].portss', 'spec.volumes[0].emptyDir.mediumm'],
    ],
    [
      'an init container',
      pod({}, { initContainers: [{ name: 'init', image: 'busybox', commands: ['true'] }] }),
      ['spec.initContainers[0].commands'],
    ],
    [
      'a probe',
      pod({ livenessProbe: { httpGet: { path: '/', port: 80 }, periodSecond: 5 } }),
      ['spec.containers[0].livenessProbe.periodSecond'],
    ],
    ['env with a typo', pod({ env: [{ name: 'A', valeu: 'b' }] }), ['spec.containers[0].env[0].valeu']],
    [
      'maps take any key: labels, resources, nodeSelector',
      pod(
        { resources: { limits: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': 1 } } },
        { nodeSelector: { disk: 'ssd' } },
      ),
      [],
    ],
    ['null values are fine', pod({ command: null }, { volumes: null }), []],
    ['a value of the wrong type is left to the type checks', pod({ env: 'A=b' }, { containers: { name: 'x' } }), []],
    [
      'status fields are known, including 1.33+ ones',
      {
        ...pod({}),
        status: {
          phase: 'Running',
          observedGeneration: 1,
          conditions: [{ type: 'Ready', status: 'True', observedGeneration: 1 }],
        },
      },
      [],
    ],
    [
      'a Deployment template',
      deployment({ containers: [{ name: 'web', imagee: 'nginx' }] }),
      ['spec.template.spec.containers[0].imagee'],
    ],
    [
      'a Deployment template label typo',
      {
        ...deployment({}),
        spec: { ...deployment({}).spec, template: { metadata: { labelss: {} }, spec: { containers: [] } } },
      },
      ['spec.template.metadata.labelss'],
    ],
    [
      'a Deployment spec typo',
      deployment({}, { replica: 3, strategy: { rollingUpdate: { maxSurg: 1 } } }),
      ['spec.replica', 'spec.strategy.rollingUpdate.maxSurg'],
    ],
    [
      'a Service port typo',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { selectors: { app: 'web' }, ports: [{ port: 80, targetport: 8080 }] },
      },
      ['spec.selectors', 'spec.ports[0].targetport'],
    ],
    [
      'a Service with an int-or-string targetPort',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      },
      [],
    ],
    [
      'a ConfigMap: any key under data, a typo beside it',
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c' },
        data: { 'nginx.conf': 'x', KEY: 'v' },
        datas: {},
      },
      ['datas'],
    ],
    [
      'a Secret with stringData',
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', stringData: { password: 'x' } },
      [],
    ],
    [
      'a StatefulSet volumeClaimTemplate',
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          serviceName: 'db',
          template: { spec: { containers: [] } },
          volumeClaimTemplates: [
            { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resourcess: {} } },
          ],
        },
      },
      ['spec.volumeClaimTemplates[0].spec.resourcess'],
    ],
    [
      'a CRD: x-kubernetes-* keys are known, property names are map keys',
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'dbs.example.com' },
        spec: {
          group: 'example.com',
          names: { kind: 'Db', plural: 'dbs' },
          scope: 'Namespaced',
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: {
                  type: 'object',
                  'x-kubernetes-preserve-unknown-fields': true,
                  properties: { spec: { type: 'object', propertiez: {} } },
                },
              },
            },
          ],
        },
      },
      ['spec.versions[0].schema.openAPIV3Schema.properties.spec.propertiez'],
    ],
    [
      'a kind without a schema (a custom resource)',
      { apiVersion: 'example.com/v1', kind: 'Db', spec: { anything: 1 } },
      [],
    ],
  ])('%s', (_name, object, expected) => {
    const { apiVersion, kind } = object as { apiVersion: string; kind: string };
    expect(unknownFields(apiVersion, kind, object)).toEqual(expected);
  });

  it('prunes what it reports, as decoding into Go structs does under Warn and Ignore', () => {
    const object = pod({ imagee: 'nginx' }, { restartPolicyy: 'Never' });
    expect(unknownFields('v1', 'Pod', object, { prune: true })).toEqual([
      'spec.containers[0].imagee',
      'spec.restartPolicyy',
    ]);
    expect(object.spec).toEqual({ containers: [{ name: 'web', image: 'nginx' }] });
  });

  it('stops at 100 errors and reports each path once, like sigs.k8s.io/json', () => {
    const containers = Array.from({ length: 120 }, (_, i) => ({ name: `c${i}`, image: 'x', imagee: 'x' }));
    const found = unknownFields('v1', 'Pod', { spec: { containers } });
    expect(found).toHaveLength(100);
    expect(found[99]).toBe('spec.containers[99].imagee');
  });
});

/** sampleOf fills every field of a type (to a depth), so each kind's full example can be checked. */
function sampleOf(node: TypeNode, depth: number): unknown {
  if (typeof node === 'string') {
    if (node.startsWith('#')) {
      const def = typeDef(node.slice(1));
      if (!def || depth > 7) return {};
      if (def.alias !== undefined) return sampleOf(def.alias, depth);
      return Object.fromEntries(Object.entries(def.fields ?? {}).map(([k, v]) => [k, sampleOf(v, depth + 1)]));
    }
    const leaves: Record<string, unknown> = {
      string: 'x',
      integer: 1,
      number: 0.5,
      boolean: true,
      IntOrString: 80,
      Quantity: '1Gi',
      Time: '2025-01-01T00:00:00Z',
      MicroTime: '2025-01-01T00:00:00.000000Z',
      any: { anything: [1, 'a'] },
    };
    return leaves[node];
  }
  if ('items' in node) return [sampleOf(node.items, depth)];
  if ('map' in node) return { 'some-key': sampleOf(node.map, depth) };
  return sampleOf(node.oneOf[0] ?? 'any', depth);
}

describe('every served kind has a schema', () => {
  // metrics.k8s.io is computed, not written; the CSI snapshot kinds come from CRDs kubernetes-types does not
  // describe, so their fields are not checked (as with any CRD without an openAPIV3Schema).
  const kinds = BUILT_IN_RESOURCES.filter(
    (t) => !t.group.startsWith('metrics.') && t.group !== 'snapshot.storage.k8s.io',
  );

  it.each(kinds.map((t) => [`${groupVersion(t)} ${t.kind}`, groupVersion(t), t.kind]))(
    '%s: a full example passes, a typo in it is reported',
    (_label, apiVersion, kind) => {
      const entry = kindEntry(apiVersion, kind);
      expect(entry).toBeDefined();
      const example = sampleOf(`#${entry?.type ?? ''}`, 0) as Record<string, unknown>;
      expect(Object.keys(example)).toContain('metadata');
      expect(unknownFields(apiVersion, kind, example)).toEqual([]);
      (example.metadata as Record<string, unknown>).namee = 'x';
      expect(unknownFields(apiVersion, kind, example)).toEqual(['metadata.namee']);
    },
  );

  it('the engine itself writes no unknown fields (they would be dropped, and a Strict patch would fail)', async () => {
    const cluster = createCluster({});
    // Controllers, the scheduler and kubelets write without fieldValidation, so the server warns.
    const warnings: string[] = [];
    let writes = 0;
    const handle = cluster.server.handle.bind(cluster.server);
    cluster.server.handle = (request) => {
      const response = handle(request);
      if (request.verb !== 'GET') writes++;
      for (const warning of response.warnings ?? []) warnings.push(`${request.verb} ${request.path}: ${warning}`);
      return response;
    };
    const post = (path: string, body: unknown) =>
      cluster.request({ verb: 'POST', path, body, query: { fieldValidation: 'Strict' } });
    const created = await Promise.all([
      post('/apis/apps/v1/namespaces/default/deployments', deployment({})),
      post('/api/v1/namespaces/default/services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }], type: 'NodePort' },
      }),
      post('/api/v1/namespaces/default/persistentvolumeclaims', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      }),
      post('/apis/batch/v1/namespaces/default/jobs', {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'once' },
        spec: {
          template: {
            spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] },
          },
        },
      }),
      post('/api/v1/namespaces/default/pods', pod({}, { containers: [{ name: 'c', image: 'fedora' }] })),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    await cluster.advance(3 * 60_000);
    const snapshot = cluster.snapshot() as unknown as {
      store: { objects: Record<string, { apiVersion: string; kind: string }[]> };
    };
    const found: string[] = [];
    for (const [resource, objects] of Object.entries(snapshot.store.objects))
      for (const object of objects)
        for (const path of unknownFields(object.apiVersion, object.kind, object)) found.push(`${resource}: ${path}`);
    expect(found).toEqual([]);
    expect(warnings).toEqual([]);
    expect(writes).toBeGreaterThan(50);
    expect(Object.keys(snapshot.store.objects).length).toBeGreaterThan(10);
  });
});

describe('explain', () => {
  it('describes a kind with its fields, types and required flags', async () => {
    const node = (await explain('v1', 'Pod', [])) as ExplainNode;
    expect(node.type).toBe('Pod');
    expect(node.description).toMatch(/^Pod is a collection of containers/);
    expect(node.fields?.map((f) => [f.name, f.type])).toEqual([
      ['apiVersion', 'string'],
      ['kind', 'string'],
      ['metadata', 'ObjectMeta'],
      ['spec', 'PodSpec'],
      ['status', 'PodStatus'],
    ]);
  });

  it('walks into lists and maps, as kubectl explain pods.spec.containers does', async () => {
    const containers = (await explain('v1', 'Pod', ['spec', 'containers'])) as ExplainNode;
    expect(containers.type).toBe('[]Container');
    expect(containers.description).toMatch(/List of containers belonging to the pod/);
    const name = containers.fields?.find((f) => f.name === 'name');
    expect(name).toMatchObject({ type: 'string', required: true });
    expect(containers.fields?.find((f) => f.name === 'restartPolicyRules')?.type).toBe('[]ContainerRestartRule');
    const limits = (await explain('apps/v1', 'Deployment', [
      'spec',
      'template',
      'spec',
      'containers',
      'resources',
      'limits',
    ])) as ExplainNode;
    expect(limits.type).toBe('map[string]Quantity');
    expect(limits.fields).toBeUndefined();
    const labels = (await explain('v1', 'Pod', ['metadata', 'labels'])) as ExplainNode;
    expect(labels.type).toBe('map[string]string');
    const targetPort = (await explain('v1', 'Service', ['spec', 'ports', 'targetPort'])) as ExplainNode;
    expect(targetPort.type).toBe('IntOrString');
    const created = (await explain('v1', 'Pod', ['metadata', 'creationTimestamp'])) as ExplainNode;
    expect(created.type).toBe('string');
  });

  it('says which field does not exist', async () => {
    expect(await explain('v1', 'Pod', ['spec', 'containerz'])).toEqual({ error: 'field "containerz" does not exist' });
    expect(await explain('example.com/v1', 'Db', [])).toBeUndefined();
  });

  it('names types as kubectl explain does', () => {
    expect(typeName({ items: '#core/v1.Container' })).toBe('[]Container');
    expect(typeName({ map: { items: 'string' } })).toBe('map[string][]string');
    expect(typeName('#apiextensions/v1.JSONSchemaPropsOrBool')).toBe('Object');
    expect(typeName('any')).toBe('Object');
  });
});

describe('strict decoding texts', () => {
  it('a create or update body: 400 "cannot be handled as a"', () => {
    expect(decodeFailure('Deployment', 'v1', ['spec.template.spec.containers[0].imagee']).message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
    );
    expect(strictDecodingError(['a', 'b'])).toBe('strict decoding error: unknown field "a", unknown field "b"');
  });

  it('a patch: 422 Invalid on the field patch, with the patch printed as a Go map', () => {
    const patch = { spec: { containers: [{ name: 'web', imagee: 'x' }], replicas: 2, paused: false, x: null } };
    const status = patchFailure(goFormat(patch), ['spec.containers[0].imagee']);
    expect(status.code).toBe(422);
    expect(status.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'patch',
        message:
          'Invalid value: "map[spec:map[containers:[map[imagee:x name:web]] paused:false replicas:2 x:<nil>]]": strict decoding error: unknown field "spec.containers[0].imagee"',
      },
    ]);
  });

  it('quotes as Go does', () => {
    expect(goQuote('a"b\\c\nd\u0001é')).toBe('"a\\"b\\\\c\\nd\\x01é"');
    expect(goFormat({ f: 0.00001, g: 1.5, h: 1e21 })).toBe('map[f:1e-05 g:1.5 h:1e+21]');
  });
});

describe('/openapi/v3', () => {
  const registry = new ResourceRegistry();

  it('lists a document per group-version, as kubectl expects to find them', () => {
    const index = openApiV3('/openapi/v3', registry)?.body as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['api/v1']?.serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]+$/);
    expect(Object.keys(index.paths)).toContain('apis/apps/v1');
    expect(openApiV3('/openapi/v3/apis/nope/v1', registry)).toBeUndefined();
    expect(openApiV3('/api/v1/pods', registry)).toBeUndefined();
  });

  it('marks each PATCH with its kind and the fieldValidation parameter, and serves the schemas', () => {
    const doc = openApiV3('/openapi/v3/apis/apps/v1', registry)?.body as {
      paths: Record<string, { patch: { parameters: { name: string; in: string }[]; [k: string]: unknown } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; [k: string]: unknown }> };
    };
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch;
    expect(patch?.['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch?.parameters).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query' }));
    const deployment = doc.components.schemas['io.k8s.api.apps.v1.Deployment'];
    expect(deployment?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', version: 'v1', kind: 'Deployment' },
    ]);
    expect(deployment?.properties?.spec).toEqual(
      expect.objectContaining({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }] }),
    );
    expect(doc.components.schemas['io.k8s.api.core.v1.PodSpec']).toBeDefined();
  });
});
