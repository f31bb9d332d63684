import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../clients/kubectl/index.ts';
import { createCluster } from '../../engine/index.ts';
import { oracleAvailable, runOracle } from '../oracle.ts';
import { KUSTOMIZE_CASES, type KustomizeCase } from './kubectl-kustomize-cases.ts';

/**
 * `kubectl kustomize DIR` of the emulator against the real kubectl 1.35 (kustomize v5.7), byte
 * for byte: stdout, stderr (deprecation warnings, errors with absolute paths) and exit code. Each
 * case is written to a fresh folder on disk that both read.
 */
const WORK = realpathSync(tmpdir());
const roots: string[] = [];

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function listDir(path: string): string[] | undefined {
  try {
    if (!statSync(path).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(path);
  return out;
}

function readFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function writeCase(c: KustomizeCase): string {
  const root = mkdtempSync(join(WORK, 'kubelab-kustomize-'));
  roots.push(root);
  for (const [name, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  const dir = join(root, c.dir ?? '');
  return c.relative ? relative(WORK, dir) : dir;
}

describe.skipIf(!oracleAvailable())('kubectl kustomize matches kubectl 1.35', () => {
  it('has enough cases', () => {
    expect(KUSTOMIZE_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(KUSTOMIZE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = writeCase(c);
    const real = runOracle(['kustomize', dir]);
    const ours = await runKubectl(['kustomize', dir], {
      client: createCluster(),
      namespace: 'default',
      readFile,
      listDir,
      workingDir: WORK,
      now: () => 0,
    });
    expect({ stdout: ours.stdout, stderr: ours.stderr, exitCode: ours.exitCode }).toEqual(real);
  });
});
