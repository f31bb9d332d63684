import { cpuMillis, goDuration, memoryBytes, type KubeObject } from '../../../engine/index.ts';
import { responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { noResourcesFound } from '../output.ts';
import { goSort } from '../gosort.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import { dispatchSubcommand } from '../subcommands.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl top node|pod` (pkg/cmd/top, pkg/metricsutil/metrics_printer.go): usage from the
 * metrics.k8s.io API the simulated kubelets feed, printed as kubectl does — millicores, MiB, and
 * for nodes the share of allocatable, with every cell tab-terminated (hence the trailing spaces).
 */
const COMMON: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool', default: true },
  { name: 'show-capacity', type: 'bool' },
  { name: 'show-swap', type: 'bool' },
];

const METRICS = '/apis/metrics.k8s.io/v1beta1';
/** METRICS_DELAY is how long after creation a pod without metrics is only "not yet available". */
const METRICS_DELAY_MS = 2 * 60_000;

interface Usage {
  cpu?: string;
  memory?: string;
}

interface NodeMetrics {
  metadata: { name?: string };
  usage?: Usage;
}

interface PodMetrics {
  metadata: { name?: string; namespace?: string };
  containers?: { name: string; usage?: Usage }[];
}

function milli(cpu: string | undefined): number {
  return Math.ceil(cpuMillis(cpu ?? '0'));
}

function bytes(memory: string | undefined): number {
  return memoryBytes(memory ?? '0');
}

function usageCells(cpu: number, memory: number): string {
  return `${cpu}m\t${Math.floor(memory / (1024 * 1024))}Mi\t`;
}

function percent(used: number, available: number): string {
  const fraction = available === 0 ? 0 : (used / available) * 100;
  return `${Math.trunc(fraction)}%`;
}

async function topNode(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, COMMON);
  const sortBy = flags.string('sort-by') ?? '';
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') return fail(`error: --sort-by accepts only cpu or memory`);
  const name = flags.positional[0];
  const selector = flags.string('selector');
  const query = selector ? { labelSelector: selector } : undefined;
  const metricsResponse = await ctx.client.request<NodeMetrics & { items?: NodeMetrics[] }>({
    verb: 'GET',
    path: name ? `${METRICS}/nodes/${name}` : `${METRICS}/nodes`,
    ...(query ? { query } : {}),
  });
  const metricsError = responseError(metricsResponse);
  if (metricsError) return { stdout: '', stderr: metricsError, exitCode: 1 };
  const metrics = name ? [metricsResponse.body] : (metricsResponse.body.items ?? []);
  const nodesResponse = await ctx.client.request<KubeObject & { items?: KubeObject[] }>({
    verb: 'GET',
    path: name ? `/api/v1/nodes/${name}` : '/api/v1/nodes',
    ...(query ? { query } : {}),
  });
  const nodesError = responseError(nodesResponse);
  if (nodesError) return { stdout: '', stderr: nodesError, exitCode: 1 };
  const nodes = name ? [nodesResponse.body] : (nodesResponse.body.items ?? []);
  const available = new Map<string, { cpu: number; memory: number }>();
  const field = flags.bool('show-capacity') ? 'capacity' : 'allocatable';
  for (const node of nodes) {
    const resources = ((node.status as Record<string, Record<string, string>> | undefined)?.[field] ?? {}) as Usage;
    available.set(node.metadata.name ?? '', { cpu: milli(resources.cpu), memory: bytes(resources.memory) });
  }
  if (metrics.length === 0) return { stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 };
  const rows = metrics.map((m) => ({
    name: m.metadata.name ?? '',
    cpu: milli(m.usage?.cpu),
    memory: bytes(m.usage?.memory),
  }));
  goSort(rows, (a, b) =>
    sortBy === 'cpu' ? a.cpu > b.cpu : sortBy === 'memory' ? a.memory > b.memory : a.name < b.name,
  );
  const writer = new TabWriter(3, 6);
  if (!flags.bool('no-headers')) writer.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n');
  for (const row of rows) {
    const avail = available.get(row.name);
    available.delete(row.name);
    const cpuShare = avail ? `${percent(row.cpu, avail.cpu)}\t` : '';
    const memoryShare = avail ? `${percent(row.memory * 1000, avail.memory * 1000)}\t` : '';
    writer.write(`${row.name}\t${row.cpu}m\t${cpuShare}${Math.floor(row.memory / (1024 * 1024))}Mi\t${memoryShare}\n`);
  }
  for (const missing of available.keys()) writer.write(`${missing}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`);
  return { stdout: writer.flush(), stderr: '', exitCode: 0 };
}

async function topPod(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    ...COMMON,
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'containers', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'sum', type: 'bool' },
  ]);
  const sortBy = flags.string('sort-by') ?? '';
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') return fail(`error: --sort-by accepts only cpu or memory`);
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const name = flags.positional[0];
  const query: Record<string, string> = {};
  if (flags.string('selector')) query.labelSelector = flags.string('selector') as string;
  if (flags.string('field-selector')) query.fieldSelector = flags.string('field-selector') as string;
  const base = allNamespaces ? `${METRICS}/pods` : `${METRICS}/namespaces/${namespace}/pods`;
  const response = await ctx.client.request<PodMetrics & { items?: PodMetrics[] }>({
    verb: 'GET',
    path: name ? `${METRICS}/namespaces/${namespace}/pods/${name}` : base,
    query,
  });
  const error = responseError(response);
  if (error) return { stdout: '', stderr: error, exitCode: 1 };
  const metrics = name ? [response.body] : (response.body.items ?? []);
  if (metrics.length === 0) return emptyMetrics(ctx, allNamespaces, namespace, query);
  const rows = metrics.map((m) => {
    const containers = (m.containers ?? []).map((c) => ({
      name: c.name,
      cpu: milli(c.usage?.cpu),
      memory: bytes(c.usage?.memory),
    }));
    return {
      namespace: m.metadata.namespace ?? '',
      name: m.metadata.name ?? '',
      containers,
      cpu: containers.reduce((s, c) => s + c.cpu, 0),
      memory: containers.reduce((s, c) => s + c.memory, 0),
    };
  });
  const byName = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) =>
    allNamespaces && a.namespace !== b.namespace ? a.namespace < b.namespace : a.name < b.name;
  goSort(rows, (a, b) => (sortBy === 'cpu' ? a.cpu > b.cpu : sortBy === 'memory' ? a.memory > b.memory : byName(a, b)));
  const containers = flags.bool('containers');
  const writer = new TabWriter(3, 6);
  if (!flags.bool('no-headers'))
    writer.write(
      `${allNamespaces ? 'NAMESPACE\t' : ''}${containers ? 'POD\t' : ''}NAME\tCPU(cores)\tMEMORY(bytes)\t\n`,
    );
  for (const row of rows) {
    const prefix = allNamespaces ? `${row.namespace}\t` : '';
    if (containers) {
      const sorted = goSort([...row.containers], (a, b) =>
        sortBy === 'cpu' ? a.cpu > b.cpu : sortBy === 'memory' ? a.memory > b.memory : a.name < b.name,
      );
      for (const c of sorted) writer.write(`${prefix}${row.name}\t${c.name}\t${usageCells(c.cpu, c.memory)}\n`);
    } else writer.write(`${prefix}${row.name}\t${usageCells(row.cpu, row.memory)}\n`);
  }
  if (flags.bool('sum')) {
    const width = 3 + (allNamespaces ? 1 : 0) + (containers ? 1 : 0);
    writer.write(`${'\t'.repeat(width - 2)}________\t________\t\n`);
    writer.write(
      `${'\t'.repeat(width - 3)}\t${usageCells(
        rows.reduce((s, r) => s + r.cpu, 0),
        rows.reduce((s, r) => s + r.memory, 0),
      )}\n`,
    );
  }
  return { stdout: writer.flush(), stderr: '', exitCode: 0 };
}

/** emptyMetrics is verifyEmptyMetrics: young pods are "not available yet", no pods is "No resources found". */
async function emptyMetrics(
  ctx: KubectlContext,
  allNamespaces: boolean,
  namespace: string,
  query: Record<string, string>,
): Promise<CommandResult> {
  const pods = await ctx.client.request<{ items?: KubeObject[] }>({
    verb: 'GET',
    path: allNamespaces ? '/api/v1/pods' : `/api/v1/namespaces/${namespace}/pods`,
    query,
  });
  for (const pod of pods.body.items ?? []) {
    const age = ctx.now() - Date.parse(pod.metadata.creationTimestamp ?? '');
    if (age > METRICS_DELAY_MS)
      return fail(
        `error: Metrics not available for pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}, age: ${goDuration(age)}`,
      );
  }
  if ((pods.body.items ?? []).length > 0) return fail('error: metrics not available yet');
  return {
    stdout: '',
    stderr: noResourcesFound(!allNamespaces, namespace),
    exitCode: 0,
  };
}

export const topCommand = dispatchSubcommand('top', {
  node: topNode,
  nodes: topNode,
  no: topNode,
  pod: topPod,
  pods: topPod,
  po: topPod,
});
