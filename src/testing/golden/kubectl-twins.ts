import { expect } from 'vitest';
import shellQuote from 'shell-quote';
import { startApiServer, type ApiHttpServer } from '../../cli/serve.ts';
import { runKubectl, type CommandResult, type KubectlContext } from '../../clients/kubectl/index.ts';
import { BUILT_IN_RESOURCES, createCluster, parseDuration, type Cluster, type KubeObject } from '../../engine/index.ts';
import { runOracleAsync } from '../oracle.ts';

/**
 * Twins are two identical simulated clusters built by the same steps: the emulator runs on one,
 * the real kubectl 1.35 (over HTTP, time paused) on the other, so a golden test can compare
 * their output byte for byte and then the objects each left behind. The clusters start so that
 * simulated "now" is the wall clock, because the real kubectl computes some ages itself.
 */
export interface Twins {
  ours: Cluster;
  theirs: Cluster;
  url: string;
  /** files are visible to both kubectls (`-f pod.yaml`), as if in the working directory. */
  files: Record<string, string>;
  close(): Promise<void>;
}

export type Outcome = CommandResult;

/** A setup step: a kubectl command line (without `kubectl`), or `advance 30s`. */
export type Step = string;

const WARM_UP_MS = 5 * 60_000;

/**
 * makeTwins builds the twins. lagMs starts them that much further in the past, so that when the
 * tests run the wall clock is lagMs past the clusters' "now": with lagMs = 30s and events at whole
 * minutes of simulated time, ages the real kubectl computes stay inside one minute for 30 s.
 */
export async function makeTwins(
  steps: Step[] = [],
  files: Record<string, string> = {},
  options: { lagMs?: number } = {},
): Promise<Twins> {
  const advanced = steps
    .filter((s) => s.startsWith('advance '))
    .reduce((sum, s) => sum + (parseDuration(s.slice('advance '.length)) ?? 0), 0);
  const start = Date.now() - WARM_UP_MS - advanced - (options.lagMs ?? 0);
  const ours = createCluster({ start });
  const theirs = createCluster({ start });
  for (const cluster of [ours, theirs]) {
    for (const step of steps) {
      if (step.startsWith('advance ')) {
        await cluster.advance(parseDuration(step.slice('advance '.length)) ?? 0);
        continue;
      }
      const result = await runKubectl(words(step), context(cluster, files));
      if (result.exitCode !== 0) throw new Error(`setup step "${step}" failed: ${result.stderr}`);
    }
  }
  const server: ApiHttpServer = await startApiServer(theirs, { port: 0, paused: true });
  return { ours, theirs, url: `http://127.0.0.1:${server.port}`, files, close: () => server.close() };
}

export function words(line: string): string[] {
  return shellQuote.parse(line).map((t) => (typeof t === 'string' ? t : 'op' in t && t.op === 'glob' ? t.pattern : ''));
}

/** context is the emulator's context for a twin: the files, stdin, and simulated time. */
export function context(
  cluster: Cluster,
  files: Record<string, string>,
  extra: Partial<KubectlContext> = {},
): KubectlContext {
  return {
    client: cluster,
    namespace: 'default',
    readFile: (path) => files[path],
    listDir: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const inside = Object.keys(files).filter((f) => f.startsWith(prefix));
      return inside.length ? inside : undefined;
    },
    advance: (ms) => cluster.advance(ms),
    now: () => cluster.now(),
    ...extra,
  };
}

/**
 * ours runs the emulator on the first twin. wallClock computes client-side ages from the wall clock,
 * as the real kubectl does, instead of from simulated time.
 */
export async function ours(t: Twins, line: string, stdin?: string, wallClock = false): Promise<Outcome> {
  return runKubectl(
    words(line),
    context(t.ours, t.files, {
      ...(stdin !== undefined ? { stdin } : {}),
      ...(wallClock ? { now: () => Date.now() } : {}),
    }),
  );
}

/** theirs runs the real kubectl on the second twin. */
export async function theirs(t: Twins, line: string, stdin?: string): Promise<Outcome> {
  const options = {
    ...(stdin !== undefined ? { stdin } : {}),
    ...(Object.keys(t.files).length ? { files: t.files } : {}),
  };
  const result = await runOracleAsync([`--server=${t.url}`, ...words(line)], options);
  return result;
}

/** both runs a command line on each twin: the emulator's answer and the real kubectl's. */
export async function both(
  t: Twins,
  line: string,
  stdin?: string,
  wallClock = false,
): Promise<{ ours: Outcome; real: Outcome }> {
  const real = await theirs(t, line, stdin);
  const mine = await ours(t, line, stdin, wallClock);
  return { ours: mine, real };
}

/** stored reads an object from a twin's store, for comparing what each kubectl left behind. */
export function stored(cluster: Cluster, resource: string, namespace: string, name: string): KubeObject | undefined {
  const type = BUILT_IN_RESOURCES.find((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) === resource);
  if (!type) throw new Error(`unknown resource ${resource}`);
  const object = cluster.server.store.get(resource, type.namespaced ? namespace : '', name);
  return object ? structuredClone(object) : undefined;
}

/** expectSameObjects checks that both twins hold each named object alike after a command. */
export function expectSameObjects(
  t: Twins,
  objects: readonly (readonly [string, string])[],
  namespace = 'default',
): void {
  for (const [resource, name] of objects)
    expect(stored(t.ours, resource, namespace, name)).toEqual(stored(t.theirs, resource, namespace, name));
}
