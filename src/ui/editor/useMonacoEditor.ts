import { useEffect, useRef, useState } from 'react';
import { useLabStore } from '../store/index.ts';

/** EditorState: the textarea is shown while `loading` and if Monaco `failed`; Monaco once it is `monaco`. */
export type EditorState = 'loading' | 'monaco' | 'failed';

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * useMonacoEditor loads Monaco after first paint and mounts it in `host`, two-way bound to the store's
 * editor text. Until then (or if loading fails) the caller shows a textarea bound to the same text.
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
        const editor = createYamlEditor(host, {
          value: store.getState().editorText,
          ariaLabel,
          onChange: (text) => store.getState().setEditorText(text),
          onApply: () => onApplyRef.current(),
        });
        const unsubscribe = store.subscribe((next, previous) => {
          if (next.editorText !== previous.editorText) editor.setValue(next.editorText);
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
