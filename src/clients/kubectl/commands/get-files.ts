import { objectPath, parseLabelSelector, requirementsMatch } from '../../../engine/index.ts';
import type { KubeObject, ResourceType, Table } from '../../../engine/index.ts';
import { discover, qualifiedKind } from '../discovery.ts';
import { aggregateErrors, responseError } from '../errors.ts';
import type { ParsedFlags } from '../flags.ts';
import { nameOf, noResourcesFound, printObjects, streamPrinter, type OutputFormat } from '../output.ts';
import { alignColumns, printTable, tableRows, type TableOptions } from '../printers/table.ts';
import { fieldValue, isLess } from '../sortby.ts';
import { goSort } from '../gosort.ts';
import { readManifestSources, typeOf } from '../sources.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import { watchObjects, watchTables } from './watch.ts';

/**
 * `kubectl get -f FILE|DIR|-` and `kubectl get -k DIR`: the objects the manifests name, fetched
 * from the server (cli-runtime's Builder with FilenameParam, ContinueOnError and Latest), each in its
 * manifest's namespace or the flag's/context's. How kubectl reports what it could not fetch depends
 * on the printer: tables print every collected error as a bare line (an aggregate), the generic
 * printers reduce a single one to `error: …`. One file or a kustomization implies a single item,
 * so `-o yaml` prints the object itself, not a List, when exactly one was found.
 */
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export const RESOURCE_ARGS_WITH_FILES =
  'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well';

interface Found {
  type: ResourceType;
  namespace: string;
  name: string;
  /** object is the fetched object, or the Table that stands for it when printing tables. */
  object: KubeObject | Table;
}

export interface GetFilesOptions {
  flags: ParsedFlags;
  output: OutputFormat;
  sortPath: string | undefined;
  namespace: string;
}

/** groupVersionResource is schema.GroupVersionResource.String(): `/v1, Resource=pods`. */
function groupVersionResource(type: ResourceType): string {
  return `${type.group}/${type.version}, Resource=${type.plural}`;
}

function bare(message: string): string {
  const line = message.endsWith('\n') ? message : `${message}\n`;
  return line.startsWith('error: ') ? line.slice('error: '.length) : line;
}

