import { runCommandLine, type ShellContext } from '../clients/shell.ts';
import { createCluster, parseDuration, type Cluster, type ClusterSpec } from '../engine/index.ts';

/**
 * Lab is the test harness for scenarios: a fresh default cluster, kubectl command lines as a
 * learner types them, files for `-f`, and simulated time. It runs in-process (no child process),
 * so scenario tests stay fast.
 */
export interface Lab {
  cluster: Cluster;
  /** sh runs one command line, e.g. `kubectl get pods`, and returns its streams and exit code. */
  sh(line: string, stdin?: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** kubectl runs `kubectl …` and returns stdout, failing the test on a non-zero exit unless allowed. */
  kubectl(args: string, options?: { stdin?: string; allowFailure?: boolean }): Promise<string>;
  advance(duration: string): Promise<void>;
  file(path: string, text: string): void;
}

export function lab(spec: ClusterSpec = {}): Lab {
  const cluster = createCluster(spec);
  const files = new Map<string, string>();
  const ctx: ShellContext = {
    cluster,
    namespace: { current: 'default' },
    readFile: (path) => files.get(path),
    listDir: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const inside = [...files.keys()].filter((f) => f.startsWith(prefix));
      return inside.length ? inside : undefined;
    },
  };
  const sh = (line: string, stdin?: string) => runCommandLine(line, stdin === undefined ? ctx : { ...ctx, stdin });
  return {
    cluster,
    sh,
    async kubectl(args, options = {}) {
      const result = await sh(`kubectl ${args}`, options.stdin);
      if (result.exitCode !== 0 && !options.allowFailure) {
        throw new Error(`kubectl ${args} exited ${result.exitCode}:\n${result.stderr}${result.stdout}`);
      }
      return result.stdout;
    },
    async advance(duration) {
      const ms = parseDuration(duration);
      if (ms === undefined) throw new Error(`bad duration ${duration}`);
      await cluster.advance(ms);
    },
    file(path, text) {
      files.set(path, text);
    },
  };
}
