import type { Container } from 'kubernetes-types/core/v1';
import { objectPath, type KubeObject } from '../../../engine/index.ts';
import { buildInfos } from '../builder.ts';
import { discover } from '../discovery.ts';
import { aggregateErrors, responseError } from '../errors.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import {
  DRY_RUN_FLAG,
  parseDryRun,
  parseObjectOutput,
  printChanged,
  PRINT_FLAGS,
  templateOptions,
} from '../mutation.ts';
import { goMap } from '../printers/json.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';
import { goOrdered } from './create/typed.ts';
import { RESOURCES_REQUIRED } from './scale.ts';

/**
 * `kubectl expose` (pkg/cmd/expose): a Service for a pod, deployment, replica set, replication
 * controller or service, its selector, ports and protocols read from the object unless given.
 */
const FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  DRY_RUN_FLAG,
];

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController']);

interface WorkloadSpec {
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | Record<string, string>;
  template?: { spec?: { containers?: Container[] } };
  containers?: Container[];
  ports?: { port: number; protocol?: string }[];
}

/** selectorOf is polymorphichelpers.MapBasedSelectorForObject. */
function selectorOf(object: KubeObject): Record<string, string> | string {
  const spec = (object.spec ?? {}) as WorkloadSpec;
  switch (object.kind) {
    case 'Pod':
      if (!object.metadata.labels || Object.keys(object.metadata.labels).length === 0)
        return 'the pod has no labels and cannot be exposed';
      return object.metadata.labels;
    case 'Service':
    case 'ReplicationController': {
      const selector = spec.selector as Record<string, string> | undefined;
      if (!selector || Object.keys(selector).length === 0)
        return object.kind === 'Service'
          ? 'the service has no pod selector set'
          : 'the replication controller has no selector';
      return selector;
    }
    default: {
      const selector = spec.selector as
        { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if ((selector?.matchExpressions ?? []).length > 0)
        return `couldn't convert expressions - "${JSON.stringify(selector?.matchExpressions)}" to map-based selector format`;
      return selector?.matchLabels ?? {};
    }
  }
}

function containersOf(object: KubeObject): Container[] {
  const spec = (object.spec ?? {}) as WorkloadSpec;
  return object.kind === 'Pod' ? (spec.containers ?? []) : (spec.template?.spec?.containers ?? []);
}

/** portsOf is PortsForObject: container ports, or a service's ports. */
function portsOf(object: KubeObject): string[] {
  if (object.kind === 'Service') return (((object.spec ?? {}) as WorkloadSpec).ports ?? []).map((p) => String(p.port));
  return containersOf(object).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

/** protocolsOf is MultiProtocolsForObject: each port's protocols. */
function protocolsOf(object: KubeObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    out.set(key, [...(out.get(key) ?? []), protocol || 'TCP']);
  };
  if (object.kind === 'Service')
    for (const p of ((object.spec ?? {}) as WorkloadSpec).ports ?? []) add(p.port, p.protocol);
  else for (const c of containersOf(object)) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

function parseLabelList(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) return `unexpected label spec: ${spec}`;
    if (!parts[0]) return 'unexpected empty label key';
    out[parts[0]] = parts[1] as string;
  }
  return out;
}

interface ServicePort {
  name?: string;
  protocol: string;
  port: number;
  targetPort: number | string;
}

function buildService(
  name: string,
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
  portText: string,
  protocols: Map<string, string[]>,
  flags: ReturnType<typeof parseFlags>,
): KubeObject | string {
  const ports: ServicePort[] = [];
  const portStrings = portText ? portText.split(',') : [];
  const protocolFlag = flags.string('protocol') ?? '';
  for (const [i, text] of portStrings.entries()) {
    if (!/^-?\d+$/.test(text)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
    const port = Number(text);
    const portName = portStrings.length > 1 ? `port-${i + 1}` : undefined;
    let protocol = protocolFlag;
    if (!protocol) {
      protocol = 'TCP';
      const found = protocols.get(text);
      if (found && found.length > 1) {
        for (const p of found)
          ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port, targetPort: port });
        continue;
      }
      if (found?.length === 1) protocol = found[0] as string;
    }
    ports.push({ ...(portName ? { name: portName } : {}), protocol, port, targetPort: port });
  }
  const target = flags.string('target-port');
  if (target) for (const p of ports) p.targetPort = /^\d+$/.test(target) ? Number(target) : target;
  const spec: Record<string, unknown> = { ports, selector: goMap({ ...selector }) };
  const externalIp = flags.string('external-ip');
  if (externalIp) spec.externalIPs = [externalIp];
  const type = flags.string('type');
  if (type) spec.type = type;
  const affinity = flags.string('session-affinity');
  if (affinity) {
    if (affinity !== 'None' && affinity !== 'ClientIP') return `unknown session affinity: ${affinity}`;
    spec.sessionAffinity = affinity;
  }
  const clusterIp = flags.string('cluster-ip');
  if (clusterIp) spec.clusterIP = clusterIp;
  if (type === 'LoadBalancer' && flags.string('load-balancer-ip'))
    spec.loadBalancerIP = flags.string('load-balancer-ip');
  return goOrdered({
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(labels ? { labels: goMap({ ...labels }) } : {}) },
    spec,
    status: { loadBalancer: {} },
  }) as KubeObject;
}

