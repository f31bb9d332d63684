/**
 * schema-overlay lists what a 1.35 API server knows beyond kubernetes-types 1.30: fields added in
 * 1.31–1.35 (alpha ones included: the decoder knows a field even while its feature gate drops it), and
 * the `x-kubernetes-*` keys of a CRD schema, which kubernetes-types leaves out. Without them strict
 * field validation would refuse manifests a real cluster accepts. Descriptions follow the upstream
 * API docs (staging/src/k8s.io/api/*\/types.go), shortened.
 */
import type { TypeNode } from '../src/engine/api/openapi/format.ts';

export interface OverlayField {
  type: TypeNode;
  description: string;
}

export interface OverlayType {
  description: string;
  fields: Record<string, OverlayField>;
  required?: string[];
}

const int = 'integer';
const str = 'string';
const bool = 'boolean';

/** OVERLAY_TYPES are types that appeared after 1.30. */
export const OVERLAY_TYPES: Record<string, OverlayType> = {
  'core/v1.ImageVolumeSource': {
    description: 'ImageVolumeSource represents a image volume resource.',
    fields: {
      reference: {
        type: str,
        description:
          'Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image.',
      },
      pullPolicy: {
        type: str,
        description:
          'Policy for pulling OCI objects. Possible values are: Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.',
      },
    },
  },
  'core/v1.PodCertificateProjection': {
    description:
      'PodCertificateProjection provides a private key and X.509 certificate in the pod filesystem (1.34+, alpha).',
    fields: {
      signerName: { type: str, description: "Kubelet's generated CSRs will be addressed to this signer." },
      keyType: { type: str, description: 'The type of keypair Kubelet will generate for the pod.' },
      maxExpirationSeconds: {
        type: int,
        description: 'maxExpirationSeconds is the maximum lifetime permitted for the certificate.',
      },
      credentialBundlePath: {
        type: str,
        description: 'Write the credential bundle at this path in the projected volume.',
      },
      keyPath: { type: str, description: 'Write the key at this path in the projected volume.' },
      certificateChainPath: {
        type: str,
        description: 'Write the certificate chain at this path in the projected volume.',
      },
      userAnnotations: {
        type: { map: str },
        description: 'userAnnotations allow pod authors to pass additional information to the signer implementation.',
      },
    },
    required: ['keyType', 'signerName'],
  },
  'core/v1.ContainerRestartRule': {
    description: 'ContainerRestartRule describes how a container exit is handled (1.34+).',
    fields: {
      action: {
        type: str,
        description:
          'Specifies the action taken on a container exit if the requirements are satisfied. The only possible value is "Restart".',
      },
      exitCodes: {
        type: '#core/v1.ContainerRestartRuleOnExitCodes',
        description: 'Represents the exit codes to check on container exits.',
      },
    },
    required: ['action'],
  },
  'core/v1.ContainerRestartRuleOnExitCodes': {
    description:
      'ContainerRestartRuleOnExitCodes describes the condition for handling an exited container based on its exit codes.',
    fields: {
      operator: {
        type: str,
        description:
          'Represents the relationship between the container exit code(s) and the specified values: In or NotIn.',
      },
      values: { type: { items: int }, description: 'Specifies the set of values to check for container exit codes.' },
    },
    required: ['operator'],
  },
  'core/v1.FileKeySelector': {
    description: 'FileKeySelector selects a key of the env file (1.34+, alpha).',
    fields: {
      volumeName: { type: str, description: 'The name of the volume mount containing the env file.' },
      path: { type: str, description: 'The path within the volume from which to select the file.' },
      key: {
        type: str,
        description: 'The key within the env file. An invalid key will prevent the pod from starting.',
      },
      optional: { type: bool, description: 'Specify whether the file or its key must be defined.' },
    },
    required: ['key', 'path', 'volumeName'],
  },
  'core/v1.WorkloadReference': {
    description:
      'WorkloadReference identifies the Workload object and PodGroup membership that a Pod belongs to (1.35+, alpha).',
    fields: {
      name: { type: str, description: 'name defines the name of the Workload object this Pod belongs to.' },
      podGroup: {
        type: str,
        description: 'podGroup is the name of the PodGroup within the Workload that this Pod belongs to.',
      },
      podGroupReplicaKey: {
        type: str,
        description: 'podGroupReplicaKey specifies the replica key of the PodGroup to which this Pod belongs.',
      },
    },
    required: ['name', 'podGroup'],
  },
  'core/v1.ContainerUser': {
    description: 'ContainerUser represents user identity information.',
    fields: {
      linux: {
        type: '#core/v1.LinuxContainerUser',
        description:
          'Linux holds user identity information initially attached to the first process of the containers in Linux.',
      },
    },
  },
  'core/v1.LinuxContainerUser': {
    description: 'LinuxContainerUser represents user identity information in Linux containers.',
    fields: {
      uid: {
        type: int,
        description: 'UID is the primary uid initially attached to the first process in the container.',
      },
      gid: {
        type: int,
        description: 'GID is the primary gid initially attached to the first process in the container.',
      },
      supplementalGroups: {
        type: { items: int },
        description:
          'SupplementalGroups are the supplemental groups initially attached to the first process in the container.',
      },
    },
    required: ['gid', 'uid'],
  },
  'core/v1.ResourceStatus': {
    description: 'ResourceStatus represents the status of a single resource allocated to a Pod.',
    fields: {
      name: {
        type: str,
        description:
          'Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec.',
      },
      resources: { type: { items: '#core/v1.ResourceHealth' }, description: 'List of unique resources health.' },
    },
    required: ['name'],
  },
  'core/v1.ResourceHealth': {
    description: 'ResourceHealth represents the health of a resource.',
    fields: {
      resourceID: { type: str, description: 'ResourceID is the unique identifier of the resource.' },
      health: { type: str, description: 'Health of the resource: Healthy, Unhealthy or Unknown.' },
    },
    required: ['resourceID'],
  },
  'core/v1.PodExtendedResourceClaimStatus': {
    description:
      'PodExtendedResourceClaimStatus is stored in the PodStatus for the extended resource requests backed by DRA.',
    fields: {
      requestMappings: {
        type: { items: '#core/v1.ContainerExtendedResourceRequest' },
        description:
          'RequestMappings identifies the mapping of <container, extended resource backed by DRA> to device request in the generated ResourceClaim.',
      },
      resourceClaimName: {
        type: str,
        description:
          'ResourceClaimName is the name of the ResourceClaim that was generated for the Pod in the namespace of the Pod.',
      },
    },
    required: ['requestMappings', 'resourceClaimName'],
  },
  'core/v1.ContainerExtendedResourceRequest': {
    description:
      'ContainerExtendedResourceRequest has the mapping of container name, extended resource name to the device request name.',
    fields: {
      containerName: { type: str, description: 'The name of the container requesting resources.' },
      resourceName: {
        type: str,
        description: 'The name of the extended resource in that container which gets backed by DRA.',
      },
      requestName: {
        type: str,
        description: 'The name of the request in the special ResourceClaim which corresponds to the extended resource.',
      },
    },
    required: ['containerName', 'requestName', 'resourceName'],
  },
  'core/v1.NodeFeatures': {
    description: 'NodeFeatures describes the set of features implemented by the CRI implementation.',
    fields: {
      supplementalGroupsPolicy: {
        type: bool,
        description:
          'SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.',
      },
    },
  },
  'core/v1.NodeSwapStatus': {
    description: 'NodeSwapStatus represents swap memory information.',
    fields: { capacity: { type: int, description: 'Total amount of swap memory in bytes.' } },
  },
  'discovery/v1.ForNode': {
    description: 'ForNode provides information about which nodes should consume this endpoint.',
    fields: { name: { type: str, description: 'name represents the name of the node.' } },
    required: ['name'],
  },
  'authorization/v1.FieldSelectorAttributes': {
    description: 'FieldSelectorAttributes indicates a field limited access.',
    fields: {
      rawSelector: {
        type: str,
        description:
          'rawSelector is the serialization of a field selector that would be included in a query parameter.',
      },
      requirements: {
        type: { items: '#authorization/v1.FieldSelectorRequirement' },
        description: 'requirements is the parsed interpretation of a field selector.',
      },
    },
  },
  'authorization/v1.FieldSelectorRequirement': {
    description:
      'FieldSelectorRequirement is a selector that contains values, a key, and an operator that relates the key and values.',
    fields: {
      key: { type: str, description: 'key is the field selector key that the requirement applies to.' },
      operator: {
        type: str,
        description:
          "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist.",
      },
      values: { type: { items: str }, description: 'values is an array of string values.' },
    },
    required: ['key', 'operator'],
  },
  'authorization/v1.LabelSelectorAttributes': {
    description: 'LabelSelectorAttributes indicates a label limited access.',
    fields: {
      rawSelector: {
        type: str,
        description:
          'rawSelector is the serialization of a field selector that would be included in a query parameter.',
      },
      requirements: {
        type: { items: '#meta/v1.LabelSelectorRequirement' },
        description: 'requirements is the parsed interpretation of a label selector.',
      },
    },
  },
};

