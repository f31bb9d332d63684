import shellQuote from 'shell-quote';
import { parseDuration, type Cluster } from '../engine/index.ts';
import { commandNames, runKubectl, type CommandResult } from './kubectl/index.ts';
import { applyCommand } from './kubectl/commands/apply.ts';
import {
  interactiveExecTarget,
  interactiveRunTarget,
  openExecSession,
  openRunSession,
  type ExecSession,
} from './session.ts';
import { completePath, expandGlob, FILE_COMMANDS, runFileCommand, writeRedirect } from './shellFiles.ts';
import { realSleep, runWatch } from './watch.ts';
import { fsErrorText, HOME, listDir, readFile, writeFile, type WorkspaceStore } from './workspace.ts';

/**
 * The lab's command line, shared by the browser terminal and tests: `kubectl …` (and the `k`
 * alias), `advance 30s` to move simulated time, `watch`, `clear`, `help`, the file commands over the
 * learner's workspace (ls, cat, pwd, rm, mkdir, touch), `>`/`>>`/`<` redirections, globs, and simple
 * pipes into grep, head, tail and wc, as a learner types them in a real shell.
 */
export interface ShellContext {
  cluster: Cluster;
  stdin?: string;
  /** namespace of the kubeconfig context; `kubectl config set-context --current --namespace` changes it. */
  namespace?: { current: string };
  /**
   * workspace holds the learner's files (the page's Editor files): the file commands and redirections
   * work on it, and kubectl reads `-f`/`-k` and writes `kubectl cp` through it unless readFile,
   * listDir or writeFile are given.
   */
  workspace?: WorkspaceStore;
  readFile?: (path: string) => string | undefined;
  listDir?: (path: string) => string[] | undefined;
  writeFile?: (path: string, content: string) => boolean;
  /** sleep waits between `watch` frames (default: real timers); tests inject one that moves simulated time. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** columns is the terminal's width (default 80), for `ls` columns and `watch`'s header. */
  columns?: () => number;
  /** onOutput streams what long-running commands print (get -w, logs -f); used when the line has no pipe. */
  onOutput?: (chunk: string) => void;
  /** signal stops long-running commands (Ctrl+C). */
  signal?: AbortSignal;
  /** openEditor shows an object in the page's editor for `kubectl edit`; onSave runs when the learner saves. */
  openEditor?: (yaml: string, onSave: (yaml: string) => Promise<CommandResult>) => void;
}

export interface ShellResult extends CommandResult {
  clear?: boolean;
  /** session is set when the line opened an interactive shell in a container (`kubectl exec -it … -- sh`). */
  session?: ExecSession;
}

const SHELL_HELP = `kubelab terminal — a simulated cluster, no real machines.

  kubectl <command> …   the kubectl you will use on a real cluster (alias: k)
  advance <duration>    move simulated time forward, e.g. advance 30s, advance 5m
  watch [-n SECONDS] [-t] <command>
                        run a command again every 2 seconds (or SECONDS); Ctrl+C stops it
  clear                 clear the screen (also Ctrl+L)
  help                  this text

Your files (the Editor's tabs) are in /home/student, the one working folder:
  ls [-l] [path]        list files          cat FILE…     print files
  pwd                   print the folder    rm [-r] FILE  remove files
  mkdir [-p] DIR        make a folder       touch FILE    make an empty file

kubectl apply -f pod.yaml (or -f k8s/) reads them; echo TEXT > FILE and
kubectl get pod web -o yaml > web.yaml write them. Tab completes file names.
Pipes into grep, head, tail and wc work: kubectl get pods -A | grep coredns
`;

/** Stage is one command of a pipeline: its words (globs still unexpanded) and its redirections. */
interface Stage {
  words: (string | { glob: string })[];
  output?: { path: string; append: boolean };
  input?: string;
}

