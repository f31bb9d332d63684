import { describe, expect, it } from 'vitest';
import { storageAdmission } from '../../engine/admission/storage.ts';
import { lab, type Lab } from '../lab.ts';

/**
 * Storage scenarios through kubectl: static and dynamic PersistentVolumes, binding, reclaim
 * policies, protection finalizers, expansion, and data that outlives the pod that wrote it.
 * Texts follow kubectl 1.35 and the PV controller / local-path provisioner (shared/FIDELITY.md).
 */
function storageLab(): Lab {
  const l = lab();
  // Until cluster.ts registers it with the other admission plugins.
  if (!l.cluster.server.admission.some((p) => p.name === 'StorageAdmission'))
    l.cluster.server.admission.push(storageAdmission(l.cluster.server.store));
  return l;
}

function rowOf(table: string, name: string): string[] {
  const line = table.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no row for ${name} in:\n${table}`);
  return line.trim().split(/\s{2,}/);
}

const claim = (name: string, size: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: ${size}
${extra}`;

const volume = (name: string, size: string, extra = '') => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes: ["ReadWriteOnce"]
  hostPath:
    path: /mnt/${name}
${extra}`;

const user = (name: string, claimName: string, command: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(command)}]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claimName}
`;

describe('the default StorageClass', () => {
  it('prints as `standard (default)` with the local-path provisioner', async () => {
    const l = storageLab();
    const row = rowOf(await l.kubectl('get storageclass'), 'standard (default)');
    expect(row.slice(1, 5)).toEqual(['rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', 'false']);
  });
});

describe('dynamic provisioning with WaitForFirstConsumer', () => {
  it('waits for a consumer, then provisions pvc-<uid> on its node and binds', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: claim('data', '1Gi') });
    await l.advance('5s');
    const pending = rowOf(await l.kubectl('get pvc'), 'data');
    expect(pending.slice(1, 5)).toEqual(['Pending', 'standard', '<unset>', expect.stringMatching(/^\d+s$/)]);
    const events = await l.kubectl('get events --field-selector involvedObject.name=data');
    expect(events).toMatch(
      /Normal\s+WaitForFirstConsumer\s+persistentvolumeclaim\/data\s+waiting for first consumer to be created before binding/,
    );

    await l.kubectl('apply -f -', { stdin: user('writer', 'data', 'sleep 3600') });
    await l.advance('10s');
    const uid = (await l.kubectl("get pvc data -o jsonpath='{.metadata.uid}'")).trim();
    const bound = rowOf(await l.kubectl('get pvc'), 'data');
    expect(bound.slice(0, 7)).toEqual(['data', 'Bound', `pvc-${uid}`, '1Gi', 'RWO', 'standard', '<unset>']);
    const pv = rowOf(await l.kubectl('get pv'), `pvc-${uid}`);
    expect(pv.slice(1, 8)).toEqual(['1Gi', 'RWO', 'Delete', 'Bound', 'default/data', 'standard', '<unset>']);
    const node = (await l.kubectl("get pod writer -o jsonpath='{.spec.nodeName}'")).trim();
    const pvObject = JSON.parse(await l.kubectl(`get pv pvc-${uid} -o json`));
    expect(pvObject.spec.hostPath.path).toBe(`/var/local-path-provisioner/pvc-${uid}_default_data`);
    expect(pvObject.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([node]);
    expect(pvObject.metadata.annotations['pv.kubernetes.io/provisioned-by']).toBe('rancher.io/local-path');
    const pvc = JSON.parse(await l.kubectl('get pvc data -o json'));
    expect(pvc.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.kubernetes.io/selected-node': node,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    expect(pvc.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const all = await l.kubectl('get events --field-selector involvedObject.name=data');
    expect(all).toMatch(
      /Normal\s+ExternalProvisioning\s+persistentvolumeclaim\/data\s+Waiting for a volume to be created either by the external provisioner 'rancher\.io\/local-path' or manually by the system administrator\./,
    );
    expect(all).toMatch(
      /Normal\s+Provisioning\s+persistentvolumeclaim\/data\s+External provisioner is provisioning volume for claim "default\/data"/,
    );
    expect(all).toMatch(
      new RegExp(
        `Normal\\s+ProvisioningSucceeded\\s+persistentvolumeclaim/data\\s+Successfully provisioned volume pvc-${uid}`,
      ),
    );
  });

  it('deleting the claim while a pod uses it leaves it Terminating; then Delete removes the volume', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: claim('data', '1Gi') });
    await l.kubectl('apply -f -', { stdin: user('writer', 'data', 'sleep 3600') });
    await l.advance('10s');
    const volumeName = (await l.kubectl("get pvc data -o jsonpath='{.spec.volumeName}'")).trim();
    expect(await l.kubectl('delete pvc data --wait=false')).toMatch(/^persistentvolumeclaim "data" deleted/);
    expect(rowOf(await l.kubectl('get pvc'), 'data')[1]).toBe('Terminating');
    await l.kubectl('delete pod writer --grace-period=0 --force', { allowFailure: true });
    await l.advance('40s');
    expect((await l.sh('kubectl get pvc data')).stderr).toContain('persistentvolumeclaims "data" not found');
    expect((await l.sh(`kubectl get pv ${volumeName}`)).stderr).toContain(
      `persistentvolumes "${volumeName}" not found`,
    );
  });
});

