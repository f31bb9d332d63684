import { errnoText, normalizePath } from '../../vfs.ts';
import { formatDate } from './date.ts';
import { isGnu, resolvePath, type Invocation, type Program, type ProgramResult } from '../program.ts';

/** Each tool words failures its own way; busybox and GNU coreutils differ, so both are here. */
export function said(inv: Invocation, gnu: string, busybox: string): string {
  return (isGnu(inv) ? gnu : busybox) + '\n';
}

export function splitFlags(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && /^-[A-Za-z0-9]+$/.test(a)) for (const c of a.slice(1)) flags.add(c);
    else if (!done && a.startsWith('--')) flags.add(a);
    else operands.push(a);
  }
  return { flags, operands };
}

const cat: Program = (inv) => {
  const { flags, operands } = splitFlags(inv.argv.slice(1));
  let out = '';
  let err = '';
  let status = 0;
  const sources = operands.length === 0 ? ['-'] : operands;
  for (const file of sources) {
    if (file === '-') {
      out += inv.stdin ?? '';
      continue;
    }
    const read = inv.fs.readFile(resolvePath(inv, file));
    if (read.ok) out += read.value;
    else {
      status = 1;
      const reason = errnoText[read.errno];
      err +=
        read.errno === 'EISDIR'
          ? said(inv, `cat: ${file}: Is a directory`, 'cat: read error: Is a directory')
          : said(inv, `cat: ${file}: ${reason}`, `cat: can't open '${file}': ${reason}`);
    }
  }
  if (flags.has('n')) {
    const lines = out.split('\n');
    const trailing = out.endsWith('\n');
    if (trailing) lines.pop();
    out = lines.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('\n') + (trailing ? '\n' : '');
  }
  return { status, stdout: out, stderr: err };
};

const touch: Program = (inv) => {
  const { operands } = splitFlags(inv.argv.slice(1));
  let err = '';
  for (const file of operands) {
    const r = inv.fs.touch(resolvePath(inv, file), inv.now);
    if (!r.ok)
      err += said(inv, `touch: cannot touch '${file}': ${errnoText[r.errno]}`, `touch: ${file}: ${errnoText[r.errno]}`);
  }
  return { status: err ? 1 : 0, stderr: err };
};

const rm: Program = (inv) => {
  const { flags, operands } = splitFlags(inv.argv.slice(1));
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  let err = '';
  for (const file of operands) {
    const path = resolvePath(inv, file);
    const st = inv.fs.stat(path);
    if (!st.ok) {
      if (!force)
        err += said(
          inv,
          `rm: cannot remove '${file}': No such file or directory`,
          `rm: can't remove '${file}': No such file or directory`,
        );
      continue;
    }
    if (st.value.type === 'dir' && !recursive) {
      err += said(inv, `rm: cannot remove '${file}': Is a directory`, `rm: '${file}' is a directory`);
      continue;
    }
    const r = inv.fs.rm(path, { recursive });
    if (!r.ok)
      err += said(
        inv,
        `rm: cannot remove '${file}': ${errnoText[r.errno]}`,
        `rm: can't remove '${file}': ${errnoText[r.errno]}`,
      );
  }
  return { status: err ? 1 : 0, stderr: err };
};

export function modeString(type: 'dir' | 'file', mode: number): string {
  const bits = 'rwxrwxrwx';
  let s = type === 'dir' ? 'd' : '-';
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? bits[i] : '-';
  if (mode & 0o1000) s = s.slice(0, 9) + (s[9] === 'x' ? 't' : 'T');
  return s;
}

export function humanSize(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? String(bytes) : `${v < 10 ? v.toFixed(1) : Math.round(v)}${units[i]}`;
}

const ls: Program = (inv) => {
  const { flags, operands } = splitFlags(inv.argv.slice(1));
  const long = flags.has('l');
  const all = flags.has('a') || flags.has('A');
  const human = flags.has('h');
  const targets = operands.length === 0 ? ['.'] : operands;
  let out = '';
  let err = '';
  const gnu = isGnu(inv);
  const line = (name: string, path: string): string => {
    if (!long) return name + '\n';
    const st = inv.fs.stat(path);
    if (!st.ok) return name + '\n';
    const size = human ? humanSize(st.value.size) : String(st.value.size);
    const when = formatDate(st.value.mtime || inv.host.startedAt, '%b %e %H:%M');
    const links = st.value.type === 'dir' ? 2 : 1;
    return gnu
      ? `${modeString(st.value.type, st.value.mode)} ${links} root root ${size.padStart(5)} ${when} ${name}\n`
      : `${modeString(st.value.type, st.value.mode)}    ${links} root     root    ${size.padStart(10)} ${when} ${name}\n`;
  };
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const path = resolvePath(inv, t);
    const st = inv.fs.stat(path);
    if (!st.ok) {
      err += said(inv, `ls: cannot access '${t}': No such file or directory`, `ls: ${t}: No such file or directory`);
      continue;
    }
    if (st.value.type === 'dir' && !flags.has('d')) dirs.push(t);
    else files.push(t);
  }
  for (const f of files) out += line(f, resolvePath(inv, f));
  dirs.forEach((d, i) => {
    const path = resolvePath(inv, d);
    const listing = inv.fs.readdir(path);
    if (!listing.ok) return;
    if (targets.length > 1) out += `${i > 0 || files.length > 0 ? '\n' : ''}${d}:\n`;
    const names = [
      ...(all && flags.has('a') ? ['.', '..'] : []),
      ...listing.value.filter((n) => all || !n.startsWith('.')),
    ];
    if (long) {
      const blocks = names.reduce((sum, n) => {
        const st = inv.fs.stat(`${path}/${n}`);
        return sum + (st.ok ? Math.ceil(st.value.size / 4096) * 4 : 0);
      }, 0);
      out += `total ${blocks}\n`;
    }
    for (const n of names) out += line(n, n === '.' ? path : n === '..' ? normalizePath('..', path) : `${path}/${n}`);
  });
  return { status: err ? (gnu ? 2 : 1) : 0, stdout: out, stderr: err };
};

