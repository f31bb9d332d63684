import type { PolicyRule, Subject } from 'kubernetes-types/rbac/v1';

/**
 * The RBAC objects a fresh kubeadm cluster has (plugin/pkg/auth/authorizer/rbac/bootstrappolicy and
 * kubeadm's own bindings): the user-facing cluster-admin/admin/edit/view roles, the discovery and
 * self-review roles every authenticated user holds, and the roles of the scheduler, kubelets,
 * kube-proxy and CoreDNS, so `kubectl get clusterroles` looks as on a real cluster and learners'
 * service accounts start with no rights beyond those.
 */
const RW = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];
const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const EVENTS = rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']);

function rule(apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): PolicyRule {
  return { apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) };
}

function urls(nonResourceURLs: string[], verbs: string[]): PolicyRule {
  return { nonResourceURLs, verbs };
}

interface RoleSpec {
  name: string;
  rules: PolicyRule[];
  labels?: Record<string, string>;
  aggregateTo?: string;
}

const AGGREGATE_TO_VIEW: PolicyRule[] = [
  rule(
    [''],
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ,
  ),
  rule(
    [''],
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ,
  ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(
    ['apps'],
    [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    READ,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(
    ['extensions'],
    [
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'ingresses',
      'ingresses/status',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'replicationcontrollers/scale',
    ],
    READ,
  ),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

const AGGREGATE_TO_EDIT: PolicyRule[] = [
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], RW),
  rule([''], ['pods/eviction'], ['create']),
  rule(
    [''],
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    RW,
  ),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(
    ['apps'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    RW,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers'], RW),
  rule(['batch'], ['cronjobs', 'jobs'], RW),
  rule(
    ['extensions'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'ingresses',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ],
    RW,
  ),
  rule(['policy'], ['poddisruptionbudgets'], RW),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], RW),
  rule(['coordination.k8s.io'], ['leases'], ALL),
];

const AGGREGATE_TO_ADMIN: PolicyRule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], ALL),
];

