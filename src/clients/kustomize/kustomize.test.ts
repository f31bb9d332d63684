import { describe, expect, it } from 'vitest';
import { buildKustomization, kustomizeYaml } from './build.ts';
import type { FileAccess } from './files.ts';
import { envPairs } from './generators.ts';
import { hashResource } from './hasher.ts';
import { fixNameReferences } from './namereference.ts';
import { makeResource, nameOf, storePreviousId, type KObject, type Resource } from './resource.ts';
import { strategicMerge } from './strategicmerge.ts';
import { addLabels, splitImage, updateImage } from './transformers.ts';

/** memoryFiles is a workspace of files, as the browser gives kustomize. */
function memoryFiles(files: Record<string, string>): FileAccess {
  return {
    readFile: (path) => files[path],
    listDir: (path) => {
      const prefix = path === '.' ? '' : `${path}/`;
      const inside = Object.keys(files).filter((f) => f.startsWith(prefix));
      return inside.length ? inside : undefined;
    },
  };
}

function renamed(object: KObject, name: string): Resource {
  const r = makeResource(object);
  storePreviousId(r);
  (r.object.metadata as KObject).name = name;
  return r;
}

describe('hasher: the content hash of generated ConfigMaps and Secrets', () => {
  it.each([
    [
      'a ConfigMap hashes its data, never its name',
      { kind: 'ConfigMap', metadata: { name: 'dev-cfg' }, data: { a: '1', b: 'hello world' } },
      '4mc96h7k26',
    ],
    ['a ConfigMap without data hashes "" for data', { kind: 'ConfigMap', metadata: { name: 'empty' } }, '6ct58987ht'],
    [
      'a Secret hashes its type and base64 data',
      { kind: 'Secret', type: 'Opaque', metadata: { name: 's' }, data: { p: 'cQ==' } },
      'hb2dth72f6',
    ],
  ])('%s', (_rule, object, hash) => {
    expect(hashResource(object)).toBe(hash);
  });
});

describe('generators: env files', () => {
  it('reads KEY=value lines, keeps quotes and later equals signs, skips comments and blanks', () => {
    expect(envPairs('# c\nA=1\n\n  B="two words"\nC=x=y\nD\n')).toEqual([
      ['A', '1'],
      ['B', '"two words"'],
      ['C', 'x=y'],
      ['D', ''],
    ]);
  });
});

describe('name references follow renamed referrals', () => {
  it('points a pod template at the renamed ConfigMap, Secret and ServiceAccount', () => {
    const cm = renamed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } }, 'cfg-h4sh');
    const secret = renamed({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' } }, 'x-db');
    const sa = renamed({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'runner' } }, 'x-runner');
    const deployment = makeResource({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        template: {
          spec: {
            serviceAccountName: 'runner',
            containers: [
              {
                name: 'c',
                envFrom: [{ configMapRef: { name: 'cfg' } }],
                env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'p' } } }],
              },
            ],
            volumes: [
              { name: 'v', configMap: { name: 'cfg' } },
              { name: 'other', configMap: { name: 'unrelated' } },
            ],
          },
        },
      },
    });
    fixNameReferences([cm, secret, sa, deployment]);
    const spec = (deployment.object.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(spec).toMatchObject({
      serviceAccountName: 'x-runner',
      containers: [
        { envFrom: [{ configMapRef: { name: 'cfg-h4sh' } }], env: [{ valueFrom: { secretKeyRef: { name: 'x-db' } } }] },
      ],
      volumes: [{ configMap: { name: 'cfg-h4sh' } }, { configMap: { name: 'unrelated' } }],
    });
  });

  it('updates RoleBinding subjects with the ServiceAccount name and namespace', () => {
    const sa = renamed(
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'prod' } },
      'p-sa',
    );
    const rb = makeResource({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'rb', namespace: 'prod' },
      subjects: [{ kind: 'ServiceAccount', name: 'sa' }],
    });
    fixNameReferences([sa, rb]);
    expect(rb.object.subjects).toEqual([{ kind: 'ServiceAccount', name: 'p-sa', namespace: 'prod' }]);
  });

  it('leaves a reference alone when the referral lives in another namespace', () => {
    const cm = renamed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'a' } }, 'x-cfg');
    const pod = makeResource({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'b' },
      spec: { volumes: [{ name: 'v', configMap: { name: 'cfg' } }] },
    });
    fixNameReferences([cm, pod]);
    expect(nameOf(cm.object)).toBe('x-cfg');
    expect((pod.object.spec as { volumes: { configMap: { name: string } }[] }).volumes[0]?.configMap.name).toBe('cfg');
  });
});

