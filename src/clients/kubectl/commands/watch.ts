import { objectPath, parseDuration, type ClusterClient, type ResourceType, type Table } from '../../../engine/index.ts';
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
/** MIN_WIDTH is GetNewTabWriter's minimum cell width. */
const MIN_WIDTH = 6;

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
    stream.err('error: you may only specify a single resource type\n');
    return stream.result(1);
  }
  const selection = params.selections[0] as WatchParams['selections'][number];
  const options: TableOptions = { ...params.options, noHeaders: true };
  const widths: number[] = [];
  const remember = (cells: string[]) =>
    cells
      .slice(0, -1)
      .forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, MIN_WIDTH, [...cell].length + PADDING)));
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
  const limit = params.requestTimeout ? (parseDuration(params.requestTimeout) ?? 0) : DEFAULT_BOUND_MS;
  const live = ctx.signal !== undefined;
  if (ctx.client.watch) {
    return watchEvents(ctx, ctx.client.watch.bind(ctx.client), params, selection, stream, {
      remember,
      align,
      forget: () => (widths.length = 0),
      limit,
      live,
    });
  }
  stream.out(params.header);
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

interface Layout {
  remember: (cells: string[]) => void;
  /** forget drops the remembered column widths (the EVENT column shifts them all). */
  forget: () => void;
  align: (cells: string[]) => string;
  limit: number;
  live: boolean;
}

/**
 * watchEvents is `get -w` over a REST watch, as kubectl does it: from the resourceVersion of the
 * listing, one line per ADDED/MODIFIED/DELETED event (every change, not a sample of them), prefixed
 * with the event's type under --output-watch-events. It runs until Ctrl+C in the terminal, or for
 * --request-timeout (a minute) of simulated time elsewhere.
 */
async function watchEvents(
  ctx: KubectlContext,
  watch: NonNullable<ClusterClient['watch']>,
  params: WatchParams,
  selection: WatchParams['selections'][number],
  stream: Stream,
  layout: Layout,
): Promise<CommandResult> {
  const options: TableOptions = { ...params.options, noHeaders: true };
  const events = params.outputEvents;
  if (events) {
    // The listing is shown as ADDED events under an EVENT column.
    const rows: string[][] = [];
    for (const { table } of params.initial) {
      if (!params.options.noHeaders && rows.length === 0) {
        const header = tableRows(table, { ...params.options, noHeaders: false })[0];
        if (header) rows.push(['EVENT', ...header]);
      }
      for (const cells of tableRows(table, options)) rows.push(['ADDED', ...cells]);
    }
    layout.forget();
    // kubectl sizes the EVENT column for its widest value, MODIFIED, from the first line on.
    layout.remember(['MODIFIED', '']);
    rows.forEach((cells) => layout.remember(cells));
    stream.out(rows.map((cells) => `${layout.align(cells)}\n`).join(''));
  } else stream.out(params.header);
  const resourceVersion = params.initial[0]?.table.metadata.resourceVersion ?? '';
  const opened = openWatches(
    watch,
    { path: objectPath(selection.type, params.namespace), query: { ...params.query, resourceVersion } },
    selection.names,
    TABLE_ACCEPT,
    (type, object) => {
      for (const cells of tableRows(object as Table, options)) {
        const line = events ? [type, ...cells] : cells;
        layout.remember(line);
        stream.out(`${layout.align(line)}\n`);
      }
    },
  );
  if ('error' in opened) {
    stream.err(opened.error);
    return stream.result(1);
  }
  const stops = opened.stops;
  try {
    for (let waited = 0; layout.live || waited < layout.limit; waited += POLL_MS) {
      if (stream.aborted) break;
      if (layout.live) await pause(POLL_MS);
      else if (ctx.advance) await ctx.advance(POLL_MS);
      else break;
    }
  } finally {
    stops.forEach((stop) => stop());
  }
  return stream.result(0);
}

/** ObjectPrinter prints one watched object (or WatchEvent) in a non-table format, keeping its own state. */
export type ObjectPrinter = (
  object: unknown,
) => { ok: true; text: string } | { ok: false; stdout: string; error: string };

export interface ObjectWatchParams {
  type: ResourceType;
  names: string[];
  namespace: string | undefined;
  query: Record<string, string>;
  /** initial are the listed objects, printed first unless watchOnly. */
  initial: unknown[];
  resourceVersion: string;
  print: ObjectPrinter;
  outputEvents: boolean;
  watchOnly: boolean;
  requestTimeout: string | undefined;
  stderr: string;
}

