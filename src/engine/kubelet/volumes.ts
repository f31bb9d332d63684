import { decodeBase64 } from '../api/base64.ts';
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../api/quantity.ts';
import { claimDataKey } from '../controllers/pvbinder/claims.ts';
import { resolvConfFor } from '../network/dns.ts';
import {
  ContainerFileSystem,
  createImageRootFs,
  kubernetesHostsFile,
  lookupImage,
  newDirectory,
  parseImageReference,
  type ContainerContext,
  type FsMount,
  type FsTree,
} from '../runtime/index.ts';
import { containerSpec, type KubeletContext } from './context.ts';
import type { ContainerRuntime, PodRuntime } from './state.ts';

/**
 * Volumes as the kubelet mounts them: emptyDir lives with the pod, hostPath with the node,
 * persistentVolumeClaim data with the claim (so it outlives the pod), and configMap, secret and
 * the projected service-account token are written from the API objects at start-up.
 */

function treeFromFiles(files: Record<string, string>, mode: number): FsTree {
  const tree = newDirectory();
  const fs = new ContainerFileSystem(tree);
  for (const [path, content] of Object.entries(files)) {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (dir) fs.mkdir(`/${dir}`, { parents: true });
    fs.writeFile(`/${path}`, content, { mode });
  }
  return tree;
}

function volumeTree(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, volume: Volume): FsTree | undefined {
  const namespace = runtime.namespace;
  const node = ctx.state.nodes[runtime.node];
  if (volume.emptyDir) {
    runtime.volumes[volume.name] ??= newDirectory(0o777);
    return runtime.volumes[volume.name];
  }
  if (volume.hostPath && node) {
    node.hostPaths[volume.hostPath.path] ??= newDirectory();
    return node.hostPaths[volume.hostPath.path];
  }
  if (volume.persistentVolumeClaim) {
    const key = claimDataKey(ctx.server.store, namespace, volume.persistentVolumeClaim.claimName);
    ctx.state.claims[key] ??= newDirectory(0o777);
    return ctx.state.claims[key];
  }
  // ConfigMap, Secret and projected volumes are written once per pod and refreshed when their source
  // changes (Kubelet.observe drops the cached tree), as the kubelet's periodic volume sync does.
  const cached = runtime.volumes[volume.name];
  if (cached && (volume.configMap || volume.secret || volume.projected)) return cached;
  const built = sourcedVolumeTree(ctx, pod, runtime, volume);
  if (built) runtime.volumes[volume.name] = built;
  return built ?? newDirectory();
}

function sourcedVolumeTree(ctx: KubeletContext, pod: Pod, runtime: PodRuntime, volume: Volume): FsTree | undefined {
  const namespace = runtime.namespace;
  if (volume.configMap || volume.secret) {
    const isConfigMap = volume.configMap !== undefined;
    const name = isConfigMap ? volume.configMap?.name : volume.secret?.secretName;
    const object = ctx.server.store.get(isConfigMap ? 'configmaps' : 'secrets', namespace, name ?? '') as
      { data?: Record<string, string> } | undefined;
    const data = Object.fromEntries(
      Object.entries(object?.data ?? {}).map(([k, v]) => [k, isConfigMap ? v : decodeBase64(v)]),
    );
    const items = (isConfigMap ? volume.configMap?.items : volume.secret?.items) ?? [];
    const files: Record<string, string> = {};
    if (items.length > 0) for (const item of items) files[item.path] = data[item.key] ?? '';
    else Object.assign(files, data);
    return treeFromFiles(files, (isConfigMap ? volume.configMap?.defaultMode : volume.secret?.defaultMode) ?? 0o644);
  }
  if (volume.projected) {
    const files: Record<string, string> = {};
    for (const source of volume.projected.sources ?? []) {
      if (source.serviceAccountToken)
        files[source.serviceAccountToken.path] =
          `eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVsYWIifQ.${btoa(`${namespace}:${pod.spec?.serviceAccountName ?? 'default'}`)}.c2lnbmF0dXJl`;
      if (source.configMap) {
        const cm = ctx.server.store.get('configmaps', namespace, source.configMap.name ?? '') as
          { data?: Record<string, string> } | undefined;
        for (const item of source.configMap.items ?? Object.keys(cm?.data ?? {}).map((key) => ({ key, path: key })))
          files[item.path] = cm?.data?.[item.key] ?? '';
      }
      if (source.downwardAPI)
        for (const item of source.downwardAPI.items ?? [])
          if (item.fieldRef?.fieldPath === 'metadata.namespace') files[item.path] = namespace;
    }
    return treeFromFiles(files, volume.projected.defaultMode ?? 0o644);
  }
  return undefined;
}

/** containerContext gives the runtime a container's view: its env, filesystem with mounts, limits and network. */
export function containerContext(
  ctx: KubeletContext,
  pod: Pod,
  runtime: PodRuntime,
  c: ContainerRuntime,
  spec?: Container,
): ContainerContext {
  const containerSpecification = spec ?? containerSpec(pod, c.name);
  if (!c.rootfs) {
    const parsed = parseImageReference(containerSpecification?.image ?? '');
    const image = parsed.ok ? lookupImage(parsed.ref) : undefined;
    c.rootfs = image ? createImageRootFs(image, pod.spec?.hostname ?? runtime.name) : newDirectory();
    const fs = new ContainerFileSystem(c.rootfs);
    fs.mkdir('/etc', { parents: true });
    if (!pod.spec?.hostNetwork && runtime.ip) {
      const subdomain = pod.spec?.subdomain;
      const hostname = pod.spec?.hostname ?? runtime.name;
      const fqdn = subdomain ? `${hostname}.${subdomain}.${runtime.namespace}.svc.cluster.local` : undefined;
      fs.writeFile('/etc/hosts', kubernetesHostsFile(runtime.ip, hostname, undefined, fqdn));
    }
    fs.writeFile('/etc/resolv.conf', resolvConfFor(pod));
  }
  const mounts: FsMount[] = [];
  for (const mount of containerSpecification?.volumeMounts ?? []) {
    const volume = (pod.spec?.volumes ?? []).find((v) => v.name === mount.name);
    if (!volume) continue;
    let tree = volumeTree(ctx, pod, runtime, volume);
    if (!tree) continue;
    if (mount.subPath) {
      const sub = new ContainerFileSystem(tree);
      sub.mkdir(`/${mount.subPath}`, { parents: true });
      const node = sub.node(`/${mount.subPath}`);
      if (node.ok && node.value.type === 'dir') tree = node.value;
    }
    mounts.push({
      path: mount.mountPath,
      tree,
      readOnly:
        mount.readOnly === true ||
        volume.configMap !== undefined ||
        volume.secret !== undefined ||
        volume.projected !== undefined,
    });
  }
  const limit = containerSpecification?.resources?.limits?.memory;
  const memoryLimitBytes = limit !== undefined ? parseQuantity(String(limit)) : undefined;
  return {
    now: ctx.clock.now,
    env: c.env ?? {},
    hostname: pod.spec?.hostname ?? runtime.name,
    ...(runtime.ip ? { podIP: runtime.ip } : {}),
    fs: new ContainerFileSystem(c.rootfs, mounts),
    ...(memoryLimitBytes !== undefined ? { memoryLimitBytes } : {}),
    ...(ctx.network && runtime.ip
      ? { network: ctx.network({ namespace: runtime.namespace, podName: runtime.name, podIP: runtime.ip }) }
      : {}),
  };
}