describe('an Immediate class', () => {
  it('provisions as soon as the claim exists', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', {
      stdin: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: rancher.io/local-path
allowVolumeExpansion: true
`,
    });
    expect(rowOf(await l.kubectl('get sc'), 'fast').slice(1, 5)).toEqual([
      'rancher.io/local-path',
      'Delete',
      'Immediate',
      'true',
    ]);
    await l.kubectl('apply -f -', { stdin: claim('quick', '1Gi', '  storageClassName: fast\n') });
    expect(rowOf(await l.kubectl('get pvc'), 'quick')[1]).toBe('Pending');
    await l.advance('3s');
    expect(rowOf(await l.kubectl('get pvc'), 'quick').slice(1, 2)).toEqual(['Bound']);

    // allowVolumeExpansion: a bigger request grows the volume
    await l.kubectl('apply -f -', { stdin: claim('quick', '2Gi', '  storageClassName: fast\n') });
    await l.advance('3s');
    expect(rowOf(await l.kubectl('get pvc'), 'quick')[3]).toBe('2Gi');
    const events = await l.kubectl('get events --field-selector involvedObject.name=quick');
    expect(events).toMatch(/ExternalExpanding/);
    expect(events).toMatch(/VolumeResizeSuccessful\s+persistentvolumeclaim\/quick\s+Resize volume succeeded/);
  });

  it('a class without allowVolumeExpansion refuses to grow a claim', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: claim('data', '1Gi') });
    await l.kubectl('apply -f -', { stdin: user('writer', 'data', 'sleep 3600') });
    await l.advance('10s');
    const r = await l.sh('kubectl apply -f -', claim('data', '5Gi'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  });
});

describe('static PersistentVolumes', () => {
  it('a claim of class "" binds the smallest fitting PV; Retain leaves it Released', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: volume('pv-big', '10Gi') });
    await l.kubectl('apply -f -', { stdin: volume('pv-small', '2Gi') });
    await l.kubectl('apply -f -', { stdin: volume('pv-tiny', '500Mi') });
    expect(rowOf(await l.kubectl('get pv'), 'pv-small').slice(1, 6)).toEqual([
      '2Gi',
      'RWO',
      'Retain',
      'Available',
      '<unset>',
    ]);
    await l.kubectl('apply -f -', { stdin: claim('data', '1Gi', '  storageClassName: ""\n') });
    const bound = rowOf(await l.kubectl('get pvc'), 'data');
    expect(bound.slice(1, 5)).toEqual(['Bound', 'pv-small', '2Gi', 'RWO']);
    expect(rowOf(await l.kubectl('get pv'), 'pv-small').slice(4, 6)).toEqual(['Bound', 'default/data']);
    await l.kubectl('delete pvc data');
    await l.advance('2s');
    expect(rowOf(await l.kubectl('get pv'), 'pv-small').slice(3, 6)).toEqual(['Retain', 'Released', 'default/data']);
    // A new claim with the same name does not get the Released volume back.
    await l.kubectl('apply -f -', { stdin: claim('data', '1Gi', '  storageClassName: ""\n') });
    expect(rowOf(await l.kubectl('get pvc'), 'data').slice(1, 3)).toEqual(['Bound', 'pv-big']);
  });

  it('a claim naming its volume binds to it, or says why it cannot', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: volume('pv-a', '1Gi') });
    await l.kubectl('apply -f -', { stdin: volume('pv-b', '1Gi') });
    await l.kubectl('apply -f -', { stdin: claim('mine', '500Mi', '  storageClassName: ""\n  volumeName: pv-b\n') });
    expect(rowOf(await l.kubectl('get pvc'), 'mine').slice(1, 4)).toEqual(['Bound', 'pv-b', '1Gi']);
    const pvc = JSON.parse(await l.kubectl('get pvc mine -o json'));
    expect(pvc.metadata.annotations['pv.kubernetes.io/bind-completed']).toBe('yes');
    expect(pvc.metadata.annotations['pv.kubernetes.io/bound-by-controller']).toBeUndefined();
    await l.kubectl('apply -f -', { stdin: claim('greedy', '5Gi', '  storageClassName: ""\n  volumeName: pv-a\n') });
    expect(rowOf(await l.kubectl('get pvc'), 'greedy').slice(1, 3)).toEqual(['Pending', 'pv-a']);
    expect(await l.kubectl('get events --field-selector involvedObject.name=greedy')).toMatch(
      /Warning\s+VolumeMismatch\s+persistentvolumeclaim\/greedy\s+Cannot bind to requested volume "pv-a": requested PV is too small/,
    );
  });

  it('a claim without a matching volume and no class waits with FailedBinding', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: claim('lonely', '1Gi', '  storageClassName: ""\n') });
    expect(rowOf(await l.kubectl('get pvc'), 'lonely')[1]).toBe('Pending');
    expect(await l.kubectl('get events --field-selector involvedObject.name=lonely')).toMatch(
      /Normal\s+FailedBinding\s+persistentvolumeclaim\/lonely\s+no persistent volumes available for this claim and no storage class is set/,
    );
  });

  it("the claim and volume validation speak the API server's words", async () => {
    const l = storageLab();
    const r = await l.sh(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: broken\nspec:\n  resources: {}\n',
    );
    expect(r.stderr).toBe(
      'The PersistentVolumeClaim "broken" is invalid: \n* spec.accessModes: Required value: at least 1 access mode is required\n* spec.resources[storage]: Required value\n',
    );
    const v = await l.sh(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: nothing\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: ["ReadWriteOnce"]\n',
    );
    expect(v.stderr).toBe(
      'The PersistentVolume "nothing" is invalid: spec: Required value: must specify a volume type\n',
    );
  });
});

describe('data on a claim outlives the pod', () => {
  it('a file written by one pod is read by its replacement; emptyDir data is not', async () => {
    const l = storageLab();
    await l.kubectl('apply -f -', { stdin: claim('data', '1Gi') });
    await l.kubectl('apply -f -', { stdin: user('writer', 'data', 'echo persisted > /data/note && sleep 3600') });
    await l.advance('15s');
    expect(await l.kubectl('exec writer -- cat /data/note')).toBe('persisted\n');
    await l.kubectl('delete pod writer --grace-period=0 --force', { allowFailure: true });
    await l.advance('40s');
    await l.kubectl('apply -f -', { stdin: user('reader', 'data', 'sleep 3600') });
    await l.advance('15s');
    expect(await l.kubectl('exec reader -- cat /data/note')).toBe('persisted\n');
  });
});
