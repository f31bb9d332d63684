import type { DiagramSlice, SelectionSlice, SliceCreator, TimeSlice } from './types.ts';

export { createEditorSlice } from './editorSlice.ts';

/** createTimeSlice starts playing at 1×: a learner sees pods come up without touching the clock. */
export const createTimeSlice: SliceCreator<TimeSlice> = (set) => ({
  playing: true,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
});

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});

export const createDiagramSlice: SliceCreator<DiagramSlice> = (set) => ({
  namespaceFilter: { type: 'all' },
  setNamespaceFilter: (namespaceFilter) => set({ namespaceFilter }),
});
