/**
 * LineEditor is the terminal's readline: a prompt, a line buffer with a cursor, history and Tab completion,
 * driven by the raw data xterm's onData hands over. It knows nothing about xterm or the cluster: output goes
 * to `io.write` (raw terminal data) and `io.log` (the plain-text transcript); commands and completions go
 * to the host through `host`.
 */
export interface LineEditorIO {
  write(data: string): void;
  log(text: string): void;
  columns(): number;
}

export interface LineEditorHost {
  /** submit runs one command line; the editor shows the next prompt when the promise settles. */
  submit(line: string): Promise<void>;
  /** complete returns candidates for the last word of `line` (the text before the cursor). */
  complete(line: string): Promise<string[]>;
  /** clearScreen wipes the screen and scroll-back (Ctrl+L). */
  clearScreen(): void;
  /** interrupt stops the running command (Ctrl+C while `kubectl get -w` or `logs -f` streams). */
  interrupt?(): void;
}

export const prompt = '$ ';
const maxHistory = 500;

/** commonPrefix is the longest prefix all candidates share, for completing as far as is unambiguous. */
export function commonPrefix(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let end = first.length;
  for (const word of rest) {
    let i = 0;
    while (i < end && i < word.length && word[i] === first[i]) i += 1;
    end = i;
  }
  return first.slice(0, end);
}

/** formatColumns lays completion candidates out in columns across the terminal's width, like bash. */
export function formatColumns(words: readonly string[], columns: number): string {
  const width = Math.max(...words.map((word) => word.length)) + 2;
  const perRow = Math.max(1, Math.floor(columns / width));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) {
    rows.push(
      words
        .slice(i, i + perRow)
        .map((word) => word.padEnd(width))
        .join('')
        .trimEnd(),
    );
  }
  return rows.join('\r\n');
}

export class LineEditor {
  private buffer = '';
  private cursor = 0;
  /** cursorRow is the row of the cursor relative to the prompt's first row, for redrawing wrapped lines. */
  private cursorRow = 0;
  private readonly history: string[] = [];
  /** historyIndex points into history while browsing it; history.length means "the line being typed". */
  private historyIndex = 0;
  private draft = '';
  private busy = false;
  private promptShown = false;
  /** promptText is `$ ` at the lab's shell and the container's prompt inside `kubectl exec -it`. */
  private promptText = prompt;
  private readonly queue: string[] = [];

  constructor(
    private readonly io: LineEditorIO,
    private readonly host: LineEditorHost,
  ) {}

  /** start shows the first prompt. */
  start(): void {
    this.showPrompt();
  }

  get line(): string {
    return this.buffer;
  }

  /** handleData takes what the learner typed or pasted; input that arrives while a command runs waits. */
  handleData(data: string): void {
    if (this.busy) {
      if (data === '\x03') {
        this.queue.length = 0;
        this.host.interrupt?.();
        return;
      }
      this.queue.push(data);
      return;
    }
    this.consume(data);
  }

  /** print writes text above the prompt (Apply output, notices) and redraws the line being typed. */
  print(text: string): void {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    if (this.promptShown) this.eraseLine();
    this.io.write(body.replace(/\r?\n/g, '\r\n') + '\r\n');
    this.io.log(body + '\n');
    if (this.promptShown) this.render();
  }

  /** setPrompt changes the prompt shown from the next line on. */
  setPrompt(text: string): void {
    this.promptText = text;
  }

  /** run types `line` at the prompt and presses Enter. */
  run(line: string): void {
    this.handleData(line.replace(/[\r\n]+/g, ' ') + '\r');
  }

  private consume(data: string): void {
    let i = 0;
    while (i < data.length && !this.busy) {
      const rest = data.slice(i);
      // eslint-disable-next-line no-control-regex -- terminal input is control sequences
      const escape = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(rest);
      if (escape) {
        this.handleEscape(escape[0]);
        i += escape[0].length;
        continue;
      }
      const ch = rest[0] ?? '';
      i += ch === '\r' && rest[1] === '\n' ? 2 : 1;
      this.handleKey(ch);
    }
    if (i < data.length) this.queue.push(data.slice(i));
  }