function words(line: string): { stages: Stage[]; error?: string } {
  let parsed: ReturnType<typeof shellQuote.parse>;
  try {
    parsed = shellQuote.parse(line, (key) => `$${key}`);
  } catch {
    return { stages: [], error: 'sh: syntax error: unterminated quoted string' };
  }
  const stages: Stage[] = [{ words: [] }];
  for (let i = 0; i < parsed.length; i += 1) {
    const token = parsed[i];
    const stage = stages[stages.length - 1] as Stage;
    if (token === undefined) continue;
    if (typeof token === 'string') stage.words.push(token);
    else if ('op' in token && token.op === '|') stages.push({ words: [] });
    else if ('op' in token && token.op === 'glob') stage.words.push({ glob: token.pattern });
    else if ('op' in token && (token.op === '>' || token.op === '>>' || token.op === '<')) {
      const target = parsed[i + 1];
      if (typeof target !== 'string' && !(target && 'op' in target && target.op === 'glob'))
        return {
          stages: [],
          error: `sh: syntax error: unexpected ${target === undefined ? 'newline' : `"${'op' in target ? target.op : '#'}"`}`,
        };
      const path = typeof target === 'string' ? target : target.pattern;
      i += 1;
      if (token.op === '<') stage.input = path;
      else stage.output = { path, append: token.op === '>>' };
    } else if ('op' in token) return { stages: [], error: `sh: unsupported operator: ${token.op}` };
    else if ('comment' in token) break;
  }
  return { stages };
}

/** expandWords does pathname expansion (globs) over the workspace; without one, patterns stay as typed. */
function expandWords(stage: Stage, ctx: ShellContext): string[] {
  const workspace = ctx.workspace;
  return stage.words.flatMap((word) =>
    typeof word === 'string' ? [word] : workspace ? expandGlob(word.glob, workspace) : [word.glob],
  );
}

/** fileAccess is what kubectl reads and writes: the context's own functions, else the workspace's. */
function fileAccess(ctx: ShellContext) {
  const workspace = ctx.workspace;
  return {
    readFile: ctx.readFile ?? (workspace ? (path: string) => readFile(workspace.get(), path) : undefined),
    listDir: ctx.listDir ?? (workspace ? (path: string) => listDir(workspace.get(), path) : undefined),
    writeFile:
      ctx.writeFile ??
      (workspace
        ? (path: string, content: string) => {
            const written = writeFile(workspace.get(), path, content, workspace.now());
            if (written.ok) workspace.set(written.workspace);
            return written.ok;
          }
        : undefined),
  };
}

function filter(name: string, args: string[], input: string): ShellResult {
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const join = (out: string[]) => ({ stdout: out.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 });
  switch (name) {
    case 'grep': {
      const invert = args.includes('-v');
      const ignoreCase = args.includes('-i');
      const pattern = args.find((a) => !a.startsWith('-')) ?? '';
      let regex: RegExp;
      try {
        regex = new RegExp(pattern, ignoreCase ? 'i' : '');
      } catch {
        regex = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ignoreCase ? 'i' : '');
      }
      const out = lines.filter((l) => regex.test(l) !== invert);
      return { ...join(out), exitCode: out.length ? 0 : 1 };
    }
    case 'head':
    case 'tail': {
      const nFlag = args.indexOf('-n');
      const n = nFlag >= 0 ? Number(args[nFlag + 1]) : Number((args.find((a) => /^-\d+$/.test(a)) ?? '-10').slice(1));
      return join(name === 'head' ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n)));
    }
    case 'wc':
      return {
        stdout: `${args.includes('-l') ? lines.length : `${lines.length} ${input.split(/\s+/).filter(Boolean).length} ${input.length}`}\n`,
        stderr: '',
        exitCode: 0,
      };
    case 'sort':
      return join([...lines].sort());
    case 'cat':
      return { stdout: input, stderr: '', exitCode: 0 };
    default:
      return { stdout: '', stderr: `sh: ${name}: not found\n`, exitCode: 127 };
  }
}

