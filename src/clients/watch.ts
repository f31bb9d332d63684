import type { CommandResult } from './kubectl/index.ts';

/**
 * `watch [-n SECONDS] [-t] COMMAND…` as procps-ng 4 does it: the screen is cleared and redrawn with a
 * header (`Every 2.0s: COMMAND` left, `kubelab: DATE` right) and the command's output, again and again
 * until Ctrl+C. Like the real one it draws on the terminal's alternate screen, so after Ctrl+C the
 * learner is back at the commands they typed before.
 *
 * Time: the interval is the learner's time (the page's real timers, through `sleep`), because that is
 * what "every 2 seconds" means to someone looking at the screen; the cluster meanwhile moves at the
 * speed the time controls set (2 s at 10× shows 20 simulated seconds of change between frames, and a
 * paused cluster redraws the same frame). The date in the header is the cluster's simulated clock, the
 * same time its AGE columns and events use.
 */
export interface WatchIO {
  /** run executes the watched command line once (as `sh -c` would) and gives back what it printed. */
  run(line: string): Promise<CommandResult>;
  /** now is the simulated clock, shown in the header. */
  now(): number;
  /** columns is the terminal's width, for right-aligning the header's date. */
  columns(): number;
  /** sleep waits between frames and returns early when `signal` aborts; tests inject one that moves simulated time. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** onOutput and signal are the terminal: frames are drawn through onOutput until signal aborts (Ctrl+C). */
  onOutput?: (chunk: string) => void;
  signal?: AbortSignal;
}

export const WATCH_HOST = 'kubelab';

/** The terminal sequences watch draws with: the alternate screen (xterm's 1049) and clear-and-home. */
export const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
export const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export const WATCH_USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

export interface WatchOptions {
  intervalSeconds: number;
  title: boolean;
  /** exitOnChange (-g) stops when the output differs from the previous frame's. */
  exitOnChange: boolean;
  /** exitOnError (-e) stops when the command exits non-zero. */
  exitOnError: boolean;
  command: string;
}

type Parsed = { ok: true; options: WatchOptions } | { ok: false; result: CommandResult };

const usageError = (message: string): Parsed => ({
  ok: false,
  result: { stdout: '', stderr: `${message}${WATCH_USAGE}`, exitCode: 1 },
});

/** intervalError: a missing `-n` value is a usage error (with the usage); a bad number is one line. */
const intervalError = (message: string): Parsed =>
  message.includes('requires')
    ? usageError(message)
    : { ok: false, result: { stdout: '', stderr: message, exitCode: 1 } };

/** Options that draw differently in a real terminal (colours, highlighting, beeps) but change nothing here. */
const COSMETIC_LETTERS = 'bcdpwx';
const COSMETIC_LONG = ['--beep', '--color', '--differences', '--precise', '--no-wrap', '--exec'];

