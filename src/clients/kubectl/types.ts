import type { ClusterClient } from '../../engine/index.ts';

/** CommandResult is what any emulated command gives back: its two streams and its exit code. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * KubectlContext is everything a kubectl command may use: the one door into the cluster, the
 * current namespace of the kubeconfig context, stdin, files it may read (`-f`), and a clock for
 * commands that wait (`wait`, `rollout status`) in simulated time.
 */
export interface KubectlContext {
  client: ClusterClient;
  namespace: string;
  stdin?: string;
  /** readFile gives the text of a file or folder entry named on the command line (CLI: the disk; browser: the editor's files). */
  readFile?: (path: string) => string | undefined;
  /** listDir lists a folder's manifest files for `-f DIR`. */
  listDir?: (path: string) => string[] | undefined;
  /** workingDir is the folder relative paths start from (CLI: the process's); kustomize prints paths absolute against it. */
  workingDir?: string;
  /** advance moves simulated time, for commands that wait. */
  advance?: (ms: number) => Promise<void>;
  /** now is the simulated time, for AGE columns computed on the client. */
  now: () => number;
  /** setNamespace changes the current context's namespace (`kubectl config set-context --current --namespace`). */
  setNamespace?: (namespace: string) => void;
  /** openEditor hands an object to the browser editor (`kubectl edit`). */
  openEditor?: (yaml: string, onSave: (yaml: string) => Promise<CommandResult>) => void;
  /** writeFile saves a local file (`kubectl cp POD:/path ./file`); false when it cannot be written. */
  writeFile?: (path: string, content: string) => boolean;
  /**
   * onOutput streams output as it is produced, for commands that keep running (`get -w`, `logs -f`,
   * `rollout status`, `port-forward`): the terminal shows each chunk at once. What was streamed is
   * not repeated in the CommandResult.
   */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** signal ends a long-running command (Ctrl+C in the terminal); without one they stop at a bound. */
  signal?: AbortSignal;
}

export function ok(stdout = ''): CommandResult {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, exitCode = 1, stdout = ''): CommandResult {
  return { stdout, stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode };
}
