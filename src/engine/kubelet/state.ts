import type { FsTree, LogLine, ProcessState } from '../runtime/index.ts';

/**
 * The kubelet's own memory of what runs on each node, kept apart from the API objects (as the real
 * kubelet's runtime cache is) and plain JSON so it survives snapshot()/restore().
 */
export type ContainerPhase =
  /** not begun: waiting for the sandbox, an earlier init container or the first sync */
  | 'pending'
  /** an image pull is under way; `pullDoneAt` says when it ends */
  | 'pulling'
  /** the last pull failed; waiting until `nextAttemptAt` (ErrImagePull, then ImagePullBackOff) */
  | 'pullBackOff'
  /** the container could not be configured (missing ConfigMap/Secret/key); retried on each sync */
  | 'configError'
  | 'running'
  /** exited; `nextAttemptAt` is when it restarts, if the restart policy says so */
  | 'exited'
  /** SIGTERM sent; the process has until `killAt` before SIGKILL */
  | 'stopping';

export interface ProbeState {
  result: 'Success' | 'Failure' | 'Unknown';
  successes: number;
  failures: number;
  lastDetail?: string | undefined;
}

export interface ContainerRuntime {
  name: string;
  kind: 'init' | 'sidecar' | 'main';
  phase: ContainerPhase;
  /** Bumped on every start and stop so stale clock events for an earlier run are ignored. */
  epoch: number;
  waitingReason?: string | undefined;
  waitingMessage?: string | undefined;
  process?: ProcessState | undefined;
  rootfs?: FsTree | undefined;
  restartCount: number;
  startedAt?: number | undefined;
  finishedAt?: number | undefined;
  exitCode?: number | undefined;
  terminatedReason?: string | undefined;
  terminatedMessage?: string | undefined;
  last?: { exitCode: number; reason: string; startedAt: number; finishedAt: number };
  /** The current crash back-off (0 until the second crash). */
  backOffMs: number;
  nextAttemptAt?: number | undefined;
  pullBackOffMs: number;
  /** The registry's answer to the last failed pull, repeated in the ImagePullBackOff message. */
  pullError?: string | undefined;
  /** The environment the container was started with; a resumed process sees the same. */
  env?: Record<string, string> | undefined;
  pullDoneAt?: number | undefined;
  imageID?: string | undefined;
  /** The image's normalized name (docker.io/library/nginx:latest), as status.image shows it. */
  imageName?: string | undefined;
  containerID?: string | undefined;
  started: boolean;
  ready: boolean;
  listening: number[];
  memoryBytes: number;
  cpuMillis: number;
  probes: { liveness?: ProbeState; readiness?: ProbeState; startup?: ProbeState };
  logs: LogLine[];
  previousLogs?: LogLine[] | undefined;
  killAt?: number | undefined;
  /** Why the container is being stopped, for the terminated reason and events. */
  stopReason?: 'delete' | 'liveness' | 'startup' | undefined;
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  ip?: string | undefined;
  sandboxReadyAt?: number | undefined;
  startedAt: number;
  containers: ContainerRuntime[];
  /** emptyDir volumes live as long as the pod; keyed by volume name. */
  volumes: Record<string, FsTree>;
  terminating: boolean;
  finished: boolean;
  /** When the kubelet last reported FailedMount for claims that are not Bound yet. */
  mountWarnedAt?: number | undefined;
  mountCheckScheduled?: boolean | undefined;
}

export interface NodeRuntime {
  images: string[];
  /** image → time its pull completes, for pulls in flight (the kubelet pulls one image at a time per image). */
  pulls: Record<string, number>;
  /** hostPath volumes are per node. */
  hostPaths: Record<string, FsTree>;
  nextIp: number;
  podCidrIndex: number;
}

export interface KubeletState {
  nodes: Record<string, NodeRuntime>;
  pods: Record<string, PodRuntime>;
  /** Data of claim-backed volumes by namespace/claim, so it outlives the pods that wrote it. */
  claims: Record<string, FsTree>;
  containerSeq: number;
}

export function emptyKubeletState(): KubeletState {
  return { nodes: {}, pods: {}, claims: {}, containerSeq: 0 };
}