  private handleEscape(sequence: string): void {
    switch (sequence) {
      case '\x1b[D':
      case '\x1bOD':
        return this.moveTo(this.cursor - 1);
      case '\x1b[C':
      case '\x1bOC':
        return this.moveTo(this.cursor + 1);
      case '\x1b[A':
      case '\x1bOA':
        return this.browseHistory(-1);
      case '\x1b[B':
      case '\x1bOB':
        return this.browseHistory(1);
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
        return this.moveTo(0);
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
        return this.moveTo(this.buffer.length);
      case '\x1b[3~':
        if (this.cursor < this.buffer.length) {
          this.edit(this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1), this.cursor);
        }
        return;
      default:
        return; // other sequences (function keys, bracketed paste markers) are ignored
    }
  }

  private handleKey(ch: string): void {
    switch (ch) {
      case '\r':
      case '\n':
        return this.submit();
      case '\x7f':
      case '\b':
        if (this.cursor > 0) {
          this.edit(this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor), this.cursor - 1);
        }
        return;
      case '\x03':
        return this.cancel();
      case '\x0c':
        this.host.clearScreen();
        this.cursorRow = 0;
        this.render();
        return;
      case '\t':
        return this.complete();
      case '\x01':
        return this.moveTo(0);
      case '\x05':
        return this.moveTo(this.buffer.length);
      case '\x15':
        return this.edit(this.buffer.slice(this.cursor), 0);
      case '\x0b':
        return this.edit(this.buffer.slice(0, this.cursor), this.cursor);
      case '\x17': {
        const before = this.buffer.slice(0, this.cursor).replace(/\S+\s*$/, '');
        return this.edit(before + this.buffer.slice(this.cursor), before.length);
      }
      default:
        if (ch >= ' ' && ch !== '\x7f') this.insert(ch);
    }
  }

  private insert(text: string): void {
    this.edit(this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor), this.cursor + text.length);
  }

  private edit(buffer: string, cursor: number): void {
    this.buffer = buffer;
    this.cursor = Math.max(0, Math.min(cursor, buffer.length));
    this.render();
  }

  private moveTo(cursor: number): void {
    const next = Math.max(0, Math.min(cursor, this.buffer.length));
    if (next === this.cursor) return;
    this.cursor = next;
    this.render();
  }

  private browseHistory(direction: -1 | 1): void {
    const next = this.historyIndex + direction;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.buffer;
    this.historyIndex = next;
    const text = next === this.history.length ? this.draft : (this.history[next] ?? '');
    this.edit(text, text.length);
  }

  private cancel(): void {
    this.moveTo(this.buffer.length);
    this.io.write('^C\r\n');
    this.io.log(`${this.promptText}${this.buffer}^C\n`);
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.showPrompt();
  }

  private submit(): void {
    const line = this.buffer;
    this.moveTo(line.length);
    this.io.write('\r\n');
    this.io.log(`${this.promptText}${line}\n`);
    this.promptShown = false;
    this.buffer = '';
    this.cursor = 0;
    if (line.trim().length > 0 && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > maxHistory) this.history.shift();
    }
    this.historyIndex = this.history.length;
    this.draft = '';
    if (line.trim().length === 0) {
      this.showPrompt();
      return;
    }
    this.whileBusy(this.host.submit(line), () => this.showPrompt());
  }

  private complete(): void {
    const before = this.buffer.slice(0, this.cursor);
    const word = /\S*$/.exec(before)?.[0] ?? '';
    this.whileBusy(this.host.complete(before), (candidates) => {
      const unique = [...new Set(candidates)];
      if (unique.length === 0) return;
      if (unique.length === 1) {
        const only = unique[0] ?? '';
        const suffix = /[/=:]$/.test(only) ? '' : ' ';
        this.replaceWord(word, only + suffix);
        return;
      }
      const shared = commonPrefix(unique);
      if (shared.length > word.length && shared.startsWith(word)) {
        this.replaceWord(word, shared);
        return;
      }
      this.print(formatColumns(unique, this.io.columns()));
    });
  }

  private replaceWord(word: string, replacement: string): void {
    const start = this.cursor - word.length;
    const after = this.buffer.slice(this.cursor);
    this.edit(this.buffer.slice(0, start) + replacement + after, start + replacement.length);
  }

  private whileBusy<T>(work: Promise<T>, done: (value: T) => void): void {
    this.busy = true;
    const finish = (value: T | undefined, ok: boolean) => {
      this.busy = false;
      if (ok) done(value as T);
      else if (!this.promptShown) this.showPrompt();
      const queued = this.queue.splice(0).join('');
      if (queued) this.handleData(queued);
    };
    work.then(
      (value) => finish(value, true),
      () => finish(undefined, false),
    );
  }

  private showPrompt(): void {
    this.promptShown = true;
    this.cursorRow = 0;
    this.render();
  }

  /** eraseLine moves to the prompt's first row and clears everything from there down. */
  private eraseLine(): void {
    if (this.cursorRow > 0) this.io.write(`\x1b[${this.cursorRow}A`);
    this.io.write('\r\x1b[J');
    this.cursorRow = 0;
  }

  /** render redraws prompt and buffer (wrapping over several rows if needed) and places the cursor. */
  private render(): void {
    const columns = Math.max(1, this.io.columns());
    this.eraseLine();
    const total = this.promptText.length + this.buffer.length;
    let out = this.promptText + this.buffer;
    // At an exact multiple of the width the terminal waits to wrap; force the wrap so rows add up.
    if (total > 0 && total % columns === 0) out += ' \b';
    const endRow = Math.floor(total / columns);
    const target = this.promptText.length + this.cursor;
    const targetRow = Math.floor(target / columns);
    const targetColumn = target % columns;
    if (endRow > targetRow) out += `\x1b[${endRow - targetRow}A`;
    out += '\r';
    if (targetColumn > 0) out += `\x1b[${targetColumn}C`;
    this.io.write(out);
    this.cursorRow = targetRow;
  }
}
