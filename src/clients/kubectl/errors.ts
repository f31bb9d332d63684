import { isStatus, type Status } from '../../engine/index.ts';

/**
 * kubectl's error texts (k8s.io/kubectl/pkg/cmd/util/helpers.go: CheckErr, StandardErrorMessage,
 * MultilineError), so a learner sees here what a real cluster prints.
 */
export function statusMessage(status: Status, source?: { verb: string; file: string }): string {
  if (status.reason === 'Invalid') {
    const details = status.details;
    let prefix = 'The request is invalid';
    if (details && (details.kind || details.name))
      prefix = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
    const causes = details?.causes ?? [];
    if (!details) return `${prefix}\n`;
    if (causes.length === 0) return `${prefix}\n`;
    const lines = causes.map((c) => `${c.field}: ${c.message}`);
    if (lines.length === 1) return `${prefix}: ${lines[0]}\n`;
    return `${prefix}: \n${lines.map((l) => `* ${l}`).join('\n')}\n`;
  }
  const message = source
    ? `error when ${source.verb} "${source.file}": ${status.message ?? ''}`
    : (status.message ?? '');
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})\n`;
  if (status.reason) return `Error from server (${status.reason}): ${message}\n`;
  return `Error from server: ${message}\n`;
}

/** responseError turns a failed response into kubectl's line, or undefined when it succeeded. */
export function responseError(
  response: { status: number; body: unknown },
  source?: { verb: string; file: string },
): string | undefined {
  if (response.status < 400) return undefined;
  if (isStatus(response.body)) return statusMessage(response.body, source);
  return `Error from server: ${typeof response.body === 'string' ? response.body : JSON.stringify(response.body)}\n`;
}

/** usageError is how kubectl reports a misused command: the error, then where to find help. */
export function usageError(command: string, message: string): string {
  return `error: ${message}\nSee 'kubectl ${command} -h' for help and examples\n`;
}

/**
 * aggregateErrors prints the errors a ContinueOnError command collected as cmdutil.CheckErr does:
 * a plain message (no trailing newline) gets `error: ` when it is the only one, and none when there
 * are several; already formatted lines (server errors from responseError, ending in a newline) are
 * printed as they are.
 */
export function aggregateErrors(messages: string[]): string {
  if (messages.length === 0) return '';
  if (messages.length === 1) {
    const message = messages[0] as string;
    if (message.endsWith('\n')) return message;
    return message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`;
  }
  return messages.map((m) => (m.endsWith('\n') ? m : `${m}\n`)).join('');
}
