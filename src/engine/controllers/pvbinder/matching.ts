import type { Node, NodeSelectorRequirement, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../api/quantity.ts';
import { selectorMatches } from '../../api/selectors.ts';
import { claimClass, volumeClass } from '../../api/printing/networking.ts';

/**
 * Volume matching as component-helpers/storage/volume/pv_helpers.go FindMatchingVolume and the
 * controller's access-mode index do it: a PV pre-bound to the claim wins outright; otherwise skip
 * PVs that are not Available, carry another claimRef, fail the selector, belong to another class
 * (`""` matches only class-less PVs), have another volumeMode or do not offer every requested access
 * mode; among the rest, the smallest access-mode set, then the smallest PV that fits, wins.
 */
export interface MatchOptions {
  /** WaitForFirstConsumer without a chosen node: only pre-bound PVs match, the scheduler binds the rest. */
  delayBinding?: boolean;
  /** The node a consumer pod runs on: PV node affinity must admit it, and access modes are checked. */
  node?: Node | undefined;
}

export function storageBytes(value: string | number | undefined): number {
  return value === undefined ? 0 : (parseQuantity(value) ?? 0);
}

export function requestedBytes(claim: PersistentVolumeClaim): number {
  return storageBytes(claim.spec?.resources?.requests?.storage);
}

export function capacityBytes(volume: PersistentVolume): number {
  return storageBytes(volume.spec?.capacity?.storage);
}

/** isVolumeBoundToClaim: the PV's claimRef names the claim (and its uid, when the claimRef has one). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata?.name || (ref.namespace ?? '') !== (claim.metadata?.namespace ?? '')) return false;
  return !ref.uid || ref.uid === claim.metadata?.uid;
}

export function offersAccessModes(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const offered = new Set(volume.spec?.accessModes ?? []);
  return (claim.spec?.accessModes ?? []).every((m) => offered.has(m));
}

function requirementMatches(requirement: NodeSelectorRequirement, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key] ?? '';
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return has && values.includes(value);
    case 'NotIn':
      return !has || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
      return has && Number(value) > Number(values[0]);
    case 'Lt':
      return has && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** volumeNodeAffinityAllows is CheckNodeAffinity: any of the required terms must match the node. */
export function volumeNodeAffinityAllows(volume: PersistentVolume, node: Node): boolean {
  const terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some((term) => (term.matchExpressions ?? []).every((r) => requirementMatches(r, node)));
}

/**
 * volumeMismatch is checkVolumeSatisfyClaim: why a requested volume cannot serve a claim, in the
 * words of the VolumeMismatch event, or undefined when it can.
 */
export function volumeMismatch(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (capacityBytes(volume) < requestedBytes(claim)) return 'requested PV is too small';
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match';
  if ((volume.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem'))
    return 'incompatible volumeMode';
  if (!offersAccessModes(volume, claim)) return 'incompatible accessMode';
  return undefined;
}

/** findBestMatch picks the PV a claim should bind to, or undefined. */
export function findBestMatch(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  options: MatchOptions = {},
): PersistentVolume | undefined {
  const wantedClass = claimClass(claim);
  const wantedBytes = requestedBytes(claim);
  const wantedMode = claim.spec?.volumeMode ?? 'Filesystem';
  const candidates: PersistentVolume[] = [];
  for (const volume of volumes) {
    if ((volume.spec?.volumeMode ?? 'Filesystem') !== wantedMode) continue;
    if (volume.metadata?.deletionTimestamp) continue;
    if (!offersAccessModes(volume, claim)) continue;
    const affinityOk = options.node ? volumeNodeAffinityAllows(volume, options.node) : true;
    if (isVolumeBoundToClaim(volume, claim)) return affinityOk ? volume : undefined;
    if (!options.node && options.delayBinding) continue;
    if (volume.status?.phase !== 'Available' || volume.spec?.claimRef) continue;
    if (claim.spec?.selector && !selectorMatches(claim.spec.selector, volume.metadata?.labels)) continue;
    if (volumeClass(volume) !== wantedClass) continue;
    if (!affinityOk) continue;
    if (capacityBytes(volume) < wantedBytes) continue;
    candidates.push(volume);
  }
  const modesKey = (v: PersistentVolume) => [...new Set(v.spec?.accessModes ?? [])].sort();
  candidates.sort((a, b) => {
    const ma = modesKey(a);
    const mb = modesKey(b);
    if (ma.length !== mb.length) return ma.length - mb.length;
    const ka = ma.join(',');
    const kb = mb.join(',');
    if (ka !== kb) return ka < kb ? -1 : 1;
    return capacityBytes(a) - capacityBytes(b);
  });
  return candidates[0];
}
