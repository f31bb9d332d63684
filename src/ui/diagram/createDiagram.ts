import { linkVertical } from 'd3-shape';
import { select } from 'd3-selection';
import type { Selection } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { D3ZoomEvent, ZoomBehavior } from 'd3-zoom';
import type { DiagramLayout, PlacedLane, PlacedLink, PlacedPod, PlacedService } from './layout.ts';
import { pendingLaneKey } from './layout.ts';
import type { ObjectRef } from '../store/index.ts';

/**
 * createDiagram draws a laid-out cluster into an <svg> with d3: keyed joins (only what changed is touched),
 * transitions for moves, entries and exits, and d3-zoom for zoom and pan. It is framework-free: React
 * creates one per pane and feeds it layouts; clicks come back through `onSelect`.
 */
export interface DiagramView {
  update(layout: DiagramLayout, selectedKey: string | null): void;
  /** fit zooms to show everything (never above 100 %) and resumes fitting on every update. */
  fit(): void;
  destroy(): void;
}

export interface DiagramOptions {
  onSelect(ref: ObjectRef | null): void;
}

const duration = 320;
const link = linkVertical<PlacedLink, [number, number]>()
  .source((d) => d.source)
  .target((d) => d.target);

type Placed = PlacedPod | PlacedService;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** truncateMiddle keeps both ends of a name: generated pod names differ in their suffix. */
function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}

function refOf(item: Placed): ObjectRef {
  return { kind: item.kind, name: item.name, namespace: item.namespace };
}