export async function exposeCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, FLAGS);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const dry = parseDryRun(flags, ctx.now);
  if (typeof dry === 'string') return fail(dry);
  const filenames = flags.strings('filename');
  if (flags.positional.length === 0 && filenames.length === 0) return fail(RESOURCES_REQUIRED);
  const registry = await discover(ctx.client);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames,
    recursive: flags.bool('recursive'),
    namespace,
    explicitNamespace: flags.has('namespace'),
  });
  if (!built.ok) return fail(built.error);
  let stdout = '';
  const errors: string[] = [];
  let selectorFlag = flags.string('selector') ?? '';
  let portFlag = flags.string('port') ?? '';
  let labelsFlag = flags.string('labels') ?? '';
  for (const info of built.infos) {
    const kind = info.object.kind;
    if (!EXPOSABLE.has(kind) || !['', 'apps', 'extensions'].includes(info.type.group)) {
      errors.push(`cannot expose a ${kind}`);
      continue;
    }
    let selector: Record<string, string> | string;
    if (selectorFlag) selector = parseLabelList(selectorFlag);
    else {
      selector = selectorOf(info.object);
      if (typeof selector === 'string') {
        errors.push(`couldn't retrieve selectors via --selector flag or introspection: ${selector}`);
        continue;
      }
      selectorFlag = Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
    }
    if (typeof selector === 'string') {
      errors.push(selector);
      continue;
    }
    if (!portFlag) {
      const ports = portsOf(info.object);
      if (ports.length === 0 && flags.string('cluster-ip') !== 'None') {
        errors.push("couldn't find port via --port flag or introspection");
        continue;
      }
      portFlag = ports.join(',');
    }
    let labels: Record<string, string> | undefined;
    if (!labelsFlag)
      labelsFlag = Object.entries(info.object.metadata.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
    if (labelsFlag) {
      const parsed = parseLabelList(labelsFlag);
      if (typeof parsed === 'string') {
        errors.push(parsed);
        continue;
      }
      labels = parsed;
    }
    const name = flags.string('name') || info.name.slice(0, 63);
    const service = buildService(name, selector, labels, portFlag, protocolsOf(info.object), flags);
    if (typeof service === 'string') {
      errors.push(service);
      continue;
    }
    const serviceType = registry.byKind('v1', 'Service');
    if (!serviceType) continue;
    if (dry.dryRun === 'client') {
      if (flags.has('namespace')) service.metadata = { ...service.metadata, namespace };
      const printed = printChanged(output, serviceType, service, 'exposed', dry.dryRun, true);
      if (printed.ok) stdout += printed.text;
      else {
        stdout += printed.stdout ?? '';
        errors.push(printed.error);
      }
      continue;
    }
    const created = await ctx.client.request<KubeObject>({
      verb: 'POST',
      path: objectPath(serviceType, namespace),
      body: JSON.parse(JSON.stringify(service)) as unknown,
      query: {
        fieldManager: flags.string('field-manager') ?? 'kubectl-expose',
        ...(dry.dryRun === 'server' ? { dryRun: 'All' } : {}),
      },
    });
    const error = responseError(created);
    if (error) {
      errors.push(error);
      continue;
    }
    const printed = printChanged(output, serviceType, created.body, 'exposed', dry.dryRun);
    if (printed.ok) stdout += printed.text;
    else {
      stdout += printed.stdout ?? '';
      errors.push(printed.error);
    }
  }
  errors.push(...built.errors);
  return { stdout, stderr: dry.warning + aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
