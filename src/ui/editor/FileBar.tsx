import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useLabStore } from '../store/index.ts';

/** FileTask is what the bar under the tabs is doing: naming a new file, renaming one, or confirming a delete. */
export type FileTask = { type: 'new' } | { type: 'rename'; path: string } | { type: 'delete'; path: string };

/**
 * FileBar is the one-line form under the tabs for the file actions: a name field for New file and
 * Rename (Enter confirms, Escape cancels), and the confirmation before Delete.
 */
export function FileBar({ task, onDone }: { task: FileTask; onDone(): void }) {
  const createFile = useLabStore((state) => state.createFile);
  const renameFile = useLabStore((state) => state.renameFile);
  const deleteFile = useLabStore((state) => state.deleteFile);
  const [name, setName] = useState(task.type === 'rename' ? task.path : '');
  const [problem, setProblem] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (task.type === 'delete') cancelRef.current?.focus();
    else inputRef.current?.select();
  }, [task]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  if (task.type === 'delete') {
    return (
      <div className="file-bar" role="group" aria-label={`Delete ${task.path}`} onKeyDown={onKeyDown}>
        <span className="file-bar-text">
          Delete <strong>{task.path}</strong>? This cannot be undone.
        </span>
        <button
          type="button"
          className="button button-tiny button-danger"
          onClick={() => {
            deleteFile(task.path);
            onDone();
          }}
        >
          Delete
        </button>
        <button type="button" className="button button-tiny" ref={cancelRef} onClick={onDone}>
          Cancel
        </button>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const failed = task.type === 'new' ? createFile(name) : renameFile(task.path, name);
    if (failed) setProblem(failed);
    else onDone();
  };
  const action = task.type === 'new' ? 'Create' : 'Rename';
  return (
    <form
      className="file-bar"
      aria-label={task.type === 'new' ? 'New file' : `Rename ${task.path}`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <input
        ref={inputRef}
        className="file-bar-input"
        aria-label="File name"
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? 'file-bar-problem' : undefined}
        placeholder="deployment.yaml or k8s/service.yaml"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(undefined);
        }}
      />
      <button type="submit" className="button button-tiny button-primary">
        {action}
      </button>
      <button type="button" className="button button-tiny" onClick={onDone}>
        Cancel
      </button>
      {problem && (
        <span id="file-bar-problem" className="file-bar-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
