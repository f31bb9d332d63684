import {
  fsErrorText,
  removePath,
  renameFile,
  resolvePath,
  writeFile,
  type FsError,
  type Workspace,
} from '../../clients/workspace.ts';
import { exampleManifest } from '../editor/exampleManifest.ts';
import type { EditorSlice, LabState, SliceCreator } from './types.ts';

/** firstFile is the file the Editor falls back to when the current one goes: the first path in sorted order. */
export function firstFile(workspace: Workspace): string | null {
  return Object.keys(workspace.files).sort()[0] ?? null;
}

/** defaultWorkspace is a new learner's: the nginx Pod as `pod.yaml`, ready for Apply or `kubectl apply -f pod.yaml`. */
export function defaultWorkspace(now: number): Workspace {
  return { files: { 'pod.yaml': { content: exampleManifest, modified: now } }, folders: {} };
}

/** fileProblem says, in the Editor's words, why a name cannot be used for a new or renamed file. */
function fileProblem(path: string, error: FsError | 'EMPTY' | 'OUTSIDE'): string {
  switch (error) {
    case 'EMPTY':
      return 'Type a file name, e.g. deployment.yaml or k8s/service.yaml.';
    case 'OUTSIDE':
      return `Files live in /home/student; "${path}" is outside it.`;
    case 'EEXIST':
    case 'EISDIR':
      return `"${path}" already exists.`;
    case 'ENOTDIR':
      return `"${path}" is inside a file, not a folder.`;
    case 'ENOSPC':
      return 'The workspace is full: delete a file first.';
    default:
      return `${path}: ${fsErrorText(error)}`;
  }
}

/** selectEditorText is the text the Editor shows: the edit session's, else the current file's. */
export function selectEditorText(state: LabState): string {
  if (state.editSession) return state.editSession.text;
  return state.currentFile === null ? '' : (state.workspace.files[state.currentFile]?.content ?? '');
}

export const createEditorSlice: SliceCreator<EditorSlice> = (set, get) => ({
  workspace: defaultWorkspace(Date.now()),
  currentFile: 'pod.yaml',
  editSession: null,
  applyStatus: { type: 'idle' },
  setEditorText: (text) => {
    const state = get();
    if (selectEditorText(state) === text) return;
    if (state.editSession) {
      set({ editSession: { ...state.editSession, text } });
      return;
    }
    if (state.currentFile === null) return;
    const written = writeFile(state.workspace, state.currentFile, text, Date.now(), { parents: true });
    if (written.ok) set({ workspace: written.workspace });
    else set({ applyStatus: { type: 'failed', message: fileProblem(state.currentFile, written.error) } });
  },
  setApplyStatus: (applyStatus) => set({ applyStatus }),
  openFile: (path) => {
    const key = resolvePath(path);
    if (key !== undefined && Object.hasOwn(get().workspace.files, key)) set({ currentFile: key });
  },
  createFile: (path) => {
    const name = path.trim();
    if (name === '' || name.endsWith('/')) return fileProblem(name, 'EMPTY');
    const key = resolvePath(name);
    if (key === undefined || key === '') return fileProblem(name, 'OUTSIDE');
    const { workspace } = get();
    if (Object.hasOwn(workspace.files, key)) return fileProblem(key, 'EEXIST');
    const written = writeFile(workspace, key, '', Date.now(), { parents: true });
    if (!written.ok) return fileProblem(key, written.error);
    set({ workspace: written.workspace, currentFile: key });
    return undefined;
  },
  renameFile: (from, to) => {
    const name = to.trim();
    if (name === '' || name.endsWith('/')) return fileProblem(name, 'EMPTY');
    const key = resolvePath(name);
    if (key === undefined || key === '') return fileProblem(name, 'OUTSIDE');
    const { workspace, currentFile } = get();
    const renamed = renameFile(workspace, from, key, Date.now());
    if (!renamed.ok) return fileProblem(key, renamed.error);
    set({ workspace: renamed.workspace, currentFile: currentFile === from ? key : currentFile });
    return undefined;
  },
  deleteFile: (path) => {
    const removed = removePath(get().workspace, path);
    if (removed.ok) get().setWorkspace(removed.workspace);
  },
  setWorkspace: (workspace) => {
    const { currentFile } = get();
    const stillThere = currentFile !== null && Object.hasOwn(workspace.files, currentFile);
    set({ workspace, currentFile: stillThere ? currentFile : firstFile(workspace) });
  },
  beginEditSession: (editSession) => set({ editSession }),
  endEditSession: () => set({ editSession: null }),
});