describe('labels: commonLabels reach selectors and templates, labels only metadata unless asked', () => {
  const deployment = () =>
    makeResource({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { metadata: { labels: { app: 'd' } }, spec: {} } },
    });
  it('commonLabels create spec.selector.matchLabels and pod template labels', () => {
    const d = deployment();
    addLabels([d], undefined, { team: 'a' });
    expect(d.object).toMatchObject({
      metadata: { labels: { team: 'a' } },
      spec: { selector: { matchLabels: { team: 'a' } }, template: { metadata: { labels: { app: 'd', team: 'a' } } } },
    });
  });
  it('labels without includeSelectors touch metadata only; includeTemplates adds the template', () => {
    const d = deployment();
    addLabels([d], [{ pairs: { a: '1' } }, { pairs: { b: '2' }, includeTemplates: true }], undefined);
    expect(d.object.metadata).toEqual({ name: 'd', labels: { a: '1', b: '2' } });
    expect(d.object.spec).toEqual({ template: { metadata: { labels: { app: 'd', b: '2' } }, spec: {} } });
  });
});

describe('images', () => {
  it.each([
    ['nginx', { name: 'nginx', tag: '', digest: '' }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25', digest: '' }],
    ['registry:5000/app:v1', { name: 'registry:5000/app', tag: 'v1', digest: '' }],
    ['app@sha256:abc', { name: 'app', tag: '', digest: 'sha256:abc' }],
  ])('splits %s', (image, parts) => {
    expect(splitImage(image)).toEqual(parts);
  });
  it('a new tag drops a digest; a name must match whole', () => {
    expect(updateImage('nginx@sha256:abc', { name: 'nginx', newTag: '1.27' })).toBe('nginx:1.27');
    expect(updateImage('nginx-exporter:1', { name: 'nginx', newTag: '2' })).toBe('nginx-exporter:1');
    expect(updateImage('busybox', { name: 'busybox', newName: 'r.io/busybox', digest: 'sha256:1' })).toBe(
      'r.io/busybox@sha256:1',
    );
  });
});

describe('strategic merge as kyaml merges', () => {
  it('puts the patch elements first, then the target elements it did not name', () => {
    const merged = strategicMerge(
      { kind: 'Deployment', apiVersion: 'apps/v1', spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } },
      { spec: { containers: [{ name: 'new' }, { name: 'b', image: 'y' }] } },
    );
    expect(merged?.spec).toEqual({
      containers: [{ name: 'new' }, { name: 'b', image: 'y' }, { name: 'a', image: 'x' }],
    });
  });
  it('merges Service ports by port and deletes with $patch and null', () => {
    const merged = strategicMerge(
      {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { labels: { a: 'b' } },
        spec: { ports: [{ port: 80, targetPort: 1 }, { port: 81 }] },
      },
      {
        metadata: { labels: null },
        spec: {
          ports: [
            { port: 81, $patch: 'delete' },
            { port: 80, targetPort: 2 },
          ],
        },
      },
    );
    expect(merged).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: {},
      spec: { ports: [{ port: 80, targetPort: 2 }] },
    });
  });
  it('replaces lists without a merge key', () => {
    const merged = strategicMerge(
      { kind: 'Pod', apiVersion: 'v1', spec: { args: ['a', 'b'] } },
      { spec: { args: ['c'] } },
    );
    expect(merged?.spec).toEqual({ args: ['c'] });
  });
});

describe('buildKustomization over a workspace', () => {
  it('builds an overlay with a generated, prefixed and hashed ConfigMap', () => {
    const result = buildKustomization(
      memoryFiles({
        'base/kustomization.yaml': 'configMapGenerator:\n- name: cfg\n  literals: [a=1, b=hello world]\n',
        'dev/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: dev-\n',
      }),
      'dev',
    );
    expect(result.ok && kustomizeYaml(result.objects)).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  b: hello world\nkind: ConfigMap\nmetadata:\n  name: dev-cfg-4mc96h7k26\n',
    );
  });
  it('reports a missing kustomization in kustomize words', () => {
    const result = buildKustomization(memoryFiles({ 'a/x.yaml': 'x: 1\n' }), 'a');
    expect(result).toEqual({
      ok: false,
      warnings: [],
      error: "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory 'a'",
    });
  });
});
