/** The engine's public face: the cluster, its door and the helpers clients share. */
export { Cluster, createCluster, restoreCluster, type ClusterSnapshot, type ClusterSpec } from './cluster.ts';
export type {
  ApiRequest,
  ApiResponse,
  ClusterClient,
  KubeObject,
  Status,
  Table,
  TableRow,
  TableColumn,
  UserInfo,
} from './api/types.ts';
export { isStatus } from './api/types.ts';
export { podStatusText, podSummary } from './api/printing/pod.ts';
export { humanDuration, parseDuration, goDuration } from './clock/duration.ts';
export { ResourceRegistry, BUILT_IN_RESOURCES, groupVersion, resourceKey, type ResourceType } from './api/registry.ts';
export { objectPath } from './api/paths.ts';
export type { StoredChange } from './api/store.ts';
export type { WatchStreamEvent, WatchStreamEventType } from './api/watch.ts';
export type { ExecRequest, ExecResponse } from './kubelet/subresources.ts';
export { rfc3339 } from './clock/clock.ts';
export {
  strategicMergePatch,
  threeWayMergePatch,
  twoWayMergePatch,
  sortedJson,
  mergePatch,
  jsonPatch,
  type JsonPatchOperation,
} from './api/patch.ts';
export { parseLabelSelector, requirementsMatch } from './api/selectors.ts';
export { deepEqual } from './api/equal.ts';
export { decodeKubernetesProtobuf, isKubernetesProtobuf } from './api/protobuf.ts';
export { impersonatedUser } from './api/rbac/index.ts';
export { canonicalQuantity, parseQuantity, cpuMillis, memoryBytes, formatCpu, formatMemory } from './api/quantity.ts';
export { parseExactQuantity, type ExactQuantity } from './api/quantity.ts';
export { descriptions as loadOpenApiDescriptions } from './api/openapi/index.ts';
