import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDuration } from '../engine/index.ts';
import { runKubectl } from '../clients/kubectl/index.ts';
import { DEFAULT_STATE_FILE, loadState, saveState } from './state.ts';

const HELP = `kubelab — a simulated Kubernetes cluster for learning, driven from the command line.

Usage:
  kubelab kubectl ARGS…       kubectl against the simulated cluster
  kubelab advance DURATION    move simulated time forward (30s, 5m, 1h)
  kubelab reset               start again from the default cluster
  kubelab serve [--port N]    serve the Kubernetes API on 127.0.0.1 for the real kubectl and helm
  kubelab --help              this text

The cluster is kept in $KUBELAB_STATE, or --state FILE, or ./${DEFAULT_STATE_FILE}; a missing file starts
the default cluster (control-plane, worker-1, worker-2).
`;

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

function listDir(path: string): string[] | undefined {
  try {
    if (!statSync(path).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative('.', full) === full ? full : full);
    }
  };
  walk(path);
  return out;
}

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  let statePath = process.env.KUBELAB_STATE || DEFAULT_STATE_FILE;
  const args = [...argv];
  const stateFlag = args.findIndex((a) => a === '--state' || a.startsWith('--state='));
  if (
    stateFlag >= 0 &&
    stateFlag <
      (args.findIndex((a) => !a.startsWith('-')) === -1 ? args.length : args.findIndex((a) => !a.startsWith('-')) + 1)
  ) {
    const arg = args[stateFlag] as string;
    if (arg.includes('=')) {
      statePath = arg.slice(arg.indexOf('=') + 1);
      args.splice(stateFlag, 1);
    } else {
      statePath = args[stateFlag + 1] ?? statePath;
      args.splice(stateFlag, 2);
    }
  }
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === 'serve') {
    const { serve } = await import('./serve.ts');
    return serve(rest, statePath);
  }
  if (command === 'reset') {
    const { createCluster } = await import('../engine/index.ts');
    saveState(statePath, createCluster(), 'default');
    process.stdout.write('kubelab: the cluster is back to its default state\n');
    return 0;
  }
  if (command !== 'kubectl' && command !== 'advance') {
    process.stderr.write(`kubelab: unknown command "${command}"\nRun 'kubelab --help' for usage.\n`);
    return 1;
  }
  const loaded = loadState(statePath);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    return 1;
  }
  const { cluster } = loaded;
  let namespace = loaded.namespace;
  if (command === 'advance') {
    const ms = parseDuration(rest[0] ?? '');
    if (ms === undefined) {
      process.stderr.write(`kubelab: invalid duration "${rest[0] ?? ''}"; use Go durations such as 30s, 5m, 1h30m\n`);
      return 1;
    }
    await cluster.advance(ms);
    saveState(statePath, cluster, namespace);
    return 0;
  }
  const wantsStdin =
    rest.some(
      (a, i) => (a === '-' && ['-f', '--filename'].includes(rest[i - 1] ?? '')) || a === '--filename=-' || a === '-f-',
    ) ||
    (rest.includes('-i') && !process.stdin.isTTY);
  const result = await runKubectl(rest, {
    client: cluster,
    namespace,
    ...(wantsStdin ? { stdin: readStdin() } : {}),
    readFile,
    listDir,
    workingDir: process.cwd(),
    advance: (ms) => cluster.advance(ms),
    now: () => cluster.now(),
    setNamespace: (ns) => {
      namespace = ns;
    },
  });
  saveState(statePath, cluster, namespace);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kubelab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
