import { parseWorkspace, workspaceLimits, writeFile, emptyWorkspace } from '../../clients/workspace.ts';
import type { Workspace } from '../../clients/workspace.ts';
import { speeds } from './types.ts';
import type { LabState, NamespaceFilter, Speed } from './types.ts';

/** PersistedState is what survives a reload: UI preferences and the learner's files, never cluster state. */
export type PersistedState = Pick<LabState, 'workspace' | 'currentFile' | 'speed' | 'namespaceFilter'>;

/**
 * persistVersion 2 keeps the workspace of files; version 1 kept one editor text, which becomes the
 * workspace's `pod.yaml` (the name of the example it started as).
 */
export const persistVersion = 2;

/** migratedFileName is the file a version-1 editor text becomes. */
export const migratedFileName = 'pod.yaml';

export function persistedPart(state: LabState): PersistedState {
  return {
    workspace: state.workspace,
    currentFile: state.currentFile,
    speed: state.speed,
    namespaceFilter: state.namespaceFilter,
  };
}

function isSpeed(value: unknown): value is Speed {
  return speeds.some((speed) => speed === value);
}

function isNamespaceFilter(value: unknown): value is NamespaceFilter {
  if (typeof value !== 'object' || value === null) return false;
  const filter = value as { type?: unknown; namespace?: unknown };
  if (filter.type === 'all' || filter.type === 'user') return true;
  return filter.type === 'only' && typeof filter.namespace === 'string' && filter.namespace.length > 0;
}

/** workspaceFromEditorText is version 1's editor text as a one-file workspace (undefined if it does not fit). */
function workspaceFromEditorText(text: unknown): Workspace | undefined {
  if (typeof text !== 'string' || text.length > workspaceLimits.maxFileChars) return undefined;
  const written = writeFile(emptyWorkspace(), migratedFileName, text, Date.now());
  return written.ok ? written.workspace : undefined;
}

/**
 * readPersisted validates what storage hands back (and, for older versions, migrates it): a field that
 * does not have the expected shape is dropped, so a hand-edited or stale entry can never break the app,
 * and a corrupt workspace costs only itself — speed and namespace filter still come back. The workspace
 * is taken whole or not at all (see parseWorkspace); the current file must be one of its files.
 */
export function readPersisted(stored: unknown, version: number): Partial<PersistedState> {
  if (typeof stored !== 'object' || stored === null) return {};
  const raw = stored as Record<string, unknown>;
  const result: Partial<PersistedState> = {};
  const workspace = version < 2 ? workspaceFromEditorText(raw.editorText) : parseWorkspace(raw.workspace);
  if (workspace) {
    result.workspace = workspace;
    const current = version < 2 ? migratedFileName : raw.currentFile;
    if (typeof current === 'string' && Object.hasOwn(workspace.files, current)) result.currentFile = current;
    else result.currentFile = Object.keys(workspace.files).sort()[0] ?? null;
  }
  if (isSpeed(raw.speed)) result.speed = raw.speed;
  if (isNamespaceFilter(raw.namespaceFilter)) result.namespaceFilter = raw.namespaceFilter;
  return result;
}