/** OVERLAY_FIELDS are fields that existing types gained after 1.30. */
export const OVERLAY_FIELDS: Record<string, Record<string, OverlayField>> = {
  'core/v1.Volume': {
    image: {
      type: '#core/v1.ImageVolumeSource',
      description:
        "image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine.",
    },
  },
  'core/v1.VolumeProjection': {
    podCertificate: {
      type: '#core/v1.PodCertificateProjection',
      description:
        'Projects an auto-rotating credential bundle (private key and certificate chain) that the pod can use either as a TLS client or server.',
    },
  },
  'core/v1.Container': {
    restartPolicyRules: {
      type: { items: '#core/v1.ContainerRestartRule' },
      description:
        'Represents a list of rules to be checked to determine if the container should be restarted on exit.',
    },
  },
  'core/v1.EphemeralContainer': {
    restartPolicyRules: {
      type: { items: '#core/v1.ContainerRestartRule' },
      description:
        'Represents a list of rules to be checked to determine if the container should be restarted on exit. You cannot set this field on ephemeral containers.',
    },
  },
  'core/v1.Lifecycle': {
    stopSignal: {
      type: str,
      description: 'StopSignal defines which signal will be sent to a container when it is being stopped.',
    },
  },
  'core/v1.EnvVarSource': {
    fileKeyRef: { type: '#core/v1.FileKeySelector', description: 'FileKeyRef selects a key of the env file.' },
  },
  'core/v1.PodSpec': {
    resources: {
      type: '#core/v1.ResourceRequirements',
      description: 'Resources is the total amount of CPU and Memory resources required by all containers in the pod.',
    },
    hostnameOverride: {
      type: str,
      description: "HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod.",
    },
    workloadRef: {
      type: '#core/v1.WorkloadReference',
      description: 'WorkloadRef provides a reference to the Workload object that this Pod belongs to.',
    },
  },
  'core/v1.PodSecurityContext': {
    supplementalGroupsPolicy: {
      type: str,
      description:
        'Defines how supplemental groups of the first container processes are calculated. Valid values are "Merge" and "Strict".',
    },
  },
  'core/v1.PodResourceClaim': {
    resourceClaimName: {
      type: str,
      description: 'ResourceClaimName is the name of a ResourceClaim object in the same namespace as this pod.',
    },
    resourceClaimTemplateName: {
      type: str,
      description:
        'ResourceClaimTemplateName is the name of a ResourceClaimTemplate object in the same namespace as this pod.',
    },
  },
  'core/v1.ResourceClaim': {
    request: { type: str, description: 'Request is the name chosen for a request in the referenced claim.' },
  },
  'core/v1.PodStatus': {
    observedGeneration: {
      type: int,
      description: 'If set, this represents the .metadata.generation that the pod status was set based upon.',
    },
    extendedResourceClaimStatus: {
      type: '#core/v1.PodExtendedResourceClaimStatus',
      description: 'Status of extended resource claim backed by DRA.',
    },
    resources: {
      type: '#core/v1.ResourceRequirements',
      description:
        'Resources represents the compute resource requests and limits that have been applied at the pod level.',
    },
    allocatedResources: {
      type: { map: 'Quantity' },
      description: 'AllocatedResources is the total requests allocated for this pod by the node.',
    },
  },
  'core/v1.PodCondition': {
    observedGeneration: {
      type: int,
      description: 'If set, this represents the .metadata.generation that the pod condition was set based upon.',
    },
  },
  'core/v1.ContainerStatus': {
    user: {
      type: '#core/v1.ContainerUser',
      description:
        'User represents user identity information initially attached to the first process of the container.',
    },
    allocatedResourcesStatus: {
      type: { items: '#core/v1.ResourceStatus' },
      description: 'AllocatedResourcesStatus represents the status of various resources allocated for this Pod.',
    },
    stopSignal: { type: str, description: 'StopSignal reports the effective stop signal for this container.' },
  },
  'core/v1.NodeStatus': {
    features: {
      type: '#core/v1.NodeFeatures',
      description: 'Features describes the set of features implemented by the CRI implementation.',
    },
    declaredFeatures: {
      type: { items: str },
      description: 'DeclaredFeatures represents the features related to feature gates that are declared by the node.',
    },
  },
  'core/v1.NodeSystemInfo': {
    swap: { type: '#core/v1.NodeSwapStatus', description: 'Swap Info reported by the node.' },
  },
  'core/v1.NodeRuntimeHandlerFeatures': {
    userNamespaces: {
      type: bool,
      description:
        'UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.',
    },
  },
  'apps/v1.DeploymentStatus': {
    terminatingReplicas: {
      type: int,
      description: 'Total number of terminating pods targeted by this deployment.',
    },
  },
  'apps/v1.ReplicaSetStatus': {
    terminatingReplicas: {
      type: int,
      description: 'The number of terminating pods for this replica set.',
    },
  },
  'autoscaling/v2.HPAScalingRules': {
    tolerance: {
      type: 'Quantity',
      description:
        'tolerance is the tolerance on the ratio between the current and desired metric value under which no updates are made to the desired number of replicas (e.g. 0.01 for 1%).',
    },
  },
  'coordination/v1.LeaseSpec': {
    strategy: {
      type: str,
      description: 'Strategy indicates the strategy for picking the leader for coordinated leader election.',
    },
    preferredHolder: {
      type: str,
      description:
        'PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up.',
    },
  },
  'discovery/v1.EndpointHints': {
    forNodes: {
      type: { items: '#discovery/v1.ForNode' },
      description:
        'forNodes indicates the node(s) this endpoint should be consumed by when using topology aware routing.',
    },
  },
  'storage/v1.VolumeError': {
    errorCode: {
      type: int,
      description:
        'errorCode is a numeric gRPC code representing the error encountered during Attach or Detach operations.',
    },
  },
  'authorization/v1.ResourceAttributes': {
    fieldSelector: {
      type: '#authorization/v1.FieldSelectorAttributes',
      description: 'fieldSelector describes the limitation on access based on field.',
    },
    labelSelector: {
      type: '#authorization/v1.LabelSelectorAttributes',
      description: 'labelSelector describes the limitation on access based on labels.',
    },
  },
  'apiextensions/v1.JSONSchemaProps': {
    'x-kubernetes-embedded-resource': {
      type: bool,
      description:
        'x-kubernetes-embedded-resource defines that the value is an embedded Kubernetes runtime.Object, with TypeMeta and ObjectMeta.',
    },
    'x-kubernetes-int-or-string': {
      type: bool,
      description: 'x-kubernetes-int-or-string specifies that this value is either an integer or a string.',
    },
    'x-kubernetes-list-map-keys': {
      type: { items: str },
      description:
        'x-kubernetes-list-map-keys annotates an array with the x-kubernetes-list-type `map` by specifying the keys used as the index of the map.',
    },
    'x-kubernetes-list-type': {
      type: str,
      description: 'x-kubernetes-list-type annotates an array to further describe its topology: atomic, set or map.',
    },
    'x-kubernetes-map-type': {
      type: str,
      description: 'x-kubernetes-map-type annotates an object to further describe its topology: granular or atomic.',
    },
    'x-kubernetes-preserve-unknown-fields': {
      type: bool,
      description:
        'x-kubernetes-preserve-unknown-fields stops the API server decoding step from pruning fields which are not specified in the validation schema.',
    },
    'x-kubernetes-validations': {
      type: { items: '#apiextensions/v1.ValidationRule' },
      description:
        'x-kubernetes-validations describes a list of validation rules written in the CEL expression language.',
    },
  },
};

/** OVERLAY_REMOVED are fields 1.35 no longer serves (PodResourceClaim.source went with DRA's 1.31 rework). */
export const OVERLAY_REMOVED: Record<string, string[]> = {
  'core/v1.PodResourceClaim': ['source'],
};
