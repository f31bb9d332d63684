import { describe, expect, it } from 'vitest';
import { chipColumns, geometry, lanesPerRowFor, layoutDiagram, pendingLaneKey } from './layout.ts';
import type { DiagramModel, NodeItem, PodItem, ServiceItem } from './model.ts';

function node(name: string): NodeItem {
  return { kind: 'Node', key: `Node/${name}`, name, role: 'worker', ready: true, schedulable: true };
}

function pod(name: string, nodeName: string | null, namespace = 'default'): PodItem {
  return {
    kind: 'Pod',
    key: `Pod/${namespace}/${name}`,
    name,
    namespace,
    nodeName,
    phase: 'Running',
    status: 'Running',
    tone: 'running',
    dimmed: namespace === 'kube-system',
  };
}

function service(name: string, podKeys: string[]): ServiceItem {
  return {
    kind: 'Service',
    key: `Service/default/${name}`,
    name,
    namespace: 'default',
    type: 'ClusterIP',
    podKeys,
    dimmed: false,
  };
}

const nodes = [node('control-plane'), node('worker-1'), node('worker-2')];
const wide = { width: 1600, height: 600 };

function model(pods: PodItem[], services: ServiceItem[] = []): DiagramModel {
  return { nodes, pods, services };
}

describe('layoutDiagram', () => {
  it('gives every node a lane, plus the Pending lane last', () => {
    const layout = layoutDiagram(model([]), wide);
    expect(layout.lanes.map((lane) => lane.key)).toEqual([
      'Node/control-plane',
      'Node/worker-1',
      'Node/worker-2',
      pendingLaneKey,
    ]);
  });

  it('puts a pod inside its node lane and an unscheduled pod in the Pending lane', () => {
    const layout = layoutDiagram(model([pod('web', 'worker-1'), pod('waiting', null)]), wide);
    const lane = (key: string) => layout.lanes.find((l) => l.key === key);
    const inside = (p: { x: number; y: number }, l: { x: number; y: number; width: number; height: number }) =>
      p.x >= l.x && p.y >= l.y && p.x < l.x + l.width && p.y < l.y + l.height;
    const [web, waiting] = ['Pod/default/web', 'Pod/default/waiting'].map((key) =>
      layout.pods.find((p) => p.key === key),
    );
    expect(web && inside(web, lane('Node/worker-1')!)).toBe(true);
    expect(waiting && inside(waiting, lane(pendingLaneKey)!)).toBe(true);
  });

  it('is deterministic: the same model gives the same positions', () => {
    const pods = Array.from({ length: 40 }, (_, i) => pod(`p-${i}`, i % 2 ? 'worker-1' : 'worker-2'));
    expect(layoutDiagram(model(pods), wide)).toEqual(layoutDiagram(model([...pods].reverse()), wide));
  });

  it('orders pods in a lane by namespace (system last) and name, numerically', () => {
    const layout = layoutDiagram(
      model([pod('web-10', 'worker-1'), pod('coredns', 'worker-1', 'kube-system'), pod('web-2', 'worker-1')]),
      wide,
    );
    expect(layout.pods.map((p) => p.name)).toEqual(['web-2', 'web-10', 'coredns']);
  });

  it('does not overlap pod chips, even with hundreds of pods', () => {
    const pods = Array.from({ length: 300 }, (_, i) => pod(`p-${i}`, ['worker-1', 'worker-2', null][i % 3] ?? null));
    const layout = layoutDiagram(model(pods), wide);
    const seen = new Set(layout.pods.map((p) => `${p.x},${p.y}`));
    expect(seen.size).toBe(300);
    for (const p of layout.pods) {
      expect(p.x + p.width).toBeLessThanOrEqual(layout.width);
      expect(p.y + p.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('links a service to each of its pods and places it above them', () => {
    const layout = layoutDiagram(
      model(
        [pod('web-1', 'worker-1'), pod('web-2', 'worker-2')],
        [service('web', ['Pod/default/web-1', 'Pod/default/web-2'])],
      ),
      wide,
    );
    expect(layout.links.map((link) => link.podKey)).toEqual(['Pod/default/web-1', 'Pod/default/web-2']);
    const web = layout.services[0]!;
    expect(web.y + web.height).toBeLessThan(Math.min(...layout.pods.map((p) => p.y)));
  });

  it('fits a service without pods into the first row when there is room', () => {
    const layout = layoutDiagram(
      model([pod('web-1', 'worker-1')], [service('web', ['Pod/default/web-1']), service('kubernetes', [])]),
      wide,
    );
    expect(new Set(layout.services.map((s) => s.y)).size).toBe(1);
  });

  it('never overlaps services, wrapping them into rows', () => {
    const services = Array.from({ length: 30 }, (_, i) => service(`svc-${i}`, []));
    const layout = layoutDiagram(model([], services), wide);
    const boxes = layout.services;
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
    }
    expect(layout.servicesLane.height).toBeGreaterThan(geometry.serviceHeight * 2);
  });
});

describe('lanesPerRowFor', () => {
  it('uses one row in a wide viewport and a grid in a tall one', () => {
    expect(lanesPerRowFor(4, 300, 200, { width: 2000, height: 500 })).toBe(4);
    expect(lanesPerRowFor(4, 300, 200, { width: 700, height: 800 })).toBe(2);
  });
});

describe('chipColumns', () => {
  it.each([
    [0, 2],
    [10, 2],
    [50, 5],
    [110, 7],
  ])('%i pods in the busiest lane → %i columns', (pods, columns) => {
    expect(chipColumns(pods)).toBe(columns);
  });
});
