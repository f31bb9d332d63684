import { selectApplyStatus, useLabStore } from '../store/index.ts';
import { useApply } from './useApply.ts';

export function ApplyButton() {
  const apply = useApply();
  const status = useLabStore(selectApplyStatus);
  return (
    <button
      type="button"
      className="button button-primary"
      onClick={() => void apply()}
      disabled={status.type === 'applying'}
      title="Apply the editor's documents (kubectl apply -f -) — Ctrl+Enter in the editor"
    >
      <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
        <path d="M3 1.5v9l7-4.5z" fill="currentColor" />
      </svg>
      Apply
    </button>
  );
}
