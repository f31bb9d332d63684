import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { persistedPart, persistVersion, readPersisted } from './persistence.ts';
import { createDiagramSlice, createEditorSlice, createSelectionSlice, createTimeSlice } from './slices.ts';
import type { LabState } from './types.ts';

export type { ApplyStatus, EditSession, LabState, NamespaceFilter, ObjectRef, Speed } from './types.ts';
export { speeds } from './types.ts';
export { selectEditorText } from './editorSlice.ts';

/** useLabStore is the one UI store: editor (the learner's files), time, selection and diagram slices. Cluster state lives in the engine. */
export const useLabStore = create<LabState>()(
  persist(
    (...args) => ({
      ...createEditorSlice(...args),
      ...createTimeSlice(...args),
      ...createSelectionSlice(...args),
      ...createDiagramSlice(...args),
    }),
    {
      name: 'kubelab.ui',
      version: persistVersion,
      storage: createJSONStorage(() => localStorage),
      partialize: persistedPart,
      migrate: (stored, version) => readPersisted(stored, version),
      merge: (stored, current) => ({ ...current, ...readPersisted(stored, persistVersion) }),
    },
  ),
);

// Selectors used in more than one place, declared once so components subscribe to exactly one field.
export const selectWorkspace = (state: LabState) => state.workspace;
export const selectCurrentFile = (state: LabState) => state.currentFile;
export const selectEditSession = (state: LabState) => state.editSession;
export const selectApplyStatus = (state: LabState) => state.applyStatus;
export const selectPlaying = (state: LabState) => state.playing;
export const selectSpeed = (state: LabState) => state.speed;
export const selectSelection = (state: LabState) => state.selection;
export const selectNamespaceFilter = (state: LabState) => state.namespaceFilter;
