import type { Endpoints, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { canonicalQuantity } from '../quantity.ts';
import type { KubeObject } from '../types.ts';
import { age, labelSelectorText } from './cells.ts';
import { AGE, NAME, col } from './columns.ts';
import type { KindPrinter } from './tables.ts';

/** MORE_LIMIT is how many items a list cell shows before ` + N more...` (printers.go uses 3). */
const MORE_LIMIT = 3;

/** formatEndpoints lists ready `ip:port` pairs, three at most, as printers.go formatEndpoints does. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      for (const address of addresses) {
        if (list.length < MORE_LIMIT) list.push(address.ip);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      for (const address of addresses) {
        if (list.length < MORE_LIMIT) list.push(`${address.ip}:${port.port}`);
        count++;
      }
    }
  }
  const text = list.join(',');
  return count > MORE_LIMIT ? `${text} + ${count - MORE_LIMIT} more...` : text;
}

/** listWithMore is printers.go listWithMoreString: `a,b,c + 2 more...`, or `<unset>` when empty. */
function listWithMore(items: string[]): string {
  const shown = items.slice(0, MORE_LIMIT).join(',');
  if (items.length > MORE_LIMIT) return `${shown} + ${items.length - MORE_LIMIT} more...`;
  return shown === '' ? '<unset>' : shown;
}

/** accessModesText is helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, without duplicates. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** volumeClass is helper.GetPersistentVolumeClass: the beta annotation wins over spec.storageClassName. */
export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? pv.spec?.storageClassName ?? '';
}