/** parseWatchArgs reads watch's options up to the first word of the command (getopt with a leading `+`). */
export function parseWatchArgs(args: string[]): Parsed {
  const options: WatchOptions = {
    intervalSeconds: 2,
    title: true,
    exitOnChange: false,
    exitOnError: false,
    command: '',
  };
  let i = 0;
  const interval = (value: string | undefined, name: string): string | undefined => {
    if (value === undefined) return `watch: option requires an argument -- '${name}'\n`;
    const seconds = /^\s*[+]?(\d+\.?\d*|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(seconds)) return `watch: failed to parse argument: '${value}': Invalid argument\n`;
    options.intervalSeconds = Math.max(0.1, seconds);
    return undefined;
  };
  for (; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      i += 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg.startsWith('--')) {
      const [name, value] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg];
      if (name === '--interval') {
        const error = interval(value ?? args[(i += 1)], 'n');
        if (error) return intervalError(error);
      } else if (name === '--no-title') options.title = false;
      else if (name === '--chgexit') options.exitOnChange = true;
      else if (name === '--errexit') options.exitOnError = true;
      else if (name === '--help')
        return { ok: false, result: { stdout: WATCH_USAGE.slice(1), stderr: '', exitCode: 0 } };
      else if (name === '--version')
        return { ok: false, result: { stdout: 'watch from procps-ng 4.0.2\n', stderr: '', exitCode: 0 } };
      else if (!COSMETIC_LONG.includes(name ?? '')) return usageError(`watch: unrecognized option '${arg}'\n`);
      continue;
    }
    for (let j = 1; j < arg.length; j += 1) {
      const letter = arg[j] as string;
      if (letter === 'n') {
        const attached = arg.slice(j + 1);
        const error = interval(attached !== '' ? attached : args[(i += 1)], 'n');
        if (error) return intervalError(error);
        break;
      }
      if (letter === 't') options.title = false;
      else if (letter === 'g') options.exitOnChange = true;
      else if (letter === 'e') options.exitOnError = true;
      else if (letter === 'h') return { ok: false, result: { stdout: WATCH_USAGE.slice(1), stderr: '', exitCode: 0 } };
      else if (letter === 'v')
        return { ok: false, result: { stdout: 'watch from procps-ng 4.0.2\n', stderr: '', exitCode: 0 } };
      else if (!COSMETIC_LETTERS.includes(letter)) return usageError(`watch: invalid option -- '${letter}'\n`);
    }
  }
  const command = args.slice(i);
  if (command.length === 0) return usageError('');
  options.command = command.join(' ');
  return { ok: true, options };
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** watchDate is the header's date, asctime's format (`Mon Nov  3 17:03:18 2026`) in UTC, the lab clock's zone. */
export function watchDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * watchHeader lays out procps-ng's first line within `width`: the date right-aligned to the last column,
 * the command cut with `...` when both do not fit, and only the date (or nothing) on narrow terminals.
 */
export function watchHeader(intervalSeconds: number, command: string, date: string, width: number): string {
  const right = `${WATCH_HOST}: ${date}`;
  if (width <= right.length) return '';
  const lead = `Every ${intervalSeconds.toFixed(1)}s: `;
  const room = width - right.length - 2;
  let left: string;
  if (room < lead.length) left = '';
  else if (lead.length + command.length + 1 <= width - right.length) left = lead + command;
  else if (room === lead.length) left = lead;
  else left = `${(lead + command).slice(0, room - 3)}...`;
  return left.padEnd(width - right.length) + right;
}

function frameText(options: WatchOptions, io: WatchIO, output: string): string {
  if (!options.title) return output;
  return `${watchHeader(options.intervalSeconds, options.command, watchDate(io.now()), io.columns())}\n\n${output}`;
}

/**
 * runWatch runs `watch ARGS…`. In the terminal (onOutput and signal given) it redraws until Ctrl+C.
 * Without them — a test, or `watch … | grep` where nothing could ever stop it — it draws one frame and
 * returns it, the one snapshot such a caller can use.
 */
export async function runWatch(args: string[], io: WatchIO): Promise<CommandResult> {
  const parsed = parseWatchArgs(args);
  if (!parsed.ok) return parsed.result;
  const { options } = parsed;
  const runOnce = async () => {
    const result = await io.run(options.command);
    return { text: result.stdout + result.stderr, exitCode: result.exitCode };
  };
  const { onOutput, signal } = io;
  if (!onOutput || !signal) {
    const { text } = await runOnce();
    return { stdout: frameText(options, io, text), stderr: '', exitCode: 0 };
  }
  onOutput(ENTER_ALTERNATE_SCREEN);
  let previous: string | undefined;
  try {
    while (!signal.aborted) {
      const { text, exitCode } = await runOnce();
      if (signal.aborted) break;
      onOutput(`${CLEAR_SCREEN}${frameText(options, io, text)}`);
      if (options.exitOnError && exitCode !== 0) break;
      if (options.exitOnChange && previous !== undefined && previous !== text) break;
      previous = text;
      await io.sleep(options.intervalSeconds * 1000, signal);
    }
  } finally {
    onOutput(LEAVE_ALTERNATE_SCREEN);
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** realSleep waits on the page's (or Node's) timers, returning early when `signal` aborts. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
