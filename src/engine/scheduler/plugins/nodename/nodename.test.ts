import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runFilter } from '../../testing/harness.ts';
import { createNodeName, ERR_REASON, fits } from './nodename.ts';

// Ported from pkg/scheduler/framework/plugins/nodename/node_name_test.go.
describe('NodeName filter', () => {
  const cases = [
    { name: 'no host specified', nodeName: undefined, node: 'foo', fits: true },
    { name: 'host matches', nodeName: 'foo', node: 'foo', fits: true },
    { name: "host doesn't match", nodeName: 'bar', node: 'foo', fits: false },
  ];

  it.each(cases)('$name', (c) => {
    const p = c.nodeName === undefined ? pod('p').obj() : pod('p').node(c.nodeName).obj();
    expect(fits(p, node(c.node).obj())).toBe(c.fits);
    const status = runFilter(createNodeName(), p, clusterOf([node(c.node).obj()]))[c.node];
    expect(status).toEqual(c.fits ? undefined : { code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON] });
  });
});
