import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { lab } from '../../../testing/lab.ts';
import { tabulate } from '../printers/tabwriter.ts';
import {
  DescribeWriter,
  formatLabelSelector,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  selectorString,
} from './common.ts';
import { camelcaseSplit, goValue, smartLabelFor } from './generic.ts';
import { goSort } from '../gosort.ts';
import { Quantity, canonicalText } from './quantity.ts';
import { describeRole } from './role.ts';
import { formatEndpointSlices } from './service.ts';

/**
 * Offline checks of the describe building blocks, with expectations taken from the real kubectl 1.35
 * (the golden test in src/testing/golden/describe.test.ts compares whole outputs when the binary is here).
 */
function render(write: (w: DescribeWriter) => void): string {
  const w = new DescribeWriter();
  write(w);
  return tabulate(w.text, 2);
}

describe('smartLabelFor (the generic describer, kubectl 1.35)', () => {
  it.each([
    ['apiVersion', 'API Version'],
    ['IPAddress', 'Ip Address'],
    ['podCIDRs', 'Pod Cid Rs'],
    ['TLSConfig', 'Tls Config'],
    ['apiURL', 'API URL'],
    ['nodeUID', 'Node UID'],
    ['osbGuid', 'OSB GUID'],
    ['brokerGUIDValue', 'Broker GUID Value'],
    ['uidList', 'UID List'],
    ['x-custom-field', 'X - Custom - Field'],
    ['http2Enabled', 'http2Enabled'],
    ['creationTimestamp', 'Creation Timestamp'],
  ])('%s → %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label);
  });

  it('splits like fatih/camelcase', () => {
    expect(camelcaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelcaseSplit('podCIDRs')).toEqual(['pod', 'CID', 'Rs']);
  });

  it('prints values as Go %v does', () => {
    expect(goValue(null)).toBe('<nil>');
    expect(goValue([1, 2])).toBe('[1 2]');
    expect(goValue({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
    expect(goValue(12345678901)).toBe('12345678901');
    expect(goValue(0.5)).toBe('0.5');
  });
});

describe('label, annotation and toleration lists', () => {
  it('prints labels one per line and `<none>` when empty', () => {
    expect(render((w) => printLabelsMultiline(w, 'Labels', { b: '2', a: '' }))).toBe('Labels:  a=\n         b=2\n');
    expect(render((w) => printLabelsMultiline(w, 'Labels', {}))).toBe('Labels:  <none>\n');
  });

  it('prints annotations with a colon, long and multi-line values on their own lines', () => {
    const text = render((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        multi: 'first line\nsecond line\n',
        long: 'x'.repeat(150),
        short: 'x',
      }),
    );
    expect(text).toBe(
      `Annotations:  long:\n                ${'x'.repeat(138)}...\n              multi:\n                first line\n                second line\n              short: x\n`,
    );
  });

  it('sorts tolerations by key and spells operators as kubectl does', () => {
    const text = render((w) =>
      printTolerationsMultiline(w, 'Tolerations', [
        { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
        { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
        { operator: 'Exists' },
      ]),
    );
    expect(text).toBe(
      'Tolerations:  :NoExecute op=Exists for 60s\n              op=Exists\n              dedicated=web:NoSchedule\n',
    );
  });
});

describe('selectors', () => {
  it('formats label selectors sorted by key', () => {
    expect(
      selectorString({
        matchLabels: { app: 'recreate' },
        matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['cache'] }],
      }),
    ).toBe('app=recreate,tier notin (cache)');
    expect(
      selectorString({
        matchExpressions: [
          { key: 'b', operator: 'In', values: ['y', 'x'] },
          { key: 'a', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('!a,b in (x,y)');
    expect(formatLabelSelector({})).toBe('<none>');
  });
});

describe('Quantity', () => {
  it('prints canonically, as kubectl decodes it', () => {
    expect(canonicalText('0.5')).toBe('500m');
    expect(canonicalText('1024Mi')).toBe('1Gi');
    expect(canonicalText('102626232Ki')).toBe('102626232Ki');
    expect(canonicalText(undefined)).toBe('0');
  });

  it('keeps the format of the first non-zero term when adding', () => {
    expect(Quantity.parse('70Mi').add(Quantity.parse('128Mi')).toString()).toBe('198Mi');
    expect(Quantity.parse('100m').add(Quantity.parse('0.1')).toString()).toBe('200m');
    expect(Quantity.zero.add(Quantity.parse('64Mi')).toString()).toBe('64Mi');
    expect(Quantity.parse('128Mi').add(Quantity.parse('100M')).toString()).toBe('234217728');
  });

  it('rounds milli and unit values up, as ScaledValue does', () => {
    expect(Quantity.parse('1.5m').milliValue()).toBe(2);
    expect(Quantity.parse('250m').milliValue()).toBe(250);
    expect(Quantity.parse('1Ki').value()).toBe(1024);
  });
});

describe('goSort', () => {
  it('sorts, and keeps the input order of ties in short lists (insertion sort)', () => {
    const items = [3, 1, 2, 1].map((n, i) => ({ n, i }));
    expect(goSort(items, (a, b) => a.n < b.n).map((x) => `${x.n}${x.i}`)).toEqual(['11', '13', '22', '30']);
  });

  it('sorts long lists with many ties', () => {
    const items = Array.from({ length: 200 }, (_, i) => (i * 7919) % 13);
    expect(goSort([...items], (a, b) => a < b)).toEqual([...items].sort((a, b) => a - b));
  });
});

describe('endpoints of a service port', () => {
  const slice = (ports: NonNullable<EndpointSlice['ports']>, ready: (boolean | undefined)[]): EndpointSlice => ({
    addressType: 'IPv4',
    ports,
    endpoints: ready.map((r, i) => ({
      addresses: [`10.0.0.${i + 1}`],
      conditions: r === undefined ? {} : { ready: r },
    })),
  });

  it('lists ready addresses with the port, three at most', () => {
    const slices = [slice([{ name: 'http', port: 80, protocol: 'TCP' }], [true, false, undefined, true, true])];
    expect(formatEndpointSlices(slices, 'http')).toBe('10.0.0.1:80,10.0.0.3:80,10.0.0.4:80 + 1 more...');
    expect(formatEndpointSlices(slices, 'other')).toBe('');
    expect(formatEndpointSlices([], 'http')).toBe('<none>');
  });
});

describe('RBAC policy rules', () => {
  it('breaks rules down and compacts them per resource, sorted like kubectl', () => {
    const text = render((w) =>
      describeRole(
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name: 'pod-reader' },
          rules: [
            { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
            { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['frontend'], verbs: ['get', 'patch'] },
            { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
          ],
        } as never,
        w,
      ),
    );
    expect(text).toBe(
      [
        'Name:         pod-reader',
        'Labels:       <none>',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources         Non-Resource URLs  Resource Names  Verbs',
        '  ---------         -----------------  --------------  -----',
        '  pods              []                 []              [get list watch delete]',
        '  pods/log          []                 []              [get list watch]',
        '  deployments.apps  []                 [frontend]      [get patch]',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe in the lab (no real kubectl needed)', () => {
  it('describes a node with its pods and allocated resources', async () => {
    const l = lab();
    const out = await l.kubectl('describe node control-plane');
    expect(out).toContain('Roles:              control-plane\n');
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
    expect(out).toMatch(/ {2}cpu {16}650m \(32%\) {2}0 \(0%\)\n/);
  });

  it('describes objects whose names start with a prefix, and reports a missing one', async () => {
    const l = lab();
    const out = await l.kubectl('describe pods kube-proxy -n kube-system');
    expect(out.match(/^Name:\s+kube-proxy-/gm)).toHaveLength(3);
    const missing = await l.sh('kubectl describe pod nothing-here');
    expect(missing).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nothing-here" not found\n',
      exitCode: 1,
    });
  });

  it('uses the generic layout for kinds without one', async () => {
    const l = lab();
    const out = await l.kubectl('describe clusterrolebinding cluster-admin');
    expect(out).toContain('Role:\n  Kind:  ClusterRole\n  Name:  cluster-admin\n');
    const lease = await l.sh(
      'kubectl create -f -',
      'apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: lock\nspec:\n  holderIdentity: me\n',
    );
    expect(lease.exitCode).toBe(0);
    const described = await l.kubectl('describe lease lock');
    expect(described).toContain('API Version:  coordination.k8s.io/v1\n');
    expect(described).toContain('Spec:\n  Holder Identity:  me\n');
  });
});
