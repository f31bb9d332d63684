import { useLab } from '../lab.tsx';
import { selectNamespaceFilter, useLabStore } from '../store/index.ts';
import type { NamespaceFilter } from '../store/index.ts';
import { useNamespaces } from './useDiagramModel.ts';

function filterValue(filter: NamespaceFilter): string {
  switch (filter.type) {
    case 'all':
      return '*all';
    case 'user':
      return '*user';
    case 'only':
      return filter.namespace;
  }
}

function parseFilter(value: string): NamespaceFilter {
  if (value === '*all') return { type: 'all' };
  if (value === '*user') return { type: 'user' };
  return { type: 'only', namespace: value };
}

/** NamespaceFilterSelect picks which namespaces the diagram shows; system namespaces are dimmed under "All". */
export function NamespaceFilterSelect({ version }: { version: number }) {
  const { cluster } = useLab();
  const namespaces = useNamespaces(cluster, version);
  const filter = useLabStore(selectNamespaceFilter);
  const setFilter = useLabStore((state) => state.setNamespaceFilter);
  const value = filterValue(filter);
  const known = filter.type !== 'only' || namespaces.includes(filter.namespace);
  return (
    <select
      className="select select-small"
      aria-label="Namespace"
      value={value}
      onChange={(event) => setFilter(parseFilter(event.target.value))}
    >
      <option value="*all">All namespaces</option>
      <option value="*user">Hide kube-* namespaces</option>
      {!known && <option value={value}>{value}</option>}
      {namespaces.map((namespace) => (
        <option key={namespace} value={namespace}>
          {namespace}
        </option>
      ))}
    </select>
  );
}
