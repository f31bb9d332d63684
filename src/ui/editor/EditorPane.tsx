import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useLab } from '../lab.tsx';
import { Pane } from '../shell/Pane.tsx';
import { useApply } from '../shell/useApply.ts';
import { selectCurrentFile, selectEditSession, selectEditorText, useLabStore } from '../store/index.ts';
import { ApplyStatusLine } from './ApplyStatusLine.tsx';
import { FileBar, type FileTask } from './FileBar.tsx';
import { FileTabs, editTabId, fileTabId } from './FileTabs.tsx';
import { useMonacoEditor } from './useMonacoEditor.ts';

/** editorLabel names the text field, whether it is the fallback textarea or Monaco. */
export const editorLabel = 'YAML manifest';

/** editCancelled is kubectl's message when the editor closes without a change. */
const editCancelled = 'Edit cancelled, no changes made.';

export function EditorPane() {
  const apply = useApply();
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const state = useMonacoEditor(host, editorLabel, () => void applyRef.current());
  const { terminal, pendingEdit } = useLab();
  const current = useLabStore(selectCurrentFile);
  const editSession = useLabStore(selectEditSession);
  const currentIndex = useLabStore((s) =>
    s.currentFile === null ? -1 : Object.keys(s.workspace.files).sort().indexOf(s.currentFile),
  );
  const [task, setTask] = useState<FileTask | null>(null);

  const cancelEdit = useCallback(() => {
    if (!useLabStore.getState().editSession) return;
    pendingEdit.current = undefined;
    useLabStore.getState().endEditSession();
    terminal.print(editCancelled);
  }, [pendingEdit, terminal]);
  const openFile = useCallback(
    (path: string) => {
      cancelEdit();
      useLabStore.getState().openFile(path);
    },
    [cancelEdit],
  );

  const empty = current === null && !editSession;
  const tools = (
    <>
      {editSession === null && current !== null && (
        <>
          <button
            type="button"
            className="button button-tiny button-quiet"
            aria-label={`Rename ${current}`}
            title={`Rename ${current}`}
            onClick={() => setTask({ type: 'rename', path: current })}
          >
            Rename
          </button>
          <button
            type="button"
            className="button button-tiny button-quiet"
            aria-label={`Delete ${current}`}
            title={`Delete ${current}`}
            onClick={() => setTask({ type: 'delete', path: current })}
          >
            Delete
          </button>
        </>
      )}
      <button
        type="button"
        className="button button-tiny"
        title="Create a file in /home/student (the terminal sees it too)"
        onClick={() => {
          cancelEdit();
          setTask({ type: 'new' });
        }}
      >
        <span aria-hidden="true">+</span> New file
      </button>
    </>
  );

  return (
    <Pane label="Editor" className="pane-editor" title="Editor" tools={tools} data-editor={state}>
      <FileTabs onOpen={openFile} onCancelEdit={cancelEdit} />
      {task && (
        <FileBar key={`${task.type}:${'path' in task ? task.path : ''}`} task={task} onDone={() => setTask(null)} />
      )}
      <div
        className="editor-body"
        role="tabpanel"
        aria-labelledby={editSession ? editTabId : currentIndex >= 0 ? fileTabId(currentIndex) : undefined}
      >
        {empty && (
          <p className="empty-state editor-empty">
            No files yet. Press <strong>New file</strong>, or write one from the terminal, e.g.{' '}
            <code>kubectl create deployment web --image=nginx --dry-run=client -o yaml &gt; web.yaml</code>
          </p>
        )}
        {state !== 'monaco' && !empty && <FallbackEditor onApply={() => void apply()} loading={state === 'loading'} />}
        <div ref={setHost} className="monaco-host" hidden={state !== 'monaco' || empty} />
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
