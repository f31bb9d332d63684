import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../cli/serve.ts';
import { runKubectl } from '../../clients/kubectl/index.ts';
import { createCluster } from '../../engine/index.ts';
import { oracleAvailable, runOracleAsync } from '../oracle.ts';
import { both, context, makeTwins, words, type Twins } from './kubectl-twins.ts';

/**
 * `kubectl get -f FILE|DIR|-` and `get -k DIR` compared with the real kubectl 1.35 on twin clusters:
 * tables per kind (merged when consecutive manifests share a kind, `kind/name` when kinds mix),
 * every output format, one file or a kustomization implying a single object, the errors kubectl
 * collects per object (NotFound, unknown kinds, no namespace under -A, -n against the file's), and
 * `-w` over files. Then --template and template files on the commands that change objects, and
 * `get -w` with each non-table output format while a pod starts.
 */
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const FILES: Record<string, string> = {
  'pod.yaml': `${POD}spec:\n  containers:\n  - name: web\n    image: nginx\n`,
  'mix.yaml':
    `${POD}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n---\n` +
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: nope\n',
  'two.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n  namespace: other\n',
  'two-nons.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n',
  'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n',
  'pods.yaml': `${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: nope1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope2\n`,
  'pair.yaml': `${POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n`,
  'weird.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
  'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n',
  'dir/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n',
  'dir/b.yaml': POD,
  'dir/c.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nope\n',
  'dir/sub/d.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n',
  'k/kustomization.yaml': 'resources:\n- cm.yaml\nnamespace: other\n',
  'k/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n',
  't.tmpl': 'name={{.metadata.name}}\n',
};
const SETUP = [
  'run web --image=nginx',
  'create deployment api --image=nginx',
  'create configmap one --from-literal=A=1',
  'create namespace other',
  'create configmap two -n other --from-literal=B=2',
  'advance 30s',
];

const CASES: (string | { line: string; stdin: string })[] = [
  'get -f pod.yaml',
  'get -f pod.yaml -o json',
  'get -f pod.yaml -o yaml',
  'get -f pod.yaml -o name',
  'get -f pod.yaml -o wide',
  'get -f pod.yaml --show-labels',
  'get -f pod.yaml --no-headers',
  'get -f pod.yaml -o jsonpath={.metadata.name}',
  'get -f pod.yaml -o go-template={{.metadata.name}}',
  'get -f pod.yaml -o go-template-file=t.tmpl',
  'get -f pod.yaml -o custom-columns=N:.metadata.name,G:.metadata.generation',
  'get -f pod.yaml --sort-by=.metadata.name',
  'get -f pod.yaml -R',
  'get -f mix.yaml',
  'get -f mix.yaml -o wide',
  'get -f mix.yaml --no-headers',
  'get -f mix.yaml -o name',
  'get -f mix.yaml -o yaml',
  'get -f mix.yaml -o custom-columns=N:.metadata.name',
  'get -f pair.yaml -o name',
  'get -f pair.yaml -o jsonpath={.kind}',
  'get -f pair.yaml --no-headers',
  'get -f pods.yaml',
  'get -f pods.yaml -o name',
  'get -f pods.yaml --ignore-not-found',
  'get -f pods.yaml -o name --ignore-not-found',
  'get -f pods.yaml -o yaml --ignore-not-found',
  'get -f pods.yaml --sort-by=.metadata.name',
  'get -f dir',
  'get -f dir -R',
  'get -f dir -o name',
  'get -f dir -o yaml',
  'get -f dir -o jsonpath={.items[*].metadata.name}',
  'get -f dir -o custom-columns=N:.metadata.name',
  'get -f dir --show-kind -o wide',
  'get -f dir --sort-by=.metadata.name',
  'get -f two.yaml',
  'get -f two-nons.yaml',
  'get -f two-nons.yaml -n other',
  'get -f two-nons.yaml --ignore-not-found',
  'get -f two.yaml -n default',
  'get -f pod.yaml -f two.yaml',
  'get -f pod.yaml -f two.yaml -o name',
  'get -f pod.yaml -f two.yaml -o jsonpath={.kind}',
  'get -f pod.yaml -f two.yaml -n default',
  'get -f pod.yaml -f two.yaml -n default -o name',
  'get -f two.yaml -A',
  'get -f pod.yaml -A',
  'get -f two.yaml -f pod.yaml -A',
  'get -f pod.yaml -f pod.yaml',
  'get -f weird.yaml',
  'get -f weird.yaml -o name',
  'get -f weird.yaml -f pod.yaml',
  'get -f ns.yaml',
  'get -f ns.yaml -f pod.yaml',
  'get -f pod.yaml -l run=web',
  'get -f pod.yaml -l run=web -o name',
  'get -f pod.yaml -l run=other -o name',
  'get -f pod.yaml -l run=other -o yaml',
  'get -f pod.yaml --field-selector=a=b',
  'get -f missing.yaml',
  'get -f nodir/',
  'get pods -f pod.yaml',
  'get -k k',
  'get -k k -o name',
  'get -k k -o jsonpath={.kind}',
  'get -k k -f pod.yaml',
  'get -k k pods',
  { line: 'get -f -', stdin: POD },
  { line: 'get -f - -o jsonpath={.kind}', stdin: POD },
  { line: 'get -f - -o name', stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nope\n' },
  'get pods,cm --no-headers',
  'get pods -o custom-columns=G:.metadata.generation,N:.metadata.name',
  "get pods -o 'jsonpath={.items[0].metadata.name'",
  'get pods,svc -w',
  'get -f mix.yaml -w',
  'get -f mix.yaml -w -o name',
  'get -f mix.yaml -w -o yaml',
  'get -f mix.yaml --watch-only',
  'get -f pod.yaml -f cm.yaml -w',
  'get -f pod.yaml -f pod.yaml -w',
  'get -f dir -w',
  'get -f dir -w --ignore-not-found',
  'get -f pods.yaml -w --ignore-not-found',
  'get -f pods.yaml -w -o name --ignore-not-found',
  // These watch for a second, which moves the emulator's twin on: keep them last.
  'get -f pod.yaml -w --request-timeout=1s',
  'get -f pod.yaml -w -o name --request-timeout=1s',
];

describe.skipIf(!oracleAvailable())('kubectl get -f and -k match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(SETUP, FILES);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(CASES.map((c) => (typeof c === 'string' ? { line: c, stdin: undefined } : c)))(
    'kubectl $line',
    async ({ line, stdin }) => {
      const { ours, real } = await both(twins, line, stdin);
      expect(ours).toEqual(real);
    },
  );
});

