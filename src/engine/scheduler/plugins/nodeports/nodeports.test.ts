import { describe, expect, it } from 'vitest';
import { node, pod } from '../../testing/builders.ts';
import { clusterOf, runFilter } from '../../testing/harness.ts';
import { createNodePorts, ERR_REASON } from './nodeports.ts';

/** hp is "PROTO/IP/PORT" as in node_ports_test.go's newPod helper. */
function withPorts(name: string, ...ports: string[]) {
  const b = pod(name);
  for (const p of ports) {
    const [protocol, hostIP, port] = p.split('/') as [string, string, string];
    b.hostPort(Number(port), { protocol, hostIP });
  }
  return b;
}

// Ported from pkg/scheduler/framework/plugins/nodeports/node_ports_test.go (TestNodePorts).
describe('NodePorts filter', () => {
  const cases: { name: string; pod: string[]; existing: string[]; fits: boolean }[] = [
    { name: 'nothing running', pod: ['UDP/127.0.0.1/8080'], existing: [], fits: true },
    { name: 'other port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/9090'], fits: true },
    { name: 'same udp port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], fits: false },
    { name: 'same tcp port', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], fits: false },
    { name: 'different host ip', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.2/8080'], fits: true },
    { name: 'different protocol', pod: ['UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], fits: true },
    {
      name: 'second udp port conflict',
      pod: ['UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'],
      existing: ['UDP/127.0.0.1/8080'],
      fits: false,
    },
    {
      name: 'first tcp port conflict',
      pod: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'],
      existing: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'],
      fits: false,
    },
    {
      name: 'first tcp port conflict due to 0.0.0.0 hostIP',
      pod: ['TCP/0.0.0.0/8001'],
      existing: ['TCP/127.0.0.1/8001'],
      fits: false,
    },
    {
      name: 'TCP hostPort conflict due to 0.0.0.0 hostIP',
      pod: ['TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'],
      existing: ['TCP/127.0.0.1/8001'],
      fits: false,
    },
    {
      name: 'second tcp port conflict to 0.0.0.0 hostIP',
      pod: ['TCP/127.0.0.1/8001'],
      existing: ['TCP/0.0.0.0/8001'],
      fits: false,
    },
    {
      name: 'second different protocol',
      pod: ['UDP/127.0.0.1/8001'],
      existing: ['TCP/0.0.0.0/8001'],
      fits: true,
    },
    {
      name: 'UDP hostPort conflict due to 0.0.0.0 hostIP',
      pod: ['UDP/127.0.0.1/8001'],
      existing: ['TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'],
      fits: false,
    },
  ];

  it.each(cases)('$name', (c) => {
    const cache = clusterOf(
      [node('n').obj()],
      c.existing.length
        ? [
            withPorts('existing', ...c.existing)
              .node('n')
              .obj(),
          ]
        : [],
    );
    const status = runFilter(createNodePorts(), withPorts('p', ...c.pod).obj(), cache)['n'];
    expect(status).toEqual(c.fits ? undefined : { code: 'Unschedulable', reasons: [ERR_REASON] });
  });

  it('frees the port when the pod holding it is removed', () => {
    const holder = withPorts('existing', 'TCP/0.0.0.0/80').node('n').obj();
    const cache = clusterOf([node('n').obj()], [holder]);
    cache.removePod(holder);
    expect(runFilter(createNodePorts(), withPorts('p', 'TCP/0.0.0.0/80').obj(), cache)['n']).toBeUndefined();
  });
});
