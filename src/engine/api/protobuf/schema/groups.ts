/**
 * k8s.io/api: authentication/v1, authorization/v1, autoscaling/v2 (and autoscaling/v1 Scale),
 * coordination/v1, discovery/v1, events/v1, networking/v1, rbac/v1, scheduling/v1 and storage/v1
 * (generated.proto). Messages whose names clash with core/v1 get a group prefix. See index.ts.
 */
export const GROUPS: Record<string, string> = {
  // authentication.k8s.io/v1
  TokenRequest: 'metadata/1/ObjectMeta spec/2/TokenRequestSpec status/3/TokenRequestStatus',
  TokenRequestSpec: 'audiences/1/!s[] expirationSeconds/4/!l boundObjectRef/3/BoundObjectReference',
  BoundObjectReference: 'kind/1 apiVersion/2 name/3 uid/4',
  TokenRequestStatus: 'token/1/!s expirationTimestamp/2/T',
  TokenReview: 'metadata/1/ObjectMeta spec/2/TokenReviewSpec status/3/TokenReviewStatus',
  TokenReviewSpec: 'token/1 audiences/2/s[]',
  TokenReviewStatus: 'authenticated/1/b user/2/UserInfo audiences/4/s[] error/3',
  SelfSubjectReview: 'metadata/1/ObjectMeta status/2/SelfSubjectReviewStatus',
  SelfSubjectReviewStatus: 'userInfo/1/UserInfo',
  UserInfo: 'username/1 uid/2 groups/3/s[] extra/4/{ExtraValue}',
  ExtraValue: '@items/1/s[]',
  // authorization.k8s.io/v1
  SubjectAccessReview: 'metadata/1/ObjectMeta spec/2/SubjectAccessReviewSpec status/3/SubjectAccessReviewStatus',
  LocalSubjectAccessReview: `metadata/1/ObjectMeta spec/2/SubjectAccessReviewSpec
    status/3/SubjectAccessReviewStatus`,
  SelfSubjectAccessReview: `metadata/1/ObjectMeta spec/2/SelfSubjectAccessReviewSpec
    status/3/SubjectAccessReviewStatus`,
  SubjectAccessReviewSpec: `resourceAttributes/1/ResourceAttributes nonResourceAttributes/2/NonResourceAttributes
    user/3 groups/4/s[] extra/5/{ExtraValue} uid/6`,
  SelfSubjectAccessReviewSpec: 'resourceAttributes/1/ResourceAttributes nonResourceAttributes/2/NonResourceAttributes',
  ResourceAttributes: `namespace/1 verb/2 group/3 version/4 resource/5 subresource/6 name/7
    fieldSelector/8/FieldSelectorAttributes labelSelector/9/LabelSelectorAttributes`,
  FieldSelectorAttributes: 'rawSelector/1 requirements/2/FieldSelectorRequirement[]',
  FieldSelectorRequirement: 'key/1 operator/2 values/3/s[]',
  LabelSelectorAttributes: 'rawSelector/1 requirements/2/LabelSelectorRequirement[]',
  NonResourceAttributes: 'path/1 verb/2',
  SubjectAccessReviewStatus: 'allowed/1/!b denied/4/b reason/2 evaluationError/3',
  SelfSubjectRulesReview: 'metadata/1/ObjectMeta spec/2/SelfSubjectRulesReviewSpec',
  SelfSubjectRulesReviewSpec: 'namespace/1',
  // autoscaling/v2 (and v1 Scale, the scale subresource)
  Scale: 'metadata/1/ObjectMeta spec/2/ScaleSpec status/3/ScaleStatus',
  ScaleSpec: 'replicas/1/i',
  ScaleStatus: 'replicas/1/!i selector/2',
  HorizontalPodAutoscaler: `metadata/1/ObjectMeta spec/2/HorizontalPodAutoscalerSpec
    status/3/HorizontalPodAutoscalerStatus`,
  HorizontalPodAutoscalerSpec: `scaleTargetRef/1/CrossVersionObjectReference minReplicas/2/!i maxReplicas/3/!i
    metrics/4/MetricSpec[] behavior/5/HorizontalPodAutoscalerBehavior`,
  CrossVersionObjectReference: 'kind/1 name/2 apiVersion/3',
  MetricSpec: `type/1 object/2/ObjectMetricSource pods/3/PodsMetricSource resource/4/ResourceMetricSource
    containerResource/7/ContainerResourceMetricSource external/5/ExternalMetricSource`,
  ObjectMetricSource: 'describedObject/1/CrossVersionObjectReference target/2/MetricTarget metric/3/MetricIdentifier',
  PodsMetricSource: 'metric/1/MetricIdentifier target/2/MetricTarget',
  ResourceMetricSource: 'name/1 target/2/MetricTarget',
  ContainerResourceMetricSource: 'name/1 target/2/MetricTarget container/3',
  ExternalMetricSource: 'metric/1/MetricIdentifier target/2/MetricTarget',
  MetricIdentifier: 'name/1 selector/2/LabelSelector',
  MetricTarget: 'type/1 value/2/Q averageValue/3/Q averageUtilization/4/!i',
  HorizontalPodAutoscalerBehavior: 'scaleUp/1/HPAScalingRules scaleDown/2/HPAScalingRules',
  HPAScalingRules: 'stabilizationWindowSeconds/3/!i selectPolicy/1/!s policies/2/HPAScalingPolicy[] tolerance/4/Q',
  HPAScalingPolicy: 'type/1 value/2/!i periodSeconds/3/!i',
  HorizontalPodAutoscalerStatus: `observedGeneration/1/!l lastScaleTime/2/T currentReplicas/3/i
    desiredReplicas/4/!i currentMetrics/5/MetricStatus[] conditions/6/HorizontalPodAutoscalerCondition[]`,
  MetricStatus: `type/1 object/2/ObjectMetricStatus pods/3/PodsMetricStatus resource/4/ResourceMetricStatus
    containerResource/7/ContainerResourceMetricStatus external/5/ExternalMetricStatus`,
  ObjectMetricStatus:
    'metric/1/MetricIdentifier current/2/MetricValueStatus describedObject/3/CrossVersionObjectReference',
  PodsMetricStatus: 'metric/1/MetricIdentifier current/2/MetricValueStatus',
  ResourceMetricStatus: 'name/1 current/2/MetricValueStatus',
  ContainerResourceMetricStatus: 'name/1 current/2/MetricValueStatus container/3',
  ExternalMetricStatus: 'metric/1/MetricIdentifier current/2/MetricValueStatus',
  MetricValueStatus: 'value/1/Q averageValue/2/Q averageUtilization/3/!i',
  HorizontalPodAutoscalerCondition: 'type/1 status/2 lastTransitionTime/3/T reason/4 message/5',
  // coordination.k8s.io/v1
  Lease: 'metadata/1/ObjectMeta spec/2/LeaseSpec',
  LeaseSpec: `holderIdentity/1/!s leaseDurationSeconds/2/!i acquireTime/3/MT renewTime/4/MT
    leaseTransitions/5/!i strategy/6/!s preferredHolder/7/!s`,
  // discovery.k8s.io/v1
  EndpointSlice: 'metadata/1/ObjectMeta addressType/4 endpoints/2/!DiscoveryEndpoint[] ports/3/DiscoveryEndpointPort[]',
  DiscoveryEndpoint: `addresses/1/s[] conditions/2/EndpointConditions hostname/3/!s targetRef/4/ObjectReference
    deprecatedTopology/5/{s} nodeName/6/!s zone/7/!s hints/8/EndpointHints`,
  EndpointConditions: 'ready/1/!b serving/2/!b terminating/3/!b',
  EndpointHints: 'forZones/1/ForZone[] forNodes/2/ForNode[]',
  ForZone: 'name/1',
  ForNode: 'name/1',
  DiscoveryEndpointPort: 'name/1/!s protocol/2/!s port/3/!i appProtocol/4/!s',
  // events.k8s.io/v1
  EventsV1Event: `metadata/1/ObjectMeta eventTime/2/MT series/3/EventsV1EventSeries reportingController/4
    reportingInstance/5 action/6 reason/7 regarding/8/ObjectReference related/9/ObjectReference note/10 type/11
    deprecatedSource/12/EventSource deprecatedFirstTimestamp/13/T deprecatedLastTimestamp/14/T
    deprecatedCount/15/i`,
  EventsV1EventSeries: 'count/1/!i lastObservedTime/2/MT',
  // networking.k8s.io/v1
  Ingress: 'metadata/1/ObjectMeta spec/2/IngressSpec status/3/IngressStatus',
  IngressSpec: 'ingressClassName/4/!s defaultBackend/1/IngressBackend tls/2/IngressTLS[] rules/3/IngressRule[]',
  IngressBackend: 'service/4/IngressServiceBackend resource/3/TypedLocalObjectReference',
  IngressServiceBackend: 'name/1 port/2/ServiceBackendPort',
  ServiceBackendPort: 'name/1 number/2/i',
  IngressTLS: 'hosts/1/s[] secretName/2',
  IngressRule: 'host/1 ^ingressRuleValue/2/IngressRuleValue',
  IngressRuleValue: 'http/1/HTTPIngressRuleValue',
  HTTPIngressRuleValue: 'paths/1/!HTTPIngressPath[]',
  HTTPIngressPath: 'path/1 pathType/3/!s backend/2/IngressBackend',
  IngressStatus: 'loadBalancer/1/IngressLoadBalancerStatus',
  IngressLoadBalancerStatus: 'ingress/1/IngressLoadBalancerIngress[]',
  IngressLoadBalancerIngress: 'ip/1 hostname/2 ports/4/IngressPortStatus[]',
  IngressPortStatus: 'port/1/!i protocol/2 error/3/!s',
  IngressClass: 'metadata/1/ObjectMeta spec/2/IngressClassSpec',
  IngressClassSpec: 'controller/1 parameters/2/IngressClassParametersReference',
  IngressClassParametersReference: 'apiGroup/1/!s kind/2 name/3 scope/4/!s namespace/5/!s',
  NetworkPolicy: 'metadata/1/ObjectMeta spec/2/NetworkPolicySpec',
  NetworkPolicySpec: `podSelector/1/LabelSelector ingress/2/NetworkPolicyIngressRule[]
    egress/3/NetworkPolicyEgressRule[] policyTypes/4/s[]`,
  NetworkPolicyIngressRule: 'ports/1/NetworkPolicyPort[] from/2/NetworkPolicyPeer[]',
  NetworkPolicyEgressRule: 'ports/1/NetworkPolicyPort[] to/2/NetworkPolicyPeer[]',
  NetworkPolicyPort: 'protocol/1/!s port/2/IS endPort/3/!i',
  NetworkPolicyPeer: 'podSelector/1/LabelSelector namespaceSelector/2/LabelSelector ipBlock/3/IPBlock',
  IPBlock: 'cidr/1 except/2/s[]',
  // rbac.authorization.k8s.io/v1
  Role: 'metadata/1/ObjectMeta rules/2/!PolicyRule[]',
  ClusterRole: 'metadata/1/ObjectMeta rules/2/!PolicyRule[] aggregationRule/3/AggregationRule',
  PolicyRule: 'verbs/1/!s[] apiGroups/2/s[] resources/3/s[] resourceNames/4/s[] nonResourceURLs/5/s[]',
  AggregationRule: 'clusterRoleSelectors/1/LabelSelector[]',
  RoleBinding: 'metadata/1/ObjectMeta subjects/2/Subject[] roleRef/3/RoleRef',
  ClusterRoleBinding: 'metadata/1/ObjectMeta subjects/2/Subject[] roleRef/3/RoleRef',
  Subject: 'kind/1 apiGroup/2 name/3 namespace/4',
  RoleRef: 'apiGroup/1 kind/2 name/3',
  // scheduling.k8s.io/v1
  PriorityClass: 'metadata/1/ObjectMeta value/2/!i globalDefault/3/b description/4 preemptionPolicy/5/!s',
  // storage.k8s.io/v1
  StorageClass: `metadata/1/ObjectMeta provisioner/2 parameters/3/{s} reclaimPolicy/4/!s mountOptions/5/s[]
    allowVolumeExpansion/6/!b volumeBindingMode/7/!s allowedTopologies/8/TopologySelectorTerm[]`,
  VolumeAttachment: 'metadata/1/ObjectMeta spec/2/VolumeAttachmentSpec status/3/VolumeAttachmentStatus',
  VolumeAttachmentSpec: 'attacher/1 source/2/VolumeAttachmentSource nodeName/3',
  VolumeAttachmentSource: 'persistentVolumeName/1/!s inlineVolumeSpec/2/PersistentVolumeSpec',
  VolumeAttachmentStatus: `attached/1/!b attachmentMetadata/2/{s} attachError/3/VolumeError
    detachError/4/VolumeError`,
  VolumeError: 'time/1/T message/2 errorCode/3/!i',
};
