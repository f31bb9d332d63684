import { useCallback } from 'react';
import { applyManifests } from '../../clients/apply.ts';
import { useLab } from '../lab.tsx';
import { selectEditorText, useLabStore } from '../store/index.ts';
import type { ApplyStatus } from '../store/index.ts';
import { errorMessage } from './errorMessage.ts';

/** applyCommand is what Apply does, in kubectl's words (the editor's text is its stdin); the terminal echoes it. */
export const applyCommand = 'kubectl apply -f -';

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** summarizeApply reduces kubectl's output to the one line under the editor. */
export function summarizeApply(result: { stdout: string; stderr: string; exitCode: number }): ApplyStatus {
  const errors = lines(result.stderr);
  const firstError = errors[0];
  if (result.exitCode !== 0 || firstError !== undefined) {
    const more = errors.length > 1 ? ` (+${errors.length - 1} more in the terminal)` : '';
    return {
      type: 'failed',
      message: `${firstError ?? `error: apply failed with exit code ${result.exitCode}`}${more}`,
    };
  }
  const done = lines(result.stdout);
  return { type: 'applied', message: done.length > 0 ? done.join(', ') : 'nothing to apply' };
}

/**
 * useApply returns the Apply action: the editor's documents through `kubectl apply -f -`. While
 * `kubectl edit` has an object open, Apply saves the edit instead; the Editor goes back to the current
 * file once the edit is saved (or found unchanged), and stays on the object when saving failed, so the
 * learner can fix it and Apply again, as kubectl reopens its editor.
 */
export function useApply(): () => Promise<void> {
  const { cluster, terminal, namespace, pendingEdit } = useLab();
  return useCallback(async () => {
    const state = useLabStore.getState();
    const { setApplyStatus } = state;
    const editorText = selectEditorText(state);
    setApplyStatus({ type: 'applying' });
    const saveEdit = state.editSession ? pendingEdit.current : undefined;
    pendingEdit.current = undefined;
    terminal.print(
      saveEdit
        ? `\x1b[2m# Apply: saving the edit started with kubectl edit\x1b[22m`
        : `\x1b[2m# Apply: ${applyCommand}  (stdin: ${state.currentFile ?? "the editor's documents"})\x1b[22m`,
    );
    try {
      const result = saveEdit ? await saveEdit(editorText) : await applyManifests(editorText, { cluster, namespace });
      if (result.stdout) terminal.print(result.stdout);
      if (result.stderr) terminal.print(result.stderr);
      setApplyStatus(summarizeApply(result));
      if (saveEdit && result.exitCode === 0) useLabStore.getState().endEditSession();
      else if (saveEdit) pendingEdit.current = saveEdit;
    } catch (error) {
      const message = `error: ${errorMessage(error)}`;
      if (saveEdit) pendingEdit.current = saveEdit;
      terminal.print(message);
      setApplyStatus({ type: 'failed', message });
    }
  }, [cluster, terminal, namespace, pendingEdit]);
}
