import type { Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import { SchedulerCache } from '../framework/cache.ts';
import { CycleState, isPreFilterResult, type FilterPlugin, type ScorePlugin } from '../framework/interface.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import { PodInfo } from '../framework/pod-info.ts';
import type { PluginStatus } from '../framework/status.ts';

/** clusterOf builds a cache from nodes, bound pods and namespaces, as the informers would fill it. */
export function clusterOf(
  nodes: readonly Node[],
  pods: readonly Pod[] = [],
  namespaces: readonly Namespace[] = [],
): SchedulerCache {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.addNode(n);
  for (const p of pods) cache.addPod(p);
  for (const ns of namespaces) cache.setNamespace(ns);
  return cache;
}

/** namespace makes a Namespace with labels, for namespaceSelector tests. */
export function namespace(name: string, labels: Record<string, string> = {}): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/**
 * runFilter runs one plugin's preFilter and filter over every node and returns each node's status (undefined =
 * passes). A preFilter Skip passes every node; a preFilter rejection is returned for every node.
 */
export function runFilter(
  plugin: FilterPlugin,
  pod: Pod,
  cache: SchedulerCache,
): Record<string, PluginStatus | undefined> {
  const pi = new PodInfo(pod);
  const cycle = new CycleState(cache, pi);
  const pre = plugin.preFilter?.(cycle, pi);
  const out: Record<string, PluginStatus | undefined> = {};
  for (const ni of cache.nodeInfos) {
    if (pre !== undefined && !isPreFilterResult(pre) && pre.code !== 'Success') {
      out[ni.name] = pre.code === 'Skip' ? undefined : pre;
      continue;
    }
    out[ni.name] = plugin.filter(cycle, pi, ni);
  }
  return out;
}

/** reasonsOf flattens filter results to the reason text (or '' for a pass), the shape most tables compare. */
export function reasonsOf(results: Record<string, PluginStatus | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v === undefined ? '' : v.reasons.join(', ')]));
}

/**
 * runScore runs preScore, score and normalize over the given feasible nodes (all nodes by default) and returns
 * the normalized scores by node, or 'skip' when preScore skipped the plugin.
 */
export function runScore(
  plugin: ScorePlugin,
  pod: Pod,
  cache: SchedulerCache,
  feasible?: readonly string[],
): Record<string, number> | 'skip' {
  const pi = new PodInfo(pod);
  const cycle = new CycleState(cache, pi);
  const nodes: NodeInfo[] =
    feasible === undefined
      ? [...cache.nodeInfos]
      : feasible.map((n) => cache.nodeInfo(n)).filter((n): n is NodeInfo => n !== undefined);
  const pre = plugin.preScore?.(cycle, pi, nodes);
  if (pre?.code === 'Skip') return 'skip';
  const scores = nodes.map((ni) => plugin.score(cycle, pi, ni));
  plugin.normalize?.(cycle, pi, scores, nodes);
  return Object.fromEntries(nodes.map((ni, i) => [ni.name, scores[i] ?? 0]));
}
