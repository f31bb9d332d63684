import type { Pod } from 'kubernetes-types/core/v1';
import { badRequest, notFound, ApiError } from '../api/errors.ts';
import type { ApiRequest, ApiResponse } from '../api/types.ts';
import type { ResourcePath } from '../api/paths.ts';
import { execInProcess } from '../runtime/index.ts';
import type { KubeletContext } from './context.ts';
import type { ContainerRuntime, PodRuntime } from './state.ts';
import { containerContext } from './volumes.ts';

/**
 * pods/log and pods/exec, served by the kubelet of the pod's node as the API server proxies them.
 * Exec takes its command in the body (`{command, container, stdin}`) instead of a streaming upgrade.
 */
export interface ExecRequest {
  command: string[];
  container?: string;
  stdin?: string;
}

export interface ExecResponse {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function findPod(ctx: KubeletContext, path: ResourcePath): { pod: Pod; runtime: PodRuntime | undefined } {
  const pod = ctx.server.store.get('pods', path.namespace ?? '', path.name ?? '') as unknown as Pod | undefined;
  if (!pod) throw new ApiError(notFound({ group: '', resource: 'pods' }, path.name ?? ''));
  return { pod, runtime: ctx.state.pods[pod.metadata?.uid ?? ''] };
}

function pickContainer(
  pod: Pod,
  runtime: PodRuntime | undefined,
  requested: string | undefined,
): ContainerRuntime | undefined {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const all = [...(pod.spec?.initContainers ?? []).map((c) => c.name), ...names];
  const podName = pod.metadata?.name ?? '';
  let name = requested;
  if (!name) {
    if (names.length === 1 && (pod.spec?.initContainers ?? []).length === 0) name = names[0];
    else {
      throw new ApiError(
        badRequest(
          `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]${(pod.spec?.initContainers ?? []).length ? ` or one of the init containers: [${(pod.spec?.initContainers ?? []).map((c) => c.name).join(' ')}]` : ''}`,
        ),
      );
    }
  }
  if (!all.includes(name ?? ''))
    throw new ApiError(badRequest(`container ${name ?? ''} is not valid for pod ${podName}`));
  return runtime?.containers.find((c) => c.name === name);
}

function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function registerPodSubresources(ctx: KubeletContext): void {
  ctx.server.subresourceHandlers.set('pods/log', (request: ApiRequest, path: ResourcePath): ApiResponse => {
    const { pod, runtime } = findPod(ctx, path);
    const query = request.query ?? {};
    const container = pickContainer(pod, runtime, query.container);
    const containerName = query.container ?? pod.spec?.containers?.[0]?.name ?? '';
    const podName = pod.metadata?.name ?? '';
    const previous = query.previous === 'true';
    if (!container) {
      throw new ApiError(
        badRequest(`container "${containerName}" in pod "${podName}" is waiting to start: ContainerCreating`),
      );
    }
    let lines = previous ? container.previousLogs : container.logs;
    if (previous && !lines)
      throw new ApiError(badRequest(`previous terminated container "${container.name}" in pod "${podName}" not found`));
    if (!previous && container.startedAt === undefined) {
      const reason = container.waitingReason ?? 'ContainerCreating';
      const detail =
        reason === 'ErrImagePull' || reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : reason === 'InvalidImageName'
            ? 'image is not valid'
            : reason;
      throw new ApiError(
        badRequest(`container "${container.name}" in pod "${podName}" is waiting to start: ${detail}`),
      );
    }
    lines = lines ?? [];
    if (query.sinceSeconds) lines = lines.filter((l) => l.at >= ctx.clock.now - Number(query.sinceSeconds) * 1000);
    else if (query.sinceTime) {
      const from = Date.parse(query.sinceTime);
      if (!Number.isNaN(from)) lines = lines.filter((l) => l.at >= from);
    }
    if (query.tailLines !== undefined && Number(query.tailLines) >= 0)
      lines = lines.slice(Math.max(0, lines.length - Number(query.tailLines)));
    let text = lines
      .map((l) => `${query.timestamps === 'true' ? `${formatTimestamp(l.at)} ` : ''}${l.text}\n`)
      .join('');
    // limitBytes cuts the stream after that many bytes (of UTF-8), mid-line if need be.
    const limit = Number(query.limitBytes ?? 0);
    if (limit > 0)
      text = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, limit)).replace(/\uFFFD$/, '');
    return { status: 200, body: text };
  });

  ctx.server.subresourceHandlers.set('pods/exec', (request: ApiRequest, path: ResourcePath): ApiResponse => {
    const { pod, runtime } = findPod(ctx, path);
    const body = (request.body ?? {}) as Partial<ExecRequest>;
    const container = pickContainer(pod, runtime, body.container ?? request.query?.container);
    if (!runtime || !container || container.phase !== 'running' || !container.process) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        throw new ApiError(badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`));
      }
      throw new ApiError(
        badRequest(`unable to upgrade connection: container not found ("${container?.name ?? body.container ?? ''}")`),
      );
    }
    const context = containerContext(ctx, pod, runtime, container);
    const result = execInProcess(
      container.process,
      body.command ?? [],
      context,
      body.stdin !== undefined ? { stdin: body.stdin } : {},
    );
    const answer: ExecResponse = { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
    return { status: 200, body: answer };
  });
}
