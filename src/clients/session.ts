import shellQuote from 'shell-quote';
import { runKubectl, type CommandResult, type KubectlContext } from './kubectl/index.ts';

/**
 * `kubectl exec -it POD -- sh` in the terminal: an interactive shell session inside the container.
 * Each line the learner types runs in the container's shell (in the current directory, with `cd`
 * remembered) until `exit`, as a real TTY session would, with the image's prompt.
 */
export interface ExecSession {
  /** prompt is what the container's shell shows: `/ # ` (busybox, alpine) or `root@web:/# ` (bash). */
  prompt(): string;
  run(line: string): Promise<CommandResult & { exit?: boolean }>;
}

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash']);
const TTY_FLAGS = new Set(['-it', '-ti', '-t', '--tty', '--tty=true']);

interface ExecTarget {
  /** args of `kubectl exec` without the TTY flags and without the command. */
  base: string[];
  shell: string;
  pod: string;
}

/** interactiveExecTarget recognises `kubectl exec -it POD [-c C] -- SHELL` (the only TTY form the lab opens). */
export function interactiveExecTarget(argv: string[]): ExecTarget | undefined {
  const [name, sub, ...rest] = argv;
  if ((name !== 'kubectl' && name !== 'k') || sub !== 'exec') return undefined;
  const dash = rest.indexOf('--');
  if (dash < 0) return undefined;
  const flags = rest.slice(0, dash);
  const command = rest.slice(dash + 1);
  if (!flags.some((f) => TTY_FLAGS.has(f)) || command.length !== 1 || !SHELLS.has(command[0] as string))
    return undefined;
  const base = flags.filter((f) => !TTY_FLAGS.has(f) && f !== '-i' && f !== '--stdin');
  const pod =
    base.find(
      (f, i) => !f.startsWith('-') && !['-c', '--container', '-n', '--namespace'].includes(base[i - 1] ?? ''),
    ) ?? '';
  return { base, shell: command[0] as string, pod: pod.includes('/') ? (pod.split('/')[1] ?? '') : pod };
}

function stripTermination(stderr: string): string {
  return stderr.replace(/command terminated with exit code \d+\n$/, '');
}

/** openExecSession checks the container answers, then returns the session (or kubectl's error). */
export async function openExecSession(target: ExecTarget, ctx: KubectlContext): Promise<ExecSession | CommandResult> {
  const probe = await runKubectl(['exec', ...target.base, '--', target.shell, '-c', 'pwd'], ctx);
  if (probe.exitCode !== 0) return probe;
  let cwd = probe.stdout.trim() || '/';
  const bash = target.shell.endsWith('bash');
  const inContainer = (script: string) =>
    runKubectl(['exec', ...target.base, '--', target.shell, '-c', `cd ${shellQuote.quote([cwd])} && ${script}`], ctx);
  return {
    prompt: () => (bash ? `root@${target.pod}:${cwd}# ` : `${cwd} # `),
    async run(line) {
      const trimmed = line.trim();
      if (trimmed === '') return { stdout: '', stderr: '', exitCode: 0 };
      if (trimmed === 'exit' || trimmed.startsWith('exit ')) return { stdout: '', stderr: '', exitCode: 0, exit: true };
      if (trimmed === 'cd' || trimmed.startsWith('cd ')) {
        const moved = await inContainer(`${trimmed} && pwd`);
        if (moved.exitCode === 0) cwd = moved.stdout.trim() || cwd;
        return { stdout: '', stderr: stripTermination(moved.stderr), exitCode: moved.exitCode };
      }
      const result = await inContainer(trimmed);
      return { ...result, stderr: stripTermination(result.stderr) };
    },
  };
}

/**
 * `kubectl run NAME -it [--rm] --image=IMAGE -- SHELL` in the terminal: the pod is created with an
 * open stdin and a TTY, the learner gets a shell in it once it runs, and `exit` ends the session —
 * deleting the pod with --rm, as kubectl does when the attached shell ends.
 */
