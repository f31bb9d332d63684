import { lookupImage } from './images/catalog.ts';
import { parseImageReference } from './images/reference.ts';
import type { ImageInfo } from './images/types.ts';
import { execInProcess, resumeProcess, startProcess, type ExecResult } from './process.ts';
import { createImageRootFs } from './rootfs.ts';
import type { ContainerContext, LogLine, NetworkAccess, ProcessState, ProcessStep } from './types.ts';
import { ContainerFileSystem, newDirectory, type FsMount, type FsTree } from './vfs.ts';

/** T0 is the simulated epoch tests start from (the clock's default). */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export function image(ref: string): ImageInfo {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) throw new Error(parsed.message);
  const info = lookupImage(parsed.ref);
  if (!info) throw new Error(`no image ${ref}`);
  return info;
}

/**
 * Container is a test double of what the kubelet keeps for one container: rootfs, mounts, process
 * state (round-tripped through JSON at every step, as a snapshot would) and the log so far.
 */
export class Container {
  readonly info: ImageInfo;
  readonly rootfs: FsTree;
  state: ProcessState | undefined;
  logs: LogLine[] = [];
  last: ProcessStep | undefined;
  now = T0;

  constructor(
    ref: string,
    readonly options: {
      env?: Record<string, string>;
      mounts?: FsMount[];
      memoryLimitBytes?: number;
      network?: NetworkAccess;
      podIP?: string;
      hostname?: string;
    } = {},
  ) {
    this.info = image(ref);
    this.rootfs = createImageRootFs(this.info, options.hostname ?? 'pod-1');
  }

  ctx(now = this.now): ContainerContext {
    const ctx: ContainerContext = {
      now,
      env: { ...this.info.env, ...(this.options.env ?? {}) },
      hostname: this.options.hostname ?? 'pod-1',
      fs: new ContainerFileSystem(this.rootfs, this.options.mounts ?? []),
    };
    if (this.options.memoryLimitBytes !== undefined) ctx.memoryLimitBytes = this.options.memoryLimitBytes;
    if (this.options.network) ctx.network = this.options.network;
    if (this.options.podIP) ctx.podIP = this.options.podIP;
    return ctx;
  }

  private take(step: ProcessStep): ProcessStep {
    this.last = step;
    this.logs.push(...step.logs);
    this.state = JSON.parse(JSON.stringify(step.state)) as ProcessState;
    return step;
  }

  start(command?: string[], args?: string[]): ProcessStep {
    const input: Parameters<typeof startProcess>[0] = { image: this.info };
    if (command) input.command = command;
    if (args) input.args = args;
    return this.take(startProcess(input, this.ctx()));
  }

  /** advance moves time forward, resuming at every wakeAt on the way (as the kubelet's clock does). */
  advance(ms: number): ProcessStep | undefined {
    const until = this.now + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      const wake = this.last?.status === 'running' ? this.last.wakeAt : undefined;
      if (!this.state || this.last?.status === 'exited' || wake === undefined || wake > until) break;
      this.now = wake;
      this.take(resumeProcess(this.state, this.ctx()));
    }
    this.now = until;
    if (this.state && this.last?.status === 'running') this.take(resumeProcess(this.state, this.ctx()));
    return this.last;
  }

  exec(argv: string[], options: { stdin?: string; timeoutMs?: number } = {}): ExecResult {
    return execInProcess(this.state, argv, this.ctx(), options);
  }

  text(stream?: 'stdout' | 'stderr'): string {
    return this.logs
      .filter((l) => !stream || l.stream === stream)
      .map((l) => l.text)
      .join('\n');
  }
}

export function emptyDir(): FsTree {
  return newDirectory(0o777);
}