const CLUSTER_ROLES: RoleSpec[] = [
  { name: 'cluster-admin', rules: [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])] },
  { name: 'system:aggregate-to-admin', rules: AGGREGATE_TO_ADMIN, aggregateTo: 'admin' },
  { name: 'system:aggregate-to-edit', rules: AGGREGATE_TO_EDIT, aggregateTo: 'edit' },
  { name: 'system:aggregate-to-view', rules: AGGREGATE_TO_VIEW, aggregateTo: 'view' },
  {
    name: 'system:auth-delegator',
    rules: [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    ],
  },
  {
    name: 'system:basic-user',
    rules: [
      rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
      rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
    ],
  },
  {
    name: 'system:discovery',
    rules: [
      urls(
        [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        ['get'],
      ),
    ],
  },
  {
    name: 'system:kube-controller-manager',
    rules: [
      EVENTS,
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-controller-manager']),
      rule([''], ['secrets', 'serviceaccounts'], ['create']),
      rule([''], ['secrets'], ['delete']),
      rule([''], ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], ['get']),
      rule([''], ['secrets', 'serviceaccounts'], ['update']),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['*'], ['*'], ['list', 'watch']),
      rule([''], ['serviceaccounts/token'], ['create']),
    ],
  },
  { name: 'system:kube-dns', rules: [rule([''], ['endpoints', 'services'], ['list', 'watch'])] },
  {
    name: 'system:kube-scheduler',
    rules: [
      EVENTS,
      rule(['coordination.k8s.io'], ['leases'], ['create']),
      rule(['coordination.k8s.io'], ['leases'], ['get', 'update'], ['kube-scheduler']),
      rule([''], ['nodes'], READ),
      rule([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      rule([''], ['bindings', 'pods/binding'], ['create']),
      rule([''], ['pods/status'], ['patch', 'update']),
      rule([''], ['replicationcontrollers', 'services'], READ),
      rule(['apps', 'extensions'], ['replicasets'], READ),
      rule(['apps'], ['statefulsets'], READ),
      rule(['policy'], ['poddisruptionbudgets'], READ),
      rule([''], ['persistentvolumeclaims', 'persistentvolumes'], READ),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['storage.k8s.io'], ['csinodes'], READ),
      rule([''], ['namespaces'], READ),
      rule(['storage.k8s.io'], ['csidrivers'], READ),
      rule(['storage.k8s.io'], ['csistoragecapacities'], READ),
    ],
  },
  {
    name: 'system:monitoring',
    rules: [
      urls(
        ['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'],
        ['get'],
      ),
    ],
  },
  {
    name: 'system:node',
    rules: [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['localsubjectaccessreviews', 'subjectaccessreviews'], ['create']),
      rule([''], ['services'], READ),
      rule([''], ['nodes'], ['create', 'get', 'list', 'watch']),
      rule([''], ['nodes/status'], ['patch', 'update']),
      rule([''], ['nodes'], ['patch', 'update']),
      rule([''], ['events'], ['create', 'patch', 'update']),
      rule([''], ['pods'], READ),
      rule([''], ['pods'], ['create', 'delete']),
      rule([''], ['pods/status'], ['patch', 'update']),
      rule([''], ['pods/eviction'], ['create']),
      rule([''], ['configmaps', 'secrets'], READ),
      rule([''], ['persistentvolumeclaims', 'persistentvolumes'], ['get']),
      rule([''], ['endpoints'], ['get']),
      rule(['certificates.k8s.io'], ['certificatesigningrequests'], ['create', 'get', 'list', 'watch']),
      rule(['coordination.k8s.io'], ['leases'], ['create', 'delete', 'get', 'patch', 'update']),
      rule(['storage.k8s.io'], ['volumeattachments'], ['get']),
      rule([''], ['serviceaccounts/token'], ['create']),
      rule([''], ['persistentvolumeclaims/status'], ['get', 'patch', 'update']),
      rule(['storage.k8s.io'], ['csidrivers'], READ),
      rule(['storage.k8s.io'], ['csinodes'], ['create', 'delete', 'get', 'patch', 'update']),
      rule(['node.k8s.io'], ['runtimeclasses'], READ),
    ],
  },
  {
    name: 'system:node-proxier',
    rules: [
      rule([''], ['endpoints', 'services'], ['list', 'watch']),
      rule([''], ['nodes'], READ),
      EVENTS,
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ],
  },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      rule([''], ['persistentvolumes'], ['create', 'delete', 'get', 'list', 'watch']),
      rule([''], ['persistentvolumeclaims'], ['get', 'list', 'update', 'watch']),
      rule(['storage.k8s.io'], ['storageclasses'], READ),
      rule([''], ['events'], ['watch']),
      EVENTS,
    ],
  },
  {
    name: 'system:public-info-viewer',
    rules: [urls(['/healthz', '/livez', '/readyz', '/version', '/version/'], ['get'])],
  },
  {
    name: 'system:service-account-issuer-discovery',
    rules: [urls(['/.well-known/openid-configuration', '/openid/v1/jwks'], ['get'])],
  },
  {
    name: 'system:volume-scheduler',
    rules: [
      rule([''], ['persistentvolumes'], ['get', 'list', 'patch', 'update', 'watch']),
      rule(['storage.k8s.io'], ['storageclasses'], READ),
      rule([''], ['persistentvolumeclaims'], ['get', 'list', 'patch', 'update', 'watch']),
    ],
  },
];

const KUBEADM_CLUSTER_ROLES: RoleSpec[] = [
  { name: 'kubeadm:get-nodes', rules: [rule([''], ['nodes'], ['get'])] },
  {
    name: 'system:coredns',
    rules: [
      rule([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']),
      rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    ],
  },
];

const DEFAULTS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const RBAC_API = 'rbac.authorization.k8s.io/v1';

function group(name: string): Subject {
  return { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name };
}

function user(name: string): Subject {
  return { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name };
}

function serviceAccount(namespace: string, name: string): Subject {
  return { kind: 'ServiceAccount', name, namespace };
}

function clusterRoleObject(spec: RoleSpec, bootstrapping: boolean): object {
  const labels = {
    ...(bootstrapping ? DEFAULTS : {}),
    ...(spec.aggregateTo ? { [`rbac.authorization.k8s.io/aggregate-to-${spec.aggregateTo}`]: 'true' } : {}),
    ...(spec.labels ?? {}),
  };
  return {
    apiVersion: RBAC_API,
    kind: 'ClusterRole',
    metadata: {
      name: spec.name,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(bootstrapping ? { annotations: AUTOUPDATE } : {}),
    },
    rules: spec.rules,
  };
}

/** unionRules appends rules not already present, as the aggregation controller builds a role. */
function unionRules(...lists: PolicyRule[][]): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const list of lists)
    for (const r of list) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(r))) out.push(r);
  return out;
}

