import type { DiagramModel, NodeItem, PodItem, ServiceItem } from './model.ts';
import { naturalOrder } from './naturalOrder.ts';

/**
 * layoutDiagram places the model on a grid, deterministically: the same objects always land in the same
 * spots, so screenshots are stable and a learner's mental map survives updates.
 *
 *   [ Services lane: each service above the middle of its pods (wrapping when full)   ]
 *   [ control-plane ] [ worker-1 ] [ worker-2 ] … [ Pending (unscheduled) ]   ← lanes
 *
 * Pods are chips in a grid inside their node's lane; every lane has the same size. Lanes wrap into rows;
 * how many per row is chosen from the viewport's shape so the whole cluster is as large as possible.
 */
export const geometry = {
  padding: 16,
  chipWidth: 156,
  chipHeight: 34,
  chipGap: 6,
  laneHeader: 40,
  laneInset: 10,
  laneGap: 20,
  serviceWidth: 160,
  serviceHeight: 36,
  serviceGap: 12,
  serviceRowGap: 10,
  servicesLabelWidth: 84,
  servicesLanePadding: 14,
  servicesToLanes: 48,
  minChipRows: 3,
} as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLane extends Rect {
  key: string;
  /** node is null for the Pending lane. */
  node: NodeItem | null;
  podCount: number;
}

export type PlacedPod = PodItem & Rect;
export type PlacedService = ServiceItem & Rect;

export interface PlacedLink {
  key: string;
  serviceKey: string;
  podKey: string;
  source: [number, number];
  target: [number, number];
  dimmed: boolean;
}

export interface DiagramLayout {
  lanes: PlacedLane[];
  pods: PlacedPod[];
  services: PlacedService[];
  links: PlacedLink[];
  servicesLane: Rect;
  width: number;
  height: number;
}

export const pendingLaneKey = 'lane/pending';

/** chipColumns grows with the busiest lane so a node with a hundred pods stays roughly square. */
export function chipColumns(maxPodsInLane: number): number {
  return Math.max(2, Math.ceil(Math.sqrt(maxPodsInLane / 3)));
}

function podOrder(a: PodItem, b: PodItem): number {
  return Number(a.dimmed) - Number(b.dimmed) || naturalOrder(a.namespace, b.namespace) || naturalOrder(a.name, b.name);
}

/** Viewport is the size of the box the diagram is shown in, used only to pick how many lanes per row. */
export interface Viewport {
  width: number;
  height: number;
}

/**
 * lanesPerRowFor picks the number of lanes per row that lets the whole grid be drawn largest in the
 * viewport; on a tie, more lanes per row wins (a wide row reads like a rack of machines).
 */
export function lanesPerRowFor(laneCount: number, laneWidth: number, laneHeight: number, viewport: Viewport): number {
  const g = geometry;
  const serviceRows = g.serviceHeight + 2 * g.servicesLanePadding + g.servicesToLanes;
  let best = 1;
  let bestScale = 0;
  for (let perRow = 1; perRow <= laneCount; perRow += 1) {
    const rows = Math.ceil(laneCount / perRow);
    const width = 2 * g.padding + perRow * laneWidth + (perRow - 1) * g.laneGap;
    const height = 2 * g.padding + serviceRows + rows * laneHeight + (rows - 1) * g.laneGap;
    const scale = Math.min(viewport.width / width, viewport.height / height);
    if (scale >= bestScale - 1e-9) {
      best = perRow;
      bestScale = scale;
    }
  }
  return best;
}

