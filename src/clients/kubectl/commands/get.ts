import { objectPath, type KubeObject, type ResourceType, type Table } from '../../../engine/index.ts';
import { discover, qualifiedKind } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { noResourcesFound, parseOutput, printObjects, streamPrinter, templateOptions } from '../output.ts';
import { printTable } from '../printers/table.ts';
import { selectResources } from '../resources.ts';
import { fieldValue, isLess, relaxedPath } from '../sortby.ts';
import { goSort } from '../gosort.ts';
import { fail, ok, type CommandResult, type KubectlContext } from '../types.ts';
import { getFromFiles } from './get-files.ts';
import { watchObjects, watchTables } from './watch.ts';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'chunk-size', type: 'int' },
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'server-print', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'template', type: 'string' },
];

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

const GET_USAGE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

function stripManagedFields(object: KubeObject): KubeObject {
  if (!object.metadata.managedFields) return object;
  const copy = { ...object, metadata: { ...object.metadata } };
  delete copy.metadata.managedFields;
  return copy;
}

export async function getCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, GET_FLAGS);
  if ((flags.string('raw') ?? '') !== '') return getRaw(flags, ctx);
  const output = parseOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const sortBy = flags.string('sort-by');
  const sortPath = sortBy ? (relaxedPath(sortBy) ?? sortBy) : undefined;
  if (flags.strings('filename').length > 0 || (flags.string('kustomize') ?? '') !== '')
    return getFromFiles(ctx, { flags, output, sortPath, namespace: flags.string('namespace') ?? ctx.namespace });
  if (flags.positional.length === 0) return fail(GET_USAGE);
  const registry = await discover(ctx.client);
  const selection = selectResources(registry, flags.positional);
  if (!selection.ok) return fail(selection.error);
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const query: Record<string, string> = {};
  const labelSelector = flags.string('selector');
  if (labelSelector) query.labelSelector = labelSelector;
  const fieldSelector = flags.string('field-selector');
  if (fieldSelector) query.fieldSelector = fieldSelector;
  if (sortPath && output.kind === 'table') query.includeObject = 'Object';

  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const multipleKinds = selection.selections.length > 1 || flags.bool('show-kind');
  const collected: { type: ResourceType; object: KubeObject }[] = [];
  const tables: { type: ResourceType; table: Table }[] = [];
  const wantsTable = output.kind === 'table';
  let listVersion = '';

  for (const { type, names } of selection.selections) {
    const ns = type.namespaced && !allNamespaces ? namespace : undefined;
    if (names.length > 0) {
      for (const name of names) {
        const response = await ctx.client.request<KubeObject | Table>({
          verb: 'GET',
          path: objectPath(type, ns ?? namespace, name),
          ...(wantsTable ? { headers: { accept: TABLE_ACCEPT } } : {}),
          ...(sortPath && wantsTable ? { query: { includeObject: 'Object' } } : {}),
        });
        if (response.status === 404 && flags.bool('ignore-not-found')) continue;
        const error = responseError(response);
        if (error) {
          stderr += error;
          exitCode = 1;
          continue;
        }
        if (wantsTable) tables.push({ type, table: response.body as Table });
        else {
          collected.push({ type, object: stripManagedFields(response.body as KubeObject) });
          listVersion = (response.body as KubeObject).metadata.resourceVersion ?? '';
        }
      }
      continue;
    }
    const response = await ctx.client.request<{ items?: KubeObject[] } | Table>({
      verb: 'GET',
      path: objectPath(type, ns),
      query,
      ...(wantsTable ? { headers: { accept: TABLE_ACCEPT } } : {}),
    });
    const error = responseError(response);
    if (error) {
      stderr += error;
      exitCode = 1;
      continue;
    }
    if (wantsTable) tables.push({ type, table: response.body as Table });
    else listVersion = (response.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion ?? '';
    if (!wantsTable)
      for (const object of (response.body as { items?: KubeObject[] }).items ?? [])
        collected.push({
          type,
          object: stripManagedFields({
            ...object,
            apiVersion: object.apiVersion ?? '',
            kind: object.kind ?? type.kind,
          }),
        });
  }

  if (output.kind !== 'table' && (flags.bool('watch') || flags.bool('watch-only'))) {
    if (selection.selections.length !== 1)
      return {
        stdout,
        stderr: `${stderr}error: you may only specify a single resource type\n`,
        exitCode: 1,
      };
    if (exitCode !== 0) return { stdout, stderr, exitCode };
    const { type, names } = selection.selections[0] as (typeof selection.selections)[number];
    return watchObjects(ctx, {
      type,
      names,
      namespace: type.namespaced && !allNamespaces ? namespace : undefined,
      query,
      initial: collected.map((c) => c.object),
      resourceVersion: listVersion,
      print: streamPrinter(output, type, flags.bool('no-headers')),
      outputEvents: flags.bool('output-watch-events'),
      watchOnly: flags.bool('watch-only'),
      requestTimeout: flags.string('request-timeout'),
      stderr,
    });
  }
  if (wantsTable) {
    let nonEmpty = tables.filter((t) => t.table.rows.length > 0);
    if (sortPath) {
      if (selection.selections.length > 1 && nonEmpty.length > 0)
        return fail(`error: couldn't find any field with path "${sortPath}" in the list of objects`);
      // kubectl drops a table whose rows all lack the field, and then finds nothing to print.
      nonEmpty = nonEmpty.flatMap(({ type, table }) => {
        const sorted = sortRows(table, sortPath);
        return sorted ? [{ type, table: sorted }] : [];
      });
    }
    const merged = mergeTables(nonEmpty);
    const blocks = merged.map(({ type, table }) =>
      printTable(table, {
        wide: output.wide,
        noHeaders: flags.bool('no-headers'),
        withNamespace: allNamespaces && type.namespaced,
        showLabels: flags.bool('show-labels'),
        labelColumns: flags.strings('label-columns'),
        ...(multipleKinds ? { kindPrefix: qualifiedKind(type) } : {}),
      }),
    );
    stdout += blocks.join(flags.bool('no-headers') ? '' : '\n');
    if (flags.bool('watch') || flags.bool('watch-only')) {
      if (flags.bool('watch-only')) stdout = '';
      return watchTables(ctx, {
        selections: selection.selections,
        namespace: allNamespaces ? undefined : namespace,
        query,
        initial: tables,
        header: stdout,
        options: {
          wide: output.wide,
          noHeaders: flags.bool('no-headers'),
          withNamespace: allNamespaces,
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.strings('label-columns'),
        },
        requestTimeout: flags.string('request-timeout'),
        outputEvents: flags.bool('output-watch-events'),
        stderr,
      });
    }
    if (nonEmpty.length === 0 && !selection.byName && exitCode === 0)
      stderr += noResourcesFound(!allNamespaces && selection.selections.every((s) => s.type.namespaced), namespace);
    return { stdout, stderr, exitCode };
  }
  if (sortPath && collected.length > 0) {
    if (!collected.some((c) => fieldValue(c.object, sortPath) !== undefined))
      return {
        stdout,
        stderr: `${stderr}error: couldn't find any field with path "${sortPath}" in the list of objects\n`,
        exitCode: 1,
      };
    goSort(collected, (a, b) => sortLess(fieldValue(a.object, sortPath), fieldValue(b.object, sortPath)));
  }
  const single =
    selection.byName && selection.selections.length === 1 && (selection.selections[0]?.names.length ?? 0) === 1;
  const printed = printObjects(output, collected, single, flags.bool('no-headers'));
  if (!printed.ok)
    return { stdout: stdout + (printed.stdout ?? ''), stderr: `${stderr}${withNewline(printed.error)}`, exitCode: 1 };
  return { stdout: stdout + printed.text, stderr, exitCode };
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** sortLess is RuntimeSort.Less: a row without the field sorts first. */
function sortLess(a: unknown, b: unknown): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  return isLess(a, b);
}

