import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Node, Pod, Service } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../clock/duration.ts';
import { age, containersAndImages, labelSelectorText, orNone, selectorText } from './cells.ts';
import type { KubeObject, Table, TableColumn } from '../types.ts';
import { AGE, NAME, col } from './columns.ts';
import { NETWORKING_PRINTERS } from './networking.ts';
import { podSummary } from './pod.ts';
import { POLICY_PRINTERS } from './policy.ts';
import { WORKLOADS_PRINTERS } from './workloads.ts';

/**
 * Server-side printing: the columns and cells of `kubectl get` for each kind, as
 * pkg/printers/internalversion/printers.go defines them. Kinds without a printer get NAME and AGE,
 * which is what the API server answers for them too.
 */
export interface KindPrinter {
  columns: TableColumn[];
  cells(object: KubeObject, now: number): unknown[];
}

const PRINTERS: Record<string, KindPrinter> = {
  Pod: {
    columns: [
      NAME,
      col('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
      col('Status', 'The aggregate status of the containers in this pod.'),
      col(
        'Restarts',
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      ),
      AGE,
      col(
        'IP',
        'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
        1,
      ),
      col('Node', 'Name of the node the pod is assigned to.', 1),
      col('Nominated Node', 'Nominated node name for the pod.', 1),
      col('Readiness Gates', 'The status of the pod readiness gates.', 1),
    ],
    cells(object, now) {
      const pod = object as unknown as Pod;
      const summary = podSummary(pod, now);
      const gates = pod.spec?.readinessGates ?? [];
      let gatesText = '<none>';
      if (gates.length > 0) {
        const met = gates.filter((g) =>
          (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === 'True'),
        );
        gatesText = `${met.length}/${gates.length}`;
      }
      return [
        pod.metadata?.name,
        summary.ready,
        summary.status,
        summary.restarts,
        age(object, now),
        orNone(pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP),
        orNone(pod.spec?.nodeName),
        orNone(pod.status?.nominatedNodeName),
        gatesText,
      ];
    },
  },
  Node: {
    columns: [
      NAME,
      col('Status', 'The status of the node'),
      col('Roles', 'The roles of the node'),
      AGE,
      col('Version', 'Kubelet Version reported by the node.'),
      col('Internal-IP', 'List of internal IPs for the node.', 1),
      col('External-IP', 'List of external IPs for the node.', 1),
      col('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
      col('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
      col(
        'Container-Runtime',
        'Container runtime version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
        1,
      ),
    ],
    cells(object, now) {
      const node = object as unknown as Node;
      const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
      const statuses = [
        ready ? (ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown') : 'Unknown',
      ];
      if (node.spec?.unschedulable) statuses.push('SchedulingDisabled');
      const roles = Object.keys(node.metadata?.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length))
        .filter((r) => r !== '')
        .sort();
      const address = (type: string) => orNone((node.status?.addresses ?? []).find((a) => a.type === type)?.address);
      const info = node.status?.nodeInfo;
      return [
        node.metadata?.name,
        statuses.join(','),
        roles.length ? roles.join(',') : '<none>',
        age(object, now),
        info?.kubeletVersion ?? '',
        address('InternalIP'),
        address('ExternalIP'),
        info?.osImage ?? '<unknown>',
        info?.kernelVersion ?? '<unknown>',
        info?.containerRuntimeVersion ?? '<unknown>',
      ];
    },
  },
  Namespace: {
    columns: [NAME, col('Status', 'The status of the namespace'), AGE],
    cells: (object, now) => [
      object.metadata.name,
      (object as { status?: { phase?: string } }).status?.phase ?? '',
      age(object, now),
    ],
  },
  ConfigMap: {
    columns: [NAME, col('Data', 'Data contains the configuration data.', 0, 'integer'), AGE],
    cells: (object, now) => {
      const cm = object as { data?: object; binaryData?: object };
      return [
        object.metadata.name,
        Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
        age(object, now),
      ];
    },
  },
  Secret: {
    columns: [NAME, col('Type', 'The type of the secret'), col('Data', 'The number of data items', 0, 'integer'), AGE],
    cells: (object, now) => {
      const secret = object as { type?: string; data?: object };
      return [object.metadata.name, secret.type ?? 'Opaque', Object.keys(secret.data ?? {}).length, age(object, now)];
    },
  },
  ServiceAccount: {
    columns: [
      NAME,
      col(
        'Secrets',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
        0,
        'integer',
      ),
      AGE,
    ],
    cells: (object, now) => [
      object.metadata.name,
      ((object as { secrets?: unknown[] }).secrets ?? []).length,
      age(object, now),
    ],
  },
  Service: {
    columns: [
      NAME,
      col('Type', 'The type of the service.'),
      col('Cluster-IP', 'The cluster IP of the service.'),
      col('External-IP', 'The external IP of the service.'),
      col('Port(s)', 'The ports of the service.'),
      AGE,
      col('Selector', 'The label selector of the service.', 1),
    ],
    cells(object, now) {
      const service = object as unknown as Service;
      const spec = service.spec ?? {};
      const type = spec.type ?? 'ClusterIP';
      let external = '<none>';
      if (type === 'LoadBalancer') {
        const ingress = (service.status?.loadBalancer?.ingress ?? [])
          .map((i) => i.ip ?? i.hostname ?? '')
          .filter(Boolean);
        external = [...ingress, ...(spec.externalIPs ?? [])].join(',') || '<pending>';
      } else if (type === 'ExternalName') external = spec.externalName ?? '<none>';
      else if (spec.externalIPs?.length) external = spec.externalIPs.join(',');
      const ports = (spec.ports ?? [])
        .map((p) =>
          p.nodePort && type !== 'ClusterIP'
            ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}`
            : `${p.port}/${p.protocol ?? 'TCP'}`,
        )
        .join(',');
      const clusterIP = type === 'ExternalName' ? '<none>' : orNone(spec.clusterIP);
      return [
        service.metadata?.name,
        type,
        clusterIP,
        external,
        ports || '<none>',
        age(object, now),
        selectorText(spec.selector),
      ];
    },
  },
  Deployment: {
    columns: [
      NAME,
      col('Ready', 'Number of the pod with ready state'),
      col(
        'Up-to-date',
        'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
        0,
        'string',
      ),
      col(
        'Available',
        'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
        0,
        'string',
      ),
      AGE,
      col('Containers', 'Names of each container in the template.', 1),
      col('Images', 'Images referenced by each container in the template.', 1),
      col(
        'Selector',
        'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
        1,
      ),
    ],
    cells(object, now) {
      const d = object as unknown as Deployment;
      const [containers, images] = containersAndImages(d.spec?.template);
      return [
        d.metadata?.name,
        `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
        d.status?.updatedReplicas ?? 0,
        d.status?.availableReplicas ?? 0,
        age(object, now),
        containers,
        images,
        labelSelectorText(d.spec?.selector),
      ];
    },
  },
  ReplicaSet: {
    columns: [
      NAME,
      col(
        'Desired',
        'Number of desired pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
        0,
        'integer',
      ),
      col(
        'Current',
        'Number of actual replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
        0,
        'integer',
      ),
      col('Ready', 'The number of ready replicas for this replica set.', 0, 'integer'),
      AGE,
      col('Containers', 'Names of each container in the template.', 1),
      col('Images', 'Images referenced by each container in the template.', 1),
      col(
        'Selector',
        'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
        1,
      ),
    ],
    cells(object, now) {
      const rs = object as unknown as ReplicaSet;
      const [containers, images] = containersAndImages(rs.spec?.template);
      return [
        rs.metadata?.name,
        rs.spec?.replicas ?? 0,
        rs.status?.replicas ?? 0,
        rs.status?.readyReplicas ?? 0,
        age(object, now),
        containers,
        images,
        labelSelectorText(rs.spec?.selector),
      ];
    },
  },
  Event: {
    columns: [
      col('Last Seen', 'Time when last Event occurred'),
      col('Type', 'Type of this event (Normal, Warning), new types could be added in the future.'),
      col('Reason', 'Reason is why the action was taken. It is human-readable.'),
      col('Object', 'Object this event is about.'),
      col('Message', 'A human-readable description of the status of this operation.'),
      col('Subobject', 'Subobject', 1),
      col('Source', 'Source', 1),
      col('First Seen', 'First Seen', 1),
      col('Count', 'Count', 1, 'integer'),
      col('Name', 'Name', 1),
    ],
    cells(object, now) {
      const e = object as unknown as Event;
      const last = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
      const first = e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
      const since = (t: string | undefined) => (t ? humanDuration(now - Date.parse(t)) : '<unknown>');
      const involved = e.involvedObject;
      const source = e.source?.component
        ? e.source.host
          ? `${e.source.component}, ${e.source.host}`
          : e.source.component
        : (e.reportingComponent ?? '');
      return [
        since(last),
        e.type ?? '',
        e.reason ?? '',
        `${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
        (e.message ?? '').trim(),
        involved.fieldPath ?? '',
        source,
        since(first),
        e.count ?? 1,
        e.metadata?.name,
      ];
    },
  },
};

/** CRD_PRINTER is the apiextensions server's table for CustomResourceDefinitions: the creation time, not an age. */
const CRD_PRINTER: KindPrinter = {
  columns: [
    NAME,
    col(
      'Created At',
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
      0,
      'date',
    ),
  ],
  cells: (object) => [object.metadata.name, object.metadata.creationTimestamp ?? null],
};

PRINTERS.CustomResourceDefinition = CRD_PRINTER;

const DEFAULT_PRINTER: KindPrinter = {
  columns: [NAME, AGE],
  cells: (object, now) => [object.metadata.name, age(object, now)],
};

export function printerFor(kind: string): KindPrinter {
  return (
    PRINTERS[kind] ?? WORKLOADS_PRINTERS[kind] ?? NETWORKING_PRINTERS[kind] ?? POLICY_PRINTERS[kind] ?? DEFAULT_PRINTER
  );
}

/** toTable answers a list or get with the Table a real API server sends for `kubectl get`. */
export function toTable(
  objects: KubeObject[],
  kind: string,
  now: number,
  resourceVersion: string,
  custom?: KindPrinter,
): Table {
  const printer = custom ?? printerFor(kind);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: printer.columns,
    rows: objects.map((object) => ({
      cells: printer.cells(object, now),
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: structuredClone(object.metadata),
      },
    })),
  };
}
