import { useMemo } from 'react';
import { podStatusText } from '../../engine/index.ts';
import type { Cluster } from '../../engine/index.ts';
import type { Pod } from 'kubernetes-types/core/v1';
import type { NamespaceFilter } from '../store/index.ts';
import { layoutDiagram } from './layout.ts';
import type { DiagramLayout, Viewport } from './layout.ts';
import { buildDiagramModel } from './model.ts';

/** diagramLayoutOf reads nodes, pods and services from the cluster and lays them out. */
export function diagramLayoutOf(cluster: Cluster, filter: NamespaceFilter, viewport: Viewport): DiagramLayout {
  const model = buildDiagramModel(
    {
      nodes: cluster.list('Node'),
      pods: cluster.list('Pod'),
      services: cluster.list('Service'),
      statusText: (pod) => podStatusText(pod as Pod, cluster.now()),
    },
    filter,
  );
  return layoutDiagram(model, viewport);
}

/** useNamespaces lists the cluster's namespaces (for the filter), re-read when the cluster changes. */
export function useNamespaces(cluster: Cluster, version: number): string[] {
  return useMemo(() => {
    void version;
    return cluster
      .list('Namespace')
      .map((namespace) => namespace.metadata.name ?? '')
      .filter((name) => name.length > 0)
      .sort();
  }, [cluster, version]);
}
