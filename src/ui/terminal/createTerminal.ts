import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { CLEAR_SCREEN, ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN } from '../../clients/watch.ts';
import { LineEditor, prompt } from './lineEditor.ts';
import type { LineEditorHost } from './lineEditor.ts';
import { fitToScreen } from './screen.ts';

/** lightTheme matches the app's light palette; ANSI colours are darkened to stay readable on white. */
const lightTheme: ITheme = {
  background: '#ffffff',
  foreground: '#1f2328',
  cursor: '#1f2328',
  cursorAccent: '#ffffff',
  selectionBackground: '#b6d7ff',
  black: '#1f2328',
  red: '#cf222e',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0550ae',
  magenta: '#8250df',
  cyan: '#1b7c83',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#1a7f37',
  brightYellow: '#633c01',
  brightBlue: '#218bff',
  brightMagenta: '#a475f9',
  brightCyan: '#3192aa',
  brightWhite: '#8c959f',
};

const maxTranscriptEntries = 2000;
// eslint-disable-next-line no-control-regex
const ansiSequence = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]/g;

export interface TerminalView {
  print(text: string): void;
  run(line: string): void;
  focus(): void;
  destroy(): void;
}

/** CommandIO lets a running command stream output, hear Ctrl+C and know the terminal's width. */
export interface CommandIO {
  signal: AbortSignal;
  onOutput(chunk: string): void;
  columns(): number;
}

/** CommandOutput is what one command line printed, as the shell client returns it. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  clear?: boolean;
  /** session: the line opened an interactive shell in a container; lines go there until `exit`. */
  session?: { prompt(): string; run(line: string): Promise<CommandOutput & { exit?: boolean }> };
}

export interface TerminalOptions {
  /**
   * execute runs one command line; a rejected promise prints its message as an error. Long-running
   * commands stream through `io.onOutput` and stop when `io.signal` aborts (Ctrl+C).
   */
  execute(line: string, io: CommandIO): Promise<CommandOutput>;
  complete: LineEditorHost['complete'];
  /** transcript receives the plain text of everything printed, for screen readers and tests. */
  transcript: HTMLElement;
  greeting: string;
}

/**
 * createTerminal mounts xterm.js with a line editor in `container`. It fits the terminal to its box from
 * a ResizeObserver (only while the box has a size: a hidden terminal would get 0 columns).
 */
export function createTerminal(container: HTMLElement, options: TerminalOptions): TerminalView {
  const terminal = new Terminal({
    fontFamily: "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, monospace",
    fontSize: 13,
    lineHeight: 1.15,
    cursorBlink: true,
    cursorStyle: 'bar',
    scrollback: 5000,
    theme: lightTheme,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(container);

  const transcript = options.transcript;
  /**
   * alternateMark is where the transcript stood when a full-screen command (`watch`) switched to the
   * alternate screen: its frames replace each other from there, and leaving drops them, as the screen does.
   */
  let alternateMark: number | undefined;
  const log = (text: string) => {
    transcript.append(document.createTextNode(text.replace(ansiSequence, '')));
    while (transcript.childNodes.length > maxTranscriptEntries) {
      transcript.firstChild?.remove();
      if (alternateMark !== undefined) alternateMark = Math.max(0, alternateMark - 1);
    }
  };
  const truncateTranscript = (length: number) => {
    while (transcript.childNodes.length > length) transcript.lastChild?.remove();
  };
  /** commandOutput shows what a running command streams; full-screen frames are drawn on the alternate screen. */
  const commandOutput = (chunk: string) => {
    if (chunk === ENTER_ALTERNATE_SCREEN) {
      terminal.write(chunk);
      alternateMark = transcript.childNodes.length;
    } else if (chunk === LEAVE_ALTERNATE_SCREEN) {
      terminal.write(chunk);
      if (alternateMark !== undefined) truncateTranscript(alternateMark);
      alternateMark = undefined;
    } else if (alternateMark !== undefined && chunk.startsWith(CLEAR_SCREEN)) {
      truncateTranscript(alternateMark);
      terminal.write(CLEAR_SCREEN);
      editor.print(fitToScreen(chunk.slice(CLEAR_SCREEN.length), terminal.rows, terminal.cols));
    } else editor.print(chunk);
  };

  const clearScreen = () => {
    terminal.write('\x1b[3J\x1b[H\x1b[2J');
    transcript.replaceChildren();
  };
  let running: AbortController | undefined;
  let session: CommandOutput['session'];
  const submit = async (line: string) => {
    if (session) {
      const answer = await session.run(line);
      if (answer.stdout) editor.print(answer.stdout);
      if (answer.stderr) editor.print(answer.stderr);
      if (answer.exit) session = undefined;
      editor.setPrompt(session ? session.prompt() : prompt);
      return;
    }
    running = new AbortController();
    const output = await options
      .execute(line, {
        signal: running.signal,
        onOutput: commandOutput,
        // One column short: xterm's DOM renderer can clip a glyph drawn in the very last column
        // (its cells add up to a pixel or two more than the screen), which cut watch's year in half.
        columns: () => Math.max(1, terminal.cols - 1),
      })
      .finally(() => {
        running = undefined;
      });
    if (output.clear) clearScreen();
    if (output.stdout) editor.print(output.stdout);
    if (output.stderr) editor.print(output.stderr);
    if (output.session) {
      session = output.session;
      editor.setPrompt(session.prompt());
    }
  };
  const editor: LineEditor = new LineEditor(
    { write: (data) => terminal.write(data), log, columns: () => terminal.cols },
    {
      submit,
      complete: options.complete,
      clearScreen,
      interrupt: () => {
        if (!running) return;
        running.abort();
        editor.print('^C');
      },
    },
  );
  const dataListener = terminal.onData((data) => editor.handleData(data));

  let frame = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (container.clientWidth > 0 && container.clientHeight > 0) fit.fit();
    });
  });
  resize.observe(container);

  editor.print(options.greeting);
  editor.start();

  return {
    print: (text) => editor.print(text),
    run: (line) => editor.run(line),
    focus: () => terminal.focus(),
    destroy() {
      cancelAnimationFrame(frame);
      resize.disconnect();
      dataListener.dispose();
      terminal.dispose();
      transcript.replaceChildren();
    },
  };
}
