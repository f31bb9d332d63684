import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runFilter } from '../../testing/harness.ts';
import { createNodeUnschedulable, ERR_REASON_UNSCHEDULABLE, fits } from './nodeunschedulable.ts';

// Ported from pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go.
describe('NodeUnschedulable filter', () => {
  const cases = [
    {
      name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)',
      cordoned: true,
      tolerates: false,
      fits: false,
    },
    { name: 'Schedule pod to normal node', cordoned: false, tolerates: false, fits: true },
    {
      name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
      cordoned: true,
      tolerates: true,
      fits: true,
    },
  ];

  it.each(cases)('$name', (c) => {
    const n = c.cordoned ? node('n').unschedulable().obj() : node('n').obj();
    const b = pod('p');
    if (c.tolerates)
      b.toleration({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
    const p = b.obj();
    expect(fits(p, n)).toBe(c.fits);
    expect(runFilter(createNodeUnschedulable(), p, clusterOf([n]))['n']).toEqual(
      c.fits ? undefined : { code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNSCHEDULABLE] },
    );
  });

  it('a blanket toleration (operator Exists, no key) also lets the pod onto a cordoned node', () => {
    expect(fits(pod('ds').toleration({ operator: 'Exists' }).obj(), node('n').unschedulable().obj())).toBe(true);
  });
});
