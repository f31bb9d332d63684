import { objectPath, type KubeObject, type ResourceRegistry, type ResourceType } from '../../engine/index.ts';
import { responseError } from './errors.ts';
import { selectResources } from './resources.ts';
import { readSources, typeOf } from './sources.ts';
import type { KubectlContext } from './types.ts';

/**
 * The resource builder kubectl's mutating commands share (cli-runtime/pkg/resource.Builder):
 * objects named by `-f`, `TYPE NAME…`, `TYPE/NAME…`, `TYPE -l SELECTOR` or `TYPE --all`, fetched
 * fresh from the server. Per-object failures (NotFound) are collected, as ContinueOnError does.
 */
export interface Info {
  type: ResourceType;
  namespace: string;
  name: string;
  object: KubeObject;
}

export interface BuilderOptions {
  args: string[];
  filenames?: string[];
  recursive?: boolean;
  selector?: string | undefined;
  fieldSelector?: string | undefined;
  all?: boolean;
  allNamespaces?: boolean;
  namespace: string;
  /** explicitNamespace is set when -n was given, so a file's other namespace is an error. */
  explicitNamespace?: boolean;
}

export type BuildResult =
  | {
      ok: true;
      infos: Info[];
      /** errors are kubectl's lines for objects that could not be fetched. */
      errors: string[];
      /** single is IntoSingleItemImplied: one object was named. */
      single: boolean;
    }
  | { ok: false; error: string };

export const NO_NAME_ERROR = 'error: resource(s) were provided, but no name was specified\n';

export async function buildInfos(
  ctx: KubectlContext,
  registry: ResourceRegistry,
  options: BuilderOptions,
): Promise<BuildResult> {
  const infos: Info[] = [];
  const errors: string[] = [];
  const fetch = async (type: ResourceType, namespace: string, name: string) => {
    const response = await ctx.client.request<KubeObject>({ verb: 'GET', path: objectPath(type, namespace, name) });
    const error = responseError(response);
    if (error) errors.push(error);
    else infos.push({ type, namespace: response.body.metadata.namespace ?? '', name, object: response.body });
  };
  const filenames = options.filenames ?? [];
  if (filenames.length > 0) {
    const read = readSources(filenames, ctx, options.recursive ?? false);
    if (!read.ok) return { ok: false, error: `${read.error}\n` };
    for (const manifest of read.manifests) {
      const found = typeOf(registry, manifest);
      if (!found.ok) {
        errors.push(`${found.error}\n`);
        continue;
      }
      const own = manifest.object.metadata?.namespace;
      if (found.type.namespaced && own && options.explicitNamespace && own !== options.namespace) {
        return {
          ok: false,
          error: `error: the namespace from the provided object "${own}" does not match the namespace "${options.namespace}". You must pass '--namespace=${own}' to perform this operation.\n`,
        };
      }
      await fetch(
        found.type,
        found.type.namespaced ? own || options.namespace : '',
        manifest.object.metadata?.name ?? '',
      );
    }
    return { ok: true, infos, errors, single: read.manifests.length === 1 };
  }
  const selection = selectResources(registry, options.args);
  if (!selection.ok) return { ok: false, error: selection.error };
  const bySelector = options.selector !== undefined || options.fieldSelector !== undefined;
  if (selection.byName && bySelector)
    return { ok: false, error: 'error: name cannot be provided when a selector is specified\n' };
  if (!selection.byName && !bySelector && !options.all) return { ok: false, error: NO_NAME_ERROR };
  let named = 0;
  for (const { type, names } of selection.selections) {
    if (names.length > 0) {
      for (const name of names) {
        named++;
        await fetch(type, type.namespaced ? options.namespace : '', name);
      }
      continue;
    }
    const query: Record<string, string> = {};
    if (options.selector) query.labelSelector = options.selector;
    if (options.fieldSelector) query.fieldSelector = options.fieldSelector;
    const list = await ctx.client.request<{ items?: KubeObject[] }>({
      verb: 'GET',
      path: objectPath(type, type.namespaced && !options.allNamespaces ? options.namespace : undefined),
      query,
    });
    const error = responseError(list);
    if (error) {
      errors.push(error);
      continue;
    }
    for (const item of list.body.items ?? [])
      infos.push({
        type,
        namespace: item.metadata.namespace ?? '',
        name: item.metadata.name ?? '',
        object: { ...item, apiVersion: item.apiVersion || groupVersionOf(type), kind: item.kind || type.kind },
      });
  }
  return { ok: true, infos, errors, single: named === 1 && selection.selections.length === 1 };
}

function groupVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
