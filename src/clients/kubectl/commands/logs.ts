import { defaultContainer, hasContainer } from '../containers.ts';
import { attachablePod } from '../attachable.ts';
import { objectPath, parseDuration } from '../../../engine/index.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { pause, Stream } from '../stream.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

const LOGS_FLAGS: FlagSpec[] = [
  { name: 'all-pods', type: 'bool' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
  { name: 'since-time', type: 'string' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'prefix', type: 'bool' },
  { name: 'max-log-requests', type: 'int' },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'pod-running-timeout', type: 'string' },
];

interface PodLike {
  metadata: { name?: string; annotations?: Record<string, string> };
  spec?: {
    containers?: { name: string }[];
    initContainers?: { name: string }[];
    ephemeralContainers?: { name: string }[];
  };
}

/** logsCommand is `kubectl logs POD|TYPE/NAME [-c C] [--previous] [--tail N] [-l sel]`. */
export async function logsCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, LOGS_FLAGS);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const selector = flags.string('selector');
  let pods: PodLike[] = [];
  let notice = '';
  let allPods: PodLike[] | undefined;
  const since = sinceOptions(flags);
  if (typeof since === 'string') return fail(since);
  if (selector) {
    const list = await ctx.client.request<{ items?: PodLike[] }>({
      verb: 'GET',
      path: `/api/v1/namespaces/${namespace}/pods`,
      query: { labelSelector: selector },
    });
    pods = list.body.items ?? [];
    if (pods.length === 0)
      return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  } else {
    const target = flags.positional[0];
    if (!target)
      return fail(
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
      );
    let podName = target;
    if (target.includes('/')) {
      const found = await attachablePod(ctx, namespace, target);
      if (!found.ok) return { stdout: '', stderr: builderError(found.error, namespace), exitCode: 1 };
      podName = found.pod.metadata?.name ?? '';
      if (flags.bool('all-pods') && found.pods.length > 1) allPods = found.pods as unknown as PodLike[];
      // kubectl logs says which pod it picked when the selector matched several.
      else if (found.matching > 1) notice = `Found ${found.matching} pods, using pod/${podName}\n`;
    }
    const response = await ctx.client.request<PodLike>({
      verb: 'GET',
      path: objectPath({ group: '', version: 'v1', plural: 'pods', namespaced: true }, namespace, podName),
    });
    const error = responseError(response);
    if (error) return { stdout: '', stderr: builderError(error, namespace), exitCode: 1 };
    pods = allPods ?? [response.body];
  }
  let stdout = '';
  let stderr = notice;
  let exitCode = 0;
  for (const pod of pods) {
    let container = flags.string('container');
    const wanted = flags.bool('all-containers')
      ? [
          ...(pod.spec?.initContainers ?? []),
          ...(pod.spec?.containers ?? []),
          ...(pod.spec?.ephemeralContainers ?? []),
        ].map((c) => c.name)
      : [];
    if (wanted.length === 0) {
      if (!container) {
        const chosen = defaultContainer(pod);
        container = chosen.container;
        stderr += chosen.notice;
      }
      wanted.push(container);
    }
    for (const name of wanted) {
      if (!hasContainer(pod, name)) {
        stderr += `error: container ${name} is not valid for pod ${pod.metadata.name ?? ''}\n`;
        exitCode = 1;
        continue;
      }
      const query: Record<string, string> = { container: name };
      if (flags.bool('previous')) query.previous = 'true';
      const tail = flags.int('tail') ?? -1;
      if (tail >= 0) query.tailLines = String(tail);
      else if (selector) query.tailLines = '10';
      if (flags.bool('timestamps')) query.timestamps = 'true';
      Object.assign(query, since);
      const response = await ctx.client.request<string>({
        verb: 'GET',
        path: `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name ?? ''}/log`,
        query,
      });
      const error = responseError(response);
      if (error) {
        stderr += error;
        exitCode = 1;
        continue;
      }
      const text = String(response.body);
      const prefixed = (chunk: string) =>
        flags.bool('prefix') || allPods
          ? chunk
              .split('\n')
              .filter((l, i, a) => l !== '' || i < a.length - 1)
              .map((l) => `[pod/${pod.metadata.name ?? ''}/${name}] ${l}\n`)
              .join('')
          : chunk;
      stdout += prefixed(text);
      if (flags.bool('follow') && !flags.bool('previous') && pods.length === 1 && wanted.length === 1) {
        const path = `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name ?? ''}`;
        return followLogs(ctx, {
          path,
          container: name,
          stdout,
          stderr,
          timestamps: flags.bool('timestamps'),
          prefixed,
          bound: flags.string('request-timeout'),
        });
      }
    }
  }
  return { stdout, stderr, exitCode };
}

