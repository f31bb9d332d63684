import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../clients/kubectl/index.ts';
import { createCluster } from '../../engine/index.ts';
import { oracleAvailable, runOracle } from '../oracle.ts';
import { HELP_COMMANDS } from './help-commands.ts';

/**
 * `kubectl <command> --help`, `-h` and `kubectl help <command>` print kubectl 1.35's own help for
 * every command the lab emulates (the texts recorded in src/clients/kubectl/help/).
 */
const PATHS = Object.values(HELP_COMMANDS).flat();
const cluster = createCluster();
const ctx = { client: cluster, namespace: 'default', now: () => cluster.now() };

describe.skipIf(!oracleAvailable())('kubectl help matches kubectl 1.35', () => {
  it.each(PATHS)('kubectl %s --help', async (path) => {
    const args = path ? path.split(' ') : [];
    const real = runOracle([...args, '--help']);
    expect(await runKubectl([...args, '--help'], ctx)).toEqual(real);
    if (path) expect(await runKubectl([...args, '-h'], ctx)).toEqual(runOracle([...args, '-h']));
  });

  it.each(['', 'get', 'rollout status', 'auth can-i', 'nope'])('kubectl help %s', async (path) => {
    const args = ['help', ...(path ? path.split(' ') : [])];
    expect(await runKubectl(args, ctx)).toEqual(runOracle(args));
  });

  it('kubectl with no arguments prints the help', async () => {
    expect(await runKubectl([], ctx)).toEqual(runOracle([]));
  });
});
