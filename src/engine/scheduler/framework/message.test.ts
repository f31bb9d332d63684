import { describe, expect, it } from 'vitest';
import { fitErrorMessage, scheduledMessage, truncateMessage } from './message.ts';
import { unresolvable, unschedulable } from './status.ts';

describe('fitErrorMessage (FitError.Error)', () => {
  it('counts reasons across nodes and sorts them as plain strings', () => {
    const statuses = [
      ...Array.from({ length: 10 }, () => unschedulable('Insufficient cpu')),
      unschedulable('Insufficient cpu', 'Insufficient memory'),
      unschedulable('Insufficient memory'),
      unresolvable("node(s) didn't match Pod's node affinity/selector"),
    ];
    expect(fitErrorMessage({ numAllNodes: 13, statuses })).toBe(
      "0/13 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 11 Insufficient cpu, 2 Insufficient memory.",
    );
  });

  it('adds absent nodes with the shared status', () => {
    expect(
      fitErrorMessage({
        numAllNodes: 5,
        statuses: [unschedulable('Too many pods')],
        absentStatus: unresolvable('Preemption is not helpful for scheduling'),
      }),
    ).toBe('0/5 nodes are available: 1 Too many pods, 4 Preemption is not helpful for scheduling.');
  });

  it('puts a PreFilter message in place of per-node reasons, then the PostFilter message', () => {
    expect(
      fitErrorMessage({
        numAllNodes: 2,
        statuses: [],
        preFilterMsg: 'pod affinity terms conflict',
        postFilterMsg: 'preemption: x.',
      }),
    ).toBe('0/2 nodes are available: pod affinity terms conflict. preemption: x.');
  });
});

describe('scheduledMessage', () => {
  it('is the Scheduled event text', () => {
    expect(scheduledMessage('default/web-1', 'worker-1')).toBe('Successfully assigned default/web-1 to worker-1');
  });
});

describe('truncateMessage', () => {
  it('keeps short messages and cuts long ones to 1024 characters ending in " ..."', () => {
    expect(truncateMessage('short')).toBe('short');
    const long = truncateMessage('x'.repeat(2000));
    expect(long).toHaveLength(1024);
    expect(long.endsWith(' ...')).toBe(true);
  });
});
