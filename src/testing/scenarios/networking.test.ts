import { describe, expect, it, vi } from 'vitest';
import { containerContext } from '../../engine/kubelet/volumes.ts';
import { createNetwork, type NetworkFactory } from '../../engine/network/index.ts';
import { lab, type Lab } from '../lab.ts';

/**
 * Until cluster.ts hands the kubelet the network factory, these scenarios wire it themselves: the
 * kubelet's containerContext gets each pod's NetworkAccess, exactly as the lead's wiring will.
 */
vi.mock('../../engine/kubelet/volumes.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../engine/kubelet/volumes.ts')>();
  return {
    ...actual,
    containerContext: (...args: Parameters<typeof actual.containerContext>) => {
      const [ctx, , runtime] = args;
      const base = actual.containerContext(...args);
      const factory = (ctx as { networkFactory?: NetworkFactory }).networkFactory;
      if (!factory) return base;
      return { ...base, network: factory({ namespace: runtime.namespace, podName: runtime.name, podIP: runtime.ip ?? '' }) };
    },
  };
});

function networked(): Lab {
  const l = lab();
  const kubelet = (l.cluster as unknown as { kubelet: { ctx: Parameters<typeof containerContext>[0] & { networkFactory?: NetworkFactory } } }).kubelet;
  const ctx = kubelet.ctx;
  ctx.networkFactory = createNetwork({
    server: l.cluster.server,
    clock: l.cluster.clock,
    kubeletState: ctx.state,
    random: l.cluster.random,
    containerContext: (runtime, c) => {
      const pod = l.cluster.server.store.get('pods', runtime.namespace, runtime.name);
      return pod ? containerContext(ctx, pod as never, runtime, c) : undefined;
    },
  });
  return l;
}

function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s{2,}/));
}

const webDeployment = (replicas: number) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 80
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
`;

const client = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

describe('a Service in front of nginx', () => {
  it('`kubectl exec client -- wget -qO- http://web` returns the welcome page', async () => {
    const l = networked();
    await l.kubectl('apply -f -', { stdin: webDeployment(1) });
    await l.kubectl('apply -f -', { stdin: service });
    await l.kubectl('apply -f -', { stdin: client });
    await l.advance('30s');
    console.log(await l.kubectl('get pods,svc,endpoints -o wide'));
    console.log(await l.sh('kubectl exec client -- wget -O- http://web'));
    console.log(await l.sh('kubectl exec client -- cat /etc/resolv.conf'));
    const out = await l.kubectl('exec client -- wget -qO- http://web');
    expect(out).toContain('<title>Welcome to nginx!</title>');
  });
});
