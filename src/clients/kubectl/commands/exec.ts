import { defaultContainer } from '../containers.ts';
import { attachablePod } from '../attachable.ts';
import type { ExecResponse } from '../../../engine/index.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

const EXEC_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'pod-running-timeout', type: 'string' },
];

interface PodLike {
  metadata: { name?: string; annotations?: Record<string, string> };
  spec?: { containers?: { name: string }[] };
  status?: { phase?: string };
}

/**
 * execCommand is `kubectl exec POD [-c C] -- COMMAND…`: the command runs in the container's
 * simulated shell; its output and exit code come back (`command terminated with exit code N`).
 */
export async function execCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, EXEC_FLAGS);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const target = flags.positional[0];
  const command = flags.afterDash ?? flags.positional.slice(1);
  if (!target)
    return fail("error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
  if (command.length === 0)
    return fail(
      "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples",
    );
  let podName = target;
  if (target.includes('/')) {
    const found = await attachablePod(ctx, namespace, target);
    if (!found.ok) return { stdout: '', stderr: found.error, exitCode: 1 };
    podName = found.pod.metadata?.name ?? '';
  }
  const pod = await ctx.client.request<PodLike>({
    verb: 'GET',
    path: `/api/v1/namespaces/${namespace}/pods/${podName}`,
  });
  const getError = responseError(pod);
  if (getError) return { stdout: '', stderr: getError, exitCode: 1 };
  const phase = pod.body.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed')
    return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  let stderr = '';
  let container = flags.string('container');
  if (!container) {
    const chosen = defaultContainer(pod.body, flags.bool('quiet'));
    container = chosen.container;
    stderr += chosen.notice;
  }
  const response = await ctx.client.request<ExecResponse>({
    verb: 'POST',
    path: `/api/v1/namespaces/${namespace}/pods/${podName}/exec`,
    body: { command, container, ...(flags.bool('stdin') && ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}) },
  });
  const error = responseError(response);
  if (error)
    return {
      stdout: '',
      stderr: stderr + error.replace(/^Error from server \(BadRequest\): /, 'error: '),
      exitCode: 1,
    };
  const result = response.body;
  stderr += result.stderr;
  if (result.exitCode !== 0) stderr += `command terminated with exit code ${result.exitCode}\n`;
  return { stdout: result.stdout, stderr, exitCode: result.exitCode };
}
