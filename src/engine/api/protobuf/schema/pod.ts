/**
 * k8s.io/api/core/v1 (generated.proto), part one: Pod, PodSpec and what hangs off it — containers,
 * probes, volumes, affinity, security contexts. See index.ts for the notation.
 */
const CONTAINER = `name/1 image/2 command/3/s[] args/4/s[] workingDir/5 ports/6/ContainerPort[]
  envFrom/19/EnvFromSource[] env/7/EnvVar[] resources/8/ResourceRequirements
  resizePolicy/23/ContainerResizePolicy[] restartPolicy/24 volumeMounts/9/VolumeMount[]
  volumeDevices/21/VolumeDevice[] livenessProbe/10/Probe readinessProbe/11/Probe startupProbe/22/Probe
  lifecycle/12/Lifecycle terminationMessagePath/13 terminationMessagePolicy/20 imagePullPolicy/14
  securityContext/15/SecurityContext stdin/16/b stdinOnce/17/b tty/18/b`;

export const CORE_POD: Record<string, string> = {
  Pod: 'metadata/1/ObjectMeta spec/2/PodSpec status/3/PodStatus',
  PodTemplate: 'metadata/1/ObjectMeta template/2/PodTemplateSpec',
  PodTemplateSpec: 'metadata/1/ObjectMeta spec/2/PodSpec',
  PodSpec: `volumes/1/Volume[] initContainers/20/Container[] containers/2/!Container[]
    ephemeralContainers/34/EphemeralContainer[] restartPolicy/3 terminationGracePeriodSeconds/4/!l
    activeDeadlineSeconds/5/!l dnsPolicy/6 nodeSelector/7/{s} serviceAccountName/8 serviceAccount/9
    automountServiceAccountToken/21/!b nodeName/10 hostNetwork/11/b hostPID/12/b hostIPC/13/b
    shareProcessNamespace/27/!b securityContext/14/PodSecurityContext imagePullSecrets/15/LocalObjectReference[]
    hostname/16 subdomain/17 affinity/18/Affinity schedulerName/19 tolerations/22/Toleration[]
    hostAliases/23/HostAlias[] priorityClassName/24 priority/25/!i dnsConfig/26/PodDNSConfig
    readinessGates/28/PodReadinessGate[] runtimeClassName/29 enableServiceLinks/30/!b preemptionPolicy/31
    overhead/32/{Q} topologySpreadConstraints/33/TopologySpreadConstraint[] setHostnameAsFQDN/35/!b
    os/36/PodOS hostUsers/37/!b schedulingGates/38/PodSchedulingGate[] resourceClaims/39/PodResourceClaim[]
    resources/40/ResourceRequirements hostnameOverride/41`,
  PodOS: 'name/1',
  PodSchedulingGate: 'name/1',
  PodResourceClaim: 'name/1 resourceClaimName/3 resourceClaimTemplateName/4',
  PodReadinessGate: 'conditionType/1',
  PodDNSConfig: 'nameservers/1/s[] searches/2/s[] options/3/PodDNSConfigOption[]',
  PodDNSConfigOption: 'name/1 value/2/!s',
  HostAlias: 'ip/1 hostnames/2/s[]',
  Container: CONTAINER,
  EphemeralContainer: 'ephemeralContainerCommon/1/EphemeralContainerCommon targetContainerName/2',
  EphemeralContainerCommon: CONTAINER,
  ContainerPort: 'name/1 hostPort/2/i containerPort/3/!i protocol/4 hostIP/5',
  ContainerResizePolicy: 'resourceName/1 restartPolicy/2',
  EnvFromSource: 'prefix/1 configMapRef/2/ConfigMapEnvSource secretRef/3/SecretEnvSource',
  ConfigMapEnvSource: '^localObjectReference/1/LocalObjectReference optional/2/!b',
  SecretEnvSource: '^localObjectReference/1/LocalObjectReference optional/2/!b',
  EnvVar: 'name/1 value/2 valueFrom/3/EnvVarSource',
  EnvVarSource: `fieldRef/1/ObjectFieldSelector resourceFieldRef/2/ResourceFieldSelector
    configMapKeyRef/3/ConfigMapKeySelector secretKeyRef/4/SecretKeySelector`,
  ObjectFieldSelector: 'apiVersion/1 fieldPath/2',
  ResourceFieldSelector: 'containerName/1 resource/2 divisor/3/Q',
  ConfigMapKeySelector: '^localObjectReference/1/LocalObjectReference key/2 optional/3/!b',
  SecretKeySelector: '^localObjectReference/1/LocalObjectReference key/2 optional/3/!b',
  LocalObjectReference: 'name/1',
  ResourceRequirements: 'limits/1/{Q} requests/2/{Q} claims/3/ResourceClaim[]',
  ResourceClaim: 'name/1 request/2',
  VolumeMount: `name/1 readOnly/2/b recursiveReadOnly/7/!s mountPath/3 subPath/4 mountPropagation/5/!s
    subPathExpr/6`,
  VolumeDevice: 'name/1 devicePath/2',
  Probe: `^handler/1/ProbeHandler initialDelaySeconds/2/i timeoutSeconds/3/i periodSeconds/4/i
    successThreshold/5/i failureThreshold/6/i terminationGracePeriodSeconds/7/!l`,
  ProbeHandler: 'exec/1/ExecAction httpGet/2/HTTPGetAction tcpSocket/3/TCPSocketAction grpc/4/GRPCAction',
  Lifecycle: 'postStart/1/LifecycleHandler preStop/2/LifecycleHandler stopSignal/3/!s',
  LifecycleHandler: 'exec/1/ExecAction httpGet/2/HTTPGetAction tcpSocket/3/TCPSocketAction sleep/4/SleepAction',
  SleepAction: 'seconds/1/!l',
  ExecAction: 'command/1/s[]',
  HTTPGetAction: 'path/1 port/2/IS host/3 scheme/4 httpHeaders/5/HTTPHeader[]',
  HTTPHeader: 'name/1 value/2/!s',
  TCPSocketAction: 'port/1/IS host/2',
  GRPCAction: 'port/1/!i service/2/!s',
  SecurityContext: `capabilities/1/Capabilities privileged/2/!b seLinuxOptions/3/SELinuxOptions
    windowsOptions/10/WindowsSecurityContextOptions runAsUser/4/!l runAsGroup/8/!l runAsNonRoot/5/!b
    readOnlyRootFilesystem/6/!b allowPrivilegeEscalation/7/!b procMount/9/!s seccompProfile/11/SeccompProfile
    appArmorProfile/12/AppArmorProfile`,
  PodSecurityContext: `seLinuxOptions/1/SELinuxOptions windowsOptions/8/WindowsSecurityContextOptions
    runAsUser/2/!l runAsGroup/6/!l runAsNonRoot/3/!b supplementalGroups/4/l[] supplementalGroupsPolicy/12/!s
    fsGroup/5/!l sysctls/7/Sysctl[] fsGroupChangePolicy/9/!s seccompProfile/10/SeccompProfile
    appArmorProfile/11/AppArmorProfile seLinuxChangePolicy/13/!s`,
  Capabilities: 'add/1/s[] drop/2/s[]',
  SELinuxOptions: 'user/1 role/2 type/3 level/4',
  WindowsSecurityContextOptions:
    'gmsaCredentialSpecName/1/!s gmsaCredentialSpec/2/!s runAsUserName/3/!s hostProcess/4/!b',
  SeccompProfile: 'type/1 localhostProfile/2/!s',
  AppArmorProfile: 'type/1 localhostProfile/2/!s',
  Sysctl: 'name/1 value/2/!s',
  Toleration: 'key/1 operator/2 value/3 effect/4 tolerationSeconds/5/!l',
  TopologySpreadConstraint: `maxSkew/1/!i topologyKey/2 whenUnsatisfiable/3 labelSelector/4/LabelSelector
    minDomains/5/!i nodeAffinityPolicy/6/!s nodeTaintsPolicy/7/!s matchLabelKeys/8/s[]`,
  Affinity: 'nodeAffinity/1/NodeAffinity podAffinity/2/PodAffinity podAntiAffinity/3/PodAntiAffinity',
  NodeAffinity: `requiredDuringSchedulingIgnoredDuringExecution/1/NodeSelector
    preferredDuringSchedulingIgnoredDuringExecution/2/PreferredSchedulingTerm[]`,
  NodeSelector: 'nodeSelectorTerms/1/!NodeSelectorTerm[]',
  NodeSelectorTerm: 'matchExpressions/1/NodeSelectorRequirement[] matchFields/2/NodeSelectorRequirement[]',
  NodeSelectorRequirement: 'key/1 operator/2 values/3/s[]',
  PreferredSchedulingTerm: 'weight/1/!i preference/2/NodeSelectorTerm',
  PodAffinity: `requiredDuringSchedulingIgnoredDuringExecution/1/PodAffinityTerm[]
    preferredDuringSchedulingIgnoredDuringExecution/2/WeightedPodAffinityTerm[]`,
  PodAntiAffinity: `requiredDuringSchedulingIgnoredDuringExecution/1/PodAffinityTerm[]
    preferredDuringSchedulingIgnoredDuringExecution/2/WeightedPodAffinityTerm[]`,
  PodAffinityTerm: `labelSelector/1/LabelSelector namespaces/2/s[] topologyKey/3
    namespaceSelector/4/LabelSelector matchLabelKeys/5/s[] mismatchLabelKeys/6/s[]`,
  WeightedPodAffinityTerm: 'weight/1/!i podAffinityTerm/2/PodAffinityTerm',
  Volume: 'name/1 ^volumeSource/2/VolumeSource',
  VolumeSource: `hostPath/1/HostPathVolumeSource emptyDir/2/EmptyDirVolumeSource
    gcePersistentDisk/3/GCEPersistentDiskVolumeSource awsElasticBlockStore/4/AWSElasticBlockStoreVolumeSource
    gitRepo/5/GitRepoVolumeSource secret/6/SecretVolumeSource nfs/7/NFSVolumeSource iscsi/8/ISCSIVolumeSource
    glusterfs/9/GlusterfsVolumeSource persistentVolumeClaim/10/PersistentVolumeClaimVolumeSource
    rbd/11/RBDVolumeSource flexVolume/12/FlexVolumeSource cinder/13/CinderVolumeSource
    cephfs/14/CephFSVolumeSource flocker/15/FlockerVolumeSource downwardAPI/16/DownwardAPIVolumeSource
    fc/17/FCVolumeSource azureFile/18/AzureFileVolumeSource configMap/19/ConfigMapVolumeSource
    vsphereVolume/20/VsphereVirtualDiskVolumeSource quobyte/21/QuobyteVolumeSource
    azureDisk/22/AzureDiskVolumeSource photonPersistentDisk/23/PhotonPersistentDiskVolumeSource
    projected/26/ProjectedVolumeSource portworxVolume/24/PortworxVolumeSource scaleIO/25/ScaleIOVolumeSource
    storageos/27/StorageOSVolumeSource csi/28/CSIVolumeSource ephemeral/29/EphemeralVolumeSource
    image/30/ImageVolumeSource`,
  HostPathVolumeSource: 'path/1 type/2/!s',
  EmptyDirVolumeSource: 'medium/1 sizeLimit/2/Q',
  SecretVolumeSource: 'secretName/1 items/2/KeyToPath[] defaultMode/3/!i optional/4/!b',
  ConfigMapVolumeSource:
    '^localObjectReference/1/LocalObjectReference items/2/KeyToPath[] defaultMode/3/!i optional/4/!b',
  KeyToPath: 'key/1 path/2 mode/3/!i',
  PersistentVolumeClaimVolumeSource: 'claimName/1 readOnly/2/b',
  DownwardAPIVolumeSource: 'items/1/DownwardAPIVolumeFile[] defaultMode/2/!i',
  DownwardAPIVolumeFile: 'path/1 fieldRef/2/ObjectFieldSelector resourceFieldRef/3/ResourceFieldSelector mode/4/!i',
  ProjectedVolumeSource: 'sources/1/VolumeProjection[] defaultMode/2/!i',
  VolumeProjection: `secret/1/SecretProjection downwardAPI/2/DownwardAPIProjection configMap/3/ConfigMapProjection
    serviceAccountToken/4/ServiceAccountTokenProjection clusterTrustBundle/5/ClusterTrustBundleProjection
    podCertificate/6/PodCertificateProjection`,
  SecretProjection: '^localObjectReference/1/LocalObjectReference items/2/KeyToPath[] optional/4/!b',
  ConfigMapProjection: '^localObjectReference/1/LocalObjectReference items/2/KeyToPath[] optional/4/!b',
  DownwardAPIProjection: 'items/1/DownwardAPIVolumeFile[]',
  ServiceAccountTokenProjection: 'audience/1 expirationSeconds/2/!l path/3',
  ClusterTrustBundleProjection: 'name/1/!s signerName/2/!s labelSelector/3/LabelSelector optional/5/!b path/4',
  PodCertificateProjection: `signerName/1 keyType/2 maxExpirationSeconds/3/!i credentialBundlePath/4
    keyPath/5 certificateChainPath/6`,
  CSIVolumeSource:
    'driver/1 readOnly/2/!b fsType/3/!s volumeAttributes/4/{s} nodePublishSecretRef/5/LocalObjectReference',
  EphemeralVolumeSource: 'volumeClaimTemplate/1/PersistentVolumeClaimTemplate',
  PersistentVolumeClaimTemplate: 'metadata/1/ObjectMeta spec/2/PersistentVolumeClaimSpec',
  ImageVolumeSource: 'reference/1 pullPolicy/2',
  NFSVolumeSource: 'server/1 path/2 readOnly/3/b',
  GitRepoVolumeSource: 'repository/1 revision/2 directory/3',
  GCEPersistentDiskVolumeSource: 'pdName/1 fsType/2 partition/3/i readOnly/4/b',
  AWSElasticBlockStoreVolumeSource: 'volumeID/1 fsType/2 partition/3/i readOnly/4/b',
  ISCSIVolumeSource: `targetPortal/1 iqn/2 lun/3/!i iscsiInterface/4 fsType/5 readOnly/6/b portals/7/s[]
    chapAuthDiscovery/8/b chapAuthSession/11/b secretRef/10/LocalObjectReference initiatorName/12/!s`,
  GlusterfsVolumeSource: 'endpoints/1 path/2 readOnly/3/b',
  RBDVolumeSource: `monitors/1/s[] image/2 fsType/3 pool/4 user/5 keyring/6 secretRef/7/LocalObjectReference
    readOnly/8/b`,
  FlexVolumeSource: 'driver/1 fsType/2 secretRef/3/LocalObjectReference readOnly/4/b options/5/{s}',
  CinderVolumeSource: 'volumeID/1 fsType/2 readOnly/3/b secretRef/4/LocalObjectReference',
  CephFSVolumeSource: 'monitors/1/s[] path/2 user/3 secretFile/4 secretRef/5/LocalObjectReference readOnly/6/b',
  FlockerVolumeSource: 'datasetName/1 datasetUUID/2',
  FCVolumeSource: 'targetWWNs/1/s[] lun/2/!i fsType/3 readOnly/4/b wwids/5/s[]',
  AzureFileVolumeSource: 'secretName/1 shareName/2 readOnly/3/b',
  VsphereVirtualDiskVolumeSource: 'volumePath/1 fsType/2 storagePolicyName/3 storagePolicyID/4',
  QuobyteVolumeSource: 'registry/1 volume/2 readOnly/3/b user/4 group/5 tenant/6',
  AzureDiskVolumeSource: 'diskName/1 diskURI/2 cachingMode/3/!s fsType/4/!s readOnly/5/!b kind/6/!s',
  PhotonPersistentDiskVolumeSource: 'pdID/1 fsType/2',
  PortworxVolumeSource: 'volumeID/1 fsType/2 readOnly/3/b',
  ScaleIOVolumeSource: `gateway/1 system/2 secretRef/3/LocalObjectReference sslEnabled/4/b protectionDomain/5
    storagePool/6 storageMode/7 volumeName/8 fsType/9 readOnly/10/b`,
  StorageOSVolumeSource: 'volumeName/1 volumeNamespace/2 fsType/3 readOnly/4/b secretRef/5/LocalObjectReference',
  PodStatus: `phase/1 conditions/2/PodCondition[] message/3 reason/4 nominatedNodeName/11 hostIP/5
    hostIPs/16/HostIP[] podIP/6 podIPs/12/PodIP[] startTime/7/T initContainerStatuses/10/ContainerStatus[]
    containerStatuses/8/ContainerStatus[] qosClass/9 ephemeralContainerStatuses/13/ContainerStatus[]
    resize/14 observedGeneration/17/l`,
  PodCondition: `type/1 observedGeneration/7/l status/2 lastProbeTime/3/T lastTransitionTime/4/T reason/5
    message/6`,
  PodIP: 'ip/1',
  HostIP: 'ip/1',
  ContainerStatus: `name/1 state/2/ContainerState lastState/3/ContainerState ready/4/!b restartCount/5/!i
    image/6/!s imageID/7/!s containerID/8 started/9/!b allocatedResources/10/{Q}
    resources/11/ResourceRequirements stopSignal/15/!s`,
  ContainerState:
    'waiting/1/ContainerStateWaiting running/2/ContainerStateRunning terminated/3/ContainerStateTerminated',
  ContainerStateWaiting: 'reason/1 message/2',
  ContainerStateRunning: 'startedAt/1/T',
  ContainerStateTerminated: `exitCode/1/!i signal/2/i reason/3 message/4 startedAt/5/T finishedAt/6/T
    containerID/7`,
};
