import type { Clock } from '../clock/clock.ts';
import { rfc3339 } from '../clock/clock.ts';
import type { SeededRandom } from '../random.ts';
import { applyDefaults } from './defaults/index.ts';
import { deepEqual } from './equal.ts';
import { apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery.ts';
import * as errors from './errors.ts';
import { ApiError } from './errors.ts';
import { unknownFields } from './openapi/index.ts';
import {
  decodeFailure,
  fieldValidationOf,
  goFormat,
  patchFailure,
  sortedJson,
  strictOutcome,
} from './openapi/strict.ts';
import { openApiV3 } from './openapi/v3.ts';
import { jsonPatch, mergePatch, strategicMergePatch, type JsonPatchOperation } from './patch.ts';
import { parsePath, type ResourcePath } from './paths.ts';
import { toTable, type KindPrinter } from './printing/tables.ts';
import {
  applyCustomDefaults,
  unknownCustomFields,
  validateCustomResource,
  type StructuralSchema,
} from './crdschema.ts';
import { groupVersion, resourceKey, type ResourceRegistry, type ResourceType } from './registry.ts';
import { fieldValue, parseFieldSelector, parseLabelSelector, requirementsMatch } from './selectors.ts';
import type { ObjectStore } from './store.ts';
import { WatchHub, type WatchStreamEvent } from './watch.ts';
import { strategyFor } from './strategies.ts';
import type { ApiRequest, ApiResponse, KubeObject, UserInfo } from './types.ts';
import { validateObject } from './validation/index.ts';

/** The API server refuses request bodies over 3 MiB, like kube-apiserver. */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

/**
 * AdmissionPlugin runs after defaulting and validation, before the write: it may change the object
 * (mutating) or refuse it by throwing an ApiError (validating), as admission controllers do.
 */
export interface AdmissionPlugin {
  name: string;
  admit(operation: Operation, type: ResourceType, object: KubeObject, old: KubeObject | undefined): void;
}

export interface AuditRecord {
  at: string;
  user: string;
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  code: number;
}

/** Authorizer decides whether a user may do a verb on a resource (RBAC plugs in here). */
export type Authorizer = (
  user: UserInfo,
  verb: string,
  path: ResourcePath,
) => { allowed: true } | { allowed: false; message: string };

export interface ApiServerDeps {
  clock: Clock;
  random: SeededRandom;
  store: ObjectStore;
  registry: ResourceRegistry;
}

const ADMIN: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
const AUDIT_LIMIT = 2000;
/** HEALTH_PATHS are the API server's health checks; a simulated one is always healthy. */
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/**
 * ApiServer answers Kubernetes REST requests against the object store: discovery, CRUD with
 * defaulting, validation and admission, selectors, Table printing, and an audit record per request.
 */
export class ApiServer {
  readonly admission: AdmissionPlugin[] = [];
  authorizer: Authorizer | undefined;
  audit: AuditRecord[] = [];
  /** subresourceHandlers serve pods/log, pods/exec and the like, registered by the layers that own them. */
  readonly subresourceHandlers = new Map<string, (request: ApiRequest, path: ResourcePath) => ApiResponse>();
  /**
   * resourceHandlers serve whole resources that are computed, not stored (access reviews, metrics),
   * keyed by resourceKey; they see the request with its authenticated user.
   */
  readonly resourceHandlers = new Map<
    string,
    (request: ApiRequest & { user: UserInfo }, path: ResourcePath) => ApiResponse
  >();
  /** customPrinters are the Table printers of custom resources (a CRD's additionalPrinterColumns), by resource/version. */
  readonly customPrinters = new Map<string, KindPrinter>();
  /** customSchemas are the custom resources' structural schemas (a CRD version's openAPIV3Schema), by resource/version. */
  readonly customSchemas = new Map<string, StructuralSchema>();
  /** impersonate applies Impersonate-User/Impersonate-Group headers (RBAC installs it). */
  impersonate: ((request: ApiRequest, requester: UserInfo) => ApiRequest) | undefined;

  /** warnings collects the current request's Warning headers (strict field validation in Warn mode). */
  private warnings: string[] = [];

  private readonly watches: WatchHub;

  constructor(private readonly deps: ApiServerDeps) {
    this.watches = new WatchHub(deps.store);
  }

  /**
   * watch opens a REST watch (`GET …?watch=true`) for the request's path, selectors and
   * resourceVersion, after the same path, impersonation and authorization checks as any request.
   * It gives the stop function, or the error answer when the watch cannot be opened.
   */
  watch(request: ApiRequest, send: (event: WatchStreamEvent) => void): { stop: () => void } | ApiResponse {
    let parsedPath: ResourcePath | undefined;
    let answer: { stop: () => void } | ApiResponse;
    try {
      const parsed = parsePath(request.path, this.deps.registry);
      if (parsed.kind !== 'resource') throw new ApiError(errors.pathNotFound());
      if (this.impersonate) request = this.impersonate(request, request.user ?? ADMIN);
      const path = (parsedPath = parsed.path);
      if (this.authorizer) {
        const decision = this.authorizer(request.user ?? ADMIN, 'watch', path);
        if (!decision.allowed) throw new ApiError(errors.forbidden(decision.message));
      }
      if (path.subresource !== undefined) {
        const known =
          ['status', 'scale', 'binding'].includes(path.subresource) ||
          this.subresourceHandlers.has(`${resourceKey(path.type)}/${path.subresource}`);
        throw new ApiError(known ? errors.methodNotAllowed() : errors.pathNotFound());
      }
      if (this.resourceHandlers.has(resourceKey(path.type))) throw new ApiError(errors.methodNotAllowed());
      const query = request.query ?? {};
      const sendInitialEvents = query.sendInitialEvents === 'true';
      if (query.sendInitialEvents !== undefined) {
        const problems: errors.FieldError[] = [];
        if (query.resourceVersionMatch !== 'NotOlderThan')
          problems.push(
            errors.fieldErrors.forbidden(
              'resourceVersionMatch',
              'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan',
            ),
          );
        if (sendInitialEvents && query.allowWatchBookmarks !== 'true')
          problems.push(
            errors.fieldErrors.forbidden(
              'allowWatchBookmarks',
              'sendInitialEvents requires setting allowWatchBookmarks to true',
            ),
          );
        if (problems.length > 0) throw new ApiError(errors.invalid('ListOptions.meta.k8s.io', '', '', problems));
      }
      const nameTerm = (query.fieldSelector ?? '').split(',').find((t) => t.startsWith('metadata.name='));
      const table = wantsTable(request);
      const stop = this.watches.open(
        {
          resource: resourceKey(path.type),
          kind: path.type.kind,
          apiVersion: groupVersion(path.type),
          namespace: path.namespace,
          name: path.name ?? nameTerm?.slice('metadata.name='.length),
          matches: selectorFor(path.type, query),
          render: (object) =>
            table
              ? withObjects(
                  toTable(
                    [object],
                    path.type.kind,
                    this.deps.clock.now,
                    object.metadata.resourceVersion ?? '',
                    this.printerOf(path.type),
                  ),
                  [object],
                  request,
                )
              : structuredClone(object),
        },
        { resourceVersion: query.resourceVersion, sendInitialEvents },
        send,
      );
      answer = { stop };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answer = { status: error.status.code, body: error.status };
    }
    if (parsedPath) this.record(request, parsedPath, 'status' in answer ? answer.status : 200);
    return answer;
  }

  get store(): ObjectStore {
    return this.deps.store;
  }

  get registry(): ResourceRegistry {
    return this.deps.registry;
  }

  /** handle answers one request, with the warnings it collected (it may be re-entered: they nest). */
  handle(request: ApiRequest): ApiResponse {
    const outerWarnings = this.warnings;
    this.warnings = [];
    try {
      const response = this.answer(request);
      return this.warnings.length > 0 ? { ...response, warnings: this.warnings } : response;
    } finally {
      this.warnings = outerWarnings;
    }
  }

  private answer(request: ApiRequest): ApiResponse {
    let parsedPath: ResourcePath | undefined;
    let response: ApiResponse;
    try {
      const bodySize =
        request.body === undefined
          ? 0
          : typeof request.body === 'string'
            ? request.body.length
            : JSON.stringify(request.body).length;
      if (bodySize > MAX_REQUEST_BYTES) throw new ApiError(errors.requestEntityTooLarge());
      const openApi = request.verb === 'GET' ? openApiV3(request.path, this.deps.registry) : undefined;
      if (openApi) return openApi;
      if (request.verb === 'GET' && HEALTH_PATHS.has(request.path)) return { status: 200, body: 'ok' };
      const parsed = parsePath(request.path, this.deps.registry);
      if (parsed.kind === 'unknown') throw new ApiError(errors.pathNotFound());
      if (parsed.kind === 'discovery') return { status: 200, body: this.discovery(parsed) };
      if (this.impersonate) request = this.impersonate(request, request.user ?? ADMIN);
      parsedPath = parsed.path;
      response = this.route(request, parsed.path);
    } catch (error) {
      if (error instanceof ApiError) response = { status: error.status.code, body: error.status };
      else {
        const message = error instanceof Error ? error.message : String(error);
        response = { status: 500, body: errors.internalError(message) };
      }
    }
    if (parsedPath && !(parsedPath.type.plural === 'events' && request.verb !== 'GET'))
      this.record(request, parsedPath, response.status);
    return response;
  }

  private discovery(parsed: { what: string; group?: string; version?: string }): unknown {
    switch (parsed.what) {
      case 'version':
        return SERVER_VERSION;
      case 'api':
        return apiVersions();
      case 'apis':
        return apiGroupList(this.deps.registry);
      default: {
        const list = apiResourceList(this.deps.registry, parsed.group ?? '', parsed.version ?? '');
        if (!list) throw new ApiError(errors.pathNotFound());
        return list;
      }
    }
  }

  private record(request: ApiRequest, path: ResourcePath, code: number): void {
    const verb = requestVerb(request, path);
    this.audit.push({
      at: rfc3339(this.deps.clock.now),
      user: (request.user ?? ADMIN).username,
      verb,
      resource: resourceKey(path.type),
      ...(path.namespace !== undefined ? { namespace: path.namespace } : {}),
      ...(path.name !== undefined ? { name: path.name } : {}),
      ...(path.subresource !== undefined ? { subresource: path.subresource } : {}),
      code,
    });
    if (this.audit.length > AUDIT_LIMIT) this.audit.splice(0, this.audit.length - AUDIT_LIMIT);
  }

  private route(request: ApiRequest, path: ResourcePath): ApiResponse {
    const user = request.user ?? ADMIN;
    const verb = requestVerb(request, path);
    if (this.authorizer) {
      const decision = this.authorizer(user, verb, path);
      if (!decision.allowed) throw new ApiError(errors.forbidden(decision.message));
    }
    if (path.type.namespaced && path.namespace === undefined && path.name !== undefined)
      throw new ApiError(errors.pathNotFound());
    const served = this.resourceHandlers.get(resourceKey(path.type));
    if (served) return served({ ...request, user }, path);
    if (path.subresource && !['status', 'binding', 'scale'].includes(path.subresource)) {
      const handler = this.subresourceHandlers.get(`${resourceKey(path.type)}/${path.subresource}`);
      if (!handler) throw new ApiError(errors.pathNotFound());
      return handler(request, path);
    }
    switch (request.verb) {
      case 'GET':
        return path.name === undefined ? this.list(request, path) : this.get(request, path);
      case 'POST':
        if (path.subresource === 'binding') return this.bind(request, path);
        if (path.name !== undefined) throw new ApiError(errors.methodNotAllowed());
        return this.create(request, path);
      case 'PUT':
        return this.update(request, path);
      case 'PATCH':
        return this.patch(request, path);
      case 'DELETE':
        if (path.name === undefined) return this.deleteCollection(request, path);
        return this.delete(request, path);
    }
  }

  private printerOf(type: ResourceType): KindPrinter | undefined {
    return this.customPrinters.get(`${resourceKey(type)}/${type.version}`);
  }

  private groupResource(type: ResourceType): errors.GroupResource {
    return { group: type.group, resource: type.plural };
  }

  private mustGet(path: ResourcePath): KubeObject {
    const object = this.deps.store.get(resourceKey(path.type), path.namespace ?? '', path.name ?? '');
    if (!object) throw new ApiError(errors.notFound(this.groupResource(path.type), path.name ?? ''));
    return object;
  }

  private get(request: ApiRequest, path: ResourcePath): ApiResponse {
    const object = this.mustGet(path);
    if (wantsTable(request)) {
      return {
        status: 200,
        body: withObjects(
          toTable(
            [object],
            path.type.kind,
            this.deps.clock.now,
            String(this.deps.store.resourceVersion),
            this.printerOf(path.type),
          ),
          [object],
          request,
        ),
      };
    }
    if (path.subresource === 'scale') return { status: 200, body: scaleOf(object) };
    return { status: 200, body: structuredClone(object) };
  }

  /** select applies ?labelSelector= and ?fieldSelector= to a resource's objects. */
  select(type: ResourceType, namespace: string | undefined, query: ApiRequest['query']): KubeObject[] {
    const matches = selectorFor(type, query);
    return this.deps.store.list(resourceKey(type), namespace).filter(matches);
  }

  private list(request: ApiRequest, path: ResourcePath): ApiResponse {
    const objects = this.select(path.type, path.namespace, request.query);
    const resourceVersion = String(this.deps.store.resourceVersion);
    if (wantsTable(request))
      return {
        status: 200,
        body: withObjects(
          toTable(objects, path.type.kind, this.deps.clock.now, resourceVersion, this.printerOf(path.type)),
          objects,
          request,
        ),
      };
    return {
      status: 200,
      body: {
        kind: `${path.type.kind}List`,
        apiVersion: groupVersion(path.type),
        metadata: { resourceVersion },
        items: objects.map((o) => structuredClone(o)),
      },
    };
  }

  private readBody(request: ApiRequest, path: ResourcePath): KubeObject {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiError(
        errors.badRequest(
          `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
        ),
      );
    }
    const object = structuredClone(body) as KubeObject;
    const expected = groupVersion(path.type);
    if (object.kind === undefined || object.kind === '') object.kind = path.type.kind;
    if (object.apiVersion === undefined || object.apiVersion === '') object.apiVersion = expected;
    if (object.kind !== path.type.kind || object.apiVersion !== expected) {
      throw new ApiError(
        errors.badRequest(
          `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
        ),
      );
    }
    // The strict decoder reads unknown fields before anything else looks at the object; decoding
    // into Go structs drops them when they do not fail the request.
    const directive = fieldValidationOf(request.query, request.verb === 'POST' ? 'CreateOptions' : 'UpdateOptions');
    const unknown = this.unknownFieldsOf(path.type, object, directive !== 'Strict');
    const failure = () => decodeFailure(path.type.kind, path.type.version, unknown);
    this.warnings.push(...strictOutcome(directive, unknown, failure));
    if (typeof object.metadata !== 'object' || object.metadata === null) object.metadata = {};
    return object;
  }

  private checkNamespace(path: ResourcePath, object: KubeObject): void {
    if (!path.type.namespaced) {
      delete object.metadata.namespace;
      return;
    }
    const namespace = path.namespace ?? '';
    if (object.metadata.namespace && object.metadata.namespace !== namespace) {
      throw new ApiError(
        errors.badRequest('the namespace of the provided object does not match the namespace sent on the request'),
      );
    }
    object.metadata.namespace = namespace;
    const ns = this.deps.store.get('namespaces', '', namespace);
    if (!ns) throw new ApiError(errors.notFound({ group: '', resource: 'namespaces' }, namespace));
    if (ns.metadata.deletionTimestamp) {
      throw new ApiError(
        errors.forbidden(
          `${path.type.group ? `${path.type.plural}.${path.type.group}` : path.type.plural} "${object.metadata.name ?? ''}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
          { name: object.metadata.name ?? '', kind: path.type.plural },
        ),
      );
    }
  }

  /** unknownFieldsOf finds the fields a kind's schema does not declare: built-in types' or a CRD's. */
  private unknownFieldsOf(type: ResourceType, object: KubeObject, prune: boolean): string[] {
    const schema = this.customSchemas.get(`${resourceKey(type)}/${type.version}`);
    if (schema) return unknownCustomFields(schema, object, prune);
    return unknownFields(groupVersion(type), type.kind, object, { prune });
  }

  private invalid(type: ResourceType, object: KubeObject, old?: KubeObject): void {
    const schema = this.customSchemas.get(`${resourceKey(type)}/${type.version}`);
    if (schema) applyCustomDefaults(schema, object);
    const fieldErrs = [...validateObject(type, object, old), ...(schema ? validateCustomResource(schema, object) : [])];
    if (fieldErrs.length > 0)
      throw new ApiError(errors.invalid(type.kind, type.group, object.metadata.name ?? '', fieldErrs));
  }

  private create(request: ApiRequest, path: ResourcePath): ApiResponse {
    const object = this.readBody(request, path);
    const type = path.type;
    const meta = object.metadata;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${this.deps.random.string(5)}`;
    this.checkNamespace(path, object);
    applyDefaults(object);
    this.invalid(type, object);
    const key = resourceKey(type);
    if (this.deps.store.get(key, meta.namespace ?? '', meta.name ?? '')) {
      throw new ApiError(errors.alreadyExists(this.groupResource(type), meta.name ?? ''));
    }
    const strategy = strategyFor(type.kind);
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    meta.uid = this.deps.random.uuid();
    meta.creationTimestamp = rfc3339(this.deps.clock.now);
    if (strategy.tracksGeneration || type.kind === 'Pod') meta.generation = 1;
    else delete meta.generation;
    if (strategy.prepareForCreate) strategy.prepareForCreate(object);
    else if (strategy.hasStatus && type.kind !== 'Node' && type.kind !== 'Namespace') delete object.status;
    for (const plugin of this.admission) plugin.admit('CREATE', type, object, undefined);
    if (request.query?.dryRun === 'All') return { status: 201, body: orderObject(object) };
    const stored = this.deps.store.put(key, orderObject(object));
    return { status: 201, body: structuredClone(stored) };
  }

  /** write stores an update after the same checks a PUT gets; PATCH and PUT both end here. */
  private write(request: ApiRequest, path: ResourcePath, old: KubeObject, next: KubeObject): ApiResponse {
    const type = path.type;
    const strategy = strategyFor(type.kind);
    const meta = next.metadata;
    if (meta.name !== old.metadata.name) {
      throw new ApiError(
        errors.badRequest(
          `the name of the object (${meta.name ?? ''}) does not match the name on the URL (${old.metadata.name ?? ''})`,
        ),
      );
    }
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw new ApiError(
        errors.conflict(
          this.groupResource(type),
          old.metadata.name ?? '',
          'the object has been modified; please apply your changes to the latest version and try again',
        ),
      );
    }
    meta.namespace = old.metadata.namespace as string;
    if (!type.namespaced) delete meta.namespace;
    meta.uid = old.metadata.uid as string;
    meta.creationTimestamp = old.metadata.creationTimestamp as string;
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
    else delete meta.deletionTimestamp;
    if (old.metadata.deletionGracePeriodSeconds !== undefined)
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (strategy.hasStatus) {
      if (path.subresource === 'status') {
        const status = next.status;
        Object.assign(next, structuredClone(old), { status, metadata: { ...old.metadata, ...pickStatusMeta(meta) } });
      } else if (old.status !== undefined) next.status = structuredClone(old.status);
      else delete next.status;
    }
    if (path.subresource !== 'status') applyDefaults(next);
    if (old.metadata.generation !== undefined) {
      const specChanged = JSON.stringify(next.spec ?? null) !== JSON.stringify(old.spec ?? null);
      next.metadata.generation = old.metadata.generation + (specChanged ? 1 : 0);
    }
    this.invalid(type, next, old);
    for (const plugin of this.admission) plugin.admit('UPDATE', type, next, old);
    if (request.query?.dryRun === 'All') return { status: 200, body: next };
    // An update that changes nothing is not written: the resourceVersion stays (`patched (no change)`).
    if (deepEqual({ ...next, metadata: { ...next.metadata, resourceVersion: old.metadata.resourceVersion } }, old))
      return { status: 200, body: structuredClone(old) };
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0 && type.kind !== 'Pod') {
      const removed = this.deps.store.remove(resourceKey(type), old.metadata.namespace ?? '', old.metadata.name ?? '');
      return { status: 200, body: structuredClone(removed) };
    }
    const stored = this.deps.store.put(resourceKey(type), orderObject(next));
    return { status: 200, body: structuredClone(stored) };
  }

  private update(request: ApiRequest, path: ResourcePath): ApiResponse {
    const old = this.mustGet(path);
    if (path.subresource === 'scale')
      return this.writeScale(request, path, old, (request.body as { spec?: { replicas?: number } })?.spec?.replicas);
    const next = this.readBody(request, path);
    return this.write(request, path, old, next);
  }

  private patch(request: ApiRequest, path: ResourcePath): ApiResponse {
    const old = this.mustGet(path);
    const contentType =
      request.headers?.['content-type'] ??
      request.headers?.['Content-Type'] ??
      'application/strategic-merge-patch+json';
    let body = request.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        throw new ApiError(errors.badRequest('invalid JSON patch'));
      }
    }
    if (path.subresource === 'scale') {
      return this.writeScale(request, path, old, (body as { spec?: { replicas?: number } })?.spec?.replicas);
    }
    let next: unknown;
    try {
      if (contentType.startsWith('application/json-patch+json')) next = jsonPatch(old, body as JsonPatchOperation[]);
      else if (contentType.startsWith('application/merge-patch+json')) next = mergePatch(old, body);
      else next = strategicMergePatch(old, body);
    } catch (error) {
      throw new ApiError(errors.internalError((error as Error).message));
    }
    const object = next as KubeObject;
    // Unknown fields are those of the patched object; a strategic merge patch quotes the patch itself.
    const directive = fieldValidationOf(request.query, 'PatchOptions');
    const strategic =
      !contentType.startsWith('application/json-patch+json') && !contentType.startsWith('application/merge-patch+json');
    const unknown = this.unknownFieldsOf(path.type, object, directive !== 'Strict');
    const failure = () => patchFailure(strategic ? goFormat(body) : sortedJson(object), unknown);
    this.warnings.push(...strictOutcome(directive, unknown, failure));
    object.metadata = { ...(object.metadata ?? {}) };
    delete object.metadata.resourceVersion;
    return this.write(request, path, old, object);
  }

  private writeScale(
    request: ApiRequest,
    path: ResourcePath,
    old: KubeObject,
    replicas: number | undefined,
  ): ApiResponse {
    const next = structuredClone(old) as KubeObject & { spec?: { replicas?: number } };
    next.spec = { ...(next.spec ?? {}), replicas: replicas ?? 0 };
    const { subresource: _scale, ...mainPath } = path;
    this.write(request, mainPath, old, next);
    return { status: 200, body: scaleOf(this.mustGet(path)) };
  }

  private bind(request: ApiRequest, path: ResourcePath): ApiResponse {
    const pod = this.mustGet(path);
    const binding = request.body as { target?: { name?: string } } | undefined;
    const nodeName = binding?.target?.name;
    if (!nodeName)
      throw new ApiError(errors.invalid('Binding', '', path.name ?? '', [errors.fieldErrors.required('target.name')]));
    const spec = pod.spec as { nodeName?: string };
    if (spec.nodeName) {
      throw new ApiError(
        errors.conflict(
          { group: '', resource: 'pods/binding' },
          path.name ?? '',
          `pod ${path.name ?? ''} is already assigned to node "${spec.nodeName}"`,
        ),
      );
    }
    const next = structuredClone(pod);
    (next.spec as { nodeName?: string }).nodeName = nodeName;
    const status = (next.status ?? {}) as { conditions?: { type: string }[] };
    status.conditions = [
      ...(status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: rfc3339(this.deps.clock.now),
      } as { type: string },
    ];
    next.status = status;
    this.deps.store.put('pods', next);
    return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  }

  private delete(request: ApiRequest, path: ResourcePath): ApiResponse {
    const object = this.mustGet(path);
    const options = (request.body ?? {}) as {
      gracePeriodSeconds?: number;
      propagationPolicy?: string;
      dryRun?: string[];
    };
    const graceQuery = request.query?.gracePeriodSeconds;
    const grace = graceQuery !== undefined ? Number(graceQuery) : options.gracePeriodSeconds;
    const propagation = request.query?.propagationPolicy ?? options.propagationPolicy ?? 'Background';
    for (const plugin of this.admission) plugin.admit('DELETE', path.type, object, object);
    // DeleteOptions may carry dryRun in the body (the real kubectl sends it there) or the query.
    const dryRun = request.query?.dryRun === 'All' || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
    if (dryRun) return { status: 200, body: structuredClone(object) };
    const key = resourceKey(path.type);
    const now = this.deps.clock.now;
    const next = structuredClone(object);
    const finalizers = [...(next.metadata.finalizers ?? [])];
    if (propagation === 'Foreground' && !finalizers.includes('foregroundDeletion'))
      finalizers.push('foregroundDeletion');
    if (propagation === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (path.type.kind === 'Pod') {
      const pod = next as unknown as {
        spec?: { nodeName?: string; terminationGracePeriodSeconds?: number };
        status?: { phase?: string };
      };
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const period = grace ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      if (pod.spec?.nodeName && !terminal && period > 0) {
        const already = next.metadata.deletionGracePeriodSeconds;
        if (already !== undefined && already <= period) return { status: 200, body: structuredClone(object) };
        next.metadata.deletionTimestamp = rfc3339(now + period * 1000);
        next.metadata.deletionGracePeriodSeconds = period;
        if (finalizers.length) next.metadata.finalizers = finalizers;
        else delete next.metadata.finalizers;
        const stored = this.deps.store.put(key, next);
        return { status: 200, body: structuredClone(stored) };
      }
    }
    if (path.type.kind === 'Namespace') {
      if (!next.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = rfc3339(now);
        next.metadata.deletionGracePeriodSeconds = 0;
        (next as { status?: object }).status = { phase: 'Terminating' };
        const stored = this.deps.store.put(key, next);
        return { status: 200, body: structuredClone(stored) };
      }
      return { status: 200, body: structuredClone(object) };
    }
    if (finalizers.length > 0) {
      if (!next.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = rfc3339(now);
        next.metadata.deletionGracePeriodSeconds = 0;
        next.metadata.finalizers = finalizers;
        this.deps.store.put(key, next);
      }
      return { status: 200, body: structuredClone(this.mustGet(path)) };
    }
    const removed = this.deps.store.remove(key, object.metadata.namespace ?? '', object.metadata.name ?? '');
    const body =
      path.type.kind === 'Pod' || path.type.kind === 'Node' || path.type.kind === 'Namespace'
        ? structuredClone(removed)
        : {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Success',
            details: {
              name: object.metadata.name,
              ...(path.type.group ? { group: path.type.group } : {}),
              kind: path.type.plural,
              uid: object.metadata.uid,
            },
          };
    return { status: 200, body };
  }

  private deleteCollection(request: ApiRequest, path: ResourcePath): ApiResponse {
    const objects = this.select(path.type, path.namespace, request.query);
    const items: unknown[] = [];
    for (const object of objects) {
      const response = this.delete(request, {
        ...path,
        name: object.metadata.name as string,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
      });
      items.push(response.body);
    }
    return {
      status: 200,
      body: { kind: `${path.type.kind}List`, apiVersion: groupVersion(path.type), metadata: {}, items },
    };
  }
}

