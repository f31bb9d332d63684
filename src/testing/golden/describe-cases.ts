import { readFileSync } from 'node:fs';
import type { ApiHttpServer } from '../../cli/serve.ts';
import { lab, type Lab } from '../lab.ts';
import { runOracleAsync } from '../oracle.ts';

/**
 * The cluster state behind the `kubectl describe` golden test: objects of every kind the lab knows, in the
 * states a learner meets (running, crash-looping, pending, terminating, rolled out), built through the API
 * as a learner would, with events about twenty minutes old. The manifests live in ./describe/.
 */
function fixture(name: string): string {
  return readFileSync(new URL(`./describe/${name}`, import.meta.url), 'utf8');
}

/** DESCRIBE_FILES are the files `{file:NAME}` in a case stands for (`kubectl describe -f NAME`). */
export const DESCRIBE_FILES: Record<string, string> = { 'objects.yaml': fixture('objects.yaml') };

/**
 * DESCRIBE_CASES are the `kubectl describe` arguments compared with the real kubectl. `{event}` is the
 * name of an event about pod web, found once the cluster is built.
 */
export const DESCRIBE_CASES: string[] = [
  'pod web',
  'pod crash',
  'pod init-demo',
  'pod sidecar',
  'pod probes',
  'pod env',
  'pod volumes',
  'pod guaranteed',
  'pod pending',
  'pod bad-image',
  'pod done',
  'pod missing-config',
  'pod init-fail',
  'pod ephemeral',
  'pod/web service/web',
  'pod spread',
  'pod terminating',
  'pods -n kube-system',
  'pod web --show-events=false',
  'node control-plane',
  'node worker-1',
  'node worker-2',
  'nodes',
  'namespace default',
  'namespace limits',
  'namespace kube-system',
  'service web',
  'service web-nodeport',
  'service web-lb',
  'service external-db',
  'service web-headless',
  'service kubernetes',
  'service kube-dns -n kube-system',
  'endpoints manual',
  'endpoints web',
  'endpoints kube-dns -n kube-system',
  'endpointslice manual-abc12',
  'endpointslices -n kube-system',
  'configmap app-config',
  'configmap kube-root-ca.crt',
  'configmap odd-text',
  'configmap empty',
  'secret empty',
  'pvc waiting',
  'deployment recreate',
  'hpa custom',
  'secret app-secret',
  'secret registry',
  'secret builder-token',
  'serviceaccount builder',
  'serviceaccount default',
  'deployment frontend',
  'deployment rollout',
  'replicasets -l app=rollout',
  'pods -l app=frontend',
  'replicasets',
  'replicaset standalone',
  'replicationcontroller legacy',
  'statefulset db',
  'daemonset node-agent',
  'controllerrevisions',
  'controllerrevision custom-data',
  'job pi',
  'job fail',
  'job indexed',
  'cronjob suspended',
  'jobs -l batch.kubernetes.io/job-name!=pi',
  'cronjob hello',
  'hpa frontend',
  'ingress web',
  'ingress fallback',
  'ingress static',
  'ingressclass nginx',
  'pv pv-manual',
  'pv pv-local',
  'pv pv-nfs',
  'pv pv-csi',
  'pvc data',
  'pvc manual-claim',
  'storageclass standard',
  'storageclass fast',
  'networkpolicy api-allow',
  'networkpolicy default-deny',
  'pdb web',
  'pdb frontend',
  'priorityclass batch-low',
  'priorityclass system-node-critical',
  'resourcequota compute -n limits',
  'resourcequota best-effort -n limits',
  'limitrange defaults -n limits',
  'role pod-reader',
  'clusterrole monitoring',
  'clusterrole view',
  'clusterrole system:node',
  'rolebinding read-pods',
  'clusterrolebinding monitoring',
  'clusterrolebinding cluster-admin',
  'crontab nightly',
  'crd crontabs.stable.example.com',
  'lease my-lock',
  'event {event}',
  'events.events.k8s.io {event}',
  'podtemplate worker-template',
  'componentstatuses',
  'volumeattachments',
  'pod does-not-exist',
  'services -l app=web',
  'pod we',
  'pod in',
  'services web-',
  'resourcequota compute -n nosuchns',
  'pods -A -l app=nothing',
  '-f {file:objects.yaml}',
  'services -A',
  'po web',
  'deploy',
  'pods -n kube-public',
  'nosuchkind foo',
  'pod web nosuch',
  // These two made the real kubectl panic until the engine defaulted probe grpc.service and PriorityClass preemptionPolicy.
  'pod grpc-probe',
  'priorityclass high',
];

