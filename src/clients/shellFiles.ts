import {
  HOME,
  children,
  fsErrorText,
  isFolder,
  makeFolder,
  readFile,
  removePath,
  resolvePath,
  stat,
  writeFile,
  type FsError,
  type WorkspaceEntry,
  type WorkspaceStore,
} from './workspace.ts';
import type { CommandResult } from './kubectl/index.ts';

/**
 * The terminal's file commands over the learner's workspace — `ls`, `cat`, `pwd`, `cd`, `rm`, `mkdir`,
 * `touch` — with coreutils' options and error texts, plus glob expansion and the `>`/`>>`/`<`
 * redirections the shell needs from them.
 */
export const FILE_COMMANDS = ['ls', 'cat', 'pwd', 'cd', 'rm', 'mkdir', 'touch'] as const;

export interface FileCommandIO {
  /** stdin is what a pipe or `<` hands over (cat without operands copies it). */
  stdin?: string;
  /** tty: output goes to the terminal (ls prints columns) rather than into a pipe or file (one name a line). */
  tty: boolean;
  columns: number;
}

const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });

/** splitOptions separates `-la` style option letters from operands; `--` ends the options, `-` is an operand. */
function splitOptions(args: string[]): { letters: string[]; long: string[]; operands: string[] } {
  const letters: string[] = [];
  const long: string[] = [];
  const operands: string[] = [];
  let optionsDone = false;
  for (const arg of args) {
    if (optionsDone || arg === '-' || !arg.startsWith('-')) operands.push(arg);
    else if (arg === '--') optionsDone = true;
    else if (arg.startsWith('--')) long.push(arg);
    else letters.push(...arg.slice(1));
  }
  return { letters, long, operands };
}

function badOption(command: string, letters: string[], long: string[], allowed: string): CommandResult | undefined {
  const unknownLong = long[0];
  if (unknownLong !== undefined)
    return {
      stdout: '',
      stderr: `${command}: unrecognized option '${unknownLong}'\nTry '${command} --help' for more information.\n`,
      exitCode: command === 'ls' ? 2 : 1,
    };
  const unknown = letters.find((l) => !allowed.includes(l));
  if (unknown === undefined) return undefined;
  return {
    stdout: '',
    stderr: `${command}: invalid option -- '${unknown}'\nTry '${command} --help' for more information.\n`,
    exitCode: command === 'ls' ? 2 : 1,
  };
}

function missingOperand(command: string): CommandResult {
  return {
    stdout: '',
    stderr: `${command}: missing operand\nTry '${command} --help' for more information.\n`,
    exitCode: 1,
  };
}

/** runFileCommand runs one of FILE_COMMANDS; undefined when `name` is not one. */
export function runFileCommand(
  name: string,
  args: string[],
  files: WorkspaceStore,
  io: FileCommandIO,
): CommandResult | undefined {
  switch (name) {
    case 'ls':
      return ls(args, files, io);
    case 'cat':
      return cat(args, files, io);
    case 'pwd':
      return ok(`${HOME}\n`);
    case 'cd':
      return cd(args, files);
    case 'rm':
      return rm(args, files);
    case 'mkdir':
      return mkdir(args, files);
    case 'touch':
      return touch(args, files);
    default:
      return undefined;
  }
}