async function runStage(
  argv: string[],
  ctx: ShellContext,
  stdin: string | undefined,
  streaming: boolean,
): Promise<ShellResult> {
  const [name, ...args] = argv;
  const namespace = ctx.namespace ?? { current: 'default' };
  const files = fileAccess(ctx);
  switch (name) {
    case undefined:
      return { stdout: '', stderr: '', exitCode: 0 };
    case 'kubectl':
    case 'k':
      return runKubectl(args, {
        client: ctx.cluster,
        namespace: namespace.current,
        ...(stdin !== undefined ? { stdin } : ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}),
        ...(files.readFile ? { readFile: files.readFile } : {}),
        ...(files.listDir ? { listDir: files.listDir } : {}),
        ...(files.writeFile ? { writeFile: files.writeFile } : {}),
        ...(ctx.workspace ? { workingDir: HOME } : {}),
        advance: (ms) => ctx.cluster.advance(ms),
        now: () => ctx.cluster.now(),
        setNamespace: (ns) => {
          namespace.current = ns;
        },
        ...(streaming && ctx.onOutput ? { onOutput: ctx.onOutput } : {}),
        ...(ctx.openEditor ? { openEditor: ctx.openEditor } : {}),
        ...(streaming && ctx.signal ? { signal: ctx.signal } : {}),
      });
    case 'advance': {
      const ms = parseDuration(args[0] ?? '');
      if (ms === undefined)
        return { stdout: '', stderr: `advance: invalid duration "${args[0] ?? ''}" (try 30s, 5m, 1h)\n`, exitCode: 1 };
      await ctx.cluster.advance(ms);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    case 'clear':
      return { stdout: '', stderr: '', exitCode: 0, clear: true };
    case 'help':
      return { stdout: SHELL_HELP, stderr: '', exitCode: 0 };
    case 'echo':
      return { stdout: `${args.join(' ')}\n`, stderr: '', exitCode: 0 };
    case 'watch':
      return runWatch(args, {
        run: (line) => runCommandLine(line, { ...withoutTerminal(ctx), namespace }),
        now: () => ctx.cluster.now(),
        columns: ctx.columns ?? (() => 80),
        sleep: ctx.sleep ?? realSleep,
        ...(streaming && ctx.onOutput && ctx.signal ? { onOutput: ctx.onOutput, signal: ctx.signal } : {}),
      });
    default: {
      const workspace = ctx.workspace;
      if (workspace && (FILE_COMMANDS as readonly string[]).includes(name)) {
        const result = runFileCommand(name, args, workspace, {
          ...(stdin !== undefined ? { stdin } : {}),
          tty: streaming,
          columns: ctx.columns?.() ?? 80,
        });
        if (result) return result;
      }
      if (stdin !== undefined) return filter(name, args, stdin);
      if (['grep', 'head', 'tail', 'wc', 'sort', 'cat'].includes(name)) return filter(name, args, '');
      return { stdout: '', stderr: `sh: ${name}: not found\n`, exitCode: 127 };
    }
  }
}

/** withoutTerminal is the context for a command run inside another (watch): it prints into a frame, not the screen. */
function withoutTerminal(ctx: ShellContext): ShellContext {
  const { onOutput: _onOutput, signal: _signal, openEditor: _openEditor, ...rest } = ctx;
  return rest;
}

export async function runCommandLine(line: string, ctx: ShellContext): Promise<ShellResult> {
  const { stages, error } = words(line.trim());
  if (error) return { stdout: '', stderr: `${error}\n`, exitCode: 2 };
  const argv = stages.map((stage) => expandWords(stage, ctx));
  const interactive =
    argv.length === 1 && !stages[0]?.output && stages[0]?.input === undefined
      ? interactiveExecTarget(argv[0] ?? [])
      : undefined;
  const runTarget =
    argv.length === 1 && !stages[0]?.output && stages[0]?.input === undefined
      ? interactiveRunTarget(argv[0] ?? [])
      : undefined;
  if (runTarget) {
    const namespace = ctx.namespace ?? { current: 'default' };
    const opened = await openRunSession(runTarget, {
      client: ctx.cluster,
      namespace: namespace.current,
      advance: (ms) => ctx.cluster.advance(ms),
      now: () => ctx.cluster.now(),
    });
    if ('run' in opened)
      return {
        stdout: '',
        stderr: "If you don't see a command prompt, try pressing enter.\n",
        exitCode: 0,
        session: opened,
      };
    return opened;
  }
  if (interactive) {
    const namespace = ctx.namespace ?? { current: 'default' };
    const opened = await openExecSession(interactive, {
      client: ctx.cluster,
      namespace: namespace.current,
      advance: (ms) => ctx.cluster.advance(ms),
      now: () => ctx.cluster.now(),
    });
    if ('run' in opened) return { stdout: '', stderr: '', exitCode: 0, session: opened };
    return opened;
  }
  let input: string | undefined;
  let result: ShellResult = { stdout: '', stderr: '', exitCode: 0 };
  let stderr = '';
  for (const [index, stage] of stages.entries()) {
    const redirected = await redirections(stage, ctx);
    if ('exitCode' in redirected) {
      result = redirected;
      stderr += redirected.stderr;
      input = '';
      continue;
    }
    const stageInput = redirected.input ?? input;
    result = await runStage(argv[index] ?? [], ctx, stageInput, stages.length === 1 && !stage.output);
    stderr += result.stderr;
    input = result.stdout;
    if (stage.output && ctx.workspace) {
      const failed = writeRedirect(ctx.workspace, stage.output.path, result.stdout, true);
      result = failed
        ? { stdout: '', stderr: `sh: ${stage.output.path}: ${fsErrorText(failed)}\n`, exitCode: 1 }
        : { ...result, stdout: '' };
      if (failed) stderr += result.stderr;
      input = '';
    }
  }
  return { ...result, stderr };
}

