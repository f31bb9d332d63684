import type { StateCreator } from 'zustand';
import type { Workspace } from '../../clients/workspace.ts';

/** ObjectRef names one API object; nodes and other cluster-scoped objects have no namespace. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** ApplyStatus is the one-line outcome of the last Apply, shown under the editor. */
export type ApplyStatus =
  { type: 'idle' } | { type: 'applying' } | { type: 'applied'; message: string } | { type: 'failed'; message: string };

export const speeds = [1, 2, 5, 10] as const;
export type Speed = (typeof speeds)[number];

/** NamespaceFilter: every namespace, every namespace but kube-system, or exactly one. */
export type NamespaceFilter = { type: 'all' } | { type: 'user' } | { type: 'only'; namespace: string };

/** EditSession is `kubectl edit`'s object, shown in the Editor in place of the current file until saved or cancelled. */
export interface EditSession {
  /** title names the edited object the way kubectl does, e.g. `pod/web`. */
  title: string;
  text: string;
}

/**
 * EditorSlice is the learner's workspace of files and which one the Editor shows. The Editor's text is
 * the current file's (or the edit session's): read it with selectEditorText, change it with setEditorText.
 */
export interface EditorSlice {
  workspace: Workspace;
  /** currentFile is the workspace path open in the Editor; null once every file is deleted. */
  currentFile: string | null;
  editSession: EditSession | null;
  applyStatus: ApplyStatus;
  setEditorText(text: string): void;
  setApplyStatus(status: ApplyStatus): void;
  openFile(path: string): void;
  /** createFile makes an empty file (and its folders) and opens it; it returns why it could not, if so. */
  createFile(path: string): string | undefined;
  renameFile(from: string, to: string): string | undefined;
  deleteFile(path: string): void;
  /** setWorkspace replaces the files (the terminal's writes); a current file that is gone is closed. */
  setWorkspace(workspace: Workspace): void;
  beginEditSession(session: EditSession): void;
  endEditSession(): void;
}

export interface TimeSlice {
  playing: boolean;
  speed: Speed;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
}

export interface SelectionSlice {
  selection: ObjectRef | null;
  select(ref: ObjectRef | null): void;
}

export interface DiagramSlice {
  namespaceFilter: NamespaceFilter;
  setNamespaceFilter(filter: NamespaceFilter): void;
}

export type LabState = EditorSlice & TimeSlice & SelectionSlice & DiagramSlice;

export type SliceCreator<T> = StateCreator<LabState, [['zustand/persist', unknown]], [], T>;
