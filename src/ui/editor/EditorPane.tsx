import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Pane } from '../shell/Pane.tsx';
import { useApply } from '../shell/useApply.ts';
import { selectEditorText, useLabStore } from '../store/index.ts';
import { ApplyStatusLine } from './ApplyStatusLine.tsx';
import { useMonacoEditor } from './useMonacoEditor.ts';

/** editorLabel names the text field, whether it is the fallback textarea or Monaco. */
export const editorLabel = 'YAML manifest';

export function EditorPane() {
  const apply = useApply();
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const state = useMonacoEditor(host, editorLabel, () => void applyRef.current());

  return (
    <Pane
      label="Editor"
      className="pane-editor"
      title="Editor"
      tools={<span className="file-tab">manifest.yaml</span>}
      data-editor={state}
    >
      <div className="editor-body">
        {state !== 'monaco' && <FallbackEditor onApply={() => void apply()} loading={state === 'loading'} />}
        <div ref={setHost} className="monaco-host" hidden={state !== 'monaco'} />
      </div>
      <ApplyStatusLine />
    </Pane>
  );
}

/** FallbackEditor is a plain textarea used until Monaco has loaded (or if it fails to load). */
function FallbackEditor({ onApply, loading }: { onApply: () => void; loading: boolean }) {
  const text = useLabStore(selectEditorText);
  const setEditorText = useLabStore((state) => state.setEditorText);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onApply();
    }
  };
  return (
    <textarea
      className="fallback-editor"
      aria-label={editorLabel}
      aria-busy={loading}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      value={text}
      onChange={(event) => setEditorText(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
