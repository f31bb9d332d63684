/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (create_service.go):
 * ports from --tcp=port[:targetPort], selector and label app=NAME.
 */
import type { FlagSpec } from '../../flags.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { findSubcommand, parentCommand } from './parent.ts';
import { goQuote } from '../../printers/jsonpath.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, objectMeta, SERVICE } from './types.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const SUBCOMMANDS: Record<string, { type: ServiceType; flags: FlagSpec[]; required?: string[] }> = {
  clusterip: {
    type: 'ClusterIP',
    flags: [
      { name: 'tcp', type: 'strings' },
      { name: 'clusterip', type: 'string' },
    ],
  },
  nodeport: {
    type: 'NodePort',
    flags: [
      { name: 'tcp', type: 'strings' },
      { name: 'node-port', type: 'int', default: 0 },
    ],
  },
  loadbalancer: { type: 'LoadBalancer', flags: [{ name: 'tcp', type: 'strings' }] },
  externalname: {
    type: 'ExternalName',
    flags: [
      { name: 'tcp', type: 'strings' },
      { name: 'external-name', type: 'string' },
    ],
    required: ['external-name'],
  },
};

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** isValidPortName is validation.IsValidPortName. */
function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-')))
    errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** parsePorts reads `port[:targetPort]`: the port as utilsnet.ParsePort, the target as a number or a port name. */
export function parsePorts(
  spec: string,
): { ok: true; port: number; target: number | string } | { ok: false; error: string } {
  const parts = spec.split(':');
  const first = parts[0] ?? '';
  if (!/^[0-9]+$/.test(first))
    return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(first)}: invalid syntax` };
  const port = Number(first);
  if (port > 65535) return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(first)}: value out of range` };
  if (parts.length === 1) return { ok: true, port, target: port };
  const second = parts[1] ?? '';
  if (!/^[+-]?[0-9]+$/.test(second) || Math.abs(Number(second)) >= 2 ** 63) {
    const errs = isValidPortName(second);
    if (errs.length) return { ok: false, error: errs.join(',') };
    return { ok: true, port, target: second };
  }
  const target = Number(second);
  if (target < 1 || target > 65535) return { ok: false, error: 'must be between 1 and 65535, inclusive' };
  return { ok: true, port, target };
}

export async function createService(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const at = findSubcommand(args);
  const sub = at >= 0 ? (args[at] as string) : undefined;
  const spec = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (!spec) return parentCommand('service', args);
  const rest = [...args.slice(0, at), ...args.slice(at + 1)];
  const done = completeCreate(rest, ctx, {
    path: `create service ${sub}`,
    flags: spec.flags,
    ...(spec.required ? { required: spec.required } : {}),
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const clusterIP = o.flags.string('clusterip') ?? '';
  const tcp = o.flags.strings('tcp');
  const externalName = o.flags.string('external-name') ?? '';
  if (clusterIP === 'None' && spec.type !== 'ClusterIP')
    return fail('error: ClusterIP=None can only be used with ClusterIP service type\n');
  if (clusterIP !== 'None' && tcp.length === 0 && spec.type !== 'ExternalName')
    return fail('error: at least one tcp port specifier must be provided\n');
  if (spec.type === 'ExternalName' && (externalName.length > 253 || !DNS1123_SUBDOMAIN.test(externalName))) {
    return fail(`error: invalid service external name ${externalName}\n`);
  }
  const nodePort = o.flags.int('node-port') ?? 0;
  const ports: Record<string, unknown>[] = [];
  for (const entry of tcp) {
    const parsed = parsePorts(entry);
    if (!parsed.ok) return fail(`error: ${parsed.error}\n`);
    ports.push({
      name: entry.replace(/:/g, '-'),
      protocol: 'TCP',
      port: parsed.port,
      targetPort: parsed.target,
      ...(nodePort !== 0 ? { nodePort } : {}),
    });
  }
  const service = {
    kind: 'Service',
    apiVersion: apiVersion(SERVICE),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined, { labels: { app: o.name } }),
    spec: {
      ...(ports.length ? { ports } : {}),
      selector: { app: o.name },
      ...(clusterIP !== '' ? { clusterIP } : {}),
      type: spec.type,
      ...(externalName !== '' ? { externalName } : {}),
    },
  };
  return finishCreate(ctx, o, SERVICE, service, { wrap: `failed to create ${spec.type} service: ` });
}
