import { humanDuration, type KubeObject } from '../../../engine/index.ts';
import { discover } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags } from '../flags.ts';
import { goSort } from '../gosort.ts';
import { parseObjectOutput, printChanged, templateOptions } from '../mutation.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl events` (pkg/cmd/events): the namespace's (or every namespace's) Events oldest first,
 * `--for TYPE/NAME` narrowing to one object and `--types` to Normal or Warning, with LAST SEEN
 * computed on the client as kubectl does (here from simulated time).
 */
interface EventLike extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  involvedObject?: { kind?: string; name?: string };
}

function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

function interval(e: EventLike, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count ?? 0} over ${first})`;
  return first;
}

function eventTime(e: EventLike): number {
  if (e.series?.lastObservedTime) return Date.parse(e.series.lastObservedTime);
  if (e.lastTimestamp) return Date.parse(e.lastTimestamp);
  return e.eventTime ? Date.parse(e.eventTime) : 0;
}

/** escapeCell cuts a cell at its first line break, as the event printer does. */
function escapeCell(text: string): string {
  const at = text.search(/[\f\n\r]/);
  return at >= 0 ? `${text.slice(0, at)}...` : text;
}

export async function eventsCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'types', type: 'strings' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ]);
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const types = [...new Set(flags.strings('types'))].sort();
  for (const t of types)
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning')
      return fail('error: valid --types are Normal or Warning');
  const output = flags.string('output')
    ? parseObjectOutput(flags.string('output'), templateOptions(flags, ctx))
    : undefined;
  if (typeof output === 'string') return fail(output);
  const query: Record<string, string> = {};
  const forObject = flags.string('for');
  if (forObject) {
    if (!forObject.includes('/')) return fail('error: --for must be in resource/name form');
    const parts = forObject.split('/');
    if (parts.length !== 2) return fail('error: arguments in resource/name form may not have more than one slash');
    const registry = await discover(ctx.client);
    const type = registry.resolve(parts[0] as string);
    if (!type) return fail(`the server doesn't have a resource type "${parts[0] ?? ''}"`);
    query.fieldSelector = `involvedObject.kind=${type.kind},involvedObject.name=${parts[1] ?? ''}`;
  }
  const response = await ctx.client.request<{ items?: EventLike[] }>({
    verb: 'GET',
    path: allNamespaces ? '/api/v1/events' : `/api/v1/namespaces/${namespace}/events`,
    query,
  });
  const error = responseError(response);
  if (error) return { stdout: '', stderr: error, exitCode: 1 };
  const events = (response.body.items ?? []).filter(
    (e) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()),
  );
  if (events.length === 0)
    return {
      stdout: '',
      stderr: allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`,
      exitCode: 0,
    };
  goSort(events, (a, b) => eventTime(a) < eventTime(b));
  if (output && output.kind !== 'operation') {
    const registry = await discover(ctx.client);
    const type = registry.byKind('v1', 'Event');
    if (!type) return fail('error: the server does not serve events');
    // The name printer is handed the EventList itself, and prints nothing for a list.
    if (output.kind === 'name') return { stdout: '', stderr: '', exitCode: 0 };
    const list = { apiVersion: 'v1', kind: 'EventList', metadata: {}, items: events } as unknown as KubeObject;
    const printed = printChanged(output, type, list, '', 'none');
    return printed.ok
      ? { stdout: printed.text, stderr: '', exitCode: 0 }
      : { stdout: printed.stdout ?? '', stderr: printed.error, exitCode: 1 };
  }
  const now = ctx.now();
  const writer = new TabWriter(3, 6);
  if (!flags.bool('no-headers'))
    writer.write(`${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
  for (const e of events) {
    writer.write(
      `${allNamespaces ? `${e.metadata.namespace ?? ''}\t` : ''}${interval(e, now)}\t${escapeCell(e.type ?? '')}\t${escapeCell(e.reason ?? '')}\t${escapeCell(e.involvedObject?.kind ?? '')}/${escapeCell(e.involvedObject?.name ?? '')}\t${escapeCell((e.message ?? '').trim())}\n`,
    );
  }
  return { stdout: writer.flush(), stderr: '', exitCode: 0 };
}
