/**
 * TabWriter is Go's text/tabwriter as kubectl configures it: cells end at tabs, a column's width is
 * set per block of consecutive lines that have that cell, and the text after a line's last tab is
 * never padded. kubectl tables use padding 3; `kubectl describe` uses padding 2.
 */
export class TabWriter {
  private text = '';

  constructor(
    private readonly padding: number,
    private readonly minWidth = 0,
  ) {}

  write(text: string): void {
    this.text += text;
  }

  /** flush aligns everything written so far and returns it. */
  flush(): string {
    const lines = this.text.split('\n');
    const trailingNewline = this.text.endsWith('\n');
    if (trailingNewline) lines.pop();
    const cells = lines.map((line) => line.split('\t'));
    const out: string[] = cells.map(() => '');
    const widths: number[] = [];
    const width = (s: string) => [...s].length;
    const writeLines = (line0: number, line1: number) => {
      for (let i = line0; i < line1; i++) {
        const line = cells[i] as string[];
        let text = '';
        line.forEach((cell, j) => {
          if (j < widths.length && j < line.length - 1)
            text += cell + ' '.repeat(Math.max(0, (widths[j] ?? 0) - width(cell)));
          else text += cell;
        });
        out[i] = text;
      }
    };
    const format = (line0: number, line1: number) => {
      const column = widths.length;
      for (let current = line0; current < line1; current++) {
        const line = cells[current] as string[];
        if (column >= line.length - 1) continue;
        writeLines(line0, current);
        line0 = current;
        let w = this.minWidth;
        for (; current < line1; current++) {
          const l = cells[current] as string[];
          if (column >= l.length - 1) break;
          w = Math.max(w, width(l[column] as string) + this.padding);
        }
        widths.push(w);
        format(line0, current);
        widths.pop();
        line0 = current;
        current--;
      }
      writeLines(line0, line1);
    };
    format(0, cells.length);
    this.text = '';
    return out.join('\n') + (trailingNewline ? '\n' : '');
  }
}

export function tabulate(text: string, padding: number): string {
  const writer = new TabWriter(padding);
  writer.write(text);
  return writer.flush();
}
