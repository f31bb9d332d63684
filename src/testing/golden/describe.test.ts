import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiHttpServer } from '../../cli/serve.ts';
import { oracleAvailable } from '../oracle.ts';
import {
  DESCRIBE_CASES,
  DESCRIBE_ENGINE_GAPS,
  buildDescribeLab,
  compareDescribe,
  type DescribeOutcome,
} from './describe-cases.ts';

/**
 * `kubectl describe` must print what kubectl 1.35 prints, byte for byte: the real binary and our emulator
 * describe the same simulated cluster (served over HTTP) at the same instant.
 */
describe.skipIf(!oracleAvailable())('kubectl describe prints what the real kubectl 1.35 prints', () => {
  let server: ApiHttpServer | undefined;
  let results = new Map<string, DescribeOutcome>();

  beforeAll(async () => {
    const l = await buildDescribeLab();
    server = await startApiServer(l.cluster, { port: 0, paused: true });
    results = await compareDescribe(l, server, [...DESCRIBE_CASES, ...DESCRIBE_ENGINE_GAPS.map((g) => g.args)]);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it('covers every kind the lab describes', () => {
    expect(DESCRIBE_CASES.length).toBeGreaterThanOrEqual(90);
  });

  it.each(DESCRIBE_CASES)('kubectl describe %s', (args) => {
    const outcome = results.get(args);
    expect(outcome).toBeDefined();
    expect(outcome?.ours).toEqual(outcome?.real);
  });

  for (const gap of DESCRIBE_ENGINE_GAPS) {
    it.fails(`kubectl describe ${gap.args} (engine gap: ${gap.reason})`, () => {
      const outcome = results.get(gap.args);
      expect(outcome?.ours).toEqual(outcome?.real);
    });
  }
});
