import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import { canonicalJson, computeHash } from '../reconcile/hash.ts';
import { templatePatch, sortRevisions } from '../history/revisions.ts';
import type { Action } from '../reconcile/actions.ts';
import { scaledValue } from '../reconcile/intstr.ts';
import { isEmptySelector, newControllerRef } from '../reconcile/owners.ts';
import { availableAt, byCreation, isPodAvailable, isPodReady, podFromTemplate } from '../reconcile/pods.ts';
import { CONTROLLER_REVISIONS, DAEMON_SETS, PODS } from '../reconcile/resources.ts';
import {
  REVISION_HASH_LABEL,
  TEMPLATE_GENERATION_LABEL,
  daemonPodTemplate,
  nodeShouldRunDaemonPod,
  pinToNode,
  targetNodeOf,
} from './nodes.ts';

/** DaemonSetView is what one sync reads: the set, every node, and the set's pods and revisions (claimed). */
export interface DaemonSetView {
  ds: DaemonSet;
  nodes: readonly Node[];
  pods: readonly Pod[];
  revisions: readonly ControllerRevision[];
}

/**
 * reconcileDaemonSet is DaemonSetsController.syncDaemonSet: find or record the current revision,
 * put one daemon pod on every node that should run one and take it off the others, replace old pods
 * within maxUnavailable (or maxSurge), clean up history and report status.
 */
export function reconcileDaemonSet(view: DaemonSetView, now: number): Action[] {
  const ds = view.ds;
  const owner = ds as unknown as KubeObject;
  if (isEmptySelector(ds.spec?.selector)) {
    return [
      {
        type: 'event',
        on: owner,
        input: {
          type: 'Warning',
          reason: 'SelectingAll',
          message: 'This daemon set is selecting all pods. A non-empty selector is required.',
        },
      },
    ];
  }
  if (ds.metadata?.deletionTimestamp) return [];
  const actions: Action[] = [];
  const { hash, old, historyActions } = constructHistory(ds, view.revisions);
  actions.push(...historyActions);
  const nodes = [...view.nodes].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  const podsByNode = groupByNode(view.pods);
  const { create, remove, manageActions } = manage(ds, nodes, podsByNode, hash, now);
  actions.push(...manageActions);
  const rolling = (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  if (rolling && create.length === 0 && remove.length === 0) {
    // As with the real controller's expectations, a rolling step waits until the core loop's writes are seen.
    const rolled = rollingUpdate(ds, nodes, podsByNode, hash, now);
    remove.push(...rolled.remove);
    create.push(...rolled.create);
  }
  actions.push(...syncNodes(ds, view.pods, remove, create, hash));
  actions.push(...cleanupHistory(ds, view.pods, old));
  const status = computeStatus(ds, nodes, podsByNode, hash, now);
  if (canonicalJson(status) !== canonicalJson(ds.status ?? {})) {
    actions.push({ type: 'updateStatus', resource: DAEMON_SETS, object: { ...owner, status } as KubeObject });
  }
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0) {
    const waits = view.pods
      .filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, now))
      .map((p) => availableAt(p, minReady) ?? now);
    if (waits.length) actions.push({ type: 'requeue', at: Math.min(...waits) });
  }
  return actions;
}

function groupByNode(pods: readonly Pod[]): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const node = targetNodeOf(pod);
    if (!node) continue;
    const list = byNode.get(node) ?? [];
    list.push(pod);
    byNode.set(node, list);
  }
  return byNode;
}