export function layoutDiagram(model: DiagramModel, viewport: Viewport = { width: 1600, height: 900 }): DiagramLayout {
  const g = geometry;
  const laneKeys = [...model.nodes.map((node) => node.key), pendingLaneKey];
  const nodeKeyByName = new Map(model.nodes.map((node) => [node.name, node.key]));
  const podsByLane = new Map<string, PodItem[]>(laneKeys.map((key) => [key, []]));
  for (const pod of model.pods) {
    const laneKey = (pod.nodeName !== null && nodeKeyByName.get(pod.nodeName)) || pendingLaneKey;
    podsByLane.get(laneKey)?.push(pod);
  }
  const busiest = Math.max(0, ...[...podsByLane.values()].map((pods) => pods.length));
  const columns = chipColumns(busiest);
  const rows = Math.max(g.minChipRows, Math.ceil(busiest / columns));
  const laneWidth = 2 * g.laneInset + columns * g.chipWidth + (columns - 1) * g.chipGap;
  const laneHeight = g.laneHeader + rows * (g.chipHeight + g.chipGap) - g.chipGap + g.laneInset;
  const lanesPerRow = lanesPerRowFor(laneKeys.length, laneWidth, laneHeight, viewport);
  const lanesRight = g.padding + lanesPerRow * laneWidth + (lanesPerRow - 1) * g.laneGap;

  // Services go first in reading order but are placed after the pods (they sit above their pods), so
  // place pods relative to a provisional top and shift everything down once the services lane is known.
  const provisionalTop = 0;

  const lanes: PlacedLane[] = [];
  const pods: PlacedPod[] = [];
  laneKeys.forEach((key, index) => {
    const column = index % lanesPerRow;
    const row = Math.floor(index / lanesPerRow);
    const x = g.padding + column * (laneWidth + g.laneGap);
    const y = provisionalTop + row * (laneHeight + g.laneGap);
    const lanePods = (podsByLane.get(key) ?? []).sort(podOrder);
    lanes.push({
      key,
      node: model.nodes.find((node) => node.key === key) ?? null,
      podCount: lanePods.length,
      x,
      y,
      width: laneWidth,
      height: laneHeight,
    });
    lanePods.forEach((pod, i) => {
      pods.push({
        ...pod,
        x: x + g.laneInset + (i % columns) * (g.chipWidth + g.chipGap),
        y: y + g.laneHeader + Math.floor(i / columns) * (g.chipHeight + g.chipGap),
        width: g.chipWidth,
        height: g.chipHeight,
      });
    });
  });

  const laneRows = Math.ceil(laneKeys.length / lanesPerRow);

  const podByKey = new Map(pods.map((pod) => [pod.key, pod]));
  const { services, height: servicesHeight } = placeServices(model.services, podByKey, lanesRight);
  const lanesTop = g.padding + servicesHeight + g.servicesToLanes;
  for (const item of [...lanes, ...pods]) item.y += lanesTop;
  const lanesBottom = lanesTop + laneRows * laneHeight + (laneRows - 1) * g.laneGap;
  const width = lanesRight + g.padding;

  const links: PlacedLink[] = [];
  for (const service of services) {
    for (const podKey of service.podKeys) {
      const pod = podByKey.get(podKey);
      if (!pod) continue;
      links.push({
        key: `${service.key}->${podKey}`,
        serviceKey: service.key,
        podKey,
        source: [service.x + service.width / 2, service.y + service.height],
        target: [pod.x + pod.width / 2, pod.y],
        dimmed: service.dimmed,
      });
    }
  }

  return {
    lanes,
    pods,
    services,
    links,
    servicesLane: { x: g.padding, y: g.padding, width: width - 2 * g.padding, height: servicesHeight },
    width,
    height: lanesBottom + g.padding,
  };
}

/**
 * placeServices puts each service above the middle of the pods it selects; services without pods go
 * first, at the left, in name order. A row holds as many services as fit; within a row, overlaps are
 * removed by pushing right and then pulling back left from the row's end, so each service stays as
 * close as it can to its pods.
 */
function placeServices(
  services: readonly ServiceItem[],
  podByKey: ReadonlyMap<string, PlacedPod>,
  right: number,
): { services: PlacedService[]; height: number } {
  const g = geometry;
  const step = g.serviceWidth + g.serviceGap;
  const rowStart = g.padding + g.servicesLabelWidth; // leave room for the lane's label
  const rowEnd = Math.max(right - g.servicesLanePadding, rowStart + g.serviceWidth);
  const perRow = Math.max(1, Math.floor((rowEnd - rowStart + g.serviceGap) / step));
  const wanted = services
    .map((service) => {
      const centres = service.podKeys
        .map((key) => podByKey.get(key))
        .filter((pod): pod is PlacedPod => pod !== undefined)
        .map((pod) => pod.x + pod.width / 2);
      const left =
        centres.length > 0 ? centres.reduce((sum, x) => sum + x, 0) / centres.length - g.serviceWidth / 2 : -Infinity;
      return { service, left };
    })
    .sort(
      (a, b) =>
        (a.left === b.left ? 0 : a.left < b.left ? -1 : 1) ||
        naturalOrder(a.service.namespace, b.service.namespace) ||
        naturalOrder(a.service.name, b.service.name),
    );

  const placed: PlacedService[] = [];
  for (let first = 0, row = 0; first < wanted.length; first += perRow, row += 1) {
    const items = wanted.slice(first, first + perRow);
    const xs = items.map(({ left }) => Math.min(Math.max(left, rowStart), rowEnd - g.serviceWidth));
    for (let i = 1; i < xs.length; i += 1) xs[i] = Math.max(xs[i] ?? 0, (xs[i - 1] ?? 0) + step);
    for (let i = xs.length - 1; i >= 0; i -= 1) {
      const limit = i === xs.length - 1 ? rowEnd - g.serviceWidth : (xs[i + 1] ?? 0) - step;
      xs[i] = Math.min(xs[i] ?? 0, limit);
    }
    const y = g.padding + g.servicesLanePadding + row * (g.serviceHeight + g.serviceRowGap);
    items.forEach(({ service }, i) => {
      placed.push({ ...service, x: xs[i] ?? rowStart, y, width: g.serviceWidth, height: g.serviceHeight });
    });
  }
  const rowCount = Math.max(1, Math.ceil(wanted.length / perRow));
  return {
    services: placed,
    height: 2 * g.servicesLanePadding + rowCount * g.serviceHeight + (rowCount - 1) * g.serviceRowGap,
  };
}
