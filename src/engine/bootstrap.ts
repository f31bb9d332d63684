import { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapNamespacedRoles } from './api/rbac/index.ts';
import type { ApiRequest } from './api/types.ts';

/**
 * The default cluster of ARCHITECTURE.md, as a kind/kubeadm cluster looks right after start-up:
 * a tainted control-plane node and two workers, the system namespaces, the kubernetes and kube-dns
 * Services, the control-plane, CoreDNS and kube-proxy pods, and the default StorageClass.
 */
export interface NodeShape {
  name: string;
  cpu: string;
  memory: string;
  pods?: number;
  controlPlane?: boolean;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
}

export const DEFAULT_NODES: NodeShape[] = [
  { name: 'control-plane', cpu: '2', memory: '4Gi', controlPlane: true },
  { name: 'worker-1', cpu: '4', memory: '8Gi' },
  { name: 'worker-2', cpu: '4', memory: '8Gi' },
];

export const KUBERNETES_VERSION = 'v1.35.0';

const SYSTEM_IMAGES = [
  { names: ['registry.k8s.io/etcd:3.6.5-0'], sizeBytes: 23_600_000 },
  { names: [`registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`], sizeBytes: 29_100_000 },
  { names: [`registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`], sizeBytes: 26_900_000 },
  { names: [`registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`], sizeBytes: 21_000_000 },
  { names: [`registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`], sizeBytes: 31_200_000 },
  { names: ['registry.k8s.io/coredns/coredns:v1.12.1'], sizeBytes: 22_400_000 },
  { names: ['registry.k8s.io/pause:3.10.1'], sizeBytes: 320_000 },
];

function memoryKi(memory: string): string {
  const match = memory.match(/^(\d+)(Gi|Mi)$/);
  if (!match) return memory;
  const value = Number(match[1]);
  return `${match[2] === 'Gi' ? value * 1024 * 1024 : value * 1024}Ki`;
}

export function nodeObject(shape: NodeShape, index: number, registeredAt: number = Date.UTC(2026, 0, 5, 8, 55, 20)) {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
    ...(shape.controlPlane
      ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' }
      : {}),
    ...(shape.labels ?? {}),
  };
  const taints =
    shape.taints ??
    (shape.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []);
  const resources = {
    cpu: shape.cpu,
    'ephemeral-storage': '102626232Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: memoryKi(shape.memory),
    pods: String(shape.pods ?? 110),
  };
  const readyAt = new Date(Math.floor(registeredAt / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `kind://docker/kubelab/${shape.name}`,
      ...(taints.length ? { taints } : {}),
    },
    status: {
      addresses: [
        { address: `172.18.0.${index + 2}`, type: 'InternalIP' },
        { address: shape.name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: readyAt,
          lastTransitionTime: readyAt,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'DiskPressure',
          status: 'False',
          lastHeartbeatTime: readyAt,
          lastTransitionTime: readyAt,
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
        },
        {
          type: 'PIDPressure',
          status: 'False',
          lastHeartbeatTime: readyAt,
          lastTransitionTime: readyAt,
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
        },
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: readyAt,
          lastTransitionTime: readyAt,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: SYSTEM_IMAGES,
      nodeInfo: {
        architecture: 'amd64',
        bootID: `kubelab-${shape.name}`,
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-86-generic',
        kubeProxyVersion: '',
        kubeletVersion: KUBERNETES_VERSION,
        machineID: `kubelab-${shape.name}`,
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: `kubelab-${shape.name}`,
      },
    },
  };
}

/** hash32 makes a stable 32-hex-digit config hash, as the kubelet stamps on static pods. */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${text}/${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

function staticPod(
  component: string,
  image: string,
  node: string,
  hostIP: string,
  cpu: string,
  extra: Record<string, string> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane', ...extra },
      annotations: {
        'kubernetes.io/config.hash': hash32(component),
        'kubernetes.io/config.mirror': hash32(component),
        'kubernetes.io/config.seen': '2026-01-05T08:55:12.000000000Z',
        'kubernetes.io/config.source': 'file',
      },
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      automountServiceAccountToken: false,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      containers: [{ name: component, image, resources: { requests: { cpu } } }],
    },
  };
}