/** constructHistory finds the revision matching the template (raising its number if older ones exist) or snapshots a new one. */
function constructHistory(
  ds: DaemonSet,
  revisions: readonly ControllerRevision[],
): { hash: string; old: ControllerRevision[]; historyActions: Action[] } {
  const data = canonicalJson(templatePatch(ds.spec?.template));
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (const r of sortRevisions([...revisions])) (canonicalJson(r.data ?? null) === data ? current : old).push(r);
  const next = old.reduce((max, r) => Math.max(max, r.revision ?? 0), 0) + 1;
  const historyActions: Action[] = [];
  let cur = current[current.length - 1];
  if (!cur) {
    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
    cur = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${ds.metadata?.name ?? ''}-${hash}`,
        namespace: ds.metadata?.namespace ?? '',
        labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
        ...(ds.metadata?.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds as unknown as KubeObject)],
      },
      data: templatePatch(ds.spec?.template),
      revision: next,
    };
    historyActions.push({ type: 'create', resource: CONTROLLER_REVISIONS, object: cur as unknown as KubeObject });
  } else if ((cur.revision ?? 0) < next) {
    cur = { ...structuredClone(cur), revision: next };
    historyActions.push({ type: 'update', resource: CONTROLLER_REVISIONS, object: cur as unknown as KubeObject });
  }
  const hash = cur.metadata?.labels?.[REVISION_HASH_LABEL] ?? cur.metadata?.name ?? '';
  return { hash, old, historyActions };
}

function isUpdated(ds: DaemonSet, pod: Pod, hash: string): boolean {
  const labels = pod.metadata?.labels ?? {};
  return (
    (hash !== '' && labels[REVISION_HASH_LABEL] === hash) ||
    labels[TEMPLATE_GENERATION_LABEL] === String(ds.metadata?.generation ?? 1)
  );
}

function podOrder(a: Pod, b: Pod): number {
  const rank = (p: Pod) => (p.status?.phase === 'Running' ? 0 : 1);
  return byCreation(a as unknown as KubeObject, b as unknown as KubeObject) || rank(a) - rank(b);
}

function allowsSurge(ds: DaemonSet): boolean {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  return (
    (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && scaledValue(ru?.maxSurge, 1, true) > 0
  );
}

/** manage is the core loop: which nodes need a daemon pod, and which daemon pods must go. */
function manage(
  ds: DaemonSet,
  nodes: readonly Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: number,
): { create: string[]; remove: string[]; manageActions: Action[] } {
  const owner = ds as unknown as KubeObject;
  const create: string[] = [];
  const remove: string[] = [];
  const manageActions: Action[] = [];
  const minReady = ds.spec?.minReadySeconds ?? 0;
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const [shouldRun, shouldContinue] = nodeShouldRunDaemonPod(node, ds);
    const pods = podsByNode.get(name) ?? [];
    if (shouldRun && pods.length === 0) {
      create.push(name);
    } else if (shouldContinue) {
      const running: Pod[] = [];
      for (const pod of pods) {
        if (pod.metadata?.deletionTimestamp) continue;
        const podName = pod.metadata?.name ?? '';
        if (pod.status?.phase === 'Failed') {
          manageActions.push({
            type: 'event',
            on: owner,
            input: {
              type: 'Warning',
              reason: 'FailedDaemonPod',
              message: `Found failed daemon pod ${pod.metadata?.namespace}/${podName} on node ${name}, will try to kill it`,
            },
          });
          remove.push(podName);
        } else if (pod.status?.phase === 'Succeeded') {
          manageActions.push({
            type: 'event',
            on: owner,
            input: {
              type: 'Normal',
              reason: 'SucceededDaemonPod',
              message: `Found succeeded daemon pod ${pod.metadata?.namespace}/${podName} on node ${name}, will try to delete it`,
            },
          });
          remove.push(podName);
        } else running.push(pod);
      }
      running.sort(podOrder);
      if (!allowsSurge(ds)) {
        for (const extra of running.slice(1)) remove.push(extra.metadata?.name ?? '');
        continue;
      }
      let oldestNew: Pod | undefined;
      let oldestOld: Pod | undefined;
      for (const pod of running) {
        if (pod.metadata?.labels?.[REVISION_HASH_LABEL] === hash) {
          if (!oldestNew) {
            oldestNew = pod;
            continue;
          }
        } else if (!oldestOld) {
          oldestOld = pod;
          continue;
        }
        remove.push(pod.metadata?.name ?? '');
      }
      if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, minReady, now)))
        remove.push(oldestOld.metadata?.name ?? '');
    } else {
      for (const pod of pods) if (!pod.metadata?.deletionTimestamp) remove.push(pod.metadata?.name ?? '');
    }
  }
  // Daemon pods for nodes that no longer exist are removed as well (the pod garbage collector's share).
  const known = new Set(nodes.map((n) => n.metadata?.name));
  for (const [node, pods] of podsByNode) {
    if (known.has(node)) continue;
    for (const pod of pods) if (!pod.metadata?.deletionTimestamp) remove.push(pod.metadata?.name ?? '');
  }
  return { create, remove, manageActions };
}

/** rollingUpdate is update.go: replace old daemon pods within maxUnavailable, or surge new ones first within maxSurge. */
function rollingUpdate(
  ds: DaemonSet,
  nodes: readonly Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: number,
): { create: string[]; remove: string[] } {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const byNode = new Map<string, Pod[]>();
  let desired = 0;
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    if (podsByNode.has(name)) byNode.set(name, podsByNode.get(name) ?? []);
    if (!nodeShouldRunDaemonPod(node, ds)[0]) continue;
    desired++;
    if (!byNode.has(name)) byNode.set(name, []);
  }
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  let maxUnavailable = scaledValue(ru?.maxUnavailable ?? 1, desired, true);
  const maxSurge = scaledValue(ru?.maxSurge ?? 0, desired, true);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  const split = (pods: Pod[]): { newPod?: Pod; oldPod?: Pod; ok: boolean } => {
    let newPod: Pod | undefined;
    let oldPod: Pod | undefined;
    for (const pod of pods) {
      if (pod.metadata?.deletionTimestamp) continue;
      if (isUpdated(ds, pod, hash)) {
        if (newPod) return { ok: false };
        newPod = pod;
      } else {
        if (oldPod) return { ok: false };
        oldPod = pod;
      }
    }
    return { ...(newPod ? { newPod } : {}), ...(oldPod ? { oldPod } : {}), ok: true };
  };
  if (maxSurge === 0) {
    let unavailable = 0;
    const replacements: string[] = [];
    const candidates: string[] = [];
    for (const [, pods] of byNode) {
      const { newPod, oldPod, ok } = split(pods);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
        unavailable++;
        continue;
      }
      if (newPod) {
        if (!available(newPod)) unavailable++;
        continue;
      }
      if (oldPod && !available(oldPod)) {
        replacements.push(oldPod.metadata?.name ?? '');
        unavailable++;
      } else if (oldPod && unavailable < maxUnavailable) candidates.push(oldPod.metadata?.name ?? '');
    }
    const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
    return { create: [], remove: [...replacements, ...candidates.slice(0, room)] };
  }
  const remove: string[] = [];
  const shouldNotRun: string[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let surge = 0;
  let availableCount = 0;
  const nodeByName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  for (const [nodeName, pods] of byNode) {
    const { newPod, oldPod, ok } = split(pods);
    if (!ok) {
      surge++;
      continue;
    }
    if (oldPod ? available(oldPod) : newPod ? available(newPod) : false) availableCount++;
    const node = nodeByName.get(nodeName);
    const shouldRun = node ? nodeShouldRunDaemonPod(node, ds)[0] : false;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun) remove.push(oldPod.metadata?.name ?? '');
        else allowed.push(nodeName);
      } else if (!shouldRun) shouldNotRun.push(oldPod.metadata?.name ?? '');
      else candidates.push(nodeName);
      continue;
    }
    if (!available(newPod)) surge++;
    else remove.push(oldPod.metadata?.name ?? '');
  }
  const deletable = Math.min(Math.max(0, availableCount - desired), shouldNotRun.length);
  remove.push(...shouldNotRun.slice(0, deletable));
  const room = Math.min(Math.max(0, maxSurge - surge), candidates.length);
  return { create: [...allowed, ...candidates.slice(0, room)], remove };
}

function syncNodes(ds: DaemonSet, pods: readonly Pod[], remove: string[], create: string[], hash: string): Action[] {
  const owner = ds as unknown as KubeObject;
  const actions: Action[] = [];
  const template = daemonPodTemplate(ds, hash);
  for (const node of create) {
    const pod = podFromTemplate(template, owner);
    pod.spec = { ...(pod.spec ?? { containers: [] }), affinity: pinToNode(pod.spec?.affinity, node) };
    actions.push({
      type: 'create',
      resource: PODS,
      object: pod as unknown as KubeObject,
      event: { on: owner, input: { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: {name}' } },
      failure: { on: owner, reason: 'FailedCreate', prefix: 'Error creating: ' },
    });
  }
  const namespace = ds.metadata?.namespace ?? '';
  const seen = new Set<string>();
  for (const name of remove) {
    if (seen.has(name) || !pods.some((p) => p.metadata?.name === name)) continue;
    seen.add(name);
    actions.push({
      type: 'delete',
      resource: PODS,
      namespace,
      name,
      event: { on: owner, input: { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${name}` } },
      failure: { on: owner, reason: 'FailedDelete', prefix: 'Error deleting: ' },
    });
  }
  return actions;
}