/** --template, --allow-missing-template-keys and template files on the commands that change objects. */
const TEMPLATE_CASES = [
  'label pod web a=b --template={{.metadata.name}}',
  'annotate pod web x=y -o go-template-file=t.tmpl',
  'label pod web c=d -o templatefile=t.tmpl',
  'label pod web k=l -o go-template-file=missing.tmpl',
  'scale deploy api --replicas=2 -o go-template={{.spec.replicas}}',
  `patch pod web -p '{"metadata":{"labels":{"e":"f"}}}' -o template --template={{.metadata.labels.e}}`,
  'label pod web g=h -o go-template={{.nope.x}} --allow-missing-template-keys=false',
  'label pod web g2=h -o go-template={{.nope}} --allow-missing-template-keys=false',
  "label pod web i=j -o 'go-template={{.metadata.name}}{{.metadata.name.x}}'",
  'annotate pod web y=z --template={{.metadata.name}} -o json',
  'label pod web m=n --dry-run=client --template={{.metadata.name}}',
  'label pod web z=1 --template=',
  'set image deploy/api nginx=nginx:1.25 --template={{.metadata.name}}',
  'set env deploy/api A=B -o go-template={{.kind}}',
  'rollout restart deploy/api --template={{.metadata.name}}',
  'rollout history deploy/api --template={{.kind}}',
  'rollout history deploy/api -o go-template={{.kind}}',
  'autoscale deploy api --max=3 --dry-run=client --template={{.spec.maxReplicas}}',
  'expose deploy api --port=80 --dry-run=client --template={{.spec.ports}}',
  'taint node worker-1 a=b:NoSchedule --template={{.metadata.name}}',
];

describe.skipIf(!oracleAvailable())('template flags of the mutating commands match kubectl 1.35', () => {
  let twins: Twins;
  beforeAll(async () => {
    twins = await makeTwins(['run web --image=nginx', 'create deployment api --image=nginx', 'advance 30s'], FILES);
  });
  afterAll(async () => {
    await twins.close();
  });

  it.each(TEMPLATE_CASES)('kubectl %s', async (line) => {
    const { ours, real } = await both(twins, line);
    expect(ours).toEqual(real);
  });
});

/**
 * get -w with non-table formats while a pod starts, as in kubectl-watch.test.ts: the real kubectl
 * watches a paused served twin whose time the test moves in one-second steps once the watch is
 * open; the emulator moves its own twin's for --request-timeout. Every event must print the same.
 */
describe.skipIf(!oracleAvailable())('get -w with output formats while a pod starts matches kubectl 1.35', () => {
  const SPAN_S = 4;
  const FORMATS = [
    'get pods -w -o name',
    'get pods -w -o yaml',
    'get pods -w -o json',
    'get pods -w -o yaml --output-watch-events',
    'get pods -w -o json --output-watch-events',
    'get pods -w -o name --output-watch-events',
    `get pods -w -o 'jsonpath={.metadata.name}:{.status.phase}{"\\n"}'`,
    `get pods -w -o 'jsonpath={.type}:{.object.metadata.name}{"\\n"}' --output-watch-events`,
    `get pods -w -o 'go-template={{.metadata.name}} {{.status.phase}}{{"\\n"}}'`,
    'get pods -w -o custom-columns=N:.metadata.name,P:.status.phase',
    'get pods -w -o custom-columns=N:.metadata.name --output-watch-events',
    'get pods --watch-only -o name',
    'get pod web -w -o json',
    'get pods -w --no-headers',
  ];

  it.each(FORMATS)('kubectl %s', async (line) => {
    const args = [...words(line), `--request-timeout=${SPAN_S}s`];
    const start = Date.now() - 5 * 60_000;
    const ours = createCluster({ start });
    const theirs = createCluster({ start });
    for (const cluster of [ours, theirs])
      await runKubectl(['run', 'web', '--image=nginx:does-not-exist'], context(cluster, {}));
    const served = await startApiServer(theirs, { port: 0, paused: true });
    try {
      const watching = runOracleAsync([`--server=http://127.0.0.1:${served.port}`, ...args]);
      const opened = () => theirs.audit.some((record) => record.verb === 'watch');
      for (let tries = 0; !opened() && tries < 200; tries++) await new Promise((r) => setTimeout(r, 25));
      expect(opened()).toBe(true);
      for (let second = 0; second < SPAN_S; second++) await theirs.advance(1000);
      const real = await watching;
      const mine = await runKubectl(args, context(ours, {}));
      expect(mine).toEqual(real);
      // The listing and at least one change.
      expect(real.stdout.length).toBeGreaterThan(0);
    } finally {
      await served.close();
    }
  });
});