/** bootstrapRequests lists, in order, the writes that build the default cluster. */
export function bootstrapRequests(nodes: NodeShape[] = DEFAULT_NODES, now?: number): ApiRequest[][] {
  const post = (path: string, body: object): ApiRequest => ({
    verb: 'POST',
    path,
    body,
    user: { username: 'kubernetes-admin', groups: ['system:masters'] },
  });
  const namespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map((name) =>
    post('/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    }),
  );
  const rbac = bootstrapNamespacedRoles();
  const namespaced = (kind: string, object: object) =>
    post(
      `/apis/rbac.authorization.k8s.io/v1/namespaces/${(object as { metadata: { namespace: string } }).metadata.namespace}/${kind}`,
      object,
    );
  const phaseOne: ApiRequest[] = [
    ...bootstrapClusterRoles().map((o) => post('/apis/rbac.authorization.k8s.io/v1/clusterroles', o)),
    ...bootstrapClusterRoleBindings().map((o) => post('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', o)),
    ...namespaces,
    ...rbac.roles.map((o) => namespaced('roles', o)),
    ...rbac.bindings.map((o) => namespaced('rolebindings', o)),
    ...nodes.map((shape, i) => post('/api/v1/nodes', nodeObject(shape, i, now))),
    post('/apis/storage.k8s.io/v1/storageclasses', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    }),
    ...[
      {
        name: 'system-cluster-critical',
        value: 2000000000,
        description:
          'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
      },
      {
        name: 'system-node-critical',
        value: 2000001000,
        description: 'Used for system critical pods that must not be moved from their current node.',
      },
    ].map((pc) =>
      post('/apis/scheduling.k8s.io/v1/priorityclasses', {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: pc.name },
        value: pc.value,
        globalDefault: false,
        preemptionPolicy: 'PreemptLowerPriority',
        description: pc.description,
      }),
    ),
  ];
  const controlPlane = nodes.find((n) => n.controlPlane)?.name ?? nodes[0]?.name ?? 'control-plane';
  const cpIndex = Math.max(
    0,
    nodes.findIndex((n) => n.name === controlPlane),
  );
  const hostIP = `172.18.0.${cpIndex + 2}`;
  const phaseTwo: ApiRequest[] = [
    post('/api/v1/namespaces/default/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        clusterIP: '10.96.0.1',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
    }),
    post('/api/v1/namespaces/kube-system/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    }),
    ...['coredns', 'kube-proxy'].map((name) =>
      post('/api/v1/namespaces/kube-system/serviceaccounts', {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name },
      }),
    ),
    post(
      '/api/v1/namespaces/kube-system/pods',
      staticPod('etcd', 'registry.k8s.io/etcd:3.6.5-0', controlPlane, hostIP, '100m'),
    ),
    post(
      '/api/v1/namespaces/kube-system/pods',
      staticPod('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, controlPlane, hostIP, '250m'),
    ),
    post(
      '/api/v1/namespaces/kube-system/pods',
      staticPod(
        'kube-controller-manager',
        `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
        controlPlane,
        hostIP,
        '200m',
      ),
    ),
    post(
      '/api/v1/namespaces/kube-system/pods',
      staticPod('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, controlPlane, hostIP, '100m'),
    ),
    post('/apis/apps/v1/namespaces/kube-system/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 100,
                    podAffinityTerm: {
                      labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
                      topologyKey: 'kubernetes.io/hostname',
                    },
                  },
                ],
              },
            },
            tolerations: [
              { key: 'CriticalAddonsOnly', operator: 'Exists' },
              { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
            ],
            containers: [
              {
                name: 'coredns',
                image: 'registry.k8s.io/coredns/coredns:v1.12.1',
                args: ['-conf', '/etc/coredns/Corefile'],
                ports: [
                  { containerPort: 53, name: 'dns', protocol: 'UDP' },
                  { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                  { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                ],
                resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10 },
                livenessProbe: {
                  httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                  initialDelaySeconds: 60,
                  timeoutSeconds: 5,
                  failureThreshold: 5,
                },
              },
            ],
          },
        },
      },
    }),
    post('/apis/apps/v1/namespaces/kube-system/daemonsets', {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-proxy' } },
          spec: {
            hostNetwork: true,
            priorityClassName: 'system-node-critical',
            serviceAccountName: 'kube-proxy',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ operator: 'Exists' }],
            containers: [
              {
                name: 'kube-proxy',
                image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
                command: [
                  '/usr/local/bin/kube-proxy',
                  '--config=/var/lib/kube-proxy/config.conf',
                  `--hostname-override=$(NODE_NAME)`,
                ],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
              },
            ],
          },
        },
      },
    }),
  ];
  return [phaseOne, phaseTwo];
}