/**
 * selectorFor turns ?labelSelector= and ?fieldSelector= into a predicate over objects (lists and
 * watches share it), or throws the API server's 400 for a selector it cannot parse or a field it
 * does not index.
 */
export function selectorFor(type: ResourceType, query: ApiRequest['query']): (object: KubeObject) => boolean {
  const checks: ((object: KubeObject) => boolean)[] = [];
  const labelSelector = query?.labelSelector;
  if (labelSelector) {
    let requirements: ReturnType<typeof parseLabelSelector>;
    try {
      requirements = parseLabelSelector(labelSelector);
    } catch (error) {
      throw new ApiError(errors.badRequest(`unable to parse requirement: ${(error as Error).message}`));
    }
    checks.push((o) => requirementsMatch(requirements, o.metadata.labels ?? {}));
  }
  const fieldSelector = query?.fieldSelector;
  if (fieldSelector) {
    let terms: ReturnType<typeof parseFieldSelector>;
    try {
      terms = parseFieldSelector(fieldSelector);
    } catch (error) {
      throw new ApiError(errors.badRequest((error as Error).message));
    }
    for (const term of terms) {
      const supported = ['metadata.name', 'metadata.namespace'];
      if (!supported.includes(term.field) && !FIELD_LABELS[type.kind]?.includes(term.field)) {
        throw new ApiError(errors.badRequest(`field label not supported: ${term.field}`));
      }
    }
    checks.push((o) => terms.every((t) => (fieldValue(o, t.field) === t.value) === t.equals));
  }
  return (object) => checks.every((check) => check(object));
}