export function createDiagram(container: HTMLElement, options: DiagramOptions): DiagramView {
  const svg = select(container)
    .append('svg')
    .attr('class', 'diagram-svg')
    .attr('role', 'group')
    .attr('aria-label', 'Nodes, pods and services');
  const viewport = svg.append('g').attr('class', 'viewport');
  const lanesLayer = viewport.append('g').attr('class', 'layer-lanes');
  const servicesLaneLayer = lanesLayer.append('g').attr('class', 'services-lane');
  const linksLayer = viewport.append('g').attr('class', 'layer-links');
  const podsLayer = viewport.append('g').attr('class', 'layer-pods');
  const servicesLayer = viewport.append('g').attr('class', 'layer-services');

  const servicesLaneRect = servicesLaneLayer.append('rect').attr('class', 'services-lane-box').attr('rx', 8);
  servicesLaneLayer.append('text').attr('class', 'lane-label').attr('dx', 12).attr('dy', 22).text('SERVICES');

  let current: DiagramLayout | null = null;
  let autoFit = true;
  let firstUpdate = true;
  /** previous keeps what each element last showed, so an update only touches what changed. */
  const previous = new WeakMap<Element, Placed | PlacedLane | PlacedLink>();

  const zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.08, 3])
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (event.sourceEvent) autoFit = false; // the learner zoomed or panned: stop fitting
      viewport.attr('transform', event.transform.toString());
    });
  svg.call(zoomBehavior).on('dblclick.zoom', null);
  svg.on('click', (event: MouseEvent) => {
    if (event.target === svg.node()) options.onSelect(null);
  });

  /** fitted remembers the last fit (content and box sizes), so an unchanged diagram is not refitted. */
  let fitted = '';
  /** box is the container's size, kept by the ResizeObserver so updates never force a layout read. */
  let box = { width: container.clientWidth, height: container.clientHeight };
  const fitTo = (layout: DiagramLayout, animate: boolean, force = false) => {
    const { width, height } = box;
    if (width === 0 || height === 0) return;
    const key = `${layout.width}x${layout.height}@${width}x${height}`;
    if (key === fitted && !force) return;
    fitted = key;
    const scale = Math.min(1, (width - 16) / layout.width, (height - 16) / layout.height);
    const x = Math.max(8, (width - layout.width * scale) / 2);
    const transform = zoomIdentity.translate(x, 8).scale(scale);
    if (animate) svg.transition().duration(duration).call(zoomBehavior.transform, transform);
    else svg.call(zoomBehavior.transform, transform);
  };

  const resize = new ResizeObserver((entries) => {
    const size = entries[entries.length - 1]?.contentRect;
    if (size) box = { width: size.width, height: size.height };
    if (autoFit && current) fitTo(current, false);
  });
  resize.observe(container);

  function bindSelect<T extends Placed>(selection: Selection<SVGGElement, T, SVGGElement, unknown>) {
    selection
      .attr('tabindex', 0)
      .attr('role', 'button')
      .on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        options.onSelect(refOf(d));
      })
      .on('keydown', (event: KeyboardEvent, d) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        options.onSelect(refOf(d));
      });
  }

  function updateLanes(layout: DiagramLayout) {
    servicesLaneRect
      .attr('x', layout.servicesLane.x)
      .attr('y', layout.servicesLane.y)
      .attr('width', layout.servicesLane.width)
      .attr('height', layout.servicesLane.height);
    servicesLaneLayer.select('text.lane-label').attr('x', layout.servicesLane.x).attr('y', layout.servicesLane.y);

    lanesLayer
      .selectAll<SVGGElement, PlacedLane>('g.lane')
      .data(layout.lanes, (d) => d.key)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'lane').attr('opacity', 0);
          g.append('rect').attr('class', 'lane-box').attr('rx', 8);
          g.append('circle').attr('class', 'lane-ready').attr('r', 4).attr('cx', 16).attr('cy', 19);
          g.append('text').attr('class', 'lane-name').attr('x', 28).attr('y', 23);
          g.append('text').attr('class', 'lane-meta').attr('y', 23).attr('text-anchor', 'end');
          g.append('title');
          g.transition().duration(duration).attr('opacity', 1);
          return g;
        },
        (update) => update,
        (exit) => exit.transition().duration(duration).attr('opacity', 0).remove(),
      )
      .each(function (lane) {
        const before = previous.get(this) as PlacedLane | undefined;
        previous.set(this, lane);
        const g = select(this);
        const moved = !before || before.x !== lane.x || before.y !== lane.y;
        if (moved) {
          const transform = `translate(${lane.x},${lane.y})`;
          if (before) g.transition('move').duration(duration).attr('transform', transform);
          else g.attr('transform', transform);
        }
        if (before && before.width === lane.width && before.height === lane.height && sameLaneText(before, lane))
          return;
        const node = lane.node;
        g.attr('data-kind', node ? 'Node' : null)
          .attr('data-name', node ? node.name : null)
          .attr('data-namespace', null)
          .attr('data-lane', node ? null : 'pending')
          .attr('data-ready', node ? String(node.ready) : null)
          .classed('lane-pending', !node)
          .classed('lane-not-ready', node !== null && !node.ready)
          .classed('lane-cordoned', node !== null && !node.schedulable);
        const box = g.select('rect.lane-box').attr('width', lane.width);
        if (before) box.transition('size').duration(duration).attr('height', lane.height);
        else box.attr('height', lane.height);
        g.select('circle.lane-ready').attr('display', node ? null : 'none');
        g.select('text.lane-name')
          .text(node ? node.name : 'Pending')
          .attr('x', node ? 28 : 14);
        g.select('text.lane-meta')
          .attr('x', lane.width - 12)
          .text(laneMeta(lane));
        g.select('title').text(laneTitle(lane));
        if (node) {
          g.attr('tabindex', 0)
            .attr('role', 'button')
            .attr('aria-label', `Node ${node.name}`)
            .on('click', (event: MouseEvent) => {
              event.stopPropagation();
              options.onSelect({ kind: 'Node', name: node.name });
            })
            .on('keydown', (event: KeyboardEvent) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              options.onSelect({ kind: 'Node', name: node.name });
            });
        }
      });
  }

  function updatePods(layout: DiagramLayout) {
    podsLayer
      .selectAll<SVGGElement, PlacedPod>('g.pod')
      .data(layout.pods, (d) => d.key)
      .join(
        (enter) => {
          const g = enter
            .append('g')
            .attr('class', 'pod')
            .attr('data-kind', 'Pod')
            .attr('data-name', (d) => d.name)
            .attr('data-namespace', (d) => d.namespace)
            .attr('opacity', 0);
          g.append('rect').attr('class', 'pod-box').attr('rx', 5);
          g.append('rect').attr('class', 'pod-stripe').attr('width', 4).attr('rx', 2).attr('x', 0);
          g.append('text').attr('class', 'pod-name').attr('x', 12).attr('y', 14);
          g.append('text').attr('class', 'pod-status').attr('x', 12).attr('y', 27);
          g.append('title');
          bindSelect(g);
          g.transition('fade')
            .duration(duration)
            .attr('opacity', (d) => (d.dimmed ? 0.5 : 1));
          return g;
        },
        (update) => update,
        (exit) => exit.attr('data-removed', 'true').transition('fade').duration(duration).attr('opacity', 0).remove(),
      )
      .each(function (pod) {
        const before = previous.get(this) as PlacedPod | undefined;
        previous.set(this, pod);
        const g = select(this);
        if (!before || before.x !== pod.x || before.y !== pod.y) {
          const transform = `translate(${pod.x},${pod.y})`;
          if (before) g.transition('move').duration(duration).attr('transform', transform);
          else g.attr('transform', transform);
        }
        if (before && before.status === pod.status && before.phase === pod.phase && before.dimmed === pod.dimmed) {
          return;
        }
        g.attr('data-phase', pod.phase)
          .attr('data-status', pod.status)
          .attr('data-tone', pod.tone)
          .attr('aria-label', `Pod ${pod.namespace}/${pod.name}: ${pod.status}`)
          .classed('dimmed', pod.dimmed);
        if (before && before.dimmed !== pod.dimmed) {
          g.transition('fade')
            .duration(duration)
            .attr('opacity', pod.dimmed ? 0.5 : 1);
        }
        g.select('rect.pod-box').attr('width', pod.width).attr('height', pod.height);
        g.select('rect.pod-stripe')
          .attr('y', 4)
          .attr('height', pod.height - 8)
          .attr('x', 3);
        g.select('text.pod-name').text(truncateMiddle(pod.name, 18));
        g.select('text.pod-status').text(truncate(pod.status, 22));
        g.select('title').text(`Pod ${pod.namespace}/${pod.name}\nStatus: ${pod.status} (phase ${pod.phase})`);
      });
  }

  function updateServices(layout: DiagramLayout) {
    servicesLayer
      .selectAll<SVGGElement, PlacedService>('g.service')
      .data(layout.services, (d) => d.key)
      .join(
        (enter) => {
          const g = enter
            .append('g')
            .attr('class', 'service')
            .attr('data-kind', 'Service')
            .attr('data-name', (d) => d.name)
            .attr('data-namespace', (d) => d.namespace)
            .attr('opacity', 0);
          g.append('path').attr('class', 'service-shape');
          g.append('text').attr('class', 'service-name').attr('x', 14).attr('y', 15);
          g.append('text').attr('class', 'service-meta').attr('x', 14).attr('y', 28);
          g.append('title');
          bindSelect(g);
          g.transition('fade')
            .duration(duration)
            .attr('opacity', (d) => (d.dimmed ? 0.5 : 1));
          return g;
        },
        (update) => update,
        (exit) => exit.transition('fade').duration(duration).attr('opacity', 0).remove(),
      )
      .each(function (service) {
        const before = previous.get(this) as PlacedService | undefined;
        previous.set(this, service);
        const g = select(this);
        if (!before || before.x !== service.x || before.y !== service.y) {
          const transform = `translate(${service.x},${service.y})`;
          if (before) g.transition('move').duration(duration).attr('transform', transform);
          else g.attr('transform', transform);
        }
        const endpoints = service.podKeys.length;
        if (before && before.type === service.type && before.podKeys.length === endpoints) return;
        const w = service.width;
        const h = service.height;
        const notch = 10;
        g.classed('dimmed', service.dimmed)
          .classed('service-empty', endpoints === 0)
          .attr('aria-label', `Service ${service.namespace}/${service.name} (${service.type}), ${endpoints} pods`);
        g.select('path.service-shape').attr(
          'd',
          `M${notch},0H${w - notch}L${w},${h / 2}L${w - notch},${h}H${notch}L0,${h / 2}Z`,
        );
        g.select('text.service-name').text(truncateMiddle(service.name, 19));
        g.select('text.service-meta').text(`${service.type} · ${endpoints} ${endpoints === 1 ? 'pod' : 'pods'}`);
        g.select('title').text(
          `Service ${service.namespace}/${service.name}\n${service.type}, selects ${endpoints} pods`,
        );
      });
  }

  function updateLinks(layout: DiagramLayout) {
    linksLayer
      .selectAll<SVGPathElement, PlacedLink>('path.link')
      .data(layout.links, (d) => d.key)
      .join(
        (enter) =>
          enter
            .append('path')
            .attr('class', 'link')
            .attr('data-link', 'service-pod')
            .attr('data-service', (d) => d.serviceKey)
            .attr('data-pod', (d) => d.podKey)
            .classed('dimmed', (d) => d.dimmed)
            .attr('d', (d) => link(d))
            .attr('opacity', 0)
            .call((path) => path.transition('fade').duration(duration).attr('opacity', 1)),
        (update) => update,
        (exit) => exit.transition('fade').duration(duration).attr('opacity', 0).remove(),
      )
      .each(function (d) {
        const before = previous.get(this) as PlacedLink | undefined;
        previous.set(this, d);
        if (!before) return;
        if (
          before.source[0] === d.source[0] &&
          before.source[1] === d.source[1] &&
          before.target[0] === d.target[0] &&
          before.target[1] === d.target[1]
        ) {
          return;
        }
        select(this).transition('move').duration(duration).attr('d', link(d));
      });
  }

  function updateSelection(key: string | null) {
    viewport
      .selectAll<SVGGElement, Placed | PlacedLane>('g.pod, g.service, g.lane')
      .classed('selected', (d) => d.key === key);
    linksLayer
      .selectAll<SVGPathElement, PlacedLink>('path.link')
      .classed('highlighted', (d) => key !== null && (d.serviceKey === key || d.podKey === key));
  }

  return {
    update(layout, key) {
      current = layout;
      updateLanes(layout);
      updateLinks(layout);
      updatePods(layout);
      updateServices(layout);
      updateSelection(key);
      if (autoFit) fitTo(layout, !firstUpdate);
      firstUpdate = false;
    },
    fit() {
      autoFit = true;
      if (current) fitTo(current, true, true);
    },
    destroy() {
      resize.disconnect();
      svg.on('.zoom', null);
      svg.remove();
    },
  };
}

function sameLaneText(a: PlacedLane, b: PlacedLane): boolean {
  return (
    a.podCount === b.podCount &&
    a.node?.ready === b.node?.ready &&
    a.node?.schedulable === b.node?.schedulable &&
    a.node?.role === b.node?.role
  );
}

function laneMeta(lane: PlacedLane): string {
  const pods = `${lane.podCount} ${lane.podCount === 1 ? 'pod' : 'pods'}`;
  if (!lane.node) return pods;
  const state = !lane.node.ready ? 'NotReady · ' : !lane.node.schedulable ? 'SchedulingDisabled · ' : '';
  return `${state}${lane.node.role} · ${pods}`;
}

function laneTitle(lane: PlacedLane): string {
  if (lane.key === pendingLaneKey) return 'Pods not yet scheduled to a node';
  return lane.node ? `Node ${lane.node.name} (${lane.node.role})` : '';
}
