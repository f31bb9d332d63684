import { it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startApiServer } from '../cli/serve.ts';
import { DESCRIBE_CASES, buildDescribeLab, compareDescribe } from './golden/describe-cases.ts';

it('dump', async () => {
  const l = await buildDescribeLab();
  const server = await startApiServer(l.cluster, { port: 0, paused: true });
  const only = process.env.ONLY ? DESCRIBE_CASES.filter((c) => c.startsWith(process.env.ONLY as string)) : DESCRIBE_CASES;
  const results = await compareDescribe(l, server, only);
  mkdirSync('/tmp/dsc/out', { recursive: true });
  let bad = 0;
  for (const [c, r] of results) {
    const f = c.replace(/[^a-z0-9-]+/gi, '_');
    const real = `${r.real.stdout}\n--stderr--\n${r.real.stderr}--exit ${r.real.exitCode}\n`;
    const ours = `${r.ours.stdout}\n--stderr--\n${r.ours.stderr}--exit ${r.ours.exitCode}\n`;
    writeFileSync(`/tmp/dsc/out/${f}.real`, real);
    writeFileSync(`/tmp/dsc/out/${f}.ours`, ours);
    if (real !== ours) { bad++; console.log('MISMATCH', c); }
  }
  console.log(`${bad} mismatches of ${results.size}`);
  await server.close();
}, 600000);