/**
 * watchObjects is `get -w` with -o name|yaml|json|jsonpath|go-template|custom-columns: kubectl hands
 * each event's object to the same printer (yaml separates documents with `---`, json prints them one
 * after another), wrapped as a WatchEvent {type, object} under --output-watch-events. The listing
 * comes first as ADDED events. Without a REST watch it polls, reporting objects whose
 * resourceVersion moved (MODIFIED), new ones (ADDED) and vanished ones (DELETED).
 */
export async function watchObjects(ctx: KubectlContext, params: ObjectWatchParams): Promise<CommandResult> {
  const stream = new Stream(ctx);
  stream.err(params.stderr);
  let failed = false;
  const emit = (type: string, object: unknown): boolean => {
    if (failed) return false;
    const printed = params.print(params.outputEvents ? { type, object } : object);
    if (printed.ok) {
      stream.out(printed.text);
      return true;
    }
    stream.out(printed.stdout);
    stream.err(printed.error);
    failed = true;
    return false;
  };
  if (!params.watchOnly) for (const object of params.initial) if (!emit('ADDED', object)) return stream.result(1);
  const limit = params.requestTimeout ? (parseDuration(params.requestTimeout) ?? 0) : DEFAULT_BOUND_MS;
  const live = ctx.signal !== undefined;
  const names = params.names.length ? params.names : [undefined];
  let stops: (() => void)[] = [];
  const versions = new Map<string, { version: string; object: unknown }>();
  const keyOf = (o: unknown) => {
    const meta = (o as { metadata?: { namespace?: string; name?: string; resourceVersion?: string } }).metadata;
    return { key: `${meta?.namespace ?? ''}/${meta?.name ?? ''}`, version: meta?.resourceVersion ?? '' };
  };
  for (const object of params.initial) {
    const { key, version } = keyOf(object);
    versions.set(key, { version, object });
  }
  if (ctx.client.watch) {
    const opened = openWatches(
      ctx.client.watch.bind(ctx.client),
      {
        path: objectPath(params.type, params.namespace),
        query: { ...params.query, resourceVersion: params.resourceVersion },
      },
      params.names,
      undefined,
      (type, object) => void emit(type, object),
    );
    if ('error' in opened) {
      stream.err(opened.error);
      return stream.result(1);
    }
    stops = opened.stops;
  }
  try {
    for (let waited = 0; live || waited < limit; waited += POLL_MS) {
      if (stream.aborted || failed) break;
      if (live) await pause(POLL_MS);
      else if (ctx.advance) await ctx.advance(POLL_MS);
      else break;
      if (stream.aborted || failed || ctx.client.watch) continue;
      const present = new Set<string>();
      for (const name of names) {
        const response = await ctx.client.request<{ items?: unknown[] } & Record<string, unknown>>({
          verb: 'GET',
          path: objectPath(params.type, params.namespace, name),
          ...(name ? {} : { query: params.query }),
        });
        if (response.status >= 400) continue;
        const apiVersion = params.type.group ? `${params.type.group}/${params.type.version}` : params.type.version;
        const objects = name
          ? [response.body]
          : (response.body.items ?? []).map((item) => ({ apiVersion, kind: params.type.kind, ...(item as object) }));
        for (const object of objects) {
          const { key, version } = keyOf(object);
          present.add(key);
          const before = versions.get(key);
          if (before?.version === version) continue;
          versions.set(key, { version, object });
          emit(before ? 'MODIFIED' : 'ADDED', object);
        }
      }
      for (const [key, last] of [...versions]) {
        if (present.has(key)) continue;
        versions.delete(key);
        emit('DELETED', last.object);
      }
    }
  } finally {
    stops.forEach((stop) => stop());
  }
  return stream.result(failed ? 1 : 0);
}

/**
 * openWatches opens one REST watch for the collection, or one per name (as kubectl narrows a watch
 * with `metadata.name=`), handing each ADDED/MODIFIED/DELETED event on; if one cannot be opened it
 * stops the others and gives the error line.
 */
function openWatches(
  watch: NonNullable<ClusterClient['watch']>,
  target: { path: string; query: Record<string, string> },
  names: string[],
  accept: string | undefined,
  onEvent: (type: string, object: unknown) => void,
): { stops: (() => void)[] } | { error: string } {
  const stops: (() => void)[] = [];
  for (const name of names.length ? names : [undefined]) {
    const query = { ...target.query, ...(name ? { fieldSelector: `metadata.name=${name}` } : {}) };
    const opened = watch({ path: target.path, query, ...(accept ? { headers: { accept } } : {}) }, (event) => {
      if (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED')
        onEvent(event.type, event.object);
    });
    if ('status' in opened) {
      stops.forEach((stop) => stop());
      const message = (opened.body as { message?: string } | undefined)?.message ?? 'the server could not watch';
      return { error: `Error from server: ${message}\n` };
    }
    stops.push(opened.stop);
  }
  return { stops };
}
