import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectCurrentFile, selectEditSession, useLabStore } from '../store/index.ts';
import type { LabState } from '../store/index.ts';

const selectFilePaths = (state: LabState) => Object.keys(state.workspace.files).sort();

/** fileTabId is the id of a file's tab, which labels the editor's tab panel. */
export const fileTabId = (index: number) => `editor-file-tab-${index}`;
export const editTabId = 'editor-edit-tab';

/**
 * FileTabs lists the workspace's files as tabs named by their paths (folders are part of the path, e.g.
 * `k8s/deploy.yaml`), plus kubectl edit's object while one is open. Arrow keys move between tabs.
 */
export function FileTabs({ onOpen, onCancelEdit }: { onOpen(path: string): void; onCancelEdit(): void }) {
  const paths = useLabStore(useShallow(selectFilePaths));
  const current = useLabStore(selectCurrentFile);
  const editSession = useLabStore(selectEditSession);
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[role=tab]') ?? [])];
    const at = tabs.findIndex((tab) => tab === document.activeElement);
    if (at < 0) return;
    const target =
      event.key === 'ArrowRight'
        ? tabs[(at + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(at - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.click();
  };

  if (paths.length === 0 && !editSession) return null;
  return (
    <div className="tabs file-tabs" role="tablist" aria-label="Files" ref={listRef} onKeyDown={onKeyDown}>
      {paths.map((path, index) => {
        const selected = !editSession && path === current;
        return (
          <button
            key={path}
            id={fileTabId(index)}
            type="button"
            role="tab"
            className="tab file-tab"
            aria-selected={selected}
            tabIndex={selected || (editSession === null && current === null && index === 0) ? 0 : -1}
            title={`/home/student/${path}`}
            onClick={() => onOpen(path)}
          >
            {path}
          </button>
        );
      })}
      {editSession && (
        <span className="edit-tab">
          <button
            id={editTabId}
            type="button"
            role="tab"
            className="tab file-tab"
            aria-selected={true}
            tabIndex={0}
            title="The live object from kubectl edit: Apply saves it"
          >
            kubectl edit {editSession.title}
          </button>
          <button
            type="button"
            className="edit-tab-close"
            aria-label="Cancel kubectl edit"
            title="Cancel the edit (no changes are made)"
            onClick={onCancelEdit}
          >
            <span aria-hidden="true">×</span>
          </button>
        </span>
      )}
    </div>
  );
}
