import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../../api/store.ts';
import type { KubeObject } from '../../api/types.ts';
import { claimMountStatus, failedMountMessage } from './claims.ts';
import { findBestMatch, volumeMismatch } from './matching.ts';

/** Fluent builders for volumes and claims, in the shapes a learner writes them. */
class PV {
  readonly object: PersistentVolume;
  constructor(name: string, size: string) {
    this.object = {
      metadata: { name, labels: {} },
      spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/mnt/${name}` } },
      status: { phase: 'Available' },
    };
  }
  modes(...modes: string[]) {
    this.object.spec!.accessModes = modes;
    return this;
  }
  cls(name: string) {
    this.object.spec!.storageClassName = name;
    return this;
  }
  label(key: string, value: string) {
    this.object.metadata!.labels![key] = value;
    return this;
  }
  phase(phase: string) {
    (this.object as { status?: object }).status = { phase };
    return this;
  }
  claimRef(namespace: string, name: string, uid?: string) {
    this.object.spec!.claimRef = { namespace, name, ...(uid ? { uid } : {}) };
    return this;
  }
  block() {
    this.object.spec!.volumeMode = 'Block';
    return this;
  }
  onNode(node: string) {
    this.object.spec!.nodeAffinity = {
      required: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }],
      },
    };
    return this;
  }
  deleting() {
    (this.object.metadata as { deletionTimestamp?: string }).deletionTimestamp = '2026-01-05T09:00:00Z';
    return this;
  }
}
const pv = (name: string, size: string) => new PV(name, size);

function pvc(
  size: string,
  options: { modes?: string[]; cls?: string; selector?: Record<string, string>; block?: boolean } = {},
) {
  const claim: PersistentVolumeClaim = {
    metadata: { name: 'data', namespace: 'default', uid: 'claim-uid' },
    spec: {
      accessModes: options.modes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      ...(options.cls !== undefined ? { storageClassName: options.cls } : {}),
      ...(options.selector ? { selector: { matchLabels: options.selector } } : {}),
      ...(options.block ? { volumeMode: 'Block' } : {}),
    },
  };
  return claim;
}

const node = (name: string): Node => ({ metadata: { name, labels: { 'kubernetes.io/hostname': name } } });

type Case = [
  rule: string,
  claim: PersistentVolumeClaim,
  volumes: PV[],
  expected: string | undefined,
  options?: Parameters<typeof findBestMatch>[2],
];

const cases: Case[] = [
  ['the smallest PV that fits wins', pvc('1Gi'), [pv('big', '10Gi'), pv('small', '2Gi'), pv('tiny', '500Mi')], 'small'],
  ['a PV too small never matches', pvc('5Gi'), [pv('a', '1Gi'), pv('b', '2Gi')], undefined],
  ['an exactly sized PV fits', pvc('1Gi'), [pv('a', '1Gi')], 'a'],
  ['skip PVs that are not Available', pvc('1Gi'), [pv('released', '1Gi').phase('Released'), pv('ok', '5Gi')], 'ok'],
  [
    'skip PVs with another claimRef',
    pvc('1Gi'),
    [pv('taken', '1Gi').claimRef('default', 'other', 'x'), pv('free', '3Gi')],
    'free',
  ],
  [
    'a PV pre-bound to this claim wins outright',
    pvc('1Gi'),
    [pv('small', '1Gi'), pv('mine', '50Gi').claimRef('default', 'data')],
    'mine',
  ],
  [
    'a claimRef with another uid is another claim',
    pvc('1Gi'),
    [pv('old', '1Gi').claimRef('default', 'data', 'old-uid').phase('Released')],
    undefined,
  ],
  [
    'skip PVs failing the selector',
    pvc('1Gi', { selector: { tier: 'fast' } }),
    [pv('slow', '1Gi').label('tier', 'slow'), pv('fast', '5Gi').label('tier', 'fast')],
    'fast',
  ],
  [
    'skip PVs of another class',
    pvc('1Gi', { cls: 'gold' }),
    [pv('plain', '1Gi'), pv('silver', '1Gi').cls('silver'), pv('gold', '9Gi').cls('gold')],
    'gold',
  ],
  [
    'class "" matches only class-less PVs',
    pvc('1Gi', { cls: '' }),
    [pv('classy', '1Gi').cls('standard'), pv('bare', '2Gi')],
    'bare',
  ],
  ['skip PVs of another volumeMode', pvc('1Gi'), [pv('raw', '1Gi').block(), pv('fs', '2Gi')], 'fs'],
  ['a Block claim needs a Block PV', pvc('1Gi', { block: true }), [pv('fs', '1Gi'), pv('raw', '2Gi').block()], 'raw'],
  [
    'the PV must offer every requested access mode',
    pvc('1Gi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'] }),
    [pv('rwo', '1Gi'), pv('both', '2Gi').modes('ReadWriteOnce', 'ReadOnlyMany')],
    'both',
  ],
  ['RWX is not RWO', pvc('1Gi', { modes: ['ReadWriteMany'] }), [pv('rwo', '1Gi')], undefined],
  [
    'fewer extra access modes win before size',
    pvc('1Gi'),
    [pv('multi', '1Gi').modes('ReadWriteOnce', 'ReadWriteMany'), pv('single', '8Gi')],
    'single',
  ],
  ['skip PVs being deleted', pvc('1Gi'), [pv('gone', '1Gi').deleting()], undefined],
  [
    'WaitForFirstConsumer without a node binds nothing new',
    pvc('1Gi'),
    [pv('a', '1Gi')],
    undefined,
    { delayBinding: true },
  ],
  [
    'WaitForFirstConsumer still honours a pre-bound PV',
    pvc('1Gi'),
    [pv('mine', '1Gi').claimRef('default', 'data')],
    'mine',
    { delayBinding: true },
  ],
  [
    'with a node, node affinity must admit it',
    pvc('1Gi'),
    [pv('w1', '1Gi').onNode('worker-1'), pv('w2', '2Gi').onNode('worker-2')],
    'w2',
    { delayBinding: true, node: node('worker-2') },
  ],
];

describe('findBestMatch (pv_helpers.go FindMatchingVolume)', () => {
  it.each(cases)('%s', (_rule, claim, volumes, expected, options) => {
    expect(
      findBestMatch(
        claim,
        volumes.map((v) => v.object),
        options,
      )?.metadata?.name,
    ).toBe(expected);
  });
});

describe('volumeMismatch (checkVolumeSatisfyClaim) for a requested volume', () => {
  it.each([
    ['fits', pv('a', '1Gi'), pvc('1Gi'), undefined],
    ['too small', pv('a', '1Gi'), pvc('2Gi'), 'requested PV is too small'],
    ['class', pv('a', '1Gi').cls('x'), pvc('1Gi', { cls: 'y' }), 'storageClassName does not match'],
    ['mode', pv('a', '1Gi').block(), pvc('1Gi'), 'incompatible volumeMode'],
    ['access', pv('a', '1Gi'), pvc('1Gi', { modes: ['ReadWriteMany'] }), 'incompatible accessMode'],
  ] as [string, PV, PersistentVolumeClaim, string | undefined][])('%s', (_name, volume, claim, reason) => {
    expect(volumeMismatch(volume.object, claim)).toBe(reason);
  });
});

describe('claimMountStatus (the kubelet waits for bound claims)', () => {
  const store = new ObjectStore();
  const put = (name: string, phase: string, volumeName?: string, deleting = false) =>
    store.put('persistentvolumeclaims', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace: 'default', ...(deleting ? { deletionTimestamp: '2026-01-05T09:00:00Z' } : {}) },
      spec: { ...(volumeName ? { volumeName } : {}) },
      status: { phase },
    } as KubeObject);
  put('bound', 'Bound', 'pv-1');
  put('pending', 'Pending');
  put('going', 'Bound', 'pv-2', true);
  const podUsing = (...claims: string[]): Pod => ({
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      containers: [],
      volumes: [
        ...claims.map((c) => ({ name: `v-${c}`, persistentVolumeClaim: { claimName: c } })),
        { name: 'kube-api-access-x7k2p', projected: { sources: [] } },
      ],
    },
  });

  it.each([
    ['a bound claim is ready', ['bound'], []],
    ['an unbound claim is not', ['bound', 'pending'], ['v-pending']],
    ['a claim being deleted is not', ['going'], ['v-going']],
    ['a missing claim is not', ['nothere'], ['v-nothere']],
  ])('%s', (_name, claims, unmounted) => {
    const status = claimMountStatus(store, podUsing(...claims));
    expect(status.ready ? [] : status.unmounted).toEqual(unmounted);
  });

  it('FailedMount names the unmounted and all volumes', () => {
    expect(failedMountMessage(podUsing('pending'), ['v-pending'])).toBe(
      'Unable to attach or mount volumes: unmounted volumes=[v-pending], unattached volumes=[v-pending kube-api-access-x7k2p]: timed out waiting for the condition',
    );
  });
});