/** claimClass is helper.GetPersistentVolumeClaimClass. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? pvc.spec?.storageClassName ?? '';
}

function quantityText(value: string | number | undefined): string {
  if (value === undefined) return '0';
  return canonicalQuantity(value) ?? String(value);
}

/** isDefaultClass reads the default-class annotation (and its beta twin) as storageutil.IsDefaultAnnotation does. */
export function isDefaultClass(
  object: KubeObject,
  annotation = 'storageclass.kubernetes.io/is-default-class',
): boolean {
  const annotations = object.metadata.annotations ?? {};
  if (annotations[annotation] === 'true') return true;
  return (
    annotation.startsWith('storageclass.') && annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

/** ingressAddress is ingressLoadBalancerStatusStringer: sorted unique IPs or hostnames, clipped to 16 bytes. */
function ingressAddress(ingress: Ingress): string {
  const values = new Set<string>();
  for (const entry of ingress.status?.loadBalancer?.ingress ?? []) {
    if (entry.ip) values.add(entry.ip);
    else if (entry.hostname) values.add(entry.hostname);
  }
  const text = [...values].sort().join(',');
  return text.length > 16 ? `${text.slice(0, 13)}...` : text;
}

/** ingressHosts is printers.go formatHosts: up to three hosts, `*` when no rule names one. */
function ingressHosts(ingress: Ingress): string {
  const rules = ingress.spec?.rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === MORE_LIMIT) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const text = list.join(',');
  return more ? `${text} + ${rules.length - MORE_LIMIT} more...` : text;
}

/** NETWORKING_PRINTERS are the `kubectl get` columns of the networking and storage kinds (printers.go). */
export const NETWORKING_PRINTERS: Record<string, KindPrinter> = {
  Endpoints: {
    columns: [NAME, col('Endpoints', 'The set of all endpoints is the union of all subsets.'), AGE],
    cells: (object, now) => [object.metadata.name, formatEndpoints(object as unknown as Endpoints), age(object, now)],
  },
  EndpointSlice: {
    columns: [
      NAME,
      col('AddressType', 'addressType specifies the type of address carried by this EndpointSlice.'),
      col('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
      col('Endpoints', 'endpoints is a list of unique endpoints in this slice.'),
      AGE,
    ],
    cells(object, now) {
      const slice = object as unknown as EndpointSlice;
      const ports = (slice.ports ?? []).map((p) =>
        p.port !== undefined && p.port !== null ? String(p.port) : p.name ? p.name : '*',
      );
      const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
      return [
        object.metadata.name,
        slice.addressType ?? '',
        listWithMore(ports),
        listWithMore(addresses),
        age(object, now),
      ];
    },
  },
  Ingress: {
    columns: [
      NAME,
      col('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
      col('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
      col('Address', 'Address is a list containing ingress points for the load-balancer'),
      col('Ports', 'Ports of TLS configurations that open'),
      AGE,
    ],
    cells(object, now) {
      const ingress = object as unknown as Ingress;
      return [
        object.metadata.name,
        ingress.spec?.ingressClassName ?? '<none>',
        ingressHosts(ingress),
        ingressAddress(ingress),
        (ingress.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
        age(object, now),
      ];
    },
  },
  IngressClass: {
    columns: [
      NAME,
      col('Controller', 'Controller that is responsible for handling this class'),
      col('Parameters', 'A reference to a resource with additional parameters'),
      AGE,
    ],
    cells(object, now) {
      const ic = object as unknown as IngressClass;
      const p = ic.spec?.parameters;
      const parameters = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
      return [object.metadata.name, ic.spec?.controller ?? '', parameters, age(object, now)];
    },
  },
  NetworkPolicy: {
    columns: [NAME, col('Pod-Selector', 'Selects the pods to which this NetworkPolicy object applies.'), AGE],
    cells: (object, now) => [
      object.metadata.name,
      labelSelectorText((object as unknown as NetworkPolicy).spec?.podSelector ?? {}),
      age(object, now),
    ],
  },
  PersistentVolume: {
    columns: [
      NAME,
      col('Capacity', "capacity is the description of the persistent volume's resources and capacity."),
      col('Access Modes', 'accessModes contains all ways the volume can be mounted.'),
      col(
        'Reclaim Policy',
        'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
      ),
      col('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
      col('Claim', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
      col('StorageClass', 'StorageClass of the pv'),
      col('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
      col(
        'Reason',
        'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      ),
      AGE,
      col(
        'VolumeMode',
        'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
        1,
      ),
    ],
    cells(object, now) {
      const pv = object as unknown as PersistentVolume;
      const ref = pv.spec?.claimRef;
      const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
      const phase = object.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
      return [
        object.metadata.name,
        quantityText(pv.spec?.capacity?.storage),
        accessModesText(pv.spec?.accessModes),
        pv.spec?.persistentVolumeReclaimPolicy ?? '',
        phase,
        claim,
        volumeClass(pv),
        pv.spec?.volumeAttributesClassName ?? '<unset>',
        pv.status?.reason ?? '',
        age(object, now),
        pv.spec?.volumeMode ?? '<unset>',
      ];
    },
  },
  PersistentVolumeClaim: {
    columns: [
      NAME,
      col('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
      col('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      col('Capacity', 'capacity represents the actual resources of the underlying volume.'),
      col('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has.'),
      col('StorageClass', 'StorageClass of the pvc'),
      col('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
      AGE,
      col('VolumeMode', 'volumeMode defines what type of volume is required by the claim.', 1),
    ],
    cells(object, now) {
      const pvc = object as unknown as PersistentVolumeClaim;
      const phase = object.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
      const bound = (pvc.spec?.volumeName ?? '') !== '';
      return [
        object.metadata.name,
        phase,
        pvc.spec?.volumeName ?? '',
        bound ? quantityText(pvc.status?.capacity?.storage) : '',
        bound ? accessModesText(pvc.status?.accessModes) : '',
        claimClass(pvc),
        pvc.spec?.volumeAttributesClassName ?? '<unset>',
        age(object, now),
        pvc.spec?.volumeMode ?? '<unset>',
      ];
    },
  },
  StorageClass: {
    columns: [
      NAME,
      col('Provisioner', 'provisioner indicates the type of the provisioner.'),
      col(
        'ReclaimPolicy',
        'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.',
      ),
      col(
        'VolumeBindingMode',
        'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.',
      ),
      col('AllowVolumeExpansion', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
      AGE,
    ],
    cells(object, now) {
      const sc = object as unknown as StorageClass;
      return [
        isDefaultClass(object) ? `${object.metadata.name ?? ''} (default)` : object.metadata.name,
        sc.provisioner,
        sc.reclaimPolicy ?? 'Delete',
        sc.volumeBindingMode ?? 'Immediate',
        sc.allowVolumeExpansion ?? false,
        age(object, now),
      ];
    },
  },
};
