import type { Container, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/index.ts';
import type { DescribeContext, DescribeWriter } from './common.ts';
import {
  L0,
  L1,
  controllerOf,
  formatLabelSelector,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  since,
} from './common.ts';
import { goSort } from '../gosort.ts';
import { describeContainers, describeResources, envValueRetriever } from './containers.ts';
import { referenceOf, writeEvents } from './events.ts';
import { Quantity } from './quantity.ts';
import { registerDescriber } from './registry.ts';
import { describeVolumes } from './volumes.ts';

/** describePod lays out `kubectl describe pod` as describePod in describe.go does. */
export async function describePod(object: KubeObject, w: DescribeWriter, ctx: DescribeContext): Promise<void> {
  const pod = object as unknown as Pod;
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.line(L0, `Name:\t${meta.name ?? ''}`);
  w.line(L0, `Namespace:\t${meta.namespace ?? ''}`);
  if (spec.priority !== undefined) w.line(L0, `Priority:\t${spec.priority}`);
  if (spec.priorityClassName) w.line(L0, `Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) w.line(L0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  if (spec.serviceAccountName) w.line(L0, `Service Account:\t${spec.serviceAccountName}`);
  if (!spec.nodeName) w.line(L0, 'Node:\t<none>');
  else w.line(L0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}`);
  if (status.startTime) w.line(L0, `Start Time:\t${rfc1123z(status.startTime)}`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.line(L0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})`);
    w.line(L0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s`);
  } else w.line(L0, `Status:\t${status.phase ?? ''}`);
  if (status.reason) w.line(L0, `Reason:\t${status.reason}`);
  if (status.message) w.line(L0, `Message:\t${status.message}`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.line(L0, `SeccompProfile:\t${seccomp.type}`);
    if (seccomp.type === 'Localhost') w.line(L0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}`);
  }
  w.line(L0, `IP:\t${status.podIP ?? ''}`);
  if ((status.podIPs ?? []).length === 0) w.line(L0, 'IPs:\t<none>');
  else {
    w.line(L0, 'IPs:');
    for (const ip of status.podIPs ?? []) w.line(L1, `IP:\t${ip.ip ?? ''}`);
  }
  const controlledBy = controllerOf(object);
  if (controlledBy) w.line(L0, `Controlled By:\t${controlledBy}`);
  if (status.nominatedNodeName) w.line(L0, `NominatedNodeName:\t${status.nominatedNodeName}`);
  const podResources = (spec as { resources?: Container['resources'] }).resources;
  if (podResources) {
    w.line(L0, 'Resources:');
    describeResources(podResources, w, L1);
  }
  const resolver = envValueRetriever(pod);
  if ((spec.initContainers ?? []).length > 0)
    describeContainers(
      'Init Containers',
      spec.initContainers ?? [],
      status.initContainerStatuses ?? [],
      resolver,
      w,
      '',
    );
  describeContainers('Containers', spec.containers, status.containerStatuses ?? [], resolver, w, '');
  if ((spec.ephemeralContainers ?? []).length > 0)
    describeContainers(
      'Ephemeral Containers',
      (spec.ephemeralContainers ?? []) as Container[],
      status.ephemeralContainerStatuses ?? [],
      resolver,
      w,
      '',
    );
  if ((spec.readinessGates ?? []).length > 0) {
    w.line(L0, 'Readiness Gates:');
    w.line(L1, 'Type\tStatus');
    for (const gate of spec.readinessGates ?? []) {
      const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
      w.line(L1, `${gate.conditionType} \t${condition ? condition.status : '<none>'} `);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.line(L0, 'Conditions:');
    w.line(L1, 'Type\tStatus');
    for (const c of status.conditions ?? []) w.line(L1, `${c.type} \t${c.status} `);
  }
  describeVolumes(spec.volumes, w, '');
  w.line(L0, `QoS Class:\t${status.qosClass || computeQOS(pod)}`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
  const ref = referenceOf(object);
  delete ref.kind;
  const mirror = meta.annotations?.['kubernetes.io/config.mirror'];
  if (mirror !== undefined) ref.uid = mirror;
  await writeEvents(w, ctx, object, ref);
}

/** describeTopologySpreadConstraints prints one `key:Policy when max skew N is exceeded` per constraint. */
export function describeTopologySpreadConstraints(
  constraints: readonly TopologySpreadConstraint[] | undefined,
  w: DescribeWriter,
  space: string,
): void {
  const list = goSort([...(constraints ?? [])], (a, b) => a.topologyKey < b.topologyKey);
  if (list.length === 0) return;
  w.write(L0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(L0, `${space}\t`);
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.line(L0, text);
  });
}

/** computeQOS is ComputePodQOS, used when the status carries no qosClass. */
export function computeQOS(pod: Pod): string {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, text] of Object.entries(c.resources?.requests ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = Quantity.parse(text);
      if (q.cmp(Quantity.zero) > 0) requests.set(name, q.add(requests.get(name) ?? Quantity.zero));
    }
    const found = new Set<string>();
    for (const [name, text] of Object.entries(c.resources?.limits ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = Quantity.parse(text);
      if (q.cmp(Quantity.zero) > 0) {
        found.add(name);
        limits.set(name, q.add(limits.get(name) ?? Quantity.zero));
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

registerDescriber('Pod', describePod);
