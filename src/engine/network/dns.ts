import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectStore } from '../api/store.ts';
import { isIPv4 } from './ip.ts';

/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (kubeadm's Corefile: `kubernetes
 * cluster.local in-addr.arpa ip6.arpa { pods insecure }`), plus the stub resolver's search-list
 * walk with `options ndots:5` that turns `web` into `web.default.svc.cluster.local`.
 */
export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';
export const NDOTS = 5;

export type DnsAnswer = { type: 'A'; name: string; ips: string[] } | { type: 'CNAME'; name: string; target: string };

const SLICES = 'endpointslices.discovery.k8s.io';

/** searchList is a ClusterFirst pod's search path: its namespace's services first. */
export function searchList(namespace: string, domain = CLUSTER_DOMAIN): string[] {
  return [`${namespace}.svc.${domain}`, `svc.${domain}`, domain];
}

/** resolvConfFor is the /etc/resolv.conf the kubelet gives a pod, by dnsPolicy (pkg/kubelet/network/dns). */
export function resolvConfFor(pod: Pod, hostResolvConf = 'nameserver 172.18.0.1\noptions ndots:0\n'): string {
  const spec = pod.spec ?? { containers: [] };
  let policy = spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'ClusterFirst' && spec.hostNetwork) policy = 'Default';
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  if (policy === 'Default') return mergeDnsConfig(hostResolvConf, spec.dnsConfig);
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    nameservers = [CLUSTER_DNS_IP];
    searches = searchList(pod.metadata?.namespace ?? 'default');
    options = [`ndots:${NDOTS}`];
  }
  const config = spec.dnsConfig;
  nameservers = [...nameservers, ...(config?.nameservers ?? [])];
  searches = [...searches, ...(config?.searches ?? [])];
  for (const option of config?.options ?? []) {
    const text = option.value !== undefined ? `${option.name ?? ''}:${option.value}` : (option.name ?? '');
    const key = text.split(':')[0];
    options = [...options.filter((o) => o.split(':')[0] !== key), text];
  }
  let out = '';
  if (searches.length) out += `search ${searches.join(' ')}\n`;
  for (const server of nameservers) out += `nameserver ${server}\n`;
  if (options.length) out += `options ${options.join(' ')}\n`;
  return out;
}

function mergeDnsConfig(base: string, config: NonNullable<Pod['spec']>['dnsConfig']): string {
  if (!config) return base;
  const lines = base.trimEnd().split('\n');
  for (const server of config.nameservers ?? []) lines.push(`nameserver ${server}`);
  if ((config.searches ?? []).length) lines.unshift(`search ${(config.searches ?? []).join(' ')}`);
  return `${lines.join('\n')}\n`;
}

function serviceSlices(store: ObjectStore, namespace: string, name: string): EndpointSlice[] {
  return (store.list(SLICES, namespace) as unknown as EndpointSlice[]).filter(
    (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === name,
  );
}

/** headlessRecords lists a headless Service's endpoints as CoreDNS publishes them (ready ones, or all with publishNotReadyAddresses). */
function headlessRecords(store: ObjectStore, service: Service): { ip: string; hostname?: string }[] {
  const all = service.spec?.publishNotReadyAddresses === true;
  const out: { ip: string; hostname?: string }[] = [];
  for (const slice of serviceSlices(store, service.metadata?.namespace ?? '', service.metadata?.name ?? '')) {
    for (const endpoint of slice.endpoints ?? []) {
      if (!all && endpoint.conditions?.ready === false) continue;
      for (const ip of endpoint.addresses ?? [])
        if (!out.some((r) => r.ip === ip))
          out.push({ ip, ...(endpoint.hostname ? { hostname: endpoint.hostname } : {}) });
    }
  }
  return out;
}

/**
 * lookup answers one fully qualified name (no trailing dot): Services
 * (`svc.ns.svc.cluster.local`, a CNAME for ExternalName, endpoint IPs for headless ones), endpoint
 * hostnames of headless Services (`db-0.db.ns.svc.cluster.local`, or the dashed IP), and pod
 * records (`10-244-1-5.ns.pod.cluster.local`).
 */
export function lookup(store: ObjectStore, fqdn: string, domain = CLUSTER_DOMAIN): DnsAnswer | undefined {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (!name.endsWith(`.${domain}`)) return undefined;
  const labels = name.slice(0, -(domain.length + 1)).split('.');
  if (labels.length === 3 && labels[1] !== undefined && labels[2] === 'pod') {
    const ip = (labels[0] ?? '').replace(/-/g, '.');
    if (!isIPv4(ip) || !store.get('namespaces', '', labels[1])) return undefined;
    return { type: 'A', name, ips: [ip] };
  }
  if (labels[labels.length - 1] !== 'svc') return undefined;
  if (labels.length === 3) {
    const [serviceName = '', namespace = ''] = labels;
    const service = store.get('services', namespace, serviceName) as unknown as Service | undefined;
    if (!service) return undefined;
    const spec = service.spec ?? {};
    if (spec.type === 'ExternalName')
      return { type: 'CNAME', name, target: (spec.externalName ?? '').replace(/\.$/, '') };
    if (spec.clusterIP && spec.clusterIP !== 'None') return { type: 'A', name, ips: [spec.clusterIP] };
    const ips = headlessRecords(store, service).map((r) => r.ip);
    return ips.length ? { type: 'A', name, ips } : undefined;
  }
  if (labels.length === 4) {
    const [host = '', serviceName = '', namespace = ''] = labels;
    const service = store.get('services', namespace, serviceName) as unknown as Service | undefined;
    if (!service || (service.spec?.clusterIP && service.spec.clusterIP !== 'None')) return undefined;
    const record = headlessRecords(store, service).find((r) => (r.hostname ?? r.ip.replace(/\./g, '-')) === host);
    return record ? { type: 'A', name, ips: [record.ip] } : undefined;
  }
  return undefined;
}

export interface Resolution {
  /** the name that answered, after the search list */
  name: string;
  ips: string[];
  /** the CNAME chain followed, if any */
  aliases: string[];
}

/** candidates is the order the stub resolver tries names in, given the search list and ndots. */
export function candidates(name: string, search: string[], ndots = NDOTS): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = search.map((s) => `${name}.${s}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

/**
 * resolveName resolves a name as a pod in `namespace` would: IP literals as themselves, otherwise
 * each search candidate in turn, following CNAMEs inside the cluster domain. External names have
 * nowhere to go in the lab, so they do not resolve.
 */
export function resolveName(store: ObjectStore, host: string, namespace: string): Resolution | undefined {
  if (isIPv4(host)) return { name: host, ips: [host], aliases: [] };
  const lower = host.toLowerCase();
  for (const candidate of candidates(lower, searchList(namespace))) {
    const aliases: string[] = [];
    let current = candidate;
    for (let depth = 0; depth < 8; depth++) {
      const answer = lookup(store, current);
      if (!answer) break;
      if (answer.type === 'A') return { name: candidate, ips: answer.ips, aliases };
      aliases.push(answer.target);
      if (isIPv4(answer.target)) return { name: candidate, ips: [answer.target], aliases };
      current = answer.target;
    }
  }
  return undefined;
}
