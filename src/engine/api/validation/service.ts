import type { Service } from 'kubernetes-types/core/v1';
import { fieldErrors, type FieldError } from '../errors.ts';
import { DNS1123_LABEL_MESSAGE } from './names.ts';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** validateService follows ValidateService for ports, types and the immutable clusterIP. */
export function validateService(service: Service, old: Service | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const spec = service.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!SERVICE_TYPES.includes(type)) errors.push(fieldErrors.notSupported('spec.type', type, SERVICE_TYPES));
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (ports.length === 0 && type !== 'ExternalName' && !headless) errors.push(fieldErrors.required('spec.ports'));
  if (type === 'ExternalName' && !spec.externalName) errors.push(fieldErrors.required('spec.externalName'));
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) errors.push(fieldErrors.required(`${at}.name`));
    if (port.name) {
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(port.name))
        errors.push(fieldErrors.invalid(`${at}.name`, port.name, DNS1123_LABEL_MESSAGE));
      if (names.has(port.name)) errors.push(fieldErrors.duplicate(`${at}.name`, port.name));
      names.add(port.name);
    }
    if (port.port === undefined) errors.push(fieldErrors.required(`${at}.port`));
    else if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) {
      errors.push(fieldErrors.invalid(`${at}.port`, port.port, 'must be between 1 and 65535, inclusive'));
    }
    if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
      errors.push(fieldErrors.notSupported(`${at}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
    }
    if (typeof port.targetPort === 'number' && (port.targetPort < 1 || port.targetPort > 65535)) {
      errors.push(fieldErrors.invalid(`${at}.targetPort`, port.targetPort, 'must be between 1 and 65535, inclusive'));
    }
    if (port.nodePort !== undefined && type === 'ClusterIP') {
      errors.push(fieldErrors.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    }
  });
  if (old && old.spec?.clusterIP && spec.clusterIP !== undefined && spec.clusterIP !== old.spec.clusterIP) {
    errors.push(fieldErrors.invalid('spec.clusterIPs[0]', spec.clusterIP, 'may not change once set'));
  }
  return errors;
}
