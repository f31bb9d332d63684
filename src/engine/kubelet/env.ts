import { decodeBase64 } from '../api/base64.ts';
import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../api/quantity.ts';
import type { ObjectStore } from '../api/store.ts';

/**
 * resolveEnvironment builds a container's environment as the kubelet does (kubelet_pods.go makeEnvironmentVariables):
 * service links first, then envFrom, then env in order with $(VAR) expansion. A missing ConfigMap,
 * Secret or key that is not optional is a CreateContainerConfigError with the kubelet's message.
 */
export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

/** expandVars replaces $(NAME) with known values; $$ escapes, unknown references stay as written. */
export function expandVars(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && Object.prototype.hasOwnProperty.call(env, name) ? (env[name] as string) : match;
  });
}

function serviceLinks(store: ObjectStore, namespace: string, enabled: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  const add = (name: string, ip: string, ports: { port?: number; protocol?: string; name?: string }[]) => {
    const prefix = name.toUpperCase().replace(/-/g, '_');
    const first = ports[0];
    if (!first?.port) return;
    env[`${prefix}_SERVICE_HOST`] = ip;
    env[`${prefix}_SERVICE_PORT`] = String(first.port);
    for (const port of ports) {
      if (port.name) env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
      const proto = (port.protocol ?? 'TCP').toUpperCase();
      const base = `${prefix}_PORT_${port.port}_${proto}`;
      env[base] = `${proto.toLowerCase()}://${ip}:${port.port}`;
      env[`${base}_PROTO`] = proto.toLowerCase();
      env[`${base}_PORT`] = String(port.port);
      env[`${base}_ADDR`] = ip;
    }
    env[`${prefix}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`;
  };
  const kubernetes = store.get('services', 'default', 'kubernetes') as
    { spec?: { clusterIP?: string; ports?: { port?: number; protocol?: string; name?: string }[] } } | undefined;
  if (kubernetes?.spec?.clusterIP)
    add('kubernetes', kubernetes.spec.clusterIP, [{ ...(kubernetes.spec.ports?.[0] ?? { port: 443 }), name: 'https' }]);
  if (enabled) {
    for (const object of store.list('services', namespace)) {
      const spec = (
        object as { spec?: { clusterIP?: string; ports?: { port?: number; protocol?: string; name?: string }[] } }
      ).spec;
      if (!spec?.clusterIP || spec.clusterIP === 'None' || object.metadata.name === 'kubernetes') continue;
      add(object.metadata.name as string, spec.clusterIP, spec.ports ?? []);
    }
  }
  return env;
}

function fieldRefValue(pod: Pod, path: string, hostIP: string): string {
  const labelMatch = path.match(/^metadata\.(labels|annotations)\['(.+)'\]$/);
  if (labelMatch) {
    const map = labelMatch[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations;
    return map?.[labelMatch[2] as string] ?? '';
  }
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return hostIP;
    default:
      return '';
  }
}

export function resolveEnvironment(
  pod: Pod,
  container: Container,
  store: ObjectStore,
  imageEnv: Record<string, string>,
  hostIP: string,
): EnvResult {
  const namespace = pod.metadata?.namespace ?? 'default';
  const env: Record<string, string> = { ...imageEnv };
  Object.assign(env, serviceLinks(store, namespace, pod.spec?.enableServiceLinks !== false));
  const readData = (kind: 'configmaps' | 'secrets', name: string): Record<string, string> | undefined => {
    const object = store.get(kind, namespace, name) as { data?: Record<string, string> } | undefined;
    if (!object) return undefined;
    const data = object.data ?? {};
    if (kind === 'configmaps') return data;
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v)]));
  };
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    if (!ref) continue;
    const kind = source.configMapRef ? 'configmaps' : 'secrets';
    const data = readData(kind, ref.name ?? '');
    if (!data) {
      if (ref.optional) continue;
      return { ok: false, message: `${kind === 'configmaps' ? 'configmap' : 'secret'} "${ref.name ?? ''}" not found` };
    }
    for (const [key, value] of Object.entries(data)) env[`${source.prefix ?? ''}${key}`] = value;
  }
  const declared: Record<string, string> = {};
  for (const variable of container.env ?? ([] as EnvVar[])) {
    const lookup = { ...env, ...declared };
    if (variable.valueFrom === undefined) {
      declared[variable.name] = expandVars(variable.value ?? '', lookup);
      continue;
    }
    const from = variable.valueFrom;
    const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
    if (keyRef) {
      const isConfigMap = from.configMapKeyRef !== undefined;
      const data = readData(isConfigMap ? 'configmaps' : 'secrets', keyRef.name ?? '');
      if (!data) {
        if (keyRef.optional) continue;
        return { ok: false, message: `${isConfigMap ? 'configmap' : 'secret'} "${keyRef.name ?? ''}" not found` };
      }
      if (!(keyRef.key in data)) {
        if (keyRef.optional) continue;
        return {
          ok: false,
          message: `couldn't find key ${keyRef.key} in ${isConfigMap ? 'ConfigMap' : 'Secret'} ${namespace}/${keyRef.name ?? ''}`,
        };
      }
      declared[variable.name] = data[keyRef.key] as string;
    } else if (from.fieldRef) {
      declared[variable.name] = fieldRefValue(pod, from.fieldRef.fieldPath, hostIP);
    } else if (from.resourceFieldRef) {
      declared[variable.name] = resourceFieldValue(
        container,
        from.resourceFieldRef.resource,
        String(from.resourceFieldRef.divisor ?? '1'),
      );
    }
  }
  Object.assign(env, declared);
  return { ok: true, env };
}

function resourceFieldValue(container: Container, resource: string, divisor: string): string {
  const [section, name] = resource.split('.') as ['limits' | 'requests', string];
  const raw = (container.resources?.[section] as Record<string, string | number> | undefined)?.[name];
  const value = raw === undefined ? (name === 'cpu' ? 4 : 8 * 1024 ** 3) : (parseQuantity(raw) ?? 0);
  const unit = parseQuantity(divisor) || 1;
  return String(Math.ceil(value / unit));
}
