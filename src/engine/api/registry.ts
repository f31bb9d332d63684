/**
 * ResourceRegistry is discovery: which kinds exist, under which group/version and plural, with which
 * short names, and whether they live in a namespace. Adding a kind is a row here plus, if needed,
 * a validator and a printer — no new plumbing.
 */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories?: string[];
  /** Subresources served under this resource, e.g. status, log, binding. */
  subresources?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function kind(
  group: string,
  version: string,
  kindName: string,
  plural: string,
  options: Partial<Pick<ResourceType, 'shortNames' | 'namespaced' | 'verbs' | 'categories' | 'subresources'>> = {},
): ResourceType {
  return {
    group,
    version,
    kind: kindName,
    plural,
    singular: kindName.toLowerCase(),
    shortNames: options.shortNames ?? [],
    namespaced: options.namespaced ?? true,
    verbs: options.verbs ?? ALL_VERBS,
    ...(options.categories ? { categories: options.categories } : {}),
    ...(options.subresources ? { subresources: options.subresources } : {}),
  };
}

/** BUILT_IN_RESOURCES follows `kubectl api-resources` on a 1.35 cluster for the kinds the lab knows. */
export const BUILT_IN_RESOURCES: ResourceType[] = [
  kind('', 'v1', 'Binding', 'bindings', { verbs: ['create'] }),
  kind('', 'v1', 'ComponentStatus', 'componentstatuses', {
    shortNames: ['cs'],
    namespaced: false,
    verbs: ['get', 'list'],
  }),
  kind('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  kind('', 'v1', 'Endpoints', 'endpoints', { shortNames: ['ep'] }),
  kind('', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  kind('', 'v1', 'LimitRange', 'limitranges', { shortNames: ['limits'] }),
  kind('', 'v1', 'Namespace', 'namespaces', {
    shortNames: ['ns'],
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status', 'finalize'],
  }),
  kind('', 'v1', 'Node', 'nodes', { shortNames: ['no'], namespaced: false, subresources: ['status', 'proxy'] }),
  kind('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', { shortNames: ['pvc'], subresources: ['status'] }),
  kind('', 'v1', 'PersistentVolume', 'persistentvolumes', {
    shortNames: ['pv'],
    namespaced: false,
    subresources: ['status'],
  }),
  kind('', 'v1', 'Pod', 'pods', {
    shortNames: ['po'],
    categories: ['all'],
    subresources: [
      'status',
      'log',
      'exec',
      'binding',
      'eviction',
      'attach',
      'portforward',
      'ephemeralcontainers',
      'resize',
    ],
  }),
  kind('', 'v1', 'PodTemplate', 'podtemplates'),
  kind('', 'v1', 'ReplicationController', 'replicationcontrollers', {
    shortNames: ['rc'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  kind('', 'v1', 'ResourceQuota', 'resourcequotas', { shortNames: ['quota'], subresources: ['status'] }),
  kind('', 'v1', 'Secret', 'secrets'),
  kind('', 'v1', 'ServiceAccount', 'serviceaccounts', { shortNames: ['sa'], subresources: ['token'] }),
  kind('', 'v1', 'Service', 'services', {
    shortNames: ['svc'],
    categories: ['all'],
    subresources: ['status', 'proxy'],
  }),
  kind('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', {
    shortNames: ['crd', 'crds'],
    namespaced: false,
    subresources: ['status'],
  }),
  kind('apps', 'v1', 'ControllerRevision', 'controllerrevisions'),
  kind('apps', 'v1', 'DaemonSet', 'daemonsets', { shortNames: ['ds'], categories: ['all'], subresources: ['status'] }),
  kind('apps', 'v1', 'Deployment', 'deployments', {
    shortNames: ['deploy'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  kind('apps', 'v1', 'ReplicaSet', 'replicasets', {
    shortNames: ['rs'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  kind('apps', 'v1', 'StatefulSet', 'statefulsets', {
    shortNames: ['sts'],
    categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  kind('authentication.k8s.io', 'v1', 'SelfSubjectReview', 'selfsubjectreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  kind('authorization.k8s.io', 'v1', 'LocalSubjectAccessReview', 'localsubjectaccessreviews', { verbs: ['create'] }),
  kind('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  kind('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  kind('authorization.k8s.io', 'v1', 'SubjectAccessReview', 'subjectaccessreviews', {
    namespaced: false,
    verbs: ['create'],
  }),
  kind('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', {
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: ['status'],
  }),
  kind('batch', 'v1', 'CronJob', 'cronjobs', { shortNames: ['cj'], categories: ['all'], subresources: ['status'] }),
  kind('batch', 'v1', 'Job', 'jobs', { categories: ['all'], subresources: ['status'] }),
  kind('coordination.k8s.io', 'v1', 'Lease', 'leases'),
  kind('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices'),
  kind('events.k8s.io', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  kind('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', { namespaced: false, verbs: ['get', 'list'] }),
  kind('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', { verbs: ['get', 'list'] }),
  kind('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', { namespaced: false }),
  kind('networking.k8s.io', 'v1', 'Ingress', 'ingresses', { shortNames: ['ing'], subresources: ['status'] }),
  kind('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', { shortNames: ['netpol'] }),
  kind('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', {
    shortNames: ['pdb'],
    subresources: ['status'],
  }),
  kind('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', { namespaced: false }),
  kind('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', { namespaced: false }),
  kind('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  kind('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  kind('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', { shortNames: ['pc'], namespaced: false }),
  kind('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', { shortNames: ['sc'], namespaced: false }),
  // The CSI snapshot API (installed with the external-snapshotter CRDs on most clusters): objects only, no snapshotter runs.
  kind('snapshot.storage.k8s.io', 'v1', 'VolumeSnapshotClass', 'volumesnapshotclasses', {
    shortNames: ['vsclass', 'vsclasses'],
    namespaced: false,
  }),
  kind('snapshot.storage.k8s.io', 'v1', 'VolumeSnapshotContent', 'volumesnapshotcontents', {
    shortNames: ['vsc', 'vscs'],
    namespaced: false,
    subresources: ['status'],
  }),
  kind('snapshot.storage.k8s.io', 'v1', 'VolumeSnapshot', 'volumesnapshots', {
    shortNames: ['vs'],
    subresources: ['status'],
  }),
  kind('storage.k8s.io', 'v1', 'VolumeAttachment', 'volumeattachments', {
    namespaced: false,
    subresources: ['status'],
  }),
];

/** groupVersion prints "v1" for the core group and "apps/v1" for the others, as apiVersion does. */
export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** resourceKey identifies a resource across versions: "pods", "deployments.apps". */
export function resourceKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

export class ResourceRegistry {
  private types: ResourceType[] = [];
  private byGvk = new Map<string, ResourceType>();
  private byPath = new Map<string, ResourceType>();

  constructor(types: ResourceType[] = BUILT_IN_RESOURCES) {
    for (const type of types) this.add(type);
  }

  add(type: ResourceType): void {
    this.types.push(type);
    this.byGvk.set(`${groupVersion(type)}/${type.kind}`, type);
    this.byPath.set(`${groupVersion(type)}/${type.plural}`, type);
  }

  remove(group: string, plural: string): void {
    this.types = this.types.filter((t) => !(t.group === group && t.plural === plural));
    this.byGvk = new Map(this.types.map((t) => [`${groupVersion(t)}/${t.kind}`, t]));
    this.byPath = new Map(this.types.map((t) => [`${groupVersion(t)}/${t.plural}`, t]));
  }

  all(): readonly ResourceType[] {
    return this.types;
  }

  byKind(apiVersion: string, kindName: string): ResourceType | undefined {
    return this.byGvk.get(`${apiVersion}/${kindName}`);
  }

  byPlural(apiVersion: string, plural: string): ResourceType | undefined {
    return this.byPath.get(`${apiVersion}/${plural}`);
  }

  /** kindsNamed lists every version of a kind, to say "no matches for kind X in version Y" helpfully. */
  kindsNamed(kindName: string): ResourceType[] {
    return this.types.filter((t) => t.kind === kindName);
  }

  /**
   * resolve finds the resource a kubectl user means by "po", "pods", "pod", "deploy.apps", "Deployment"
   * or "deployments.v1.apps", preferring the core and apps groups as kubectl's RESTMapper does.
   */
  resolve(name: string): ResourceType | undefined {
    const lower = name.toLowerCase();
    const [head, ...rest] = lower.split('.');
    const groupPart = rest.join('.');
    const candidates = this.types.filter((t) => {
      const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
      if (!names.includes(head ?? '')) return false;
      if (groupPart === '') return true;
      return (
        t.group === groupPart || `${t.version}.${t.group}` === groupPart || (t.group === '' && groupPart === t.version)
      );
    });
    if (candidates.length === 0) return undefined;
    const preference = (t: ResourceType): number => {
      const order = [
        '',
        'apps',
        'batch',
        'autoscaling',
        'networking.k8s.io',
        'policy',
        'rbac.authorization.k8s.io',
        'storage.k8s.io',
      ];
      const index = order.indexOf(t.group);
      return index === -1 ? order.length : index;
    };
    return [...candidates].sort((a, b) => preference(a) - preference(b))[0];
  }
}
