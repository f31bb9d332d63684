/**
 * fitToScreen keeps the lines of a full-screen frame (`watch`) that fit in `rows` rows of `columns`
 * columns, counting the rows a long line wraps onto, as a curses program draws only what the screen
 * holds. The last row stays free for the cursor, so the frame never scrolls its first line away.
 */
export function fitToScreen(text: string, rows: number, columns: number): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const width = Math.max(1, columns);
  const room = Math.max(1, rows - 1);
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const height = Math.max(1, Math.ceil(line.length / width));
    if (used + height > room) {
      const left = room - used;
      if (left > 0) kept.push(line.slice(0, left * width));
      break;
    }
    kept.push(line);
    used += height;
  }
  return kept.join('\n');
}