export async function getFromFiles(ctx: KubectlContext, options: GetFilesOptions): Promise<CommandResult> {
  const { flags, output, sortPath, namespace } = options;
  if (flags.positional.length > 0) return fail(RESOURCE_ARGS_WITH_FILES);
  const filenames = flags.strings('filename');
  const kustomize = flags.string('kustomize');
  const read = readManifestSources(ctx, { filenames, kustomize, recursive: flags.bool('recursive') });
  if (!read.ok) return fail(`${read.warnings}${read.error}`);
  const wantsTable = output.kind === 'table';
  const allNamespaces = flags.bool('all-namespaces');
  const explicitNamespace = flags.values.has('namespace');
  const ignoreNotFound = flags.bool('ignore-not-found');
  const selectorText = (flags.string('selector') ?? '').trim();
  const selector = selectorText ? parseLabelSelector(selectorText) : undefined;
  // visitByPaths: one file (not a folder, not stdin) or a kustomization implies a single item.
  const singleImplied =
    kustomize !== undefined && kustomize !== ''
      ? true
      : filenames.length === 1 && filenames[0] !== '-' && ctx.listDir?.(filenames[0] as string) === undefined;
  const registry = await discover(ctx.client);
  const found: Found[] = [];
  // inner are the errors ContinueOnError collected while visiting; outer those of the decorators
  // around it (a namespace that does not match -n), which kubectl reports on their own.
  const inner: string[] = [];
  const outer: string[] = [];
  let notFound = false;
  for (const manifest of read.manifests) {
    const mapped = typeOf(registry, manifest);
    if (!mapped.ok) {
      inner.push(mapped.error);
      continue;
    }
    const type = mapped.type;
    const name = manifest.object.metadata?.name ?? '';
    const own = manifest.object.metadata?.namespace ?? '';
    const objectNamespace = type.namespaced ? own || (allNamespaces ? '' : namespace) : '';
    if (type.namespaced && objectNamespace === '') {
      inner.push(`no namespace set on resource ${groupVersionResource(type)} "${name}"`);
      continue;
    }
    const response = await ctx.client.request<KubeObject | Table>({
      verb: 'GET',
      path: objectPath(type, type.namespaced ? objectNamespace : undefined, name),
      ...(wantsTable ? { headers: { accept: TABLE_ACCEPT } } : {}),
      ...(wantsTable && sortPath ? { query: { includeObject: 'Object' } } : {}),
    });
    if (response.status === 404 && ignoreNotFound) {
      notFound = true;
      continue;
    }
    const error = responseError(response);
    if (error) {
      inner.push(error);
      continue;
    }
    // A Table has no labels of its own, so a selector meets the fetched object only outside tables.
    const labels = wantsTable ? {} : ((response.body as KubeObject).metadata?.labels ?? {});
    if (selector && !requirementsMatch(selector, labels)) continue;
    if (type.namespaced && explicitNamespace && own && own !== namespace) {
      outer.push(
        `error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      );
      continue;
    }
    found.push({ type, namespace: objectNamespace, name, object: response.body });
  }
  let stderr = read.warnings;
  const innerText = inner.map(bare).join('');
  const errors = [...outer, ...(inner.length ? [innerText] : [])];

  if (flags.bool('watch') || flags.bool('watch-only')) {
    if (errors.length > 0) return { stdout: '', stderr: stderr + aggregateErrors(errors), exitCode: 1 };
    // With --ignore-not-found, an object that is missing ends the watch before it prints anything.
    if (notFound) return { stdout: '', stderr, exitCode: 0 };
    return watchFiles(ctx, options, found, sourceCount(ctx, filenames, kustomize), stderr);
  }

  if (wantsTable) {
    const types = new Set(found.map((f) => f.type));
    if (sortPath && types.size > 1)
      return fail(`error: couldn't find any field with path "${sortPath}" in the list of objects`);
    const printWithKind = types.size > 1 || flags.bool('show-kind');
    const groups: { type: ResourceType; table: Table }[] = [];
    for (const { type, object } of found) {
      const table = object as Table;
      const last = groups[groups.length - 1];
      if (last && last.type === type) last.table = { ...last.table, rows: [...last.table.rows, ...table.rows] };
      else groups.push({ type, table });
    }
    const noHeaders = flags.bool('no-headers');
    const blocks = groups
      .map(({ type, table }) =>
        printTable(table, {
          wide: output.kind === 'table' && output.wide,
          noHeaders,
          withNamespace: allNamespaces && type.namespaced,
          showLabels: flags.bool('show-labels'),
          labelColumns: flags.strings('label-columns'),
          ...(printWithKind ? { kindPrefix: qualifiedKind(type) } : {}),
        }),
      )
      .filter((block) => block !== '');
    const stdout = blocks.join(noHeaders ? '' : '\n');
    if (stdout === '' && !ignoreNotFound && errors.length === 0) {
      const allNamespaced = !allNamespaces && found.every((f) => f.type.namespaced);
      stderr += noResourcesFound(allNamespaced, namespace);
    }
    // A lone error from the visit is still an aggregate here: its lines print bare.
    const tableErrors = outer.length === 0 ? innerText : aggregateErrors(inner.length ? [...outer, innerText] : outer);
    return { stdout, stderr: stderr + tableErrors, exitCode: errors.length > 0 ? 1 : 0 };
  }

  const reduced = aggregateErrors(outer.length ? errors : inner);
  if (singleImplied && errors.length > 0) return { stdout: '', stderr: stderr + reduced, exitCode: 1 };
  const collected = found.map((f) => ({ type: f.type, object: withoutManagedFields(f.object as KubeObject) }));
  if (collected.length === 0 && ignoreNotFound)
    return { stdout: '', stderr: stderr + reduced, exitCode: errors.length ? 1 : 0 };
  const single = singleImplied && collected.length === 1;
  if (sortPath && !single && collected.length > 0) {
    if (!collected.some((c) => fieldValue(c.object, sortPath) !== undefined))
      return {
        stdout: '',
        stderr: `${stderr}error: couldn't find any field with path "${sortPath}" in the list of objects\n`,
        exitCode: 1,
      };
    goSort(collected, (a, b) => sortLess(fieldValue(a.object, sortPath), fieldValue(b.object, sortPath)));
  }
  const printed = printObjects(output, collected, single, flags.bool('no-headers'));
  if (!printed.ok)
    return {
      stdout: printed.stdout ?? '',
      stderr: `${stderr}${reduced}${printed.error.endsWith('\n') ? printed.error : `${printed.error}\n`}`,
      exitCode: 1,
    };
  return { stdout: printed.text, stderr: stderr + reduced, exitCode: errors.length > 0 ? 1 : 0 };
}

function sortLess(a: unknown, b: unknown): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  return isLess(a, b);
}

function withoutManagedFields(object: KubeObject): KubeObject {
  if (!object.metadata.managedFields) return object;
  const copy = { ...object, metadata: { ...object.metadata } };
  delete copy.metadata.managedFields;
  return copy;
}

/** sourceCount is how many visitors the builder made of the paths: one per file, one per kustomization. */
function sourceCount(ctx: KubectlContext, filenames: string[], kustomize: string | undefined): number {
  if (kustomize !== undefined && kustomize !== '') return 1;
  let count = 0;
  for (const name of filenames) {
    const listing = name === '-' ? undefined : ctx.listDir?.(name);
    count += listing ? listing.filter((f) => /\.(ya?ml|json)$/.test(f)).length : 1;
  }
  return count;
}

/**
 * watchFiles is `get -f … -w`: kubectl prints what the manifests name, all through one tabwriter,
 * and then watches only when they came from one source and named one object (Result.Watch);
 * otherwise it ends with Result.Watch's error.
 */
async function watchFiles(
  ctx: KubectlContext,
  options: GetFilesOptions,
  found: Found[],
  sources: number,
  stderr: string,
): Promise<CommandResult> {
  const { flags, output } = options;
  const watchOnly = flags.bool('watch-only');
  const tableOptions: TableOptions = {
    wide: output.kind === 'table' && output.wide,
    noHeaders: flags.bool('no-headers'),
    withNamespace: flags.bool('all-namespaces'),
    showLabels: flags.bool('show-labels'),
    labelColumns: flags.strings('label-columns'),
  };
  const refusal =
    sources !== 1
      ? 'error: you may only watch a single resource or type of resource at a time\n'
      : found.length !== 1
        ? `error: watch is only supported on individual resources and resource collections - ${found.length} resources were found\n`
        : undefined;
  const only = found[0];
  if (refusal === undefined && only) {
    const namespace = only.type.namespaced ? only.namespace : undefined;
    if (output.kind === 'table') {
      const table = only.object as Table;
      return watchTables(ctx, {
        selections: [{ type: only.type, names: [only.name] }],
        namespace,
        query: {},
        initial: [{ type: only.type, table }],
        header: watchOnly ? '' : printTable(table, tableOptions),
        options: tableOptions,
        requestTimeout: flags.string('request-timeout'),
        outputEvents: flags.bool('output-watch-events'),
        stderr,
      });
    }
    const object = withoutManagedFields(only.object as KubeObject);
    return watchObjects(ctx, {
      type: only.type,
      names: [only.name],
      namespace,
      query: {},
      initial: [object],
      resourceVersion: object.metadata.resourceVersion ?? '',
      print: streamPrinter(output, only.type, flags.bool('no-headers')),
      outputEvents: flags.bool('output-watch-events'),
      watchOnly,
      requestTimeout: flags.string('request-timeout'),
      stderr,
    });
  }
  let stdout = '';
  if (!watchOnly && found.length > 0) {
    if (output.kind === 'table') {
      const rows: string[][] = [];
      let last: ResourceType | undefined;
      for (const { type, object } of found) {
        const table = object as Table;
        const withHeader = tableRows(table, { ...tableOptions, noHeaders: tableOptions.noHeaders || last === type });
        rows.push(...withHeader);
        last = type;
      }
      stdout = alignColumns(rows);
    } else {
      const print = streamPrinter(output, (found[0] as Found).type, flags.bool('no-headers'));
      for (const { type, object } of found) {
        const shown = withoutManagedFields(object as KubeObject);
        const printed = output.kind === 'name' ? { ok: true as const, text: `${nameOf(type, shown)}\n` } : print(shown);
        if (!printed.ok) return { stdout: stdout + printed.stdout, stderr: stderr + printed.error, exitCode: 1 };
        stdout += printed.text;
      }
    }
  }
  return { stdout, stderr: stderr + (refusal ?? ''), exitCode: 1 };
}
