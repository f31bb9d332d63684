import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { removePath } from '../../clients/workspace.ts';
import { createEditorSlice, selectEditorText } from './editorSlice.ts';
import type { LabState, SliceCreator } from './types.ts';

/** editorStore is the editor slice alone, without persist (which needs the browser's storage). */
function editorStore() {
  const slice = createEditorSlice as unknown as SliceCreator<LabState>;
  return createStore<LabState>()((...args) => slice(...(args as unknown as Parameters<typeof slice>)));
}

describe('the editor slice', () => {
  it('starts with pod.yaml open and edits the current file', () => {
    const store = editorStore();
    expect(store.getState().currentFile).toBe('pod.yaml');
    store.getState().setEditorText('kind: Pod\n');
    expect(store.getState().workspace.files['pod.yaml']?.content).toBe('kind: Pod\n');
  });

  it('creates, renames and deletes files, saying why a name cannot be used', () => {
    const store = editorStore();
    expect(store.getState().createFile('k8s/deploy.yaml')).toBeUndefined();
    expect(store.getState().currentFile).toBe('k8s/deploy.yaml');
    expect(store.getState().createFile('pod.yaml')).toBe('"pod.yaml" already exists.');
    expect(store.getState().createFile('/etc/hosts')).toBe('Files live in /home/student; "/etc/hosts" is outside it.');
    expect(store.getState().createFile(' ')).toMatch(/^Type a file name/);
    expect(store.getState().renameFile('k8s/deploy.yaml', 'deploy.yaml')).toBeUndefined();
    expect(store.getState().currentFile).toBe('deploy.yaml');
    store.getState().deleteFile('deploy.yaml');
    expect(store.getState().currentFile).toBe('pod.yaml');
    store.getState().deleteFile('pod.yaml');
    expect(store.getState().currentFile).toBeNull();
    expect(selectEditorText(store.getState())).toBe('');
  });

  it('closes the current file when the terminal removes it', () => {
    const store = editorStore();
    store.getState().createFile('a.yaml');
    const removed = removePath(store.getState().workspace, 'a.yaml');
    if (removed.ok) store.getState().setWorkspace(removed.workspace);
    expect(store.getState().currentFile).toBe('pod.yaml');
  });

  it('shows kubectl edit’s object instead of the file until the session ends, leaving the file as it was', () => {
    const store = editorStore();
    const before = selectEditorText(store.getState());
    store.getState().beginEditSession({ title: 'pod/web', text: 'kind: Pod\n' });
    store.getState().setEditorText('kind: Pod\nchanged: true\n');
    expect(selectEditorText(store.getState())).toBe('kind: Pod\nchanged: true\n');
    store.getState().endEditSession();
    expect(selectEditorText(store.getState())).toBe(before);
  });
});