/** FOLLOW_STEP_MS is how often `logs -f` looks for new lines; FOLLOW_BOUND_MS ends it where nothing can interrupt. */
const FOLLOW_STEP_MS = 1000;
const FOLLOW_BOUND_MS = 60_000;

interface Follow {
  path: string;
  container: string;
  stdout: string;
  stderr: string;
  timestamps: boolean;
  prefixed: (chunk: string) => string;
  bound: string | undefined;
}

interface ContainerStatusLike {
  name: string;
  state?: { running?: object };
}

/**
 * followLogs is `kubectl logs -f`: after what is already there, each new line as simulated time
 * passes (or, in the terminal, as the lab clock runs), until the container stops or Ctrl+C.
 */
async function followLogs(ctx: KubectlContext, follow: Follow): Promise<CommandResult> {
  const stream = new Stream(ctx);
  stream.out(follow.stdout);
  stream.err(follow.stderr);
  const query = { container: follow.container, ...(follow.timestamps ? { timestamps: 'true' } : {}) };
  const read = async () => {
    const response = await ctx.client.request<string>({ verb: 'GET', path: `${follow.path}/log`, query });
    return response.status < 400 ? String(response.body).split('\n').slice(0, -1) : undefined;
  };
  let seen = (await read())?.length ?? 0;
  const limit = follow.bound ? (parseDuration(follow.bound) ?? 0) : FOLLOW_BOUND_MS;
  const live = ctx.signal !== undefined;
  for (let waited = 0; live || waited < limit; waited += FOLLOW_STEP_MS) {
    if (stream.aborted) break;
    if (live) await pause(FOLLOW_STEP_MS);
    else if (ctx.advance) await ctx.advance(FOLLOW_STEP_MS);
    else break;
    const lines = await read();
    if (lines === undefined) break;
    if (lines.length < seen) seen = 0;
    if (lines.length > seen)
      stream.out(
        follow.prefixed(
          lines
            .slice(seen)
            .map((l) => `${l}\n`)
            .join(''),
        ),
      );
    seen = lines.length;
    const pod = await ctx.client.request<{ status?: { containerStatuses?: ContainerStatusLike[] } }>({
      verb: 'GET',
      path: follow.path,
    });
    if (pod.status === 404) break;
    const status = (pod.body.status?.containerStatuses ?? []).find((c) => c.name === follow.container);
    if (status && !status.state?.running) break;
  }
  return stream.result(0);
}

/**
 * builderError is how kubectl logs reports an object its resource builder could not find: the
 * server's NotFound, lower-cased after `error:`, with the namespace it looked in.
 */
function builderError(error: string, namespace: string): string {
  const prefix = 'Error from server (NotFound): ';
  if (!error.startsWith(prefix)) return error;
  return `error: error from server (NotFound): ${error.slice(prefix.length).trimEnd()} in namespace "${namespace}"\n`;
}

/**
 * sinceOptions reads --since, --since-time and --limit-bytes into the log request's query, with
 * kubectl's checks (logs.go Validate), or gives its error.
 */
function sinceOptions(flags: ParsedFlags): Record<string, string> | string {
  const query: Record<string, string> = {};
  const since = flags.string('since');
  const sinceTime = flags.string('since-time');
  if (since !== undefined && since !== '' && since !== '0s') {
    const negative = since.startsWith('-');
    const ms = parseDuration(negative ? since.slice(1) : since);
    if (ms === undefined)
      return `error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"\nSee 'kubectl logs --help' for usage.`;
    if (sinceTime) return 'error: at most one of `sinceTime` or `sinceSeconds` may be specified';
    if (negative) return 'error: --since must be greater than 0';
    query.sinceSeconds = String(Math.round(ms / 1000));
  }
  if (sinceTime) {
    if (Number.isNaN(Date.parse(sinceTime)) || !/^\d{4}-\d{2}-\d{2}T/.test(sinceTime))
      return `error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`;
    query.sinceTime = sinceTime;
  }
  const limit = flags.int('limit-bytes');
  if (limit !== undefined && limit !== 0) {
    if (limit < 1) return 'error: --limit-bytes must be greater than 0';
    query.limitBytes = String(limit);
  }
  const tail = flags.int('tail');
  if (tail !== undefined && tail < -1) return 'error: --tail must be greater than or equal to -1';
  return query;
}
