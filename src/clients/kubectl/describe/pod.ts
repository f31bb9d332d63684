import type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  Probe,
  Toleration,
  Volume,
} from 'kubernetes-types/core/v1';
import { humanDuration, type KubeObject } from '../../../engine/index.ts';
import type { DescribeWriter } from './common.ts';
import { L0, L1, L2, L3, multiline, rfc1123z } from './common.ts';

/** describePod lays out `kubectl describe pod` as describePod/describeContainers in describe.go do. */
export function describePod(object: KubeObject, w: DescribeWriter, now: number): void {
  const pod = object as unknown as Pod;
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  if (spec.priority !== undefined) {
    w.line(L0, `Priority:\t${spec.priority}`);
    if (spec.priorityClassName) w.line(L0, `Priority Class Name:\t${spec.priorityClassName}`);
  }
  if (spec.runtimeClassName) w.line(L0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  w.line(L0, `Service Account:\t${spec.serviceAccountName ?? ''}`);
  if (spec.nodeName) w.line(L0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}`);
  else w.line(L0, 'Node:\t<none>');
  if (status.startTime) w.line(L0, `Start Time:\t${rfc1123z(status.startTime)}`);
  multiline(w, L0, 'Labels', meta.labels);
  multiline(w, L0, 'Annotations', meta.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.line(L0, `Status:\tTerminating (lasts ${humanDuration(Date.parse(meta.deletionTimestamp) - now)})`);
    w.line(L0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s`);
  } else w.line(L0, `Status:\t${status.phase ?? ''}`);
  if (status.reason) w.line(L0, `Reason:\t${status.reason}`);
  if (status.message) w.line(L0, `Message:\t${status.message.trim()}`);
  if (spec.securityContext?.seccompProfile) w.line(L0, `SeccompProfile:\t${spec.securityContext.seccompProfile.type}`);
  w.line(L0, `IP:\t${status.podIP ?? ''}`);
  w.line(L0, 'IPs:');
  if ((status.podIPs ?? []).length === 0) w.line(L1, '<none>');
  else for (const ip of status.podIPs ?? []) w.line(L1, `IP:\t${ip.ip ?? ''}`);
  const controller = (meta.ownerReferences ?? []).find((o) => o.controller);
  if (controller) w.line(L0, `Controlled By:\t${controller.kind}/${controller.name}`);
  if (status.nominatedNodeName) w.line(L0, `NominatedNodeName:\t${status.nominatedNodeName}`);
  if ((spec.initContainers ?? []).length > 0)
    describeContainers('Init Containers', spec.initContainers ?? [], status.initContainerStatuses ?? [], w);
  describeContainers('Containers', spec.containers, status.containerStatuses ?? [], w);
  if ((spec.readinessGates ?? []).length > 0) {
    w.line(L0, 'Readiness Gates:');
    w.line(L1, 'Type\tStatus');
    for (const gate of spec.readinessGates ?? []) {
      const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
      w.line(L1, `${gate.conditionType}\t${condition?.status ?? '<none>'} `);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.line(L0, 'Conditions:');
    w.line(L1, 'Type\tStatus');
    for (const c of status.conditions ?? []) w.line(L1, `${c.type} \t${c.status} `);
  }
  describeVolumes(spec.volumes ?? [], w);
  w.line(L0, `QoS Class:\t${status.qosClass ?? ''}`);
  const selectors = Object.entries(spec.nodeSelector ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  w.line(L0, `Node-Selectors:\t${selectors.length ? selectors.map(([k, v]) => `${k}=${v}`).join('\n\t') : '<none>'}`);
  describeTolerations(spec.tolerations ?? [], w);
}

function describeContainers(
  title: string,
  containers: Container[],
  statuses: ContainerStatus[],
  w: DescribeWriter,
): void {
  w.line(L0, `${title}:`);
  for (const container of containers) {
    const status = statuses.find((s) => s.name === container.name);
    w.line(L1, `${container.name}:`);
    if (status) w.line(L2, `Container ID:\t${status.containerID ?? ''}`);
    w.line(L2, `Image:\t${container.image ?? ''}`);
    if (status) w.line(L2, `Image ID:\t${status.imageID ?? ''}`);
    const ports = (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    if (ports.includes(',')) w.line(L2, `Ports:\t${ports}`);
    else w.line(L2, `Port:\t${ports || '<none>'}`);
    const hostPorts = (container.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    if (hostPorts.includes(',')) w.line(L2, `Host Ports:\t${hostPorts}`);
    else w.line(L2, `Host Port:\t${hostPorts || '<none>'}`);
    if (container.command?.length) {
      w.line(L2, 'Command:');
      for (const part of container.command) for (const line of part.split('\n')) w.line(L3, line);
    }
    if (container.args?.length) {
      w.line(L2, 'Args:');
      for (const part of container.args) for (const line of part.split('\n')) w.line(L3, line);
    }
    if (status) {
      describeState('State', status.state, w);
      if (status.lastState?.terminated) describeState('Last State', status.lastState, w);
      w.line(L2, `Ready:\t${status.ready ? 'True' : 'False'}`);
      w.line(L2, `Restart Count:\t${status.restartCount ?? 0}`);
    }
    describeResources(container, w);
    const probes: [string, Probe | undefined][] = [
      ['Liveness', container.livenessProbe],
      ['Readiness', container.readinessProbe],
      ['Startup', container.startupProbe],
    ];
    for (const [label, probe] of probes) if (probe) w.line(L2, `${label}:\t${probeText(probe)}`);
    describeEnvironment(container, w);
    const mounts = container.volumeMounts ?? [];
    if (mounts.length === 0) w.line(L2, 'Mounts:\t<none>');
    else {
      w.line(L2, 'Mounts:');
      for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) {
        const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',');
        w.line(L3, `${m.mountPath} from ${m.name} (${flags})`);
      }
    }
  }
}

function describeState(title: string, state: ContainerState | undefined, w: DescribeWriter): void {
  if (state?.running) {
    w.line(L2, `${title}:\tRunning`);
    w.line(L3, `Started:\t${rfc1123z(state.running.startedAt)}`);
  } else if (state?.waiting) {
    w.line(L2, `${title}:\tWaiting`);
    if (state.waiting.reason) w.line(L3, `Reason:\t${state.waiting.reason}`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(L2, `${title}:\tTerminated`);
    if (t.reason) w.line(L3, `Reason:\t${t.reason}`);
    if (t.message) w.line(L3, `Message:\t${t.message}`);
    w.line(L3, `Exit Code:\t${t.exitCode}`);
    if (t.signal) w.line(L3, `Signal:\t${t.signal}`);
    w.line(L3, `Started:\t${rfc1123z(t.startedAt)}`);
    w.line(L3, `Finished:\t${rfc1123z(t.finishedAt)}`);
  } else w.line(L2, `${title}:\tWaiting`);
}

function describeResources(container: Container, w: DescribeWriter): void {
  for (const section of ['limits', 'requests'] as const) {
    const map = container.resources?.[section] as Record<string, string | number> | undefined;
    if (!map || Object.keys(map).length === 0) continue;
    w.line(L2, `${section === 'limits' ? 'Limits' : 'Requests'}:`);
    for (const key of Object.keys(map).sort()) w.line(L3, `${key}:\t${map[key]}`);
  }
}

export function probeText(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host ?? '';
    return `http-get ${scheme}://${host}:${probe.httpGet.port}${probe.httpGet.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeEnvironment(container: Container, w: DescribeWriter): void {
  const env = container.env ?? [];
  const envFrom = container.envFrom ?? [];
  if (envFrom.length > 0) {
    w.line(L2, 'Environment Variables from:');
    for (const from of envFrom) {
      const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
      const ref = from.configMapRef ?? from.secretRef;
      const prefix = from.prefix ? ` with prefix '${from.prefix}'` : '';
      w.line(L3, `${ref?.name ?? ''}\t${kind}${prefix}\tOptional: ${ref?.optional ? 'true' : 'false'}`);
    }
  }
  if (env.length === 0) {
    w.line(L2, 'Environment:\t<none>');
    return;
  }
  w.line(L2, 'Environment:');
  for (const e of env) {
    if (e.valueFrom === undefined) {
      for (const [i, line] of (e.value ?? '').split('\n').entries())
        w.line(L3, i === 0 ? `${e.name}:\t${line}` : `\t${line}`);
      continue;
    }
    const from = e.valueFrom;
    if (from.fieldRef) w.line(L3, `${e.name}:\t (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    else if (from.resourceFieldRef)
      w.line(
        L3,
        `${e.name}:\t${from.resourceFieldRef.resource === 'limits.cpu' || from.resourceFieldRef.resource === 'limits.memory' ? 'node allocatable' : '0'} (${from.resourceFieldRef.resource})`,
      );
    else if (from.secretKeyRef)
      w.line(
        L3,
        `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional ? 'true' : 'false'}`,
      );
    else if (from.configMapKeyRef)
      w.line(
        L3,
        `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional ? 'true' : 'false'}`,
      );
  }
}

function describeVolumes(volumes: Volume[], w: DescribeWriter): void {
  if (volumes.length === 0) {
    w.line(L0, 'Volumes:\t<none>');
    return;
  }
  w.line(L0, 'Volumes:');
  for (const v of volumes) {
    w.line(L1, `${v.name}:`);
    if (v.emptyDir) {
      w.line(L2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
      w.line(L2, `Medium:\t${v.emptyDir.medium ?? ''}`);
      w.line(L2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}`);
    } else if (v.hostPath) {
      w.line(L2, 'Type:\tHostPath (bare host directory volume)');
      w.line(L2, `Path:\t${v.hostPath.path}`);
      w.line(L2, `HostPathType:\t${v.hostPath.type ?? ''}`);
    } else if (v.configMap) {
      w.line(L2, 'Type:\tConfigMap (a volume populated by a ConfigMap)');
      w.line(L2, `Name:\t${v.configMap.name ?? ''}`);
      w.line(L2, `Optional:\t${v.configMap.optional ? 'true' : 'false'}`);
    } else if (v.secret) {
      w.line(L2, 'Type:\tSecret (a volume populated by a Secret)');
      w.line(L2, `SecretName:\t${v.secret.secretName ?? ''}`);
      w.line(L2, `Optional:\t${v.secret.optional ? 'true' : 'false'}`);
    } else if (v.persistentVolumeClaim) {
      w.line(L2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
      w.line(L2, `ClaimName:\t${v.persistentVolumeClaim.claimName}`);
      w.line(L2, `ReadOnly:\t${v.persistentVolumeClaim.readOnly ? 'true' : 'false'}`);
    } else if (v.projected) {
      w.line(L2, 'Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const source of v.projected.sources ?? []) {
        if (source.serviceAccountToken)
          w.line(L2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}`);
        if (source.configMap) {
          w.line(L2, `ConfigMapName:\t${source.configMap.name ?? ''}`);
          w.line(L2, `Optional:\t${source.configMap.optional ? 'true' : 'false'}`);
        }
        if (source.secret) {
          w.line(L2, `SecretName:\t${source.secret.name ?? ''}`);
          w.line(L2, `Optional:\t${source.secret.optional ? 'true' : 'false'}`);
        }
        if (source.downwardAPI) w.line(L2, 'DownwardAPI:\ttrue');
      }
    } else if (v.downwardAPI) {
      w.line(L2, 'Type:\tDownwardAPI (a volume populated by information about the pod)');
      w.line(L2, 'Items:');
      for (const item of v.downwardAPI.items ?? [])
        if (item.fieldRef) w.line(L3, `${item.fieldRef.fieldPath} -> ${item.path}`);
    } else w.line(L2, 'Type:\t<unknown>');
  }
}

function tolerationText(t: Toleration): string {
  let text = t.key ?? '';
  if (t.value) text += `=${t.value}`;
  if (t.effect) text += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
  return text;
}

function describeTolerations(tolerations: Toleration[], w: DescribeWriter): void {
  if (tolerations.length === 0) {
    w.line(L0, 'Tolerations:\t<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((t, i) => w.line(L0, i === 0 ? `Tolerations:\t${tolerationText(t)}` : `\t${tolerationText(t)}`));
}
