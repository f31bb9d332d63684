import { useEffect, useRef, useState } from 'react';
import { selectEditorText, useLabStore } from '../store/index.ts';
import type { LabState } from '../store/index.ts';

/** EditorState: the textarea is shown while `loading` and if Monaco `failed`; Monaco once it is `monaco`. */
export type EditorState = 'loading' | 'monaco' | 'failed';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * documentPath is the path of what the Editor shows, as Monaco's model knows it: the workspace file
 * under /home/student, or kubectl edit's temporary file under /tmp (as kubectl writes one).
 */
export function documentPath(state: LabState): string {
  if (state.editSession) return `tmp/kubectl-edit-${state.editSession.title.replace(/[^\w.-]+/g, '-')}.yaml`;
  return `home/student/${state.currentFile ?? 'untitled'}`;
}

/**
 * useMonacoEditor loads Monaco after first paint and mounts it in `host`, two-way bound to the store's
 * current document (a workspace file or kubectl edit's object). Until then (or if loading fails) the
 * caller shows a textarea bound to the same text.
 */
export function useMonacoEditor(host: HTMLElement | null, ariaLabel: string, onApply: () => void): EditorState {
  const [state, setState] = useState<EditorState>('loading');
  const onApplyRef = useRef(onApply);
  useEffect(() => {
    onApplyRef.current = onApply;
  }, [onApply]);

  useEffect(() => {
    if (!host) return;
    let disposed = false;
    let cleanup = () => {};
    afterFirstPaint()
      .then(() => import('./loadMonaco.ts'))
      .then(({ createYamlEditor }) => {
        if (disposed) return;
        const store = useLabStore;
        const initial = store.getState();
        const editor = createYamlEditor(host, {
          path: documentPath(initial),
          value: selectEditorText(initial),
          ariaLabel,
          onChange: (text) => store.getState().setEditorText(text),
          onApply: () => onApplyRef.current(),
        });
        const unsubscribe = store.subscribe((next, previous) => {
          const path = documentPath(next);
          const text = selectEditorText(next);
          if (path !== documentPath(previous)) editor.show(path, text);
          else if (text !== selectEditorText(previous)) editor.setValue(text);
          if (next.workspace !== previous.workspace) {
            for (const gone of Object.keys(previous.workspace.files)) {
              if (!Object.hasOwn(next.workspace.files, gone)) editor.forget(`home/student/${gone}`);
            }
          }
          if (previous.editSession && next.editSession?.title !== previous.editSession.title)
            editor.forget(documentPath(previous));
        });
        cleanup = () => {
          unsubscribe();
          editor.dispose();
        };
        setState('monaco');
      })
      .catch((error: unknown) => {
        if (disposed) return;
        console.warn('kubelab: the Monaco editor could not load; using the plain editor.', error);
        setState('failed');
      });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [host, ariaLabel]);

  return state;
}
