import type { ResourceRegistry, ResourceType } from './registry.ts';

/** ResourcePath is a REST path taken apart: /apis/apps/v1/namespaces/web/deployments/api/scale. */
export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'discovery'; what: 'version' | 'api' | 'apis' | 'group'; group?: string; version?: string }
  | { kind: 'unknown' };

export function parsePath(rawPath: string, registry: ResourceRegistry): ParsedPath {
  const path = rawPath.split('?')[0]?.replace(/\/+$/, '') ?? '';
  if (path === '/version') return { kind: 'discovery', what: 'version' };
  if (path === '/api') return { kind: 'discovery', what: 'api' };
  if (path === '/apis') return { kind: 'discovery', what: 'apis' };
  let match = path.match(/^\/api\/(v1)(\/.*)?$/);
  let group = '';
  let version = '';
  let rest = '';
  if (match) {
    version = match[1] as string;
    rest = match[2] ?? '';
  } else {
    match = path.match(/^\/apis\/([^/]+)\/([^/]+)(\/.*)?$/);
    if (!match) {
      const groupOnly = path.match(/^\/apis\/([^/]+)$/);
      if (groupOnly) return { kind: 'discovery', what: 'group', group: groupOnly[1] as string };
      return { kind: 'unknown' };
    }
    group = match[1] as string;
    version = match[2] as string;
    rest = match[3] ?? '';
  }
  if (rest === '') return { kind: 'discovery', what: 'group', group, version };
  const segments = rest.slice(1).split('/').map(decodeURIComponent);
  const apiVersion = group === '' ? version : `${group}/${version}`;
  let namespace: string | undefined;
  if (
    segments[0] === 'namespaces' &&
    segments.length >= 3 &&
    registry.byPlural(apiVersion, segments[2] as string)?.namespaced
  ) {
    namespace = segments[1];
    segments.splice(0, 2);
  }
  const type = registry.byPlural(apiVersion, segments[0] as string);
  if (!type) return { kind: 'unknown' };
  if (segments.length > 3) return { kind: 'unknown' };
  return {
    kind: 'resource',
    path: {
      type,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(segments[1] !== undefined ? { name: segments[1] } : {}),
      ...(segments[2] !== undefined ? { subresource: segments[2] } : {}),
    },
  };
}

/** objectPath builds the REST path of an object or a collection, the inverse of parsePath. */
export function objectPath(
  type: Pick<ResourceType, 'group' | 'version' | 'plural' | 'namespaced'>,
  namespace?: string,
  name?: string,
  subresource?: string,
): string {
  const base = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const tail = name ? `/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}` : '';
  return `${base}${ns}/${type.plural}${tail}`;
}
