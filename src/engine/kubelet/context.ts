import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../api/server.ts';
import type { Clock } from '../clock/clock.ts';
import type { EventRecorder } from '../events.ts';
import type { SeededRandom } from '../random.ts';
import type { NetworkFactory } from '../network/index.ts';
import type { ContainerRuntime, KubeletState, PodRuntime } from './state.ts';

/** KubeletContext is what the kubelet's parts share: the API, the clock, events and their runtime state. */
export interface KubeletContext {
  server: ApiServer;
  clock: Clock;
  events: EventRecorder;
  random: SeededRandom;
  state: KubeletState;
  /** network gives each pod its view of the cluster network (DNS, Services, policies). */
  network: NetworkFactory | undefined;
}

export const KUBELET_EVENT = 'kubelet';

export type KubeletAction =
  | 'sandbox'
  | 'pulled'
  | 'retry'
  | 'wake'
  | 'exit'
  | 'kill'
  | 'probe-liveness'
  | 'probe-readiness'
  | 'probe-startup'
  | 'sync';

/** schedule queues an action for one run of a container; the epoch makes actions of earlier runs harmless. */
export function schedule(
  ctx: KubeletContext,
  pod: PodRuntime,
  container: ContainerRuntime | undefined,
  action: KubeletAction,
  at: number,
): void {
  const ref = `${pod.uid}|${container?.name ?? ''}|${container?.epoch ?? 0}|${action}`;
  ctx.clock.schedule(at, KUBELET_EVENT, ref);
}

export function parseRef(ref: string): { uid: string; container: string; epoch: number; action: KubeletAction } {
  const [uid = '', container = '', epoch = '0', action = 'sync'] = ref.split('|');
  return { uid, container, epoch: Number(epoch), action: action as KubeletAction };
}

export function podObject(ctx: KubeletContext, runtime: PodRuntime): Pod | undefined {
  const object = ctx.server.store.get('pods', runtime.namespace, runtime.name) as unknown as Pod | undefined;
  return object && object.metadata?.uid === runtime.uid ? object : undefined;
}

export function containerSpec(pod: Pod, name: string) {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
}

/** fieldPath is how events point at a container: spec.containers{nginx}. */
export function fieldPath(container: ContainerRuntime): string {
  return container.kind === 'main' ? `spec.containers{${container.name}}` : `spec.initContainers{${container.name}}`;
}

export function recordPodEvent(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  container?: ContainerRuntime,
): void {
  ctx.events.record(
    pod as unknown as Parameters<EventRecorder['record']>[0],
    { component: 'kubelet', host: runtime.node },
    { type, reason, message, ...(container ? { fieldPath: fieldPath(container) } : {}) },
  );
}

/** hex64 derives a stable 64-hex-digit id (container ids, image digests) from a seed text. */
export function hex64(seed: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < seed.length; i++) {
      h1 ^= seed.charCodeAt(i) + round;
      h1 = Math.imul(h1, 0x01000193) >>> 0;
    }
    out += h1.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** hostIPOf is a node's InternalIP: the pod's hostIP, hostNetwork pods' IP and the source of probes. */
export function hostIPOf(ctx: KubeletContext, node: string): string {
  const object = ctx.server.store.get('nodes', '', node) as
    { status?: { addresses?: { type: string; address: string }[] } } | undefined;
  return object?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}
