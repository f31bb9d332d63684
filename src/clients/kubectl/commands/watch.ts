import { objectPath, parseDuration, type ResourceType, type Table } from '../../../engine/index.ts';
import { tableRows, type TableOptions } from '../printers/table.ts';
import { pause, Stream } from '../stream.ts';
import type { CommandResult, KubectlContext } from '../types.ts';

/**
 * `kubectl get -w`: the table as it is now, then one row per change, aligned as kubectl's
 * tabwriter does with RememberWidths (columns only ever widen). Changes are found by polling:
 * in the terminal (ctx.signal) every second of wall time until Ctrl+C, elsewhere by moving
 * simulated time a second at a time for --request-timeout (one minute when not given).
 */
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const POLL_MS = 1000;
const DEFAULT_BOUND_MS = 60_000;
const PADDING = 3;

export interface WatchParams {
  selections: { type: ResourceType; names: string[] }[];
  namespace: string | undefined;
  query: Record<string, string>;
  initial: { type: ResourceType; table: Table }[];
  /** header is what the initial listing printed (empty for --watch-only). */
  header: string;
  options: TableOptions;
  requestTimeout: string | undefined;
  outputEvents: boolean;
  stderr: string;
}

interface Seen {
  version: string;
  cells: string[];
}

function rowKey(row: Table['rows'][number]): string {
  return `${row.object?.metadata?.namespace ?? ''}/${row.object?.metadata?.name ?? ''}`;
}

export async function watchTables(ctx: KubectlContext, params: WatchParams): Promise<CommandResult> {
  const stream = new Stream(ctx);
  stream.err(params.stderr);
  if (params.selections.length !== 1) {
    stream.err(
      `error: watch is only supported on individual resources and resource collections, but ${params.selections.length} resources were found\n`,
    );
    return stream.result(1);
  }
  const selection = params.selections[0] as WatchParams['selections'][number];
  const options: TableOptions = { ...params.options, noHeaders: true };
  const widths: number[] = [];
  const remember = (cells: string[]) =>
    cells.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length + PADDING)));
  const align = (cells: string[]) =>
    cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('');
  const seen = new Map<string, Seen>();
  for (const { table } of params.initial) {
    const header = tableRows(table, { ...params.options, noHeaders: false })[0];
    if (header && !params.options.noHeaders) remember(header);
    const rows = tableRows(table, options);
    table.rows.forEach((row, i) => {
      const cells = rows[i] ?? [];
      remember(cells);
      seen.set(rowKey(row), { version: row.object?.metadata?.resourceVersion ?? '', cells });
    });
  }
  stream.out(params.header);
  const limit = params.requestTimeout ? (parseDuration(params.requestTimeout) ?? 0) : DEFAULT_BOUND_MS;
  const live = ctx.signal !== undefined;
  for (let waited = 0; live || waited < limit; waited += POLL_MS) {
    if (stream.aborted) break;
    if (live) await pause(POLL_MS);
    else if (ctx.advance) await ctx.advance(POLL_MS);
    else break;
    if (stream.aborted) break;
    const tables: Table[] = [];
    const names = selection.names.length ? selection.names : [undefined];
    for (const name of names) {
      const response = await ctx.client.request<Table>({
        verb: 'GET',
        path: objectPath(selection.type, params.namespace, name),
        headers: { accept: TABLE_ACCEPT },
        ...(name ? {} : { query: params.query }),
      });
      if (response.status < 400) tables.push(response.body);
    }
    const present = new Set<string>();
    const changed: { version: number; cells: string[] }[] = [];
    for (const table of tables) {
      const rows = tableRows(table, options);
      table.rows.forEach((row, i) => {
        const key = rowKey(row);
        present.add(key);
        const version = row.object?.metadata?.resourceVersion ?? '';
        const before = seen.get(key);
        const cells = rows[i] ?? [];
        if (before?.version === version) return;
        seen.set(key, { version, cells });
        changed.push({ version: Number(version), cells });
      });
    }
    for (const [key, last] of [...seen]) {
      if (present.has(key)) continue;
      seen.delete(key);
      changed.push({ version: Number.MAX_SAFE_INTEGER, cells: last.cells });
    }
    changed.sort((a, b) => a.version - b.version);
    for (const { cells } of changed) {
      remember(cells);
      stream.out(`${align(cells)}\n`);
    }
  }
  return stream.result(0);
}
