import { attachablePod } from '../attachable.ts';
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import { parseFlags } from '../flags.ts';
import { pause, Stream } from '../stream.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE…` (pkg/cmd/portforward): it finds the pod (for a
 * workload or service, one of its pods), translates service and named ports to container ports,
 * and announces the forwarding as kubectl does. Nothing listens: in the terminal it stays until
 * Ctrl+C, elsewhere it returns after the announcement.
 */
const USAGE =
  "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples";

interface PortSpec {
  local: string;
  remote: string;
}

function parsePorts(specs: string[]): PortSpec[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    if (parts.length === 1) return { local: spec, remote: spec };
    return { local: parts[0] ?? '', remote: parts[1] ?? '' };
  });
}

function containerPort(pod: Pod, name: string): number | undefined {
  for (const c of pod.spec?.containers ?? ([] as Container[]))
    for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  return undefined;
}

/** translate turns a service port (number or name) into the pod's container port. */
function translate(spec: PortSpec, pod: Pod, service: Service | undefined): PortSpec | string {
  if (service) {
    const port = (service.spec?.ports ?? []).find((p) => String(p.port) === spec.remote || p.name === spec.remote);
    if (!port) return `error: Service ${service.metadata?.name ?? ''} does not have a service port ${spec.remote}`;
    let remote = String(port.targetPort ?? port.port);
    if (typeof port.targetPort === 'string') {
      const found = containerPort(pod, port.targetPort);
      if (found === undefined)
        return `error: Pod '${pod.metadata?.name ?? ''}' does not have a named port '${port.targetPort}'`;
      remote = String(found);
    }
    return { local: spec.local === spec.remote ? String(port.port) : spec.local, remote };
  }
  if (/^\d+$/.test(spec.remote)) return spec;
  const found = containerPort(pod, spec.remote);
  if (found === undefined)
    return `error: Pod '${pod.metadata?.name ?? ''}' does not have a named port '${spec.remote}'`;
  return { local: spec.local === spec.remote ? String(found) : spec.local, remote: String(found) };
}

export async function portForwardCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'address', type: 'strings', default: ['localhost'] },
    { name: 'pod-running-timeout', type: 'string' },
  ]);
  const [target, ...portArgs] = flags.positional;
  if (!target || portArgs.length === 0) return fail(USAGE);
  const namespace = flags.string('namespace') ?? ctx.namespace;
  const found = await attachablePod(ctx, namespace, target);
  if (!found.ok) return { stdout: '', stderr: found.error, exitCode: 1 };
  const ports: PortSpec[] = [];
  for (const spec of parsePorts(portArgs)) {
    const translated = translate(spec, found.pod, found.service);
    if (typeof translated === 'string') return fail(translated);
    ports.push(translated);
  }
  if (found.pod.status?.phase !== 'Running')
    return fail(
      `error: unable to forward port because pod is not running. Current status=${found.pod.status?.phase ?? 'Unknown'}`,
    );
  const addresses = flags.strings('address');
  const stream = new Stream(ctx);
  for (const { local, remote } of ports) {
    const localPort = local === '' || local === '0' ? String(40000 + (Number(remote) % 20000)) : local;
    for (const address of addresses) {
      if (address === 'localhost') {
        stream.out(`Forwarding from 127.0.0.1:${localPort} -> ${remote}\n`);
        stream.out(`Forwarding from [::1]:${localPort} -> ${remote}\n`);
      } else stream.out(`Forwarding from ${address}:${localPort} -> ${remote}\n`);
    }
  }
  while (ctx.signal && !ctx.signal.aborted) await pause(250);
  return stream.result(0);
}
