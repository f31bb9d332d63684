import shellQuote from 'shell-quote';
import { parseDuration, type Cluster } from '../engine/index.ts';
import { commandNames, runKubectl, type CommandResult } from './kubectl/index.ts';
import { applyCommand } from './kubectl/commands/apply.ts';
import { interactiveExecTarget, openExecSession, type ExecSession } from './session.ts';

/**
 * The lab's command line, shared by the browser terminal and tests: `kubectl …` (and the `k`
 * alias), `advance 30s` to move simulated time, `clear`, `help`, and simple pipes into grep,
 * head, tail and wc, as a learner types them in a real shell.
 */
export interface ShellContext {
  cluster: Cluster;
  stdin?: string;
  /** namespace of the kubeconfig context; `kubectl config set-context --current --namespace` changes it. */
  namespace?: { current: string };
  readFile?: (path: string) => string | undefined;
  listDir?: (path: string) => string[] | undefined;
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
  clear                 clear the screen (also Ctrl+L)
  help                  this text

Pipes into grep, head, tail and wc work: kubectl get pods -A | grep coredns
`;

function words(line: string): { argv: string[][]; error?: string } {
  let parsed: ReturnType<typeof shellQuote.parse>;
  try {
    parsed = shellQuote.parse(line, (key) => `$${key}`);
  } catch {
    return { argv: [], error: 'sh: syntax error: unterminated quoted string' };
  }
  const stages: string[][] = [[]];
  for (const token of parsed) {
    if (typeof token === 'string') stages[stages.length - 1]?.push(token);
    else if ('op' in token && token.op === '|') stages.push([]);
    else if ('op' in token && token.op === 'glob') stages[stages.length - 1]?.push(token.pattern);
    else if ('op' in token) return { argv: [], error: `sh: unsupported operator: ${token.op}` };
    else if ('comment' in token) break;
  }
  return { argv: stages };
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
  switch (name) {
    case undefined:
      return { stdout: '', stderr: '', exitCode: 0 };
    case 'kubectl':
    case 'k':
      return runKubectl(args, {
        client: ctx.cluster,
        namespace: namespace.current,
        ...(stdin !== undefined ? { stdin } : ctx.stdin !== undefined ? { stdin: ctx.stdin } : {}),
        ...(ctx.readFile ? { readFile: ctx.readFile } : {}),
        ...(ctx.listDir ? { listDir: ctx.listDir } : {}),
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
    default:
      if (stdin !== undefined) return filter(name, args, stdin);
      if (['grep', 'head', 'tail', 'wc', 'sort', 'cat'].includes(name)) return filter(name, args, '');
      return { stdout: '', stderr: `sh: ${name}: not found\n`, exitCode: 127 };
  }
}

export async function runCommandLine(line: string, ctx: ShellContext): Promise<ShellResult> {
  const { argv, error } = words(line.trim());
  if (error) return { stdout: '', stderr: `${error}\n`, exitCode: 2 };
  const interactive = argv.length === 1 ? interactiveExecTarget(argv[0] ?? []) : undefined;
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
  for (const stage of argv) {
    result = await runStage(stage, ctx, input, argv.length === 1);
    stderr += result.stderr;
    input = result.stdout;
  }
  return { ...result, stderr };
}

const KUBECTL_WORDS = commandNames();

/** completeCommandLine offers candidates for the last word: commands, then resource types, then names. */
export async function completeCommandLine(line: string, ctx: ShellContext): Promise<string[]> {
  const parts = line.split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  const before = parts.slice(0, -1).filter((p) => p !== '');
  if (before.length === 0) return ['kubectl', 'advance', 'clear', 'help'].filter((w) => w.startsWith(last));
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