/** cleanupHistory deletes old revisions that no pod uses, beyond revisionHistoryLimit. */
function cleanupHistory(ds: DaemonSet, pods: readonly Pod[], old: ControllerRevision[]): Action[] {
  const limit = ds.spec?.revisionHistoryLimit ?? 10;
  if (old.length <= limit) return [];
  const live = new Set(pods.map((p) => p.metadata?.labels?.[REVISION_HASH_LABEL]));
  const toDelete = old.length - limit;
  const actions: Action[] = [];
  for (const r of sortRevisions([...old])) {
    if (actions.length >= toDelete) break;
    if (live.has(r.metadata?.labels?.[REVISION_HASH_LABEL])) continue;
    actions.push({
      type: 'delete',
      resource: CONTROLLER_REVISIONS,
      namespace: r.metadata?.namespace ?? '',
      name: r.metadata?.name ?? '',
    });
  }
  return actions;
}

/** computeStatus is updateDaemonSetStatus: counts over the nodes that should run the daemon. */
function computeStatus(
  ds: DaemonSet,
  nodes: readonly Node[],
  podsByNode: Map<string, Pod[]>,
  hash: string,
  now: number,
): DaemonSetStatus {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  for (const node of nodes) {
    const [shouldRun] = nodeShouldRunDaemonPod(node, ds);
    const pods = [...(podsByNode.get(node.metadata?.name ?? '') ?? [])];
    const scheduled = pods.length > 0;
    if (!shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = pods.sort(podOrder)[0] as Pod;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
    if (isUpdated(ds, pod, hash)) updated++;
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    numberMisscheduled: misscheduled,
    numberReady: ready,
  };
  if (ds.metadata?.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  return status;
}