interface RunTarget {
  /** args of `kubectl run` without the TTY flags and --rm, up to `--`. */
  create: string[];
  command: string[];
  name: string;
  namespace: string | undefined;
  shell: string;
  rm: boolean;
}

const RUN_TTY_FLAGS = new Set(['-it', '-ti', '-t', '--tty', '--tty=true', '-i', '--stdin', '--stdin=true']);

export function interactiveRunTarget(argv: string[]): RunTarget | undefined {
  const [name, sub, ...rest] = argv;
  if ((name !== 'kubectl' && name !== 'k') || sub !== 'run') return undefined;
  const dash = rest.indexOf('--');
  if (dash < 0) return undefined;
  const flags = rest.slice(0, dash);
  const command = rest.slice(dash + 1);
  const tty = flags.some((f) => ['-it', '-ti', '-t', '--tty', '--tty=true'].includes(f));
  if (!tty || command.length !== 1 || !SHELLS.has(command[0] as string)) return undefined;
  if (flags.some((f) => f === '-o' || f.startsWith('--output') || f.startsWith('-o') || f.startsWith('--dry-run')))
    return undefined;
  const create = flags.filter((f) => !RUN_TTY_FLAGS.has(f) && f !== '--rm' && f !== '--rm=true');
  const podName = create.find(
    (f, i) =>
      !f.startsWith('-') && !['-n', '--namespace', '--image', '-l', '--labels', '--env'].includes(create[i - 1] ?? ''),
  );
  if (!podName) return undefined;
  const nsIndex = create.findIndex((f) => f === '-n' || f === '--namespace');
  const nsInline = create.find((f) => f.startsWith('--namespace='));
  const namespace = nsIndex >= 0 ? create[nsIndex + 1] : nsInline?.slice('--namespace='.length);
  return {
    create,
    command,
    name: podName,
    namespace,
    shell: command[0] as string,
    rm: flags.includes('--rm') || flags.includes('--rm=true'),
  };
}

export async function openRunSession(target: RunTarget, ctx: KubectlContext): Promise<ExecSession | CommandResult> {
  const namespace = target.namespace ?? ctx.namespace;
  const created = await runKubectl(
    ['run', ...target.create, '--stdin', '--tty', '-o', 'name', '--', ...target.command],
    ctx,
  );
  if (created.exitCode !== 0) return created;
  // Wait (in simulated time) for the container to start, as kubectl waits before it attaches.
  for (let waited = 0; waited < 5 * 60_000; waited += 1000) {
    const pod = await ctx.client.request<{ status?: { phase?: string } }>({
      verb: 'GET',
      path: `/api/v1/namespaces/${namespace}/pods/${target.name}`,
    });
    const phase = pod.body.status?.phase;
    if (phase === 'Running') break;
    if (phase === 'Succeeded' || phase === 'Failed' || pod.status === 404)
      return { stdout: '', stderr: `error: pod ${target.name} is not running\n`, exitCode: 1 };
    if (!ctx.advance) break;
    await ctx.advance(1000);
  }
  const session = await openExecSession(
    { base: [target.name, '-n', namespace], shell: target.shell, pod: target.name },
    ctx,
  );
  if (!('run' in session)) return session;
  return {
    prompt: () => session.prompt(),
    async run(line) {
      const answer = await session.run(line);
      if (!answer.exit) return answer;
      if (!target.rm)
        return {
          ...answer,
          stdout: `Session ended, resume using 'kubectl attach ${target.name} -c ${target.name} -i -t' command when the pod is running\n`,
        };
      await ctx.client.request({
        verb: 'DELETE',
        path: `/api/v1/namespaces/${namespace}/pods/${target.name}`,
        body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 },
      });
      return { ...answer, stdout: `pod "${target.name}" deleted from ${namespace} namespace\n` };
    },
  };
}