/** FIELD_LABELS are the extra field selectors each kind supports (pkg/apis/<group>/v1/conversion.go). */
const FIELD_LABELS: Record<string, string[]> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

/**
 * withObjects honours `?includeObject=Object` (what `kubectl get --sort-by` asks for): each row then
 * carries the whole object instead of its metadata.
 */
function withObjects<T extends { rows: { object: unknown }[] }>(
  table: T,
  objects: KubeObject[],
  request: ApiRequest,
): T {
  if (request.query?.includeObject !== 'Object') return table;
  table.rows.forEach((row, i) => {
    if (objects[i]) row.object = structuredClone(objects[i]);
  });
  return table;
}

function wantsTable(request: ApiRequest): boolean {
  const accept = request.headers?.accept ?? request.headers?.Accept ?? '';
  return accept.includes('as=Table');
}

function requestVerb(request: ApiRequest, path: ResourcePath): string {
  switch (request.verb) {
    case 'GET':
      if (request.query?.watch === 'true' || request.query?.watch === '1') return 'watch';
      return path.name === undefined ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return path.name === undefined ? 'deletecollection' : 'delete';
  }
}

function pickStatusMeta(meta: KubeObject['metadata']): Partial<KubeObject['metadata']> {
  return meta.resourceVersion ? { resourceVersion: meta.resourceVersion } : {};
}

function scaleOf(object: KubeObject) {
  const spec = (object.spec ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  const status = (object.status ?? {}) as { replicas?: number };
  const selector = Object.entries(spec.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector },
  };
}

/** orderObject puts apiVersion, kind, metadata, spec, status first, as the API server's encoder does. */
export function orderObject(object: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, ...rest } = object;
  const ordered: KubeObject = { apiVersion, kind, metadata: orderMetadata(metadata) };
  for (const key of Object.keys(rest)) if (key !== 'spec' && key !== 'status') ordered[key] = rest[key];
  if (rest.spec !== undefined) ordered.spec = rest.spec;
  if (rest.status !== undefined) ordered.status = rest.status;
  return ordered;
}

const META_ORDER = [
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

function orderMetadata(meta: KubeObject['metadata']): KubeObject['metadata'] {
  const out: Record<string, unknown> = {};
  for (const key of META_ORDER)
    if ((meta as Record<string, unknown>)[key] !== undefined) out[key] = (meta as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(meta)) if (!(key in out) && value !== undefined) out[key] = value;
  return out as KubeObject['metadata'];
}
