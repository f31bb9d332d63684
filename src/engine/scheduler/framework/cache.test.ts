import { describe, expect, it } from 'vitest';
import { node, pod, standardNode } from '../testing/builders.ts';
import { SchedulerCache } from './cache.ts';

const used = (cache: SchedulerCache, name: string) => {
  const ni = cache.nodeInfo(name);
  return (
    ni && {
      pods: ni.pods.length,
      cpu: ni.requestedMilliCPU,
      memory: ni.requestedMemory,
      nonZeroCPU: ni.nonZeroMilliCPU,
    }
  );
};

describe('SchedulerCache', () => {
  it('counts a pod on its node from the moment it is bound', () => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    const p = pod('web').requests({ cpu: '500m', memory: '128Mi' });
    cache.addPod(p.obj());
    expect(used(cache, 'w1')).toEqual({ pods: 0, cpu: 0, memory: 0, nonZeroCPU: 0 });
    cache.updatePod(p.node('w1').obj());
    expect(used(cache, 'w1')).toEqual({ pods: 1, cpu: 500, memory: 134217728, nonZeroCPU: 500 });
    expect(cache.podNode('default/web')).toBe('w1');
  });

  it.each(['Succeeded', 'Failed'])('frees the node when the pod is %s', (phase) => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    const p = pod('job').node('w1').requests({ cpu: '1' });
    cache.addPod(p.obj());
    cache.updatePod(p.phase(phase).obj());
    expect(used(cache, 'w1')).toEqual({ pods: 0, cpu: 0, memory: 0, nonZeroCPU: 0 });
  });

  it('keeps counting Running and terminating pods until they are removed', () => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    const p = pod('web').node('w1').requests({ cpu: '1' }).phase('Running');
    cache.addPod(p.obj());
    cache.updatePod(p.terminating().obj());
    expect(used(cache, 'w1')?.cpu).toBe(1000);
    cache.removePod(p.obj());
    expect(used(cache, 'w1')?.cpu).toBe(0);
  });

  it('moves a pod when an update changes its requests', () => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    cache.addPod(pod('web').node('w1').requests({ cpu: '1' }).obj());
    cache.updatePod(pod('web').node('w1').requests({ cpu: '2' }).obj());
    expect(used(cache, 'w1')).toMatchObject({ pods: 1, cpu: 2000 });
  });

  it('counts missing requests as 100m / 200Mi only in nonZeroRequested', () => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    cache.addPod(pod('be').node('w1').image('nginx').obj());
    const ni = cache.nodeInfo('w1');
    expect(ni?.requested).toMatchObject({ milliCPU: 0, memory: 0 });
    expect(ni?.nonZeroRequested).toMatchObject({ milliCPU: 100, memory: 200 * 1024 * 1024 });
  });

  it('keeps pods bound to a node it has not seen yet and attaches them when the node arrives', () => {
    const cache = new SchedulerCache();
    cache.addPod(pod('early').node('w1').requests({ cpu: '1' }).obj());
    expect(cache.nodeInfo('w1')).toBeUndefined();
    expect(cache.nodeInfos).toHaveLength(0);
    cache.addNode(standardNode('w1').obj());
    expect(used(cache, 'w1')).toMatchObject({ pods: 1, cpu: 1000 });
  });

  it('hides a removed node but remembers its pods until they go too', () => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    cache.addNode(standardNode('w2').obj());
    cache.addPod(pod('p').node('w1').requests({ cpu: '1' }).obj());
    cache.removeNode('w1');
    expect(cache.nodeInfos.map((n) => n.name)).toEqual(['w2']);
    cache.addNode(standardNode('w1').obj());
    expect(used(cache, 'w1')).toMatchObject({ pods: 1 });
    expect(cache.nodeInfos.map((n) => n.name)).toEqual(['w2', 'w1']);
  });

  it('follows node updates: allocatable, labels, taints, cordon', () => {
    const cache = new SchedulerCache();
    cache.addNode(standardNode('w1').obj());
    cache.updateNode(
      node('w1').capacity({ cpu: '8', memory: '16Gi', pods: 50 }).label('tier', 'gold').unschedulable().obj(),
    );
    const ni = cache.nodeInfo('w1');
    expect(ni?.allocatable).toMatchObject({ milliCPU: 8000, allowedPodNumber: 50 });
    expect(ni?.labels['tier']).toBe('gold');
    expect(ni?.unschedulable).toBe(true);
  });

  it('tracks on how many nodes each image is', () => {
    const cache = new SchedulerCache();
    cache.addNode(node('a').image(['nginx:latest'], 100).obj());
    cache.addNode(node('b').image(['nginx:latest', 'nginx:1.27'], 100).obj());
    expect(cache.imageNodeCount('nginx:latest')).toBe(2);
    cache.removeNode('a');
    expect(cache.imageNodeCount('nginx:latest')).toBe(1);
    expect(cache.imageNodeCount('nginx:1.27')).toBe(1);
  });

  it('lists the nodes hosting pods with affinity and anti-affinity', () => {
    const cache = new SchedulerCache();
    cache.addNode(node('a').obj());
    cache.addNode(node('b').obj());
    const anti = pod('anti').node('b').podAntiAffinity('kubernetes.io/hostname', { app: 'x' }).obj();
    cache.addPod(anti);
    expect([...cache.nodesWithPodAffinity()].map((n) => n.name)).toEqual(['b']);
    expect([...cache.nodesWithRequiredAntiAffinity()].map((n) => n.name)).toEqual(['b']);
    cache.removePod(anti);
    expect([...cache.nodesWithRequiredAntiAffinity()]).toEqual([]);
  });

  it('handles thousands of nodes and pods incrementally', () => {
    const cache = new SchedulerCache();
    for (let i = 0; i < 5000; i++) cache.addNode(standardNode(`n${i}`).obj());
    for (let i = 0; i < 20000; i++)
      cache.addPod(
        pod(`p${i}`)
          .node(`n${i % 5000}`)
          .requests({ cpu: '100m' })
          .obj(),
      );
    for (let i = 0; i < 20000; i += 2) cache.removePod(`default/p${i}`);
    expect(cache.nodeInfos).toHaveLength(5000);
    expect(cache.nodeInfo('n1')?.requestedMilliCPU).toBe(400);
    expect(cache.nodeInfo('n0')?.requestedMilliCPU).toBe(0);
  });
});
