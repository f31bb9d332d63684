/** errorMessage turns anything thrown into one line for the learner: the message, never a stack trace. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n').find((line) => line.trim().length > 0) ?? 'unknown error';
  return firstLine.trim();
}
