import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from './framework/cache.ts';
import type { FilterPlugin, Plugin, ScheduleResult, ScorePlugin } from './framework/interface.ts';
import { scheduleOne, type Profile, type ScheduleOptions } from './framework/schedule.ts';
import * as balancedallocation from './plugins/balancedallocation/balancedallocation.ts';
import * as imagelocality from './plugins/imagelocality/imagelocality.ts';
import * as interpodaffinity from './plugins/interpodaffinity/interpodaffinity.ts';
import * as nodeaffinity from './plugins/nodeaffinity/nodeaffinity.ts';
import * as nodename from './plugins/nodename/nodename.ts';
import * as nodeports from './plugins/nodeports/nodeports.ts';
import * as noderesourcesfit from './plugins/noderesourcesfit/noderesourcesfit.ts';
import * as nodeunschedulable from './plugins/nodeunschedulable/nodeunschedulable.ts';
import * as podtopologyspread from './plugins/podtopologyspread/podtopologyspread.ts';
import * as tainttoleration from './plugins/tainttoleration/tainttoleration.ts';

/** PluginArgs are what a profile passes a plugin factory; today only the score weight. */
export interface PluginArgs {
  weight: number;
}

/** PluginFactory builds one plugin instance for a profile; it may filter, score, or both. */
export type PluginFactory = (args: PluginArgs) => Plugin & Partial<FilterPlugin> & Partial<ScorePlugin>;

/** IN_TREE_REGISTRY maps the real plugin names to their factories (pkg/scheduler/framework/plugins/registry.go). */
export const IN_TREE_REGISTRY: Readonly<Record<string, PluginFactory>> = Object.freeze({
  [nodeunschedulable.NAME]: () => nodeunschedulable.createNodeUnschedulable(),
  [nodename.NAME]: () => nodename.createNodeName(),
  [tainttoleration.NAME]: (a) => tainttoleration.createTaintToleration(a),
  [nodeaffinity.NAME]: (a) => nodeaffinity.createNodeAffinity(a),
  [nodeports.NAME]: () => nodeports.createNodePorts(),
  [noderesourcesfit.NAME]: (a) => noderesourcesfit.createNodeResourcesFit(a),
  [podtopologyspread.NAME]: (a) => podtopologyspread.createPodTopologySpread(a),
  [interpodaffinity.NAME]: (a) => interpodaffinity.createInterPodAffinity(a),
  [balancedallocation.NAME]: (a) => balancedallocation.createBalancedAllocation(a),
  [imagelocality.NAME]: (a) => imagelocality.createImageLocality(a),
});

/** ProfileConfig names the filters in the order they run and the scorers with their weights. */
export interface ProfileConfig {
  filter: readonly string[];
  score: readonly { name: string; weight: number }[];
}

/**
 * DEFAULT_PROFILE is the default-scheduler profile of 1.35 for the plugins simulated here (volume plugins,
 * DRA and scheduling gates are not): filters in the real order, so the first failing one names the reason,
 * and the default score weights.
 */
export const DEFAULT_PROFILE: ProfileConfig = Object.freeze({
  filter: [
    nodeunschedulable.NAME,
    nodename.NAME,
    tainttoleration.NAME,
    nodeaffinity.NAME,
    nodeports.NAME,
    noderesourcesfit.NAME,
    podtopologyspread.NAME,
    interpodaffinity.NAME,
  ],
  score: [
    { name: tainttoleration.NAME, weight: 3 },
    { name: nodeaffinity.NAME, weight: 2 },
    { name: noderesourcesfit.NAME, weight: 1 },
    { name: podtopologyspread.NAME, weight: 2 },
    { name: interpodaffinity.NAME, weight: 2 },
    { name: balancedallocation.NAME, weight: 1 },
    { name: imagelocality.NAME, weight: 1 },
  ],
});

/**
 * Scheduler is the plugin registry plus profile builder. Out-of-tree plugins (a lesson's custom filter) are
 * registered by name and then used in a ProfileConfig like the in-tree ones.
 */
export class Scheduler {
  private readonly factories: Map<string, PluginFactory>;
  private defaultProfileCache: Profile | undefined;

  constructor(registry: Readonly<Record<string, PluginFactory>> = IN_TREE_REGISTRY) {
    this.factories = new Map(Object.entries(registry));
  }

  register(name: string, factory: PluginFactory): this {
    if (this.factories.has(name)) throw new Error(`a plugin named "${name}" already exists`);
    this.factories.set(name, factory);
    this.defaultProfileCache = undefined;
    return this;
  }

  names(): string[] {
    return [...this.factories.keys()];
  }

  /** profile instantiates each named plugin once, so a plugin that filters and scores shares one instance. */
  profile(config: ProfileConfig = DEFAULT_PROFILE): Profile {
    if (config === DEFAULT_PROFILE && this.defaultProfileCache !== undefined) return this.defaultProfileCache;
    const instances = new Map<string, Plugin & Partial<FilterPlugin> & Partial<ScorePlugin>>();
    const weights = new Map(config.score.map((s) => [s.name, s.weight]));
    const instance = (name: string) => {
      let pl = instances.get(name);
      if (pl === undefined) {
        const factory = this.factories.get(name);
        if (factory === undefined) throw new Error(`plugin "${name}" does not exist`);
        pl = factory({ weight: weights.get(name) ?? 0 });
        instances.set(name, pl);
      }
      return pl;
    };
    const filterPlugins = config.filter.map((name) => {
      const pl = instance(name);
      if (typeof pl.filter !== 'function') throw new Error(`plugin "${name}" does not extend Filter`);
      return pl as FilterPlugin;
    });
    const scorePlugins = config.score.map(({ name, weight }) => {
      const pl = instance(name);
      if (typeof pl.score !== 'function') throw new Error(`plugin "${name}" does not extend Score`);
      return (pl.weight === weight ? pl : { ...pl, weight }) as ScorePlugin;
    });
    const profile: Profile = { filterPlugins, scorePlugins };
    if (config === DEFAULT_PROFILE) this.defaultProfileCache = profile;
    return profile;
  }

  /** schedule runs one cycle with this registry's default profile unless options name another. */
  schedule(pod: Pod, cluster: ClusterView, options: ScheduleOptions): ScheduleResult {
    return scheduleOne(pod, cluster, options.profile ?? this.profile(), options);
  }
}

const defaultScheduler = new Scheduler();

/** defaultProfile is the default-scheduler profile built from the in-tree registry. */
export function defaultProfile(): Profile {
  return defaultScheduler.profile();
}

/**
 * schedulePod runs one scheduling cycle for a pending pod against the cache — filter → score → select — and
 * returns every decision (see ScheduleResult). It never binds: the caller writes spec.nodeName (or evicts the
 * victims) through the API, and feeds the resulting watch events back into the cache.
 */
export function schedulePod(pod: Pod, cluster: ClusterView, options: ScheduleOptions): ScheduleResult {
  return defaultScheduler.schedule(pod, cluster, options);
}
