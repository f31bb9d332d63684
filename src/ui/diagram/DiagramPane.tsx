import { useEffect, useState } from 'react';
import { useClusterVersion, useLab } from '../lab.tsx';
import { Pane } from '../shell/Pane.tsx';
import { selectNamespaceFilter, selectSelection, useLabStore } from '../store/index.ts';
import { createDiagram } from './createDiagram.ts';
import type { DiagramView } from './createDiagram.ts';
import { DiagramLegend } from './DiagramLegend.tsx';
import { NamespaceFilterSelect } from './NamespaceFilterSelect.tsx';
import { objectKey } from './model.ts';
import { diagramLayoutOf } from './useDiagramModel.ts';
import { useElementSize } from './useElementSize.ts';

export function DiagramPane() {
  const { cluster } = useLab();
  const version = useClusterVersion();
  const filter = useLabStore(selectNamespaceFilter);
  const selection = useLabStore(selectSelection);
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const size = useElementSize(host);
  const [view, setView] = useState<DiagramView | null>(null);

  useEffect(() => {
    if (!host) return;
    const diagram = createDiagram(host, { onSelect: (ref) => useLabStore.getState().select(ref) });
    setView(diagram);
    return () => {
      diagram.destroy();
      setView(null);
    };
  }, [host]);

  useEffect(() => {
    if (!view || !size) return;
    const selectedKey = selection ? objectKey(selection.kind, selection.name, selection.namespace) : null;
    view.update(diagramLayoutOf(cluster, filter, size), selectedKey);
  }, [view, cluster, version, filter, selection, size]);

  return (
    <Pane
      label="Cluster diagram"
      title="Cluster"
      className="pane-diagram"
      tools={
        <>
          <NamespaceFilterSelect version={version} />
          <button type="button" className="button button-small" onClick={() => view?.fit()} title="Zoom to fit">
            Fit
          </button>
        </>
      }
    >
      <div ref={setHost} className="diagram-host" />
      <DiagramLegend />
    </Pane>
  );
}
