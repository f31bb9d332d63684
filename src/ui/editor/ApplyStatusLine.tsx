import { selectApplyStatus, useLabStore } from '../store/index.ts';
import type { ApplyStatus } from '../store/index.ts';

function statusText(status: ApplyStatus): string {
  switch (status.type) {
    case 'idle':
      return 'Ctrl+Enter or Apply sends these documents to the cluster.';
    case 'applying':
      return 'Applying…';
    case 'applied':
      return status.message;
    case 'failed':
      return status.message;
  }
}

/** ApplyStatusLine is the one-line result of the last Apply; the full output is in the terminal. */
export function ApplyStatusLine() {
  const status = useLabStore(selectApplyStatus);
  return (
    <div
      className={`apply-status apply-status-${status.type}`}
      role="status"
      data-testid="apply-status"
      data-state={status.type}
    >
      {status.type === 'failed' && (
        <span className="apply-status-icon" aria-hidden="true">
          ✕
        </span>
      )}
      {status.type === 'applied' && (
        <span className="apply-status-icon" aria-hidden="true">
          ✓
        </span>
      )}
      <span className="apply-status-text" title={statusText(status)}>
        {statusText(status)}
      </span>
    </div>
  );
}