/**
 * redirections opens a stage's `< FILE` and truncates its `> FILE` before the command runs, as a shell
 * does (so a command whose output cannot be written never runs); the output is appended afterwards.
 */
async function redirections(stage: Stage, ctx: ShellContext): Promise<{ input?: string } | ShellResult> {
  const workspace = ctx.workspace;
  const failure = (path: string, text: string): ShellResult => ({
    stdout: '',
    stderr: `sh: ${path}: ${text}\n`,
    exitCode: 1,
  });
  let input: string | undefined;
  if (stage.input !== undefined) {
    const text = fileAccess(ctx).readFile?.(stage.input);
    if (text === undefined) return failure(stage.input, fsErrorText('ENOENT'));
    input = text;
  }
  if (stage.output) {
    if (!workspace) return failure(stage.output.path, 'Read-only file system');
    const failed = writeRedirect(workspace, stage.output.path, '', stage.output.append);
    if (failed) return failure(stage.output.path, fsErrorText(failed));
  }
  return input === undefined ? {} : { input };
}

const KUBECTL_WORDS = commandNames();
const TOP_WORDS = ['kubectl', 'advance', 'watch', 'clear', 'help', 'echo', ...FILE_COMMANDS].sort();

/** completeCommandLine offers candidates for the last word: commands, then resource types, then names. */
export async function completeCommandLine(line: string, ctx: ShellContext): Promise<string[]> {
  const parts = line.replace(/^.*[|;]\s*/, '').split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  let before = parts.slice(0, -1).filter((p) => p !== '');
  if (before[0] === 'watch') {
    // watch's own options, then the watched command: complete that command as if typed alone.
    let skip = 1;
    while (skip < before.length && (before[skip] ?? '').startsWith('-'))
      skip += before[skip] === '-n' || before[skip] === '--interval' ? 2 : 1;
    if (skip < before.length || !last.startsWith('-')) before = before.slice(skip);
  }
  if (before.length === 0) return TOP_WORDS.filter((w) => w.startsWith(last));
  if (ctx.workspace) {
    const paths = completePath(before, last, ctx.workspace);
    if (paths) return paths;
  }
  if (before[0] !== 'kubectl' && before[0] !== 'k') return [];
  const rest = before.slice(1).filter((w) => !w.startsWith('-'));
  if (rest.length === 0) return KUBECTL_WORDS.filter((w) => w.startsWith(last));
  const types = [
    'pods',
    'deployments',
    'services',
    'nodes',
    'namespaces',
    'configmaps',
    'secrets',
    'replicasets',
    'statefulsets',
    'daemonsets',
    'jobs',
    'cronjobs',
    'events',
    'ingresses',
    'persistentvolumeclaims',
    'persistentvolumes',
    'serviceaccounts',
    'all',
  ];
  if (
    rest.length === 1 &&
    ['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'explain'].includes(rest[0] as string)
  )
    return types.filter((t) => t.startsWith(last));
  const kindWord = rest[1] ?? (['logs', 'exec'].includes(rest[0] as string) ? 'pods' : undefined);
  if (!kindWord) return [];
  const kinds: Record<string, string> = {
    pods: 'Pod',
    pod: 'Pod',
    po: 'Pod',
    deployments: 'Deployment',
    deploy: 'Deployment',
    services: 'Service',
    svc: 'Service',
    nodes: 'Node',
    node: 'Node',
    namespaces: 'Namespace',
    ns: 'Namespace',
    configmaps: 'ConfigMap',
    cm: 'ConfigMap',
    secrets: 'Secret',
  };
  const kind = kinds[kindWord];
  if (!kind) return [];
  const ns = ctx.namespace?.current ?? 'default';
  const objects = ctx.cluster.list(kind, kind === 'Node' || kind === 'Namespace' ? undefined : ns);
  return objects.map((o) => o.metadata.name ?? '').filter((n) => n.startsWith(last));
}

/** applyManifests applies the editor's text exactly as `kubectl apply -f -` would. */
export async function applyManifests(yamlText: string, ctx: ShellContext): Promise<CommandResult> {
  try {
    return await applyCommand(['-f', '-'], {
      client: ctx.cluster,
      namespace: ctx.namespace?.current ?? 'default',
      stdin: yamlText,
      advance: (ms) => ctx.cluster.advance(ms),
      now: () => ctx.cluster.now(),
    });
  } catch (error) {
    return { stdout: '', stderr: `error: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 1 };
  }
}
