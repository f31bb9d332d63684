import { useCallback } from 'react';
import { applyManifests } from '../../clients/apply.ts';
import { useLab } from '../lab.tsx';
import { useLabStore } from '../store/index.ts';
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

/** useApply returns the Apply action: the editor's documents through `kubectl apply -f -`. */
export function useApply(): () => Promise<void> {
  const { cluster, terminal, namespace, pendingEdit } = useLab();
  return useCallback(async () => {
    const { editorText, setApplyStatus } = useLabStore.getState();
    setApplyStatus({ type: 'applying' });
    const saveEdit = pendingEdit.current;
    pendingEdit.current = undefined;
    terminal.print(
      saveEdit
        ? `\x1b[2m# Apply: saving the edit started with kubectl edit\x1b[22m`
        : `\x1b[2m# Apply: ${applyCommand}  (stdin: the editor's documents)\x1b[22m`,
    );
    try {
      const result = saveEdit ? await saveEdit(editorText) : await applyManifests(editorText, { cluster, namespace });
      if (result.stdout) terminal.print(result.stdout);
      if (result.stderr) terminal.print(result.stderr);
      setApplyStatus(summarizeApply(result));
    } catch (error) {
      const message = `error: ${errorMessage(error)}`;
      terminal.print(message);
      setApplyStatus({ type: 'failed', message });
    }
  }, [cluster, terminal, namespace, pendingEdit]);
}