function cat(args: string[], files: WorkspaceStore, io: FileCommandIO): CommandResult {
  const { letters, long, operands } = splitOptions(args);
  const bad = badOption('cat', letters, long, '');
  if (bad) return bad;
  if (operands.length === 0) return ok(io.stdin ?? '');
  let stdout = '';
  let stderr = '';
  for (const operand of operands) {
    if (operand === '-') {
      stdout += io.stdin ?? '';
      continue;
    }
    const found = stat(files.get(), operand);
    if ('error' in found) stderr += `cat: ${operand}: ${fsErrorText(found.error)}\n`;
    else if (found.type === 'folder') stderr += `cat: ${operand}: ${fsErrorText('EISDIR')}\n`;
    else stdout += readFile(files.get(), operand) ?? '';
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function cd(args: string[], files: WorkspaceStore): CommandResult {
  const target = args[0];
  if (target === undefined || resolvePath(target) === '') return ok();
  const found = stat(files.get(), target);
  if ('error' in found) return { stdout: '', stderr: `sh: cd: ${target}: ${fsErrorText(found.error)}\n`, exitCode: 1 };
  if (found.type === 'file') return { stdout: '', stderr: `sh: cd: ${target}: Not a directory\n`, exitCode: 1 };
  return {
    stdout: '',
    stderr: `sh: cd: the lab's terminal stays in ${HOME}; name files by their path instead, e.g. ls ${target}\n`,
    exitCode: 1,
  };
}

function rm(args: string[], files: WorkspaceStore): CommandResult {
  const { letters, long, operands } = splitOptions(args);
  const bad = badOption('rm', letters, long, 'rRfiv');
  if (bad) return bad;
  const force = letters.includes('f');
  const recursive = letters.includes('r') || letters.includes('R');
  if (operands.length === 0) return force ? ok() : missingOperand('rm');
  let stderr = '';
  for (const operand of operands) {
    const base = operand.replace(/\/+$/, '').split('/').pop();
    if (recursive && (base === '.' || base === '..')) {
      stderr += `rm: refusing to remove '.' or '..' directory: skipping '${operand}'\n`;
      continue;
    }
    const removed = removePath(files.get(), operand, { recursive });
    if (removed.ok) files.set(removed.workspace);
    else if (!(force && removed.error === 'ENOENT'))
      stderr += `rm: cannot remove '${operand}': ${fsErrorText(removed.error)}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

function mkdir(args: string[], files: WorkspaceStore): CommandResult {
  const { letters, long, operands } = splitOptions(args);
  const bad = badOption('mkdir', letters, long, 'pv');
  if (bad) return bad;
  if (operands.length === 0) return missingOperand('mkdir');
  let stderr = '';
  for (const operand of operands) {
    const made = makeFolder(files.get(), operand, files.now(), { parents: letters.includes('p') });
    if (made.ok) files.set(made.workspace);
    else stderr += `mkdir: cannot create directory '${operand}': ${fsErrorText(made.error)}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

function touch(args: string[], files: WorkspaceStore): CommandResult {
  const { letters, long, operands } = splitOptions(args);
  const bad = badOption('touch', letters, long, 'c');
  if (bad) return bad;
  if (operands.length === 0)
    return {
      stdout: '',
      stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n",
      exitCode: 1,
    };
  let stderr = '';
  for (const operand of operands) {
    const found = stat(files.get(), operand);
    if (!('error' in found) && found.type === 'folder') continue;
    if ('error' in found && letters.includes('c')) continue;
    const written = writeFile(files.get(), operand, readFile(files.get(), operand) ?? '', files.now());
    if (written.ok) files.set(written.workspace);
    else stderr += `touch: cannot touch '${operand}': ${fsErrorText(written.error)}\n`;
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const sixMonthsMs = (365.2425 / 2) * 24 * 3600 * 1000;

/** lsTime is `ls -l`'s date (UTC, like the lab's clock): `Nov 23 17:03` if recent, `Nov 23  2025` if not. */
export function lsTime(ms: number, now: number): string {
  const date = new Date(ms);
  const day = `${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')}`;
  if (ms > now - sixMonthsMs && ms <= now + 60 * 60 * 1000) {
    const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
    return `${day} ${time}`;
  }
  return `${day}  ${date.getUTCFullYear()}`;
}

/** columnsLayout is `ls -C`: names down then across, as many columns as the width allows, two spaces apart. */
export function columnsLayout(names: readonly string[], width: number): string {
  if (names.length === 0) return '';
  for (let rows = 1; rows <= names.length; rows += 1) {
    const cols = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < cols; c += 1) {
      const column = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...column.map((n) => n.length)) + (c < cols - 1 ? 2 : 0));
    }
    if (widths.reduce((a, b) => a + b, 0) > width && rows < names.length) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r += 1) {
      let line = '';
      for (let c = 0; c < cols; c += 1) {
        const name = names[c * rows + r];
        if (name !== undefined) line += c < cols - 1 ? name.padEnd(widths[c] ?? 0) : name;
      }
      lines.push(line.trimEnd());
    }
    return `${lines.join('\n')}\n`;
  }
  return `${names.join('\n')}\n`;
}

function longListing(entries: WorkspaceEntry[], now: number, withTotal: boolean, links: (e: WorkspaceEntry) => number) {
  const sizeWidth = Math.max(0, ...entries.map((e) => String(e.size).length));
  const linkWidth = Math.max(0, ...entries.map((e) => String(links(e)).length));
  const blocks = entries.reduce((sum, e) => sum + Math.ceil(e.size / 4096) * 4, 0);
  const lines = entries.map(
    (e) =>
      `${e.type === 'folder' ? 'drwxr-xr-x' : '-rw-r--r--'} ${String(links(e)).padStart(linkWidth)} student student ${String(e.size).padStart(sizeWidth)} ${lsTime(e.modified, now)} ${e.name}`,
  );
  return `${withTotal ? `total ${blocks}\n` : ''}${lines.map((l) => `${l}\n`).join('')}`;
}

function ls(args: string[], files: WorkspaceStore, io: FileCommandIO): CommandResult {
  const { letters, long, operands } = splitOptions(args);
  const bad = badOption('ls', letters, long, 'laA1dF');
  if (bad) return bad;
  const workspace = files.get();
  const now = files.now();
  const isLong = letters.includes('l');
  const all = letters.includes('a');
  const classify = letters.includes('F');
  const onePerLine = letters.includes('1') || !io.tty;
  const shown = (e: WorkspaceEntry) => (classify && e.type === 'folder' ? `${e.name}/` : e.name);
  const links = (e: WorkspaceEntry & { key?: string }) => {
    if (e.type === 'file') return 1;
    const key = e.key;
    return 2 + (key === undefined ? 0 : (children(workspace, key) ?? []).filter((c) => c.type === 'folder').length);
  };
  const render = (entries: (WorkspaceEntry & { key?: string })[], withTotal: boolean) => {
    if (isLong) return longListing(entries, now, withTotal, links);
    const names = entries.map(shown);
    return onePerLine ? names.map((n) => `${n}\n`).join('') : columnsLayout(names, io.columns);
  };
  let stderr = '';
  const fileOperands: (WorkspaceEntry & { key: string })[] = [];
  const folderOperands: (WorkspaceEntry & { key: string })[] = [];
  for (const operand of operands.length ? operands : ['.']) {
    const found = stat(workspace, operand);
    if ('error' in found) stderr += `ls: cannot access '${operand}': ${fsErrorText(found.error)}\n`;
    else if (found.type === 'file' || letters.includes('d')) fileOperands.push(found);
    else folderOperands.push(found);
  }
  const sections: string[] = [];
  if (fileOperands.length) sections.push(render(fileOperands, false));
  const headed = operands.length > 1 || (stderr !== '' && folderOperands.length > 0);
  for (const folder of folderOperands) {
    const inside = (children(workspace, folder.key) ?? []).map((e) => ({
      ...e,
      key: folder.key === '' ? e.name : `${folder.key}/${e.name}`,
    }));
    const parentKey = folder.key.includes('/') ? folder.key.slice(0, folder.key.lastIndexOf('/')) : '';
    const dots = all
      ? [
          { name: '.', type: 'folder' as const, size: 4096, modified: folder.modified, key: folder.key },
          {
            name: '..',
            type: 'folder' as const,
            size: 4096,
            modified: folder.modified,
            ...(folder.key === '' ? {} : { key: parentKey }),
          },
        ]
      : [];
    const body = render([...dots, ...inside], true);
    sections.push(headed ? `${folder.name}:\n${body}` : body);
  }
  return { stdout: sections.join('\n'), stderr, exitCode: stderr ? 2 : 0 };
}

const globChars = /[*?[]/;

function globRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * expandGlob is the shell's pathname expansion over the workspace: `*.yaml`, `k8s/*`, `pod?.yaml`. A
 * pattern that matches nothing stays as it is (bash's default), so `jsonpath={.items[*].name}` reaches
 * kubectl untouched.
 */
export function expandGlob(pattern: string, files: WorkspaceStore): string[] {
  if (!globChars.test(pattern)) return [pattern];
  const workspace = files.get();
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/');
  let matches: string[] = [absolute ? '/' : ''];
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index === 0) continue;
    const next: string[] = [];
    for (const base of matches) {
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? `${base}${name}` : `${base}/${name}`);
      if (!globChars.test(segment)) {
        next.push(join(segment));
        continue;
      }
      const key = resolvePath(base === '' ? '.' : base);
      if (key === undefined || !isFolder(workspace, key)) continue;
      const regex = globRegex(segment);
      for (const entry of children(workspace, key) ?? []) {
        if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
        if (regex.test(entry.name)) next.push(join(entry.name));
      }
    }
    matches = next;
  }
  const existing = matches.filter((m) => !('error' in stat(workspace, m)));
  return existing.length ? existing.sort() : [pattern];
}

/** writeRedirect is `> FILE` (or `>>` with `append`): no parent folders are made, as in a real shell. */
export function writeRedirect(files: WorkspaceStore, path: string, text: string, append: boolean): FsError | undefined {
  const before = append ? (readFile(files.get(), path) ?? '') : '';
  const written = writeFile(files.get(), path, before + text, files.now());
  if (!written.ok) return written.error;
  files.set(written.workspace);
  return undefined;
}

/** FILE_FLAGS are the options whose value is a local path, for Tab completion. */
const FILE_FLAGS = new Set(['-f', '--filename', '-k', '--kustomize', '--from-file', '--from-env-file', '--patch-file']);
const FILE_VALUE_PREFIX =
  /^(--filename=|--kustomize=|--from-file=(?:[^=]*=)?|--from-env-file=|--patch-file=|-f=|-k=|(?:-o=?|--output=)?go-template-file=|(?:-o=?|--output=)?jsonpath-file=|--template=)/;

/**
 * completePath offers workspace paths for the last word when the words before it take a file: after
 * `-f`/`-k` and friends, as the value of `--from-file=` or `-o go-template-file=`, and as the operands
 * of cat, ls, rm, touch and mkdir. Folders end in `/` so Tab can go on into them. undefined: not a path.
 */
export function completePath(before: string[], last: string, files: WorkspaceStore): string[] | undefined {
  const previous = before[before.length - 1] ?? '';
  const command = before[0] ?? '';
  const prefixMatch = FILE_VALUE_PREFIX.exec(last);
  const takesPath =
    FILE_FLAGS.has(previous) ||
    prefixMatch !== null ||
    ((FILE_COMMANDS as readonly string[]).includes(command) && !last.startsWith('-'));
  if (!takesPath) return undefined;
  const prefix = prefixMatch?.[0] ?? '';
  const partial = last.slice(prefix.length);
  const slash = partial.lastIndexOf('/');
  const folderPart = slash < 0 ? '' : partial.slice(0, slash + 1);
  const namePart = partial.slice(slash + 1);
  const key = resolvePath(folderPart === '' ? '.' : folderPart);
  if (key === undefined) return [];
  const onlyFolders = command === 'cd' || command === 'mkdir';
  return (children(files.get(), key) ?? [])
    .filter((e) => e.name.startsWith(namePart) && (!onlyFolders || e.type === 'folder'))
    .map((e) => `${prefix}${folderPart}${e.name}${e.type === 'folder' ? '/' : ''}`);
}
