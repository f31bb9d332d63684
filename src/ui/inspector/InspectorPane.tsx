import { useMemo, useState } from 'react';
import { stringify } from 'yaml';
import { podStatusText } from '../../engine/index.ts';
import type { Cluster } from '../../engine/index.ts';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/api/types.ts';
import { useClusterVersion, useLab } from '../lab.tsx';
import { Pane } from '../shell/Pane.tsx';
import { selectSelection, useLabStore } from '../store/index.ts';
import type { ObjectRef } from '../store/index.ts';
import { eventsFor, summarize } from './summary.ts';

type Tab = 'summary' | 'yaml';

function findObject(cluster: Cluster, ref: ObjectRef): KubeObject | undefined {
  try {
    return cluster.list(ref.kind, ref.namespace).find((object) => object.metadata.name === ref.name);
  } catch {
    return undefined;
  }
}

function listEvents(cluster: Cluster, namespace: string | undefined): readonly KubeObject[] {
  try {
    return cluster.list('Event', namespace);
  } catch {
    return [];
  }
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const { managedFields: _managedFields, ...metadata } = object.metadata;
  return { ...object, metadata };
}

export function InspectorPane() {
  const { cluster } = useLab();
  const version = useClusterVersion();
  const selection = useLabStore(selectSelection);
  const select = useLabStore((state) => state.select);
  const [tab, setTab] = useState<Tab>('summary');
  const object = useMemo(() => {
    void version;
    return selection ? findObject(cluster, selection) : undefined;
  }, [cluster, selection, version]);

  const title = selection
    ? `${selection.kind} ${selection.namespace ? `${selection.namespace}/` : ''}${selection.name}`
    : '';
  return (
    <Pane
      label="Inspector"
      title="Inspector"
      className="pane-inspector"
      tools={
        selection && (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => select(null)}
            title="Clear selection"
          >
            Close
          </button>
        )
      }
    >
      {!selection && (
        <p className="empty-state">Select a node, pod or service in the diagram to see its details and YAML.</p>
      )}
      {selection && !object && (
        <p className="empty-state">
          <strong>{title}</strong> no longer exists.
        </p>
      )}
      {selection && object && (
        <div className="inspector">
          <div className="inspector-title" title={title}>
            <span className="kind-badge">{object.kind}</span>
            <span className="inspector-name">{object.metadata.name}</span>
          </div>
          <div className="tabs" role="tablist" aria-label="Inspector view">
            {(['summary', 'yaml'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className="tab"
                onClick={() => setTab(name)}
              >
                {name === 'summary' ? 'Summary' : 'YAML'}
              </button>
            ))}
          </div>
          {tab === 'summary' ? <Summary cluster={cluster} object={object} /> : <Yaml object={object} />}
        </div>
      )}
    </Pane>
  );
}

function Summary({ cluster, object }: { cluster: Cluster; object: KubeObject }) {
  const rows = summarize(object, (pod) => podStatusText(pod as Pod, cluster.now()));
  const events = eventsFor(object, listEvents(cluster, object.metadata.namespace ?? 'default')).slice(-8);
  return (
    <div role="tabpanel" aria-label="Summary" className="inspector-panel">
      <dl className="summary">
        {rows.map((row) => (
          <div key={row.label} className="summary-row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {events.length > 0 && (
        <>
          <h3 className="inspector-subtitle">Events</h3>
          <ul className="events">
            {events.map((event) => (
              <li key={event.key} className={event.type === 'Warning' ? 'event-warning' : undefined}>
                <span className="event-reason">{event.reason}</span> {event.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Yaml({ object }: { object: KubeObject }) {
  const text = useMemo(() => stringify(withoutManagedFields(object), { lineWidth: 0 }), [object]);
  return (
    <div role="tabpanel" aria-label="YAML" className="inspector-panel">
      <pre className="yaml">{text}</pre>
    </div>
  );
}