/** sortRows is TableSorter: rows ordered by the field in their objects, or undefined when none has it. */
function sortRows(table: Table, path: string): Table | undefined {
  const rows = table.rows.map((row) => ({ row, value: fieldValue(row.object, path) }));
  if (rows.length > 1 && !rows.some((r) => r.value !== undefined)) return undefined;
  goSort(rows, (a, b) => sortLess(a.value, b.value));
  return { ...table, rows: rows.map((r) => r.row) };
}

/** mergeTables joins the per-name tables of one kind into one table, as kubectl prints `get pod a b`. */
function mergeTables(tables: { type: ResourceType; table: Table }[]): { type: ResourceType; table: Table }[] {
  const out: { type: ResourceType; table: Table }[] = [];
  for (const entry of tables) {
    const last = out[out.length - 1];
    if (last && last.type === entry.type)
      last.table = { ...last.table, rows: [...last.table.rows, ...entry.table.rows] };
    else out.push({ type: entry.type, table: entry.table });
  }
  return out;
}

export { ok };

/** getRaw is `kubectl get --raw PATH`: the server's answer to a GET, byte for byte, without a newline. */
async function getRaw(flags: ParsedFlags, ctx: KubectlContext): Promise<CommandResult> {
  const raw = flags.string('raw') ?? '';
  if (flags.positional.length > 0) return fail('error: arguments may not be passed when --raw is specified');
  if ((flags.string('output') ?? '') !== '') return fail('error: --raw and --output are mutually exclusive');
  if (flags.bool('watch') || flags.bool('watch-only') || (flags.string('selector') ?? '') !== '')
    return fail(
      'error: --raw may not be specified with other flags that filter the server request or alter the output',
    );
  if (!raw.startsWith('/'))
    return fail(`error: --raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  const question = raw.indexOf('?');
  const path = question >= 0 ? raw.slice(0, question) : raw;
  const query = Object.fromEntries(new URLSearchParams(question >= 0 ? raw.slice(question + 1) : ''));
  const response = await ctx.client.request({ verb: 'GET', path, query });
  const error = responseError(response);
  if (error) return { stdout: '', stderr: error, exitCode: 1 };
  return ok(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
}
