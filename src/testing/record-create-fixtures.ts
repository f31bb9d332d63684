/**
 * record-create-fixtures runs every invocation of the `kubectl create` golden table, and the
 * printer golden tables (yaml, json, jsonpath, custom-columns), through the real kubectl 1.35
 * (against a simulated cluster served over HTTP, for discovery and `get`) and writes what it
 * printed to commands/create/fixtures.json and printers/printers.fixtures.json, so the golden
 * tests also run where the binary cannot. Run it with `npx tsx src/testing/record-create-fixtures.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GOLDEN_CASES,
  caseKey,
  invocations,
  normalized,
  prepareCluster,
} from '../clients/kubectl/commands/create/golden-cases.ts';
import {
  CC_OBJECTS,
  CC_SPECS,
  configMapArgs,
  JSONPATH_OBJECT,
  JSONPATH_TEMPLATES,
  structureArgs,
  structureObject,
  STRUCTURES,
  TRICKY_STRINGS,
} from '../clients/kubectl/printers/printers.golden.ts';
import { createCluster, type ClusterClient } from '../engine/index.ts';
import { oracleAvailable, REPO_ROOT, runOracleAsync, startOracleServer, type OracleResult } from './oracle.ts';

export const CREATE_FIXTURES = join(REPO_ROOT, 'src', 'clients', 'kubectl', 'commands', 'create', 'fixtures.json');
export const PRINTER_FIXTURES = join(REPO_ROOT, 'src', 'clients', 'kubectl', 'printers', 'printers.fixtures.json');

/** preparePrinterCluster adds the ConfigMaps the custom-columns cases list. */
export async function preparePrinterCluster(client: ClusterClient): Promise<void> {
  for (const object of CC_OBJECTS)
    await client.request({ verb: 'POST', path: '/api/v1/namespaces/default/configmaps', body: object });
}

/** printerInvocations lists every printer fixture: its key, kubectl's arguments and files. */
export function printerInvocations(): { key: string; args: string[]; files?: Record<string, string> }[] {
  const out: { key: string; args: string[]; files?: Record<string, string> }[] = [];
  for (const format of ['yaml', 'json', 'kyaml']) {
    for (const s of TRICKY_STRINGS)
      if (!s.includes('\0')) out.push({ key: `string:${format}:${JSON.stringify(s)}`, args: configMapArgs(s, format) });
    for (const value of STRUCTURES) {
      out.push({
        key: `structure:${format}:${JSON.stringify(value)}`,
        args: structureArgs(format),
        files: { 'in.json': JSON.stringify(structureObject(value, false)) },
      });
    }
  }
  const jsonpathFile = { 'in.json': JSON.stringify(JSONPATH_OBJECT) };
  for (const template of JSONPATH_TEMPLATES) {
    out.push({
      key: `jsonpath:${template}`,
      args: ['label', '--local', '-f', 'in.json', 'foo=bar', '-o', `jsonpath=${template}`],
      files: jsonpathFile,
    });
    out.push({
      key: `jsonpath-strict:${template}`,
      args: [
        'label',
        '--local',
        '-f',
        'in.json',
        'foo=bar',
        '-o',
        `jsonpath=${template}`,
        '--allow-missing-template-keys=false',
      ],
      files: jsonpathFile,
    });
  }
  for (const spec of CC_SPECS) {
    out.push({ key: `cc:${spec}`, args: ['get', 'configmaps', '-l', 'set=cc', '-o', `custom-columns=${spec}`] });
    out.push({
      key: `cc-noheaders:${spec}`,
      args: ['get', 'configmaps', '-l', 'set=cc', '-o', `custom-columns=${spec}`, '--no-headers'],
    });
  }
  return out;
}

async function main(): Promise<void> {
  if (!oracleAvailable()) throw new Error('the kubectl oracle is not available (is unzip installed?)');
  const cluster = createCluster();
  await prepareCluster(cluster);
  const server = await startOracleServer(cluster);
  const cases: Record<string, OracleResult> = {};
  try {
    for (const c of GOLDEN_CASES) {
      if (c.server) continue;
      for (const args of invocations(c)) {
        const result = await runOracleAsync(
          [`--server=${server.url}`, 'create', ...args],
          c.files ? { files: c.files } : {},
        );
        cases[caseKey(args)] = normalized(c, result);
      }
    }
  } finally {
    await server.close();
  }
  writeFileSync(CREATE_FIXTURES, `${JSON.stringify({ kubectl: 'v1.35.2', cases }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(cases).length} invocations into ${CREATE_FIXTURES}`);

  const printerCluster = createCluster();
  await preparePrinterCluster(printerCluster);
  const printerServer = await startOracleServer(printerCluster);
  const printers: Record<string, OracleResult> = {};
  try {
    for (const { key, args, files } of printerInvocations()) {
      printers[key] = await runOracleAsync([`--server=${printerServer.url}`, ...args], files ? { files } : {});
    }
  } finally {
    await printerServer.close();
  }
  writeFileSync(PRINTER_FIXTURES, `${JSON.stringify({ kubectl: 'v1.35.2', cases: printers }, null, 2)}\n`);
  console.log(`recorded ${Object.keys(printers).length} printer cases into ${PRINTER_FIXTURES}`);
}

if (process.argv[1]?.endsWith('record-create-fixtures.ts')) await main();
