/**
 * The shapes every layer shares: API objects as plain JSON, the one request door and its answers.
 * Typed kinds (Pod, Node, …) come from kubernetes-types; these generic ones cover any kind.
 */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** UserInfo is who makes a request: RBAC and the audit log read it. */
export interface UserInfo {
  username: string;
  groups?: string[];
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** ApiRequest is a Kubernetes REST call, the same whether it comes from kubectl, the UI or the HTTP server. */
export interface ApiRequest {
  verb: HttpVerb;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  user?: UserInfo;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  /**
   * warnings are what kube-apiserver sends as `Warning: 299 - "…"` headers (unknown fields under
   * fieldValidation=Warn, deprecations); kubectl prints each as `Warning: …` on stderr.
   */
  warnings?: string[];
}

/** ClusterClient is the one door into the cluster. It is async so the engine can move into a worker. */
export interface ClusterClient {
  request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>>;
  /**
   * watch, where the client can stream, is the REST watch (`GET …?watch=true`): each event as it
   * happens, until stop; or the error answer when it cannot be opened.
   */
  watch?(
    request: Omit<ApiRequest, 'verb'>,
    listener: (event: { type: string; object: unknown }) => void,
  ): { stop: () => void } | ApiResponse;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };
  code: number;
}

export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  object: { kind: 'PartialObjectMetadata'; apiVersion: 'meta.k8s.io/v1'; metadata: ObjectMeta };
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Status';
}
