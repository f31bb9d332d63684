import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1';
import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors.ts';
import { validateIngress } from './ingress.ts';
import { validateNetworkPolicy } from './networkpolicy.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage.ts';

/** Validation of the networking and storage kinds, as `field: message` lines the API server prints. */
const lines = (errors: FieldError[]) => errors.map((e) => `${e.field}: ${e.message}`);

const backend = { service: { name: 'web', port: { number: 80 } } };
const ingress = (spec: object, annotations?: Record<string, string>): Ingress =>
  ({ metadata: { name: 'i', ...(annotations ? { annotations } : {}) }, spec }) as Ingress;

describe('Ingress', () => {
  it.each([
    [
      'a rule with a Prefix path is fine',
      { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
      [],
    ],
    [
      'neither rules nor a default backend',
      {},
      ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'],
    ],
    [
      'a path needs a pathType',
      { rules: [{ http: { paths: [{ path: '/', backend }] } }] },
      ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
    ],
    [
      'an unknown pathType',
      { rules: [{ http: { paths: [{ path: '/', pathType: 'Regex', backend }] } }] },
      [
        'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
      ],
    ],
    [
      'Prefix paths must be absolute',
      { rules: [{ http: { paths: [{ path: 'api', pathType: 'Prefix', backend }] } }] },
      ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'],
    ],
    [
      'no double slashes',
      { rules: [{ http: { paths: [{ path: '/a//b', pathType: 'Exact', backend }] } }] },
      ['spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain \'//\''],
    ],
    [
      'a backend port needs a name or a number',
      {
        rules: [
          { http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } }] } },
        ],
      },
      ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required'],
    ],
    [
      'a host is a DNS name',
      { rules: [{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
      ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'],
    ],
    [
      'a wildcard host is fine',
      { rules: [{ host: '*.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
      [],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(lines(validateIngress(ingress(spec)))).toEqual(expected);
  });

  it('the legacy class annotation must agree with ingressClassName', () => {
    expect(
      lines(
        validateIngress(
          ingress({ ingressClassName: 'nginx', defaultBackend: backend }, { 'kubernetes.io/ingress.class': 'traefik' }),
        ),
      ),
    ).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]);
  });
});

describe('NetworkPolicy', () => {
  const policy = (spec: object): NetworkPolicy => ({ metadata: { name: 'p' }, spec }) as NetworkPolicy;
  it.each([
    ['deny-all', { podSelector: {} }, []],
    [
      'an empty peer',
      { podSelector: {}, ingress: [{ from: [{}] }] },
      ['spec.ingress[0].from[0]: Required value: must specify a peer'],
    ],
    [
      'ipBlock with another peer',
      { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] },
      ['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer'],
    ],
    [
      'except outside the cidr',
      { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }] },
      ['spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`'],
    ],
    [
      'endPort below port',
      { podSelector: {}, ingress: [{ ports: [{ port: 8080, endPort: 80 }] }] },
      ['spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`'],
    ],
    [
      'an unknown policy type',
      { podSelector: {}, policyTypes: ['Inbound'] },
      ['spec.policyTypes[0]: Unsupported value: "Inbound": supported values: "Ingress", "Egress"'],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(lines(validateNetworkPolicy(policy(spec)))).toEqual(expected);
  });
});

describe('storage', () => {
  const claim = (spec: object, status?: object): PersistentVolumeClaim =>
    ({ metadata: { name: 'data' }, spec, ...(status ? { status } : {}) }) as PersistentVolumeClaim;
  const good = {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'standard',
  };

  it('a claim needs access modes and a storage request', () => {
    expect(lines(validatePersistentVolumeClaim(claim({}), undefined))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('ReadWriteOncePod stands alone', () => {
    expect(
      lines(
        validatePersistentVolumeClaim(
          claim({ ...good, accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'] }),
          undefined,
        ),
      ),
    ).toEqual(['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes']);
  });

  it('a claim spec is immutable except requests once bound', () => {
    const old = claim(good);
    expect(lines(validatePersistentVolumeClaim(claim({ ...good, storageClassName: 'fast' }), old))).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
    expect(lines(validatePersistentVolumeClaim(claim({ ...good, volumeName: 'pv1' }), old))).toEqual([]);
    const bound = claim({ ...good, volumeName: 'pv1' }, { capacity: { storage: '1Gi' } });
    expect(
      lines(
        validatePersistentVolumeClaim(
          claim({ ...good, volumeName: 'pv1', resources: { requests: { storage: '2Gi' } } }),
          bound,
        ),
      ),
    ).toEqual([]);
    expect(
      lines(
        validatePersistentVolumeClaim(
          claim({ ...good, volumeName: 'pv1', resources: { requests: { storage: '500Mi' } } }),
          bound,
        ),
      ),
    ).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity']);
  });

  it('a claim created without a class may get the default one later', () => {
    const { storageClassName: _omit, ...classless } = good;
    expect(lines(validatePersistentVolumeClaim(claim(good), claim(classless)))).toEqual([]);
  });

  it('a volume needs capacity, access modes and exactly one source', () => {
    expect(lines(validatePersistentVolume({ metadata: { name: 'pv' }, spec: {} }, undefined))).toEqual([
      'spec.accessModes: Required value',
      'spec.capacity: Required value',
      'spec: Required value: must specify a volume type',
    ]);
    expect(
      lines(
        validatePersistentVolume(
          {
            metadata: { name: 'pv' },
            spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, local: { path: '/mnt' } },
          },
          undefined,
        ),
      ),
    ).toEqual(['spec.nodeAffinity: Required value: Local volume requires node affinity']);
  });

  it('a StorageClass names its provisioner and keeps it', () => {
    expect(lines(validateStorageClass({ metadata: { name: 'x' }, provisioner: '' }, undefined))).toEqual([
      'provisioner: Required value',
    ]);
    expect(
      lines(
        validateStorageClass(
          { metadata: { name: 'x' }, provisioner: 'b', volumeBindingMode: 'WaitForFirstConsumer' },
          { metadata: { name: 'x' }, provisioner: 'a', volumeBindingMode: 'Immediate' },
        ),
      ),
    ).toEqual([
      'provisioner: Forbidden: updates to provisioner are forbidden.',
      'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    ]);
  });
});