/**
 * DESCRIBE_ENGINE_GAPS are cases that differ because of the simulated cluster, not the describers: the real
 * kubectl dereferences fields the API server always defaults, and panics when they are missing. Each is
 * expected to fail until the engine defaults the field.
 */
export const DESCRIBE_ENGINE_GAPS: { args: string; reason: string }[] = [];

/** buildDescribeLab creates the cluster for the cases; the real kubectl reads ages off the wall clock. */
export async function buildDescribeLab(): Promise<Lab> {
  const l = lab({ start: Date.now() - 25 * 60_000 });
  l.file('early.yaml', fixture('cluster.yaml'));
  await l.kubectl('apply -f early.yaml', { allowFailure: true });
  l.file('rollout.yaml', fixture('rollout.yaml').replace('IMAGE', 'nginx:1.26'));
  await l.kubectl('apply -f rollout.yaml');
  await l.advance('5s');
  l.file('late.yaml', fixture('late.yaml'));
  await l.kubectl('apply -f late.yaml', { allowFailure: true });
  await l.advance('1m');
  l.file('rollout.yaml', fixture('rollout.yaml').replace('IMAGE', 'nginx:1.27'));
  await l.kubectl('apply -f rollout.yaml');
  await l.advance('18m');
  l.file('terminating.yaml', fixture('terminating.yaml'));
  await l.kubectl('apply -f terminating.yaml');
  await l.advance('20s');
  await l.cluster.request({ verb: 'DELETE', path: '/api/v1/namespaces/default/pods/terminating' });
  await setStatuses(l);
  await l.advance('5s');
  return l;
}

/** setStatus writes an object's status through its /status subresource, as its controller would. */
async function setStatus(l: Lab, path: string, status: unknown): Promise<void> {
  const current = await l.cluster.request<Record<string, unknown>>({ verb: 'GET', path });
  if (current.status >= 300) return;
  await l.cluster.request({ verb: 'PUT', path: `${path}/status`, body: { ...current.body, status } });
}

/**
 * setStatuses fills in what controllers the lab may not run yet would report (quota usage, an HPA's
 * measurements, an ingress address) and the events a node's kubelet and controllers record, so those
 * parts of the layouts are compared too.
 */
async function setStatuses(l: Lab): Promise<void> {
  const now = new Date(Math.floor(l.cluster.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  await setStatus(l, '/api/v1/namespaces/limits/resourcequotas/compute', {
    hard: { 'requests.cpu': '2', 'requests.memory': '2Gi', 'limits.memory': '4Gi', pods: '10' },
    used: { 'requests.cpu': '500m', 'requests.memory': '1073741824', pods: '3' },
  });
  await setStatus(l, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/frontend', {
    currentReplicas: 2,
    desiredReplicas: 2,
    currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '6m' } } },
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '3022848' } } },
    ],
    conditions: [
      {
        type: 'AbleToScale',
        status: 'True',
        lastTransitionTime: now,
        reason: 'ReadyForNewScale',
        message: 'recommended size matches current size',
      },
      {
        type: 'ScalingActive',
        status: 'True',
        lastTransitionTime: now,
        reason: 'ValidMetricFound',
        message:
          'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      },
    ],
  });
  await l.cluster.request({
    verb: 'PATCH',
    path: '/api/v1/nodes/worker-2',
    headers: { 'content-type': 'application/strategic-merge-patch+json' },
    body: { spec: { unschedulable: true } },
  });
  await setStatus(l, '/api/v1/namespaces/limits', {
    phase: 'Active',
    conditions: [
      {
        type: 'NamespaceDeletionDiscoveryFailure',
        status: 'False',
        lastTransitionTime: now,
        reason: 'ResourcesDiscovered',
        message: 'All resources successfully discovered',
      },
    ],
  });
  const claim = await l.cluster.request<{ status?: Record<string, unknown> }>({
    verb: 'GET',
    path: '/api/v1/namespaces/default/persistentvolumeclaims/manual-claim',
  });
  await setStatus(l, '/api/v1/namespaces/default/persistentvolumeclaims/manual-claim', {
    ...claim.body.status,
    conditions: [
      {
        type: 'FileSystemResizePending',
        status: 'True',
        lastTransitionTime: now,
        message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.',
      },
    ],
  });
  await setStatus(l, '/apis/networking.k8s.io/v1/namespaces/default/ingresses/web', {
    loadBalancer: { ingress: [{ ip: '172.18.0.5' }, { hostname: 'lb.example.com' }, { ip: '172.18.0.4' }] },
  });
  const node = await l.cluster.request<{ metadata: { uid?: string } }>({ verb: 'GET', path: '/api/v1/nodes/worker-2' });
  const nodeEvent = (name: string, uid: string, reason: string, message: string, component: string) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: 'Node', name: 'worker-2', uid, apiVersion: 'v1' },
    reason,
    message,
    source: { component, host: 'worker-2' },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: 'Normal',
  });
  for (const event of [
    nodeEvent('worker-2.starting', 'worker-2', 'Starting', 'Starting kubelet.', 'kubelet'),
    nodeEvent(
      'worker-2.registered',
      node.body.metadata.uid ?? '',
      'RegisteredNode',
      'Node worker-2 event: Registered Node worker-2 in Controller',
      'node-controller',
    ),
  ])
    await l.cluster.request({ verb: 'POST', path: '/api/v1/namespaces/default/events', body: event });
}

