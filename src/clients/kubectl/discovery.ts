import { ResourceRegistry, type ClusterClient, type ResourceType } from '../../engine/index.ts';

/**
 * discover reads the API's discovery documents into a registry, as kubectl's cached discovery
 * client does, so short names, plurals and CRDs resolve the way they do against a real server.
 */
interface ApiResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

export async function discover(client: ClusterClient): Promise<ResourceRegistry> {
  const types: ResourceType[] = [];
  const add = (group: string, version: string, list: { resources?: ApiResource[] } | undefined) => {
    for (const r of list?.resources ?? []) {
      if (r.name.includes('/')) continue;
      const subresources = (list?.resources ?? [])
        .filter((s) => s.name.startsWith(`${r.name}/`))
        .map((s) => s.name.slice(r.name.length + 1));
      types.push({
        group,
        version,
        kind: r.kind,
        plural: r.name,
        singular: r.singularName || r.kind.toLowerCase(),
        shortNames: r.shortNames ?? [],
        namespaced: r.namespaced,
        verbs: r.verbs ?? [],
        ...(r.categories ? { categories: r.categories } : {}),
        ...(subresources.length ? { subresources } : {}),
      });
    }
  };
  const core = await client.request<{ resources?: ApiResource[] }>({ verb: 'GET', path: '/api/v1' });
  add('', 'v1', core.body);
  const groups = await client.request<{
    groups?: { name: string; preferredVersion?: { version: string }; versions: { version: string }[] }[];
  }>({ verb: 'GET', path: '/apis' });
  for (const group of groups.body.groups ?? []) {
    const version = group.preferredVersion?.version ?? group.versions[0]?.version;
    if (!version) continue;
    const list = await client.request<{ resources?: ApiResource[] }>({
      verb: 'GET',
      path: `/apis/${group.name}/${version}`,
    });
    add(group.name, version, list.body);
  }
  return new ResourceRegistry(types);
}

/** displayName is how kubectl names a resource in messages: `pod/web`, `deployment.apps/web`. */
export function qualifiedKind(type: ResourceType): string {
  return type.group === '' ? type.kind.toLowerCase() : `${type.kind.toLowerCase()}.${type.group}`;
}

/** pluralName is the resource's name in NotFound errors: `pods`, `deployments.apps`. */
export function qualifiedPlural(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}
