import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createCluster, restoreCluster, type Cluster, type ClusterSnapshot } from '../engine/index.ts';

/**
 * The CLI keeps the cluster between invocations in a JSON state file. A missing file starts the
 * default cluster; a file that is not a kubelab snapshot is refused and left untouched.
 */
export const DEFAULT_STATE_FILE = '.kubelab-state.json';

export type LoadResult = { ok: true; cluster: Cluster; namespace: string } | { ok: false; error: string };

interface StateFile {
  cluster: ClusterSnapshot;
  namespace?: string;
}

export function loadState(path: string): LoadResult {
  if (!existsSync(path)) return { ok: true, cluster: createCluster(), namespace: 'default' };
  let parsed: StateFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
  } catch (error) {
    return {
      ok: false,
      error: `kubelab: cannot read the state file "${path}": ${(error as Error).message.split('\n')[0]}; move it away or pass --state FILE to start a new cluster`,
    };
  }
  try {
    return { ok: true, cluster: restoreCluster(parsed.cluster), namespace: parsed.namespace ?? 'default' };
  } catch (error) {
    return {
      ok: false,
      error: `kubelab: the state file "${path}" is not a kubelab cluster (${(error as Error).message}); move it away or pass --state FILE to start a new cluster`,
    };
  }
}

export function saveState(path: string, cluster: Cluster, namespace: string): void {
  const state: StateFile = { cluster: cluster.snapshot(), namespace };
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path);
}