/** eventName finds an event about pod web for the `event {event}` case. */
export async function eventName(l: Lab): Promise<string> {
  const response = await l.cluster.request<{
    items?: { metadata: { name?: string }; involvedObject?: { name?: string } }[];
  }>({
    verb: 'GET',
    path: '/api/v1/namespaces/default/events',
  });
  return (response.body.items ?? []).find((e) => e.involvedObject?.name === 'web')?.metadata.name ?? 'missing';
}

export interface DescribeOutcome {
  real: { stdout: string; stderr: string; exitCode: number };
  ours: { stdout: string; stderr: string; exitCode: number };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * compareDescribe runs each case with the real kubectl and ours at the same instant. Timestamps carry
 * whole seconds, so the cluster clock is set to the wall clock just after a second turns, and a real run
 * that finishes in a later second (its ages might have moved on) is run again.
 */
export async function compareDescribe(
  l: Lab,
  server: ApiHttpServer,
  cases: readonly string[],
): Promise<Map<string, DescribeOutcome>> {
  const results = new Map<string, DescribeOutcome>();
  const event = await eventName(l);
  for (const [name, text] of Object.entries(DESCRIBE_FILES)) l.file(name, text);
  let pending = [...cases];
  for (let round = 0; round < 10 && pending.length > 0; round++) {
    const retry: string[] = [];
    for (let i = 0; i < pending.length; i += 8) {
      const batch = pending.slice(i, i + 8);
      const ms = Date.now() % 1000;
      if (ms > 50) await sleep(1000 - ms + 10);
      const target = Date.now();
      if (target > l.cluster.now()) await l.cluster.advance(target - l.cluster.now());
      const second = Math.floor(target / 1000);
      const reals = await Promise.all(
        batch.map(async (c) => {
          const args = c.replace('{event}', event).split(' ');
          const realArgs = args.map((a) => a.replace(/^\{file:(.*)\}$/, '{dir}/$1'));
          const real = await runOracleAsync([`--server=http://127.0.0.1:${server.port}`, 'describe', ...realArgs], {
            files: DESCRIBE_FILES,
          });
          const oursArgs = args.map((a) => a.replace(/^\{file:(.*)\}$/, '$1'));
          return { c, args: oursArgs, real, late: Math.floor(Date.now() / 1000) !== second };
        }),
      );
      for (const { c, args, real, late } of reals) {
        if (late && round < 9) {
          retry.push(c);
          continue;
        }
        const ours = await l.sh(`kubectl describe ${args.join(' ')}`);
        results.set(c, { real, ours: { stdout: ours.stdout, stderr: ours.stderr, exitCode: ours.exitCode } });
      }
    }
    pending = retry;
  }
  return results;
}
