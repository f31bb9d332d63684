import { objectPath } from '../../api/paths.ts';
import { col, NAME } from '../../api/printing/columns.ts';
import { age } from '../../api/printing/cells.ts';
import type { StructuralSchema } from '../../api/crdschema.ts';
import type { KindPrinter } from '../../api/printing/tables.ts';
import { resourceKey, type ResourceType } from '../../api/registry.ts';
import type { ApiServer } from '../../api/server.ts';
import type { StoredChange } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import { rfc3339, type Clock } from '../../clock/clock.ts';
import { controllerClient, type Controller } from '../controller.ts';

/**
 * CustomResourceDefinitionController is the apiextensions-apiserver's part in the lab: a CRD's
 * served versions become resources the API server serves (discovery, CRUD, watch, Tables with the
 * CRD's additionalPrinterColumns), its status says NamesAccepted and Established, and deleting it
 * deletes its custom resources. Each version's openAPIV3Schema goes to the API server, which
 * validates, prunes and defaults the custom resources with it (crdschema.ts).
 */
const NAME_ = 'apiextensions-controller';
const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface CrdVersion {
  name: string;
  served?: boolean;
  subresources?: { status?: object; scale?: object };
  schema?: { openAPIV3Schema?: StructuralSchema };
  additionalPrinterColumns?: {
    name: string;
    type: string;
    jsonPath: string;
    priority?: number;
    description?: string;
    format?: string;
  }[];
}

interface CrdSpec {
  group: string;
  scope: string;
  names: { kind: string; plural: string; singular?: string; shortNames?: string[]; categories?: string[] };
  versions: CrdVersion[];
}

/** valueAt reads a simple JSONPath (`.spec.size`, `.status.conditions[0].type`) from an object. */
function valueAt(object: unknown, path: string): unknown {
  let cursor: unknown = object;
  for (const part of path.replace(/^\./, '').split(/\.|(?=\[)/)) {
    if (part === '') continue;
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) cursor = Array.isArray(cursor) ? cursor[Number(index[1])] : undefined;
    else cursor = typeof cursor === 'object' && cursor !== null ? (cursor as Record<string, unknown>)[part] : undefined;
    if (cursor === undefined) return undefined;
  }
  return cursor;
}

/** printerOf turns a version's additionalPrinterColumns into a Table printer, as the CRD handler does. */
function printerOf(version: CrdVersion): KindPrinter | undefined {
  const columns = version.additionalPrinterColumns;
  if (!columns || columns.length === 0) return undefined;
  return {
    columns: [NAME, ...columns.map((c) => col(c.name, c.description ?? '', c.priority ?? 0, c.type, c.format ?? ''))],
    cells: (object: KubeObject, now: number) => [
      object.metadata.name,
      ...columns.map((c) => {
        const value = valueAt(object, c.jsonPath);
        // A missing value is an empty cell in a custom resource's table (not <none>).
        if (value === undefined || value === null) return '';
        if (c.type === 'date' && typeof value === 'string')
          return age({ ...object, metadata: { ...object.metadata, creationTimestamp: value } }, now);
        return typeof value === 'object' ? JSON.stringify(value) : value;
      }),
    ],
  };
}

export class CustomResourceDefinitionController implements Controller {
  readonly name = NAME_;
  private queue = new Set<string>();
  /** registered keeps each CRD's served types, to take them away again. */
  private registered = new Map<string, ResourceType[]>();
  private readonly request;

  constructor(
    private readonly server: ApiServer,
    private readonly clock: Clock,
  ) {
    this.request = controllerClient(server, NAME_);
  }

  observe(change: StoredChange): void {
    if (change.resource !== 'customresourcedefinitions.apiextensions.k8s.io') return;
    const name = change.object.metadata.name ?? '';
    if (change.type === 'DELETED') this.unregister(name, true);
    else {
      this.register(change.object);
      this.queue.add(name);
    }
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  run(): void {
    const names = [...this.queue];
    this.queue.clear();
    for (const name of names) {
      const crd = this.server.store.get('customresourcedefinitions.apiextensions.k8s.io', '', name);
      if (!crd) continue;
      const spec = crd.spec as unknown as CrdSpec;
      const status = (crd.status ?? {}) as { conditions?: { type: string }[] };
      if ((status.conditions ?? []).some((c) => c.type === 'Established')) continue;
      const now = rfc3339(this.clock.now);
      const condition = (type: string, reason: string, message: string) => ({
        type,
        status: 'True',
        lastTransitionTime: now,
        reason,
        message,
      });
      this.request({
        verb: 'PATCH',
        path: `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}/status`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: {
          status: {
            acceptedNames: {
              kind: spec.names.kind,
              listKind: `${spec.names.kind}List`,
              plural: spec.names.plural,
              singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
              ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
              ...(spec.names.categories ? { categories: spec.names.categories } : {}),
            },
            conditions: [
              condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
              condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
            ],
            storedVersions: spec.versions.filter((v) => (v as { storage?: boolean }).storage).map((v) => v.name),
          },
        },
      });
    }
  }

  /** rebuild serves every stored CRD again after a restore. */
  rebuild(): void {
    for (const crd of this.server.store.list('customresourcedefinitions.apiextensions.k8s.io')) this.register(crd);
  }

  private register(crd: KubeObject): void {
    const name = crd.metadata.name ?? '';
    this.unregister(name, false);
    const spec = crd.spec as unknown as CrdSpec | undefined;
    if (!spec?.group || !spec.names?.kind || !spec.names.plural) return;
    const types: ResourceType[] = [];
    for (const version of spec.versions ?? []) {
      if (version.served === false) continue;
      const type: ResourceType = {
        group: spec.group,
        version: version.name,
        kind: spec.names.kind,
        plural: spec.names.plural,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        shortNames: spec.names.shortNames ?? [],
        namespaced: spec.scope !== 'Cluster',
        verbs: ALL_VERBS,
        ...(spec.names.categories ? { categories: spec.names.categories } : {}),
        subresources: [
          ...(version.subresources?.status ? ['status'] : []),
          ...(version.subresources?.scale ? ['scale'] : []),
        ],
      };
      this.server.registry.add(type);
      const printer = printerOf(version);
      if (printer) this.server.customPrinters.set(`${resourceKey(type)}/${version.name}`, printer);
      const schema = version.schema?.openAPIV3Schema;
      if (schema) this.server.customSchemas.set(`${resourceKey(type)}/${version.name}`, schema);
      types.push(type);
    }
    this.registered.set(name, types);
  }

  private unregister(name: string, deleteObjects: boolean): void {
    const types = this.registered.get(name);
    if (!types) return;
    this.registered.delete(name);
    const first = types[0];
    if (!first) return;
    // Custom resources go with their definition (the API server's customresourcecleanup finalizer).
    if (deleteObjects)
      for (const object of this.server.store.list(resourceKey(first)))
        this.request({
          verb: 'DELETE',
          path: objectPath(first, object.metadata.namespace, object.metadata.name ?? ''),
        });
    this.server.registry.remove(first.group, first.plural);
    for (const type of types) {
      this.server.customPrinters.delete(`${resourceKey(type)}/${type.version}`);
      this.server.customSchemas.delete(`${resourceKey(type)}/${type.version}`);
    }
  }
}
