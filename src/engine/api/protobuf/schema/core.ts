/**
 * k8s.io/api/core/v1 (generated.proto), part two: everything but the Pod tree — services,
 * config, namespaces, nodes, storage, quotas, events. See index.ts for the notation.
 */
export const CORE: Record<string, string> = {
  Binding: 'metadata/1/ObjectMeta target/2/ObjectReference',
  ObjectReference: 'kind/1 namespace/2 name/3 uid/4 apiVersion/5 resourceVersion/6 fieldPath/7',
  TypedLocalObjectReference: 'apiGroup/1/!s kind/2 name/3',
  TypedObjectReference: 'apiGroup/1/!s kind/2 name/3 namespace/4/!s',
  ComponentStatus: 'metadata/1/ObjectMeta conditions/2/ComponentCondition[]',
  ComponentCondition: 'type/1 status/2 message/3 error/4',
  ConfigMap: 'metadata/1/ObjectMeta immutable/4/!b data/2/{s} binaryData/3/{y}',
  Secret: 'metadata/1/ObjectMeta immutable/5/!b data/2/{y} stringData/4/{s} type/3',
  ServiceAccount: `metadata/1/ObjectMeta secrets/2/ObjectReference[] imagePullSecrets/3/LocalObjectReference[]
    automountServiceAccountToken/4/!b`,
  Namespace: 'metadata/1/ObjectMeta spec/2/NamespaceSpec status/3/NamespaceStatus',
  NamespaceSpec: 'finalizers/1/s[]',
  NamespaceStatus: 'phase/1 conditions/2/NamespaceCondition[]',
  NamespaceCondition: 'type/1 status/2 lastTransitionTime/4/T reason/5 message/6',
  Service: 'metadata/1/ObjectMeta spec/2/ServiceSpec status/3/ServiceStatus',
  ServiceSpec: `ports/1/ServicePort[] selector/2/{s} clusterIP/3 clusterIPs/18/s[] type/4 externalIPs/5/s[]
    sessionAffinity/7 loadBalancerIP/8 loadBalancerSourceRanges/9/s[] externalName/10
    externalTrafficPolicy/11 healthCheckNodePort/12/i publishNotReadyAddresses/13/b
    sessionAffinityConfig/14/SessionAffinityConfig ipFamilies/19/s[] ipFamilyPolicy/17/!s
    allocateLoadBalancerNodePorts/20/!b loadBalancerClass/21/!s internalTrafficPolicy/22/!s
    trafficDistribution/23/!s`,
  ServicePort: 'name/1 protocol/2 appProtocol/6/!s port/3/!i targetPort/4/IS nodePort/5/i',
  SessionAffinityConfig: 'clientIP/1/ClientIPConfig',
  ClientIPConfig: 'timeoutSeconds/1/!i',
  ServiceStatus: 'loadBalancer/1/LoadBalancerStatus conditions/2/Condition[]',
  LoadBalancerStatus: 'ingress/1/LoadBalancerIngress[]',
  LoadBalancerIngress: 'ip/1 hostname/2 ipMode/3/!s ports/4/PortStatus[]',
  PortStatus: 'port/1/!i protocol/2 error/3/!s',
  Endpoints: 'metadata/1/ObjectMeta subsets/2/EndpointSubset[]',
  EndpointSubset: 'addresses/1/EndpointAddress[] notReadyAddresses/2/EndpointAddress[] ports/3/EndpointPort[]',
  EndpointAddress: 'ip/1 hostname/3 nodeName/4/!s targetRef/2/ObjectReference',
  EndpointPort: 'name/1 port/2/!i protocol/3 appProtocol/4/!s',
  Event: `metadata/1/ObjectMeta involvedObject/2/ObjectReference reason/3 message/4 source/5/EventSource
    firstTimestamp/6/T lastTimestamp/7/T count/8/i type/9 eventTime/10/MT series/11/EventSeries action/12
    related/13/ObjectReference reportingComponent/14/!s reportingInstance/15/!s`,
  EventSource: 'component/1 host/2',
  EventSeries: 'count/1/i lastObservedTime/2/MT',
  LimitRange: 'metadata/1/ObjectMeta spec/2/LimitRangeSpec',
  LimitRangeSpec: 'limits/1/!LimitRangeItem[]',
  LimitRangeItem: 'type/1/!s max/2/{Q} min/3/{Q} default/4/{Q} defaultRequest/5/{Q} maxLimitRequestRatio/6/{Q}',
  ResourceQuota: 'metadata/1/ObjectMeta spec/2/ResourceQuotaSpec status/3/ResourceQuotaStatus',
  ResourceQuotaSpec: 'hard/1/{Q} scopes/2/s[] scopeSelector/3/ScopeSelector',
  ResourceQuotaStatus: 'hard/1/{Q} used/2/{Q}',
  ScopeSelector: 'matchExpressions/1/ScopedResourceSelectorRequirement[]',
  ScopedResourceSelectorRequirement: 'scopeName/1 operator/2 values/3/s[]',
  ReplicationController: `metadata/1/ObjectMeta spec/2/ReplicationControllerSpec
    status/3/ReplicationControllerStatus`,
  ReplicationControllerSpec: 'replicas/1/!i minReadySeconds/4/i selector/2/{s} template/3/PodTemplateSpec',
  ReplicationControllerStatus: `replicas/1/!i fullyLabeledReplicas/2/i readyReplicas/4/i availableReplicas/5/i
    observedGeneration/3/l conditions/6/ReplicationControllerCondition[]`,
  ReplicationControllerCondition: 'type/1 status/2 lastTransitionTime/3/T reason/4 message/5',
  Node: 'metadata/1/ObjectMeta spec/2/NodeSpec status/3/NodeStatus',
  NodeSpec: `podCIDR/1 podCIDRs/7/s[] providerID/3 unschedulable/4/b taints/5/Taint[]
    configSource/6/NodeConfigSource externalID/2`,
  Taint: 'key/1 value/2 effect/3 timeAdded/4/T',
  NodeConfigSource: 'configMap/2/ConfigMapNodeConfigSource',
  ConfigMapNodeConfigSource: 'namespace/1 name/2 uid/3 resourceVersion/4 kubeletConfigKey/5',
  NodeStatus: `capacity/1/{Q} allocatable/2/{Q} phase/3 conditions/4/NodeCondition[] addresses/5/NodeAddress[]
    daemonEndpoints/6/NodeDaemonEndpoints nodeInfo/7/NodeSystemInfo images/8/ContainerImage[]
    volumesInUse/9/s[] volumesAttached/10/AttachedVolume[] config/11/NodeConfigStatus
    runtimeHandlers/12/NodeRuntimeHandler[] features/13/NodeFeatures declaredFeatures/14/s[]`,
  NodeCondition: 'type/1 status/2 lastHeartbeatTime/3/T lastTransitionTime/4/T reason/5 message/6',
  NodeAddress: 'type/1 address/2',
  NodeDaemonEndpoints: 'kubeletEndpoint/1/DaemonEndpoint',
  DaemonEndpoint: 'Port/1/!i',
  NodeSystemInfo: `machineID/1/!s systemUUID/2/!s bootID/3/!s kernelVersion/4/!s osImage/5/!s
    containerRuntimeVersion/6/!s kubeletVersion/7/!s kubeProxyVersion/8/!s operatingSystem/9/!s
    architecture/10/!s swap/11/NodeSwapStatus`,
  NodeSwapStatus: 'capacity/1/!l',
  ContainerImage: 'names/1/!s[] sizeBytes/2/l',
  AttachedVolume: 'name/1/!s devicePath/2/!s',
  NodeConfigStatus: 'assigned/1/NodeConfigSource active/2/NodeConfigSource lastKnownGood/3/NodeConfigSource error/4',
  NodeRuntimeHandler: 'name/1/!s features/2/NodeRuntimeHandlerFeatures',
  NodeRuntimeHandlerFeatures: 'recursiveReadOnlyMounts/1/!b userNamespaces/2/!b',
  NodeFeatures: 'supplementalGroupsPolicy/1/!b',
  PersistentVolumeClaim: `metadata/1/ObjectMeta spec/2/PersistentVolumeClaimSpec
    status/3/PersistentVolumeClaimStatus`,
  PersistentVolumeClaimSpec: `accessModes/1/s[] selector/4/LabelSelector resources/2/VolumeResourceRequirements
    volumeName/3 storageClassName/5/!s volumeMode/6/!s dataSource/7/TypedLocalObjectReference
    dataSourceRef/8/TypedObjectReference volumeAttributesClassName/9/!s`,
  VolumeResourceRequirements: 'limits/1/{Q} requests/2/{Q}',
  PersistentVolumeClaimStatus: `phase/1 accessModes/2/s[] capacity/3/{Q} conditions/4/PersistentVolumeClaimCondition[]
    allocatedResources/5/{Q} allocatedResourceStatuses/7/{s} currentVolumeAttributesClassName/8/!s`,
  PersistentVolumeClaimCondition: 'type/1 status/2 lastProbeTime/3/T lastTransitionTime/4/T reason/5 message/6',
  PersistentVolume: 'metadata/1/ObjectMeta spec/2/PersistentVolumeSpec status/3/PersistentVolumeStatus',
  PersistentVolumeSpec: `capacity/1/{Q} ^persistentVolumeSource/2/PersistentVolumeSource accessModes/3/s[]
    claimRef/4/ObjectReference persistentVolumeReclaimPolicy/5 storageClassName/6 mountOptions/7/s[]
    volumeMode/8/!s nodeAffinity/9/VolumeNodeAffinity volumeAttributesClassName/10/!s`,
  PersistentVolumeStatus: 'phase/1 message/2 reason/3 lastPhaseTransitionTime/4/T',
  VolumeNodeAffinity: 'required/1/NodeSelector',
  PersistentVolumeSource: `gcePersistentDisk/1/GCEPersistentDiskVolumeSource
    awsElasticBlockStore/2/AWSElasticBlockStoreVolumeSource hostPath/3/HostPathVolumeSource
    glusterfs/4/GlusterfsPersistentVolumeSource nfs/5/NFSVolumeSource rbd/6/RBDPersistentVolumeSource
    iscsi/7/ISCSIPersistentVolumeSource cinder/8/CinderPersistentVolumeSource
    cephfs/9/CephFSPersistentVolumeSource fc/10/FCVolumeSource flocker/11/FlockerVolumeSource
    flexVolume/12/FlexPersistentVolumeSource azureFile/13/AzureFilePersistentVolumeSource
    vsphereVolume/14/VsphereVirtualDiskVolumeSource quobyte/15/QuobyteVolumeSource
    azureDisk/16/AzureDiskVolumeSource photonPersistentDisk/17/PhotonPersistentDiskVolumeSource
    portworxVolume/18/PortworxVolumeSource scaleIO/19/ScaleIOPersistentVolumeSource local/20/LocalVolumeSource
    storageos/21/StorageOSPersistentVolumeSource csi/22/CSIPersistentVolumeSource`,
  SecretReference: 'name/1 namespace/2',
  GlusterfsPersistentVolumeSource: 'endpoints/1 path/2 readOnly/3/b endpointsNamespace/4/!s',
  RBDPersistentVolumeSource: `monitors/1/s[] image/2 fsType/3 pool/4 user/5 keyring/6 secretRef/7/SecretReference
    readOnly/8/b`,
  ISCSIPersistentVolumeSource: `targetPortal/1 iqn/2 lun/3/!i iscsiInterface/4 fsType/5 readOnly/6/b portals/7/s[]
    chapAuthDiscovery/8/b chapAuthSession/11/b secretRef/10/SecretReference initiatorName/12/!s`,
  CinderPersistentVolumeSource: 'volumeID/1 fsType/2 readOnly/3/b secretRef/4/SecretReference',
  CephFSPersistentVolumeSource: 'monitors/1/s[] path/2 user/3 secretFile/4 secretRef/5/SecretReference readOnly/6/b',
  FlexPersistentVolumeSource: 'driver/1 fsType/2 secretRef/3/SecretReference readOnly/4/b options/5/{s}',
  AzureFilePersistentVolumeSource: 'secretName/1 shareName/2 readOnly/3/b secretNamespace/4/!s',
  ScaleIOPersistentVolumeSource: `gateway/1 system/2 secretRef/3/SecretReference sslEnabled/4/b
    protectionDomain/5 storagePool/6 storageMode/7 volumeName/8 fsType/9 readOnly/10/b`,
  LocalVolumeSource: 'path/1 fsType/2/!s',
  StorageOSPersistentVolumeSource: `volumeName/1 volumeNamespace/2 fsType/3 readOnly/4/b
    secretRef/5/ObjectReference`,
  CSIPersistentVolumeSource: `driver/1 volumeHandle/2 readOnly/3/b fsType/4 volumeAttributes/5/{s}
    controllerPublishSecretRef/6/SecretReference nodeStageSecretRef/7/SecretReference
    nodePublishSecretRef/8/SecretReference controllerExpandSecretRef/9/SecretReference
    nodeExpandSecretRef/10/SecretReference`,
  TopologySelectorTerm: 'matchLabelExpressions/1/TopologySelectorLabelRequirement[]',
  TopologySelectorLabelRequirement: 'key/1 values/2/!s[]',
};
