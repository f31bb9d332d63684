import type { Service } from 'kubernetes-types/core/v1';
import { ApiError, fieldErrors, invalid } from '../api/errors.ts';
import type { AdmissionPlugin } from '../api/server.ts';
import type { ObjectStore } from '../api/store.ts';
import type { SeededRandom } from '../random.ts';

/**
 * serviceAllocation gives Services their cluster IP (from 10.96.0.0/12) and node ports (30000-32767)
 * as the API server's allocators do, with their texts when a requested one is taken or out of range.
 */
export const SERVICE_CIDR_BASE = [10, 96, 0, 0] as const;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function ipToString(offset: number): string {
  const base = ((10 << 24) | (96 << 16)) >>> 0;
  const value = (base + offset) >>> 0;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export function serviceAllocation(store: ObjectStore, random: SeededRandom): AdmissionPlugin {
  const usedIPs = () =>
    new Set(
      store
        .list('services')
        .map((s) => (s as unknown as Service).spec?.clusterIP)
        .filter(Boolean),
    );
  const usedNodePorts = (except?: string) =>
    new Set(
      store
        .list('services')
        .filter((s) => s.metadata.uid !== except)
        .flatMap((s) => ((s as unknown as Service).spec?.ports ?? []).map((p) => p.nodePort))
        .filter((p): p is number => p !== undefined),
    );
  return {
    name: 'ServiceAllocation',
    admit(operation, type, object, old) {
      if (type.kind !== 'Service' || operation === 'DELETE') return;
      const service = object as unknown as Service & { spec: NonNullable<Service['spec']> };
      const spec = service.spec as {
        type?: string;
        clusterIP?: string;
        clusterIPs?: string[];
        ports?: { nodePort?: number; port: number }[];
      };
      const oldSpec = (old as unknown as Service | undefined)?.spec;
      const name = object.metadata.name ?? '';
      if (spec.type === 'ExternalName') {
        delete spec.clusterIP;
        delete spec.clusterIPs;
      } else if (oldSpec?.clusterIP) {
        spec.clusterIP = oldSpec.clusterIP;
        spec.clusterIPs = oldSpec.clusterIPs ?? [oldSpec.clusterIP];
      } else if (spec.clusterIP === 'None') {
        spec.clusterIPs = ['None'];
      } else if (spec.clusterIP) {
        if (usedIPs().has(spec.clusterIP)) {
          throw new ApiError(
            invalid('Service', '', name, [
              fieldErrors.invalid(
                'spec.clusterIPs',
                [spec.clusterIP],
                `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
              ),
            ]),
          );
        }
        spec.clusterIPs = [spec.clusterIP];
      } else {
        const used = usedIPs();
        let ip = '';
        for (let attempt = 0; attempt < 5000 && !ip; attempt++) {
          const candidate = ipToString(16 + random.int(4000));
          if (!used.has(candidate)) ip = candidate;
        }
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      }
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
      const taken = usedNodePorts(object.metadata.uid);
      (spec.ports ?? []).forEach((port, i) => {
        const previous = (oldSpec?.ports ?? []).find((p) => p.port === port.port)?.nodePort;
        if (port.nodePort === undefined && previous !== undefined) port.nodePort = previous;
        if (port.nodePort !== undefined) {
          if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
            throw new ApiError(
              invalid('Service', '', name, [
                fieldErrors.invalid(
                  `spec.ports[${i}].nodePort`,
                  port.nodePort,
                  `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
                ),
              ]),
            );
          }
          if (taken.has(port.nodePort) && port.nodePort !== previous) {
            throw new ApiError(
              invalid('Service', '', name, [
                fieldErrors.invalid(`spec.ports[${i}].nodePort`, port.nodePort, 'provided port is already allocated'),
              ]),
            );
          }
          taken.add(port.nodePort);
          return;
        }
        let candidate = 0;
        for (let attempt = 0; attempt < 10000 && !candidate; attempt++) {
          const c = NODE_PORT_MIN + random.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
          if (!taken.has(c)) candidate = c;
        }
        port.nodePort = candidate;
        taken.add(candidate);
      });
    },
  };
}
