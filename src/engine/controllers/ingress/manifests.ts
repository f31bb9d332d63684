/**
 * ingressNginxManifests are the objects of ingress-nginx's deploy manifest
 * (deploy/static/provider/cloud/deploy.yaml, or provider/kind), trimmed of the admission webhook:
 * the ingress-nginx namespace, the controller's ServiceAccount and RBAC, its ConfigMap, Service and
 * Deployment, and the `nginx` IngressClass. A lesson applies them until Helm can install the chart.
 */
export const INGRESS_NGINX_VERSION = '1.14.0';
export const INGRESS_NGINX_IMAGE = `registry.k8s.io/ingress-nginx/controller:v${INGRESS_NGINX_VERSION}`;

export interface IngressNginxOptions {
  /** `cloud`: a LoadBalancer Service and publish-service (the default); `kind`: NodePort plus hostPorts 80/443. */
  flavor?: 'cloud' | 'kind';
  /** make `nginx` the default IngressClass */
  defaultClass?: boolean;
}

export function ingressNginxManifests(options: IngressNginxOptions = {}): object[] {
  const flavor = options.flavor ?? 'cloud';
  const namespace = 'ingress-nginx';
  const labels = {
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/part-of': 'ingress-nginx',
    'app.kubernetes.io/version': INGRESS_NGINX_VERSION,
  };
  const controllerLabels = { 'app.kubernetes.io/component': 'controller', ...labels };
  const selector = {
    'app.kubernetes.io/component': 'controller',
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/name': 'ingress-nginx',
  };
  const args = [
    '/nginx-ingress-controller',
    ...(flavor === 'cloud' ? ['--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller'] : []),
    '--election-id=ingress-nginx-leader',
    '--controller-class=k8s.io/ingress-nginx',
    '--ingress-class=nginx',
    '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
    ...(flavor === 'kind' ? ['--watch-ingress-without-class=true', '--publish-status-address=localhost'] : []),
  ];
  const probe = (initialDelaySeconds: number) => ({
    failureThreshold: initialDelaySeconds === 10 ? 5 : 3,
    httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
    initialDelaySeconds,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'ingress-nginx', namespace, labels: controllerLabels },
      automountServiceAccountToken: true,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'ingress-nginx', labels },
      rules: [
        {
          apiGroups: [''],
          resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'],
          verbs: ['list', 'watch'],
        },
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['list', 'watch'] },
        { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
        { apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
        { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
        { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch', 'get'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ingress-nginx', labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ingress-nginx' },
      subjects: [{ kind: 'ServiceAccount', name: 'ingress-nginx', namespace }],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ingress-nginx-controller', namespace, labels: controllerLabels },
      data: { 'allow-snippet-annotations': 'false' },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller', namespace, labels: controllerLabels },
      spec: {
        ...(flavor === 'cloud' ? { externalTrafficPolicy: 'Local' } : {}),
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
        ],
        selector,
        type: flavor === 'cloud' ? 'LoadBalancer' : 'NodePort',
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ingress-nginx-controller', namespace, labels: controllerLabels },
      spec: {
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
        selector: { matchLabels: selector },
        ...(flavor === 'kind' ? { strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' } } : {}),
        template: {
          metadata: { labels: controllerLabels },
          spec: {
            containers: [
              {
                name: 'controller',
                image: INGRESS_NGINX_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args,
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
                ],
                lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
                livenessProbe: probe(10),
                readinessProbe: probe(10),
                ports: [
                  { containerPort: 80, name: 'http', protocol: 'TCP', ...(flavor === 'kind' ? { hostPort: 80 } : {}) },
                  {
                    containerPort: 443,
                    name: 'https',
                    protocol: 'TCP',
                    ...(flavor === 'kind' ? { hostPort: 443 } : {}),
                  },
                ],
                resources: { requests: { cpu: '100m', memory: '90Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                  readOnlyRootFilesystem: false,
                  runAsGroup: 82,
                  runAsNonRoot: true,
                  runAsUser: 101,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
              },
            ],
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'ingress-nginx',
            ...(flavor === 'kind'
              ? {
                  tolerations: [
                    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' },
                    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' },
                  ],
                }
              : {}),
            terminationGracePeriodSeconds: 300,
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'nginx',
        labels: controllerLabels,
        ...(options.defaultClass ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}),
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
  ];
}