/** aggregatedRoles are admin, edit and view, filled as the clusterrole-aggregation controller fills them. */
function aggregatedRoles(): object[] {
  const view = unionRules(AGGREGATE_TO_VIEW);
  const edit = unionRules(AGGREGATE_TO_EDIT, view);
  const admin = unionRules(edit, AGGREGATE_TO_ADMIN);
  const role = (name: string, rules: PolicyRule[], aggregateTo?: string) => ({
    apiVersion: RBAC_API,
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: {
        ...DEFAULTS,
        ...(aggregateTo ? { [`rbac.authorization.k8s.io/aggregate-to-${aggregateTo}`]: 'true' } : {}),
      },
      annotations: AUTOUPDATE,
    },
    aggregationRule: {
      clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${name}`]: 'true' } }],
    },
    rules,
  });
  return [role('admin', admin), role('edit', edit, 'admin'), role('view', view, 'edit')];
}

function clusterRoleBinding(name: string, roleName: string, subjects: Subject[], bootstrapping = true): object {
  return {
    apiVersion: RBAC_API,
    kind: 'ClusterRoleBinding',
    metadata: { name, ...(bootstrapping ? { labels: DEFAULTS, annotations: AUTOUPDATE } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects,
  };
}

/**
 * CONTROLLERS_BINDING lets the controllers the lab runs in kube-controller-manager (each acting as
 * its own ServiceAccount in kube-system, as with --use-service-account-credentials) do their work;
 * a real cluster gives each one a narrow system:controller:<name> role instead.
 */
export const CONTROLLERS_BINDING = 'kubelab:kube-system-controllers';

export function bootstrapClusterRoles(): object[] {
  return [
    ...aggregatedRoles(),
    ...CLUSTER_ROLES.map((spec) => clusterRoleObject(spec, true)),
    ...KUBEADM_CLUSTER_ROLES.map((spec) => clusterRoleObject(spec, false)),
  ];
}

export function bootstrapClusterRoleBindings(): object[] {
  return [
    clusterRoleBinding('cluster-admin', 'cluster-admin', [group('system:masters')]),
    clusterRoleBinding('kubeadm:cluster-admins', 'cluster-admin', [group('kubeadm:cluster-admins')], false),
    clusterRoleBinding(
      'kubeadm:get-nodes',
      'kubeadm:get-nodes',
      [group('system:bootstrappers:kubeadm:default-node-token')],
      false,
    ),
    clusterRoleBinding(
      'kubeadm:node-proxier',
      'system:node-proxier',
      [serviceAccount('kube-system', 'kube-proxy')],
      false,
    ),
    clusterRoleBinding(CONTROLLERS_BINDING, 'cluster-admin', [group('system:serviceaccounts:kube-system')], false),
    clusterRoleBinding('system:basic-user', 'system:basic-user', [group('system:authenticated')]),
    clusterRoleBinding('system:coredns', 'system:coredns', [serviceAccount('kube-system', 'coredns')], false),
    clusterRoleBinding('system:discovery', 'system:discovery', [group('system:authenticated')]),
    clusterRoleBinding('system:kube-controller-manager', 'system:kube-controller-manager', [
      user('system:kube-controller-manager'),
    ]),
    clusterRoleBinding('system:kube-dns', 'system:kube-dns', [serviceAccount('kube-system', 'kube-dns')]),
    clusterRoleBinding('system:kube-scheduler', 'system:kube-scheduler', [user('system:kube-scheduler')]),
    clusterRoleBinding('system:monitoring', 'system:monitoring', [group('system:monitoring')]),
    clusterRoleBinding('system:node', 'system:node', []),
    clusterRoleBinding('system:node-proxier', 'system:node-proxier', [user('system:kube-proxy')]),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', [
      group('system:authenticated'),
      group('system:unauthenticated'),
    ]),
    clusterRoleBinding('system:service-account-issuer-discovery', 'system:service-account-issuer-discovery', [
      group('system:serviceaccounts'),
    ]),
    clusterRoleBinding('system:volume-scheduler', 'system:volume-scheduler', [user('system:kube-scheduler')]),
  ];
}

/** bootstrapNamespacedRoles are the Roles and RoleBindings kube-system and kube-public start with. */
export function bootstrapNamespacedRoles(): { roles: object[]; bindings: object[] } {
  const leaderLocking = [
    rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'list', 'update', 'watch']),
    rule(['coordination.k8s.io'], ['leasecandidates'], ['create', 'get', 'list', 'update', 'watch']),
  ];
  const role = (namespace: string, name: string, rules: PolicyRule[]) => ({
    apiVersion: RBAC_API,
    kind: 'Role',
    metadata: { name, namespace, labels: DEFAULTS, annotations: AUTOUPDATE },
    rules,
  });
  const binding = (namespace: string, name: string, roleName: string, subjects: Subject[]) => ({
    apiVersion: RBAC_API,
    kind: 'RoleBinding',
    metadata: { name, namespace, labels: DEFAULTS, annotations: AUTOUPDATE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
    subjects,
  });
  return {
    roles: [
      role('kube-public', 'system:controller:bootstrap-signer', [
        rule([''], ['configmaps'], READ),
        rule([''], ['configmaps'], ['update'], ['cluster-info']),
        EVENTS,
      ]),
      role('kube-system', 'extension-apiserver-authentication-reader', [
        rule([''], ['configmaps'], READ, ['extension-apiserver-authentication']),
      ]),
      role('kube-system', 'system::leader-locking-kube-controller-manager', leaderLocking),
      role('kube-system', 'system::leader-locking-kube-scheduler', leaderLocking),
      role('kube-system', 'system:controller:bootstrap-signer', [rule([''], ['secrets'], READ)]),
      role('kube-system', 'system:controller:cloud-provider', [
        rule([''], ['configmaps'], ['create', 'get', 'list', 'watch']),
      ]),
      role('kube-system', 'system:controller:token-cleaner', [
        rule([''], ['secrets'], ['delete', 'get', 'list', 'watch']),
        EVENTS,
      ]),
    ],
    bindings: [
      binding('kube-public', 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [
        serviceAccount('kube-system', 'bootstrap-signer'),
      ]),
      binding(
        'kube-system',
        'system::extension-apiserver-authentication-reader',
        'extension-apiserver-authentication-reader',
        [user('system:kube-controller-manager'), user('system:kube-scheduler')],
      ),
      binding(
        'kube-system',
        'system::leader-locking-kube-controller-manager',
        'system::leader-locking-kube-controller-manager',
        [user('system:kube-controller-manager'), serviceAccount('kube-system', 'kube-controller-manager')],
      ),
      binding('kube-system', 'system::leader-locking-kube-scheduler', 'system::leader-locking-kube-scheduler', [
        user('system:kube-scheduler'),
        serviceAccount('kube-system', 'kube-scheduler'),
      ]),
      binding('kube-system', 'system:controller:bootstrap-signer', 'system:controller:bootstrap-signer', [
        serviceAccount('kube-system', 'bootstrap-signer'),
      ]),
      binding('kube-system', 'system:controller:cloud-provider', 'system:controller:cloud-provider', [
        serviceAccount('kube-system', 'cloud-provider'),
      ]),
      binding('kube-system', 'system:controller:token-cleaner', 'system:controller:token-cleaner', [
        serviceAccount('kube-system', 'token-cleaner'),
      ]),
    ],
  };
}
