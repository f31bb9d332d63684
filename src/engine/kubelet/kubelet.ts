import type { Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/equal.ts';
import type { StoredChange } from '../api/store.ts';
import type { KubeObject } from '../api/types.ts';
import type { ClockEvent } from '../clock/clock.ts';
import { claimMountStatus, failedMountMessage } from '../controllers/pvbinder/claims.ts';
import { hostIPOf, parseRef, podObject, recordPodEvent, schedule, type KubeletContext } from './context.ts';
import {
  beginRestart,
  ensureStarted,
  pullFinished,
  pullRetry,
  stopContainer,
  stopFinished,
  wake,
} from './lifecycle.ts';
import { probeTick } from './probes.ts';
import type { ContainerRuntime, NodeRuntime, PodRuntime } from './state.ts';
import { podStatusFrom } from './status.ts';
import { registerPodSubresources } from './subresources.ts';

/** MOUNT_TIMEOUT_MS is how long the volume manager waits before it reports FailedMount (and again after that). */
const MOUNT_TIMEOUT_MS = 2 * 60_000;

/** SANDBOX_MS is how long the runtime takes to set up a pod's sandbox (network namespace, pause container). */
const SANDBOX_MS = 600;

/**
 * Kubelet runs the pods bound to every simulated node. It reacts to API changes (a pod bound or
 * deleted, a ConfigMap that appeared) and to clock events (a pull finished, a process woke, a
 * probe is due), and reports what it sees as pod status through the API, as the real one does.
 */
export class Kubelet {
  private dirty = new Set<string>();

  constructor(private readonly ctx: KubeletContext) {
    registerPodSubresources(ctx);
  }

  observe(change: StoredChange): void {
    const object = change.object;
    switch (change.resource) {
      case 'pods': {
        if (change.type === 'DELETED') {
          const uid = object.metadata.uid ?? '';
          if (this.ctx.state.pods[uid]) delete this.ctx.state.pods[uid];
          return;
        }
        const nodeName = (object.spec as { nodeName?: string } | undefined)?.nodeName;
        if (nodeName && this.ctx.state.nodes[nodeName])
          this.dirty.add(`${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
        return;
      }
      case 'nodes':
        if (change.type === 'DELETED') delete this.ctx.state.nodes[object.metadata.name ?? ''];
        else this.ensureNode(object);
        return;
      case 'persistentvolumeclaims':
        for (const pod of Object.values(this.ctx.state.pods)) {
          if (pod.namespace === object.metadata.namespace) this.dirty.add(`${pod.namespace}/${pod.name}`);
        }
        return;
      case 'persistentvolumes':
        if (change.type === 'DELETED') delete this.ctx.state.claims[`pv/${object.metadata.name ?? ''}`];
        return;
      case 'configmaps':
      case 'secrets':
        for (const pod of Object.values(this.ctx.state.pods)) {
          if (pod.namespace !== object.metadata.namespace) continue;
          this.dropSourcedVolumes(
            pod,
            change.resource === 'configmaps' ? 'configMap' : 'secret',
            object.metadata.name ?? '',
          );
        }
        if (change.type === 'DELETED') return;
        for (const pod of Object.values(this.ctx.state.pods)) {
          if (
            pod.namespace === object.metadata.namespace &&
            pod.containers.some((c) => c.phase === 'configError' || c.phase === 'pending')
          ) {
            this.dirty.add(`${pod.namespace}/${pod.name}`);
          }
        }
        return;
    }
  }

  /** dropSourcedVolumes forgets the files of volumes fed by a ConfigMap or Secret that changed, so the next access rewrites them. */
  private dropSourcedVolumes(runtime: PodRuntime, source: 'configMap' | 'secret', name: string): void {
    const pod = podObject(this.ctx, runtime);
    for (const volume of pod?.spec?.volumes ?? []) {
      const direct = source === 'configMap' ? volume.configMap?.name : volume.secret?.secretName;
      const projected = (volume.projected?.sources ?? []).some(
        (s) => (source === 'configMap' ? s.configMap?.name : s.secret?.name) === name,
      );
      if (direct === name || projected) delete runtime.volumes[volume.name];
    }
  }

  get pending(): boolean {
    return this.dirty.size > 0;
  }

  /** syncDirty syncs every pod that changed since the last call; the cluster calls it until nothing is left. */
  syncDirty(): void {
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      const [namespace = '', name = ''] = key.split('/');
      const pod = this.ctx.server.store.get('pods', namespace, name) as unknown as Pod | undefined;
      if (pod) this.syncPod(pod);
    }
  }

  handleEvent(event: ClockEvent): void {
    const ref = parseRef(event.ref);
    const runtime = this.ctx.state.pods[ref.uid];
    if (!runtime) return;
    const pod = podObject(this.ctx, runtime);
    if (!pod) return;
    if (ref.action === 'sandbox') {
      runtime.sandboxReadyAt = this.ctx.clock.now;
      runtime.ip = pod.spec?.hostNetwork ? hostIPOf(this.ctx, runtime.node) : this.allocateIp(runtime.node);
      this.syncPod(pod);
      return;
    }
    const c = runtime.containers.find((x) => x.name === ref.container);
    if (!c || c.epoch !== ref.epoch) {
      if (ref.action === 'sync') this.syncPod(pod);
      return;
    }
    switch (ref.action) {
      case 'pulled':
        pullFinished(this.ctx, pod, runtime, c);
        break;
      case 'retry':
        if (c.phase === 'pullBackOff') pullRetry(this.ctx, pod, runtime, c);
        break;
      case 'wake':
        wake(this.ctx, pod, runtime, c);
        break;
      case 'exit':
      case 'kill':
        stopFinished(this.ctx, pod, runtime, c);
        break;
      case 'probe-liveness':
      case 'probe-readiness':
      case 'probe-startup':
        probeTick(
          this.ctx,
          pod,
          runtime,
          c,
          ref.action.slice('probe-'.length) as 'liveness',
          (message, grace, reason) => {
            c.stopReason = reason;
            stopContainer(this.ctx, pod, runtime, c, grace, message);
          },
        );
        break;
      case 'sync':
        break;
    }
    this.syncPod(pod);
  }

  private ensureNode(node: KubeObject): void {
    const name = node.metadata.name ?? '';
    if (this.ctx.state.nodes[name]) return;
    const cidr = (node.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '';
    const index = Number(cidr.split('.')[2] ?? Object.keys(this.ctx.state.nodes).length);
    const runtime: NodeRuntime = { images: [], pulls: {}, hostPaths: {}, nextIp: 2, podCidrIndex: index };
    const preloaded = (node.status as { images?: { names?: string[] }[] } | undefined)?.images ?? [];
    for (const image of preloaded)
      for (const imageName of image.names ?? []) if (!imageName.includes('@')) runtime.images.push(imageName);
    this.ctx.state.nodes[name] = runtime;
  }

  private allocateIp(nodeName: string): string {
    const node = this.ctx.state.nodes[nodeName];
    if (!node) return '';
    const host = node.nextIp++;
    return `10.244.${node.podCidrIndex}.${host}`;
  }

  private syncPod(pod: Pod): void {
    const ctx = this.ctx;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || !ctx.state.nodes[nodeName]) return;
    const uid = pod.metadata?.uid ?? '';
    let runtime = ctx.state.pods[uid];
    if (!runtime) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      runtime = this.admit(pod, nodeName);
    }
    if (pod.metadata?.deletionTimestamp) this.terminate(pod, runtime);
    else if (runtime.sandboxReadyAt !== undefined && !runtime.finished && this.volumesReady(pod, runtime))
      this.progress(pod, runtime);
    if (!ctx.state.pods[uid]) return;
    this.writeStatus(pod, runtime);
  }

  private admit(pod: Pod, nodeName: string): PodRuntime {
    const ctx = this.ctx;
    const container = (name: string, kind: ContainerRuntime['kind']): ContainerRuntime => ({
      name,
      kind,
      phase: 'pending',
      epoch: 0,
      restartCount: 0,
      backOffMs: 0,
      pullBackOffMs: 0,
      started: false,
      ready: false,
      listening: [],
      memoryBytes: 0,
      cpuMillis: 0,
      probes: {},
      logs: [],
      waitingReason:
        kind === 'main' && (pod.spec?.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating',
    });
    const runtime: PodRuntime = {
      uid: pod.metadata?.uid ?? '',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      node: nodeName,
      startedAt: ctx.clock.now,
      containers: [
        ...(pod.spec?.initContainers ?? []).map((c) =>
          container(c.name, c.restartPolicy === 'Always' ? 'sidecar' : 'init'),
        ),
        ...(pod.spec?.containers ?? []).map((c) => container(c.name, 'main')),
      ],
      volumes: {},
      terminating: false,
      finished: false,
    };
    for (const c of runtime.containers) if (c.kind !== 'main') c.waitingReason = 'PodInitializing';
    ctx.state.pods[runtime.uid] = runtime;
    schedule(ctx, runtime, undefined, 'sandbox', ctx.clock.now + SANDBOX_MS);
    return runtime;
  }

  /**
   * volumesReady is the volume manager's wait: containers start only once every claim the pod uses is
   * Bound; every two minutes of waiting the kubelet reports FailedMount.
   */
  private volumesReady(pod: Pod, runtime: PodRuntime): boolean {
    const status = claimMountStatus(this.ctx.server.store, pod);
    if (status.ready) return true;
    const now = this.ctx.clock.now;
    const due = (runtime.mountWarnedAt ?? runtime.startedAt) + MOUNT_TIMEOUT_MS;
    if (now >= due) {
      recordPodEvent(this.ctx, pod, runtime, 'Warning', 'FailedMount', failedMountMessage(pod, status.unmounted));
      runtime.mountWarnedAt = now;
      schedule(this.ctx, runtime, undefined, 'sync', now + MOUNT_TIMEOUT_MS);
    } else if (runtime.mountWarnedAt === undefined && !runtime.mountCheckScheduled) {
      runtime.mountCheckScheduled = true;
      schedule(this.ctx, runtime, undefined, 'sync', due);
    }
    return false;
  }

  /** progress starts init containers one at a time, then the main containers together, restarting what is due. */
  private progress(pod: Pod, runtime: PodRuntime): void {
    const ctx = this.ctx;
    const now = ctx.clock.now;
    const due = (c: ContainerRuntime) => {
      if (c.phase === 'exited' && c.nextAttemptAt !== undefined && c.nextAttemptAt <= now) beginRestart(c, now);
      if (c.phase === 'configError') c.phase = 'pending';
      if (c.phase === 'pending') ensureStarted(ctx, pod, runtime, c);
    };
    for (const c of runtime.containers) {
      if (c.kind === 'main') continue;
      if (c.kind === 'init' && c.phase === 'exited' && c.exitCode === 0) continue;
      due(c);
      if (c.kind === 'sidecar' && c.started) continue;
      return;
    }
    for (const c of runtime.containers) if (c.kind === 'main') due(c);
    const policy = pod.spec?.restartPolicy ?? 'Always';
    const mains = runtime.containers.filter((c) => c.kind === 'main');
    if (policy !== 'Always' && mains.every((c) => c.phase === 'exited' && c.nextAttemptAt === undefined)) {
      for (const c of runtime.containers)
        if (c.kind === 'sidecar')
          stopContainer(
            ctx,
            pod,
            runtime,
            c,
            pod.spec?.terminationGracePeriodSeconds ?? 30,
            `Stopping container ${c.name}`,
          );
      if (runtime.containers.every((c) => c.phase === 'exited' || c.phase === 'pending')) runtime.finished = true;
    }
  }

  /** terminate stops every container (sidecars last) and, once all have stopped, removes the pod from the API. */
  private terminate(pod: Pod, runtime: PodRuntime): void {
    const ctx = this.ctx;
    if (!runtime.terminating) {
      runtime.terminating = true;
      const grace = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      const order = [
        ...runtime.containers.filter((c) => c.kind === 'main'),
        ...runtime.containers.filter((c) => c.kind !== 'main').reverse(),
      ];
      for (const c of order) {
        c.stopReason = 'delete';
        stopContainer(ctx, pod, runtime, c, grace, `Stopping container ${c.name}`);
      }
    }
    if (runtime.containers.some((c) => c.phase === 'running' || c.phase === 'stopping')) return;
    delete ctx.state.pods[runtime.uid];
    ctx.server.handle({
      verb: 'DELETE',
      path: `/api/v1/namespaces/${runtime.namespace}/pods/${runtime.name}`,
      query: { gracePeriodSeconds: '0' },
      body: { preconditions: { uid: runtime.uid } },
      user: { username: `system:node:${runtime.node}`, groups: ['system:nodes'] },
    });
  }

  private writeStatus(pod: Pod, runtime: PodRuntime): void {
    const ctx = this.ctx;
    const hostIP = hostIPOf(ctx, runtime.node);
    const status = podStatusFrom(pod, runtime, hostIP, ctx.clock.now);
    if (deepEqual(status, pod.status)) return;
    ctx.server.handle({
      verb: 'PUT',
      path: `/api/v1/namespaces/${runtime.namespace}/pods/${runtime.name}/status`,
      body: { ...pod, status },
      user: { username: `system:node:${runtime.node}`, groups: ['system:nodes'] },
    });
  }
}
