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
