import type { StateCreator } from 'zustand';

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

export interface EditorSlice {
  editorText: string;
  applyStatus: ApplyStatus;
  setEditorText(text: string): void;
  setApplyStatus(status: ApplyStatus): void;
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
