import type { Table } from '../../../engine/index.ts';
import { TabWriter } from './tabwriter.ts';

/**
 * Tables printed as kubectl's table printer does: upper-cased headers, cells aligned by a tabwriter
 * with three spaces of padding (the last column is not padded), optional NAMESPACE and LABELS
 * columns, and `kind/name` names when several kinds share the output.
 */
export interface TableOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  labelColumns: string[];
  /** kindPrefix turns `web` into `pod/web`, as kubectl does when printing several kinds. */
  kindPrefix?: string;
}

export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '<none>';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell);
}

export function tableRows(table: Table, options: TableOptions): string[][] {
  const visible = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => options.wide || c.priority === 0);
  const rows: string[][] = [];
  if (!options.noHeaders) {
    const header = visible.map(({ c }) => c.name.toUpperCase());
    if (options.withNamespace) header.unshift('NAMESPACE');
    for (const label of options.labelColumns) header.push(label.split('/').pop()?.toUpperCase() ?? label.toUpperCase());
    if (options.showLabels) header.push('LABELS');
    rows.push(header);
  }
  for (const row of table.rows) {
    const meta = row.object?.metadata ?? {};
    const cells = visible.map(({ c, i }) => {
      const text = cellText(row.cells[i]);
      return c.format === 'name' && options.kindPrefix ? `${options.kindPrefix}/${text}` : text;
    });
    if (options.withNamespace) cells.unshift(meta.namespace ?? '');
    for (const label of options.labelColumns) cells.push(meta.labels?.[label] ?? '');
    if (options.showLabels) {
      const labels = Object.entries(meta.labels ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      cells.push(labels || '<none>');
    }
    rows.push(cells);
  }
  return rows;
}

/** alignColumns lays rows out with kubectl's tabwriter (GetNewTabWriter: padding 3, columns at least 6 wide). */
export function alignColumns(rows: string[][]): string {
  const writer = new TabWriter(3, 6);
  writer.write(rows.map((row) => `${row.join('\t')}\n`).join(''));
  return writer.flush();
}

export function printTable(table: Table, options: TableOptions): string {
  return alignColumns(tableRows(table, options));
}