const mkdir: Program = (inv) => {
  const { flags, operands } = splitFlags(inv.argv.slice(1));
  let err = '';
  for (const dir of operands) {
    const r = inv.fs.mkdir(resolvePath(inv, dir), { parents: flags.has('p'), now: inv.now });
    if (!r.ok)
      err += said(
        inv,
        `mkdir: cannot create directory '${dir}': ${errnoText[r.errno]}`,
        `mkdir: can't create directory '${dir}': ${errnoText[r.errno]}`,
      );
  }
  return { status: err ? 1 : 0, stderr: err };
};

const rmdir: Program = (inv) => {
  let err = '';
  for (const dir of splitFlags(inv.argv.slice(1)).operands) {
    const r = inv.fs.rmdir(resolvePath(inv, dir));
    if (!r.ok)
      err += said(
        inv,
        `rmdir: failed to remove '${dir}': ${errnoText[r.errno]}`,
        `rmdir: '${dir}': ${errnoText[r.errno]}`,
      );
  }
  return { status: err ? 1 : 0, stderr: err };
};

function copyOrMove(inv: Invocation, move: boolean): ProgramResult {
  const tool = move ? 'mv' : 'cp';
  const { flags, operands } = splitFlags(inv.argv.slice(1));
  if (operands.length < 2)
    return { status: 1, stderr: said(inv, `${tool}: missing file operand`, `${tool}: need at least two arguments`) };
  const dest = operands[operands.length - 1] ?? '';
  const destPath = resolvePath(inv, dest);
  const destIsDir = inv.fs.isDirectory(destPath);
  let err = '';
  for (const src of operands.slice(0, -1)) {
    const srcPath = resolvePath(inv, src);
    const st = inv.fs.stat(srcPath);
    if (!st.ok) {
      err += said(
        inv,
        `${tool}: cannot stat '${src}': No such file or directory`,
        `${tool}: can't stat '${src}': No such file or directory`,
      );
      continue;
    }
    if (st.value.type === 'dir' && !move && !flags.has('r') && !flags.has('R') && !flags.has('a')) {
      err += said(inv, `cp: -r not specified; omitting directory '${src}'`, `cp: omitting directory '${src}'`);
      continue;
    }
    const target = destIsDir ? `${destPath}/${srcPath.slice(srcPath.lastIndexOf('/') + 1)}` : destPath;
    const r = inv.fs.copy(srcPath, target, inv.now);
    if (!r.ok) {
      err += said(
        inv,
        `${tool}: cannot create regular file '${dest}': ${errnoText[r.errno]}`,
        `${tool}: can't create '${dest}': ${errnoText[r.errno]}`,
      );
      continue;
    }
    if (move) inv.fs.rm(srcPath, { recursive: true });
  }
  return { status: err ? 1 : 0, stderr: err };
}

const chmod: Program = (inv) => {
  const [mode = '', ...files] = inv.argv.slice(1).filter((a) => a !== '-R');
  let err = '';
  for (const file of files) {
    const path = resolvePath(inv, file);
    const st = inv.fs.stat(path);
    if (!st.ok) {
      err += said(
        inv,
        `chmod: cannot access '${file}': No such file or directory`,
        `chmod: ${file}: No such file or directory`,
      );
      continue;
    }
    let next = st.value.mode;
    if (/^[0-7]+$/.test(mode)) next = parseInt(mode, 8);
    else {
      const m = /^([ugoa]*)([+-=])([rwx]+)$/.exec(mode);
      if (!m)
        return { status: 1, stderr: said(inv, `chmod: invalid mode: '${mode}'`, `chmod: invalid mode '${mode}'`) };
      const who = m[1] || 'a';
      let bits = 0;
      for (const p of m[3] ?? '') bits |= p === 'r' ? 4 : p === 'w' ? 2 : 1;
      let mask = 0;
      if (who.includes('u') || who.includes('a')) mask |= bits << 6;
      if (who.includes('g') || who.includes('a')) mask |= bits << 3;
      if (who.includes('o') || who.includes('a')) mask |= bits;
      next = m[2] === '+' ? next | mask : m[2] === '-' ? next & ~mask : (next & ~0o777) | mask;
    }
    const r = inv.fs.chmod(path, next);
    if (!r.ok)
      err += said(
        inv,
        `chmod: changing permissions of '${file}': ${errnoText[r.errno]}`,
        `chmod: ${file}: ${errnoText[r.errno]}`,
      );
  }
  return { status: err ? 1 : 0, stderr: err };
};

export const FILE_PROGRAMS: Record<string, Program> = {
  cat,
  touch,
  rm,
  ls,
  mkdir,
  rmdir,
  cp: (inv) => copyOrMove(inv, false),
  mv: (inv) => copyOrMove(inv, true),
  chmod,
  chown: () => ({ status: 0 }),
  ln: () => ({ status: 0 }),
};
