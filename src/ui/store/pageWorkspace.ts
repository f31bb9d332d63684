import type { WorkspaceStore } from '../../clients/workspace.ts';
import { useLabStore } from './index.ts';

/**
 * pageWorkspace is the terminal's door to the learner's files: the store's workspace, so what `kubectl cp`
 * or `echo … > f` writes shows in the Editor's tabs at once, and files are stamped with the learner's
 * (real) time, as on their own machine.
 */
export const pageWorkspace: WorkspaceStore = {
  get: () => useLabStore.getState().workspace,
  set: (workspace) => useLabStore.getState().setWorkspace(workspace),
  now: () => Date.now(),
};
