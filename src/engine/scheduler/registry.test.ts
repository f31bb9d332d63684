import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random.ts';
import { unresolvable } from './framework/status.ts';
import { DEFAULT_PROFILE, Scheduler } from './registry.ts';
import { pod, standardNode } from './testing/builders.ts';
import { clusterOf } from './testing/harness.ts';

describe('Scheduler registry', () => {
  it('builds the default profile with the real weights, one instance per plugin', () => {
    const profile = new Scheduler().profile();
    expect(profile.filterPlugins.map((p) => p.name)).toEqual(DEFAULT_PROFILE.filter);
    expect(Object.fromEntries(profile.scorePlugins.map((p) => [p.name, p.weight]))).toEqual({
      TaintToleration: 3,
      NodeAffinity: 2,
      PodTopologySpread: 2,
      InterPodAffinity: 2,
      NodeResourcesFit: 1,
      NodeResourcesBalancedAllocation: 1,
      ImageLocality: 1,
    });
    const taints = profile.filterPlugins.find((p) => p.name === 'TaintToleration');
    expect(profile.scorePlugins.find((p) => p.name === 'TaintToleration')).toBe(taints);
  });

  it('runs out-of-tree plugins registered by name', () => {
    const scheduler = new Scheduler().register('OnlyEven', () => ({
      name: 'OnlyEven',
      filter: (_cycle, _pod, ni) => (Number(ni.name.slice(1)) % 2 === 0 ? undefined : unresolvable('node(s) are odd')),
    }));
    const profile = scheduler.profile({ filter: ['OnlyEven'], score: [] });
    const rng = new SeededRandom(3);
    const result = scheduler.schedule(pod('p').obj(), clusterOf([standardNode('n1').obj(), standardNode('n2').obj()]), {
      random: () => rng.next(),
      profile,
    });
    expect(result.nodeName).toBe('n2');
  });

  it('rejects unknown plugins and plugins used at the wrong extension point', () => {
    const s = new Scheduler();
    expect(() => s.profile({ filter: ['Nope'], score: [] })).toThrow('plugin "Nope" does not exist');
    expect(() => s.profile({ filter: ['ImageLocality'], score: [] })).toThrow(
      'plugin "ImageLocality" does not extend Filter',
    );
    expect(() => s.profile({ filter: [], score: [{ name: 'NodePorts', weight: 1 }] })).toThrow('does not extend Score');
    expect(() => s.register('NodePorts', () => ({ name: 'NodePorts' }))).toThrow('already exists');
  });
});
