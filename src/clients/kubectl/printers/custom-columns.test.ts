import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../engine/index.ts';
import { oracleAvailable, runOracleAsync, startOracleServer } from '../../../testing/oracle.ts';
import { preparePrinterCluster, printerInvocations } from '../../../testing/record-create-fixtures.ts';
import {
  customColumns,
  CustomColumnsError,
  parseCustomColumns,
  printCustomColumns,
  relaxedJsonPathExpression,
} from './custom-columns.ts';
import fixtures from './printers.fixtures.json';
import { CC_SPECS } from './printers.golden.ts';

type Result = { stdout: string; stderr: string; exitCode: number };
const recorded = fixtures.cases as Record<string, Result>;

async function listed(cluster: Cluster): Promise<unknown[]> {
  const response = await cluster.request<{ items: unknown[] }>({
    verb: 'GET',
    path: '/api/v1/namespaces/default/configmaps',
    query: { labelSelector: 'set=cc' },
  });
  return response.body.items;
}

function ours(spec: string, objects: unknown[], noHeaders: boolean): Result {
  const parsed = parseCustomColumns(spec);
  if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 };
  const printed = printCustomColumns(parsed.columns, objects, { noHeaders });
  return printed.ok
    ? { stdout: printed.text, stderr: '', exitCode: 0 }
    : { stdout: printed.text, stderr: printed.error, exitCode: 1 };
}

const specs = CC_SPECS.map((s): [string] => [s]);

describe('custom columns print JSONPath cells aligned like kubectl tables', () => {
  let cluster: Cluster;
  let objects: unknown[];
  beforeAll(async () => {
    cluster = createCluster();
    await preparePrinterCluster(cluster);
    objects = await listed(cluster);
  });

  it('relaxes paths to full templates', () => {
    expect(['a.b', '.a.b', '{a.b}', '{.a.b}'].map(relaxedJsonPathExpression)).toEqual(
      Array(4).fill({ ok: true, template: '{.a.b}' }),
    );
  });

  it('shows <none> for missing values, joins several with commas and pads with three spaces', () => {
    const text = customColumns('NAME:.n,IMAGES:.i[*]', [{ n: 'web', i: ['a', 'b'] }, { n: 'database' }], {
      noHeaders: false,
    });
    expect(text).toBe('NAME       IMAGES\nweb        a,b\ndatabase   <none>\n');
  });

  it('throws kubectl error texts for bad specs', () => {
    expect(() => customColumns('NAME', [], { noHeaders: false })).toThrow(CustomColumnsError);
  });

  it.each(specs)('prints %s as kubectl did', (spec) => {
    expect(ours(spec, objects, false)).toEqual(recorded[`cc:${spec}`]);
    expect(ours(spec, objects, true)).toEqual(recorded[`cc-noheaders:${spec}`]);
  });
});

describe.skipIf(!oracleAvailable())('custom columns match the real kubectl 1.35 (live)', () => {
  let cluster: Cluster;
  let server: Awaited<ReturnType<typeof startOracleServer>>;
  let objects: unknown[];
  beforeAll(async () => {
    cluster = createCluster();
    await preparePrinterCluster(cluster);
    server = await startOracleServer(cluster);
    objects = await listed(cluster);
  });
  afterAll(async () => {
    await server.close();
  });

  const live = printerInvocations().filter((i) => i.key.startsWith('cc'));
  it.each(live.map((i): [string, (typeof live)[number]] => [i.key, i]))('%s', async (key, invocation) => {
    const real = await runOracleAsync([`--server=${server.url}`, ...invocation.args]);
    expect(ours(key.slice(key.indexOf(':') + 1), objects, key.startsWith('cc-noheaders:'))).toEqual(real);
  });
});
