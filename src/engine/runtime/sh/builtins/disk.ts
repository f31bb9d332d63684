import { errnoText, type Errno } from '../../vfs.ts';
import { isGnu, resolvePath, type Invocation, type Program } from '../program.ts';
import { humanSize, modeString, said, splitFlags } from './files.ts';

/** dd, du, df, find, stat and fallocate: tools for sizes and trees (ephemeral-storage lessons). */
const SIZE_SUFFIX: Record<string, number> = {
  '': 1,
  c: 1,
  w: 2,
  b: 512,
  k: 1024,
  K: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
  kB: 1000,
  MB: 1e6,
  GB: 1e9,
};

function parseSize(text: string): number {
  const m = /^(\d+)([A-Za-z]*)$/.exec(text);
  return m ? Number(m[1]) * (SIZE_SUFFIX[m[2] ?? ''] ?? 1) : 0;
}

const dd: Program = (inv) => {
  const opts: Record<string, string> = {};
  for (const a of inv.argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) opts[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const bs = parseSize(opts['bs'] ?? '512');
  const count = opts['count'] === undefined ? 0 : Number(opts['count']);
  const bytes = bs * count;
  if (opts['of']) {
    const path = resolvePath(inv, opts['of']);
    const created = inv.fs.writeFile(path, '', { now: inv.now });
    if (!created.ok) return { status: 1, stderr: `dd: failed to open '${opts['of']}': ${errnoText[created.errno]}\n` };
    inv.fs.padFile(path, bytes, inv.now);
  }
  const seconds = Math.max(0.001, bytes / 2e9);
  const mb = bytes / 1e6;
  const stderr = isGnu(inv)
    ? `${count}+0 records in\n${count}+0 records out\n${bytes} bytes (${mb >= 1 ? Math.round(mb) + ' MB' : bytes / 1000 + ' kB'}, ${humanSize(bytes)}iB) copied, ${seconds.toFixed(4)} s, ${(bytes / seconds / 1e9).toFixed(1)} GB/s\n`
    : `${count}+0 records in\n${count}+0 records out\n${bytes} bytes (${(bytes / 1024 / 1024).toFixed(1)}MB) copied, ${seconds.toFixed(6)} seconds, ${(bytes / seconds / 1024 ** 3).toFixed(1)}GB/s\n`;
  return { status: 0, stderr, durationMs: Math.round(seconds * 1000) };
};

function treeSize(inv: Invocation, path: string): number {
  const st = inv.fs.stat(path);
  if (!st.ok) return 0;
  if (st.value.type === 'file') return st.value.size;
  const listing = inv.fs.readdir(path);
  if (!listing.ok) return 0;
  return listing.value.reduce((sum, n) => sum + treeSize(inv, `${path === '/' ? '' : path}/${n}`), 0);
}

const du: Program = (inv) => {
  const { flags, operands } = splitFlags(inv.argv.slice(1));
  let out = '';
  for (const t of operands.length ? operands : ['.']) {
    const bytes = treeSize(inv, resolvePath(inv, t));
    out += `${flags.has('h') ? humanSize(bytes) : Math.ceil(bytes / 1024)}\t${t}\n`;
  }
  return { status: 0, stdout: out };
};

const df: Program = (inv) => {
  const { flags } = splitFlags(inv.argv.slice(1));
  const h = flags.has('h');
  const total = 101_430_960;
  const used = 12_486_512;
  const row = (fs: string, mount: string): string => {
    const cols = h ? ['96.7G', '11.9G', '84.8G'] : [String(total), String(used), String(total - used)];
    return `${fs.padEnd(20)} ${cols[0]?.padStart(10)} ${cols[1]?.padStart(10)} ${cols[2]?.padStart(10)}  12% ${mount}\n`;
  };
  let out = `${'Filesystem'.padEnd(20)} ${(h ? 'Size' : '1K-blocks').padStart(10)} ${'Used'.padStart(10)} ${'Available'.padStart(10)} Use% Mounted on\n`;
  out += row('overlay', '/');
  out += row('tmpfs', '/dev');
  for (const mount of inv.fs.mountPaths()) out += row('/dev/sda1', mount);
  return { status: 0, stdout: out };
};

const find: Program = (inv) => {
  const args = inv.argv.slice(1);
  const roots: string[] = [];
  while (args[0] !== undefined && !args[0].startsWith('-')) roots.push(args.shift() ?? '.');
  let name: RegExp | undefined;
  let type: string | undefined;
  let maxDepth = Infinity;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-name')
      name = new RegExp(
        '^' +
          (args[++i] ?? '')
            .replace(/[.+^${}()|\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.') +
          '$',
      );
    else if (args[i] === '-type') type = args[++i];
    else if (args[i] === '-maxdepth') maxDepth = Number(args[++i]);
  }
  let out = '';
  const walk = (display: string, path: string, depth: number): void => {
    const st = inv.fs.stat(path);
    if (!st.ok) return;
    const base = display.slice(display.lastIndexOf('/') + 1) || display;
    const typeOk = !type || (type === 'f' ? st.value.type === 'file' : type === 'd' ? st.value.type === 'dir' : false);
    if (typeOk && (!name || name.test(base))) out += display + '\n';
    if (st.value.type !== 'dir' || depth >= maxDepth) return;
    const listing = inv.fs.readdir(path);
    if (!listing.ok) return;
    for (const n of listing.value)
      walk(`${display.replace(/\/$/, '')}/${n}`, `${path === '/' ? '' : path}/${n}`, depth + 1);
  };
  for (const root of roots.length ? roots : ['.']) {
    if (!inv.fs.exists(resolvePath(inv, root)))
      return {
        status: 1,
        stdout: out,
        stderr: said(inv, `find: '${root}': No such file or directory`, `find: ${root}: No such file or directory`),
      };
    walk(root, resolvePath(inv, root), 0);
  }
  return { status: 0, stdout: out };
};

const stat: Program = (inv) => {
  let out = '';
  for (const file of splitFlags(inv.argv.slice(1)).operands) {
    const st = inv.fs.stat(resolvePath(inv, file));
    if (!st.ok)
      return {
        status: 1,
        stdout: out,
        stderr: said(
          inv,
          `stat: cannot statx '${file}': ${errnoText[st.errno as Errno]}`,
          `stat: can't stat '${file}': ${errnoText[st.errno as Errno]}`,
        ),
      };
    out += `  File: ${file}\n  Size: ${st.value.size}\tBlocks: ${Math.ceil(st.value.size / 512)}\tIO Block: 4096\t${st.value.type === 'dir' ? 'directory' : 'regular file'}\nAccess: (0${(st.value.mode & 0o7777).toString(8)}/${modeString(st.value.type, st.value.mode)})  Uid: (    0/    root)   Gid: (    0/    root)\n`;
  }
  return { status: 0, stdout: out };
};

export const DISK_PROGRAMS: Record<string, Program> = {
  dd,
  du,
  df,
  find,
  stat,
  fallocate: (inv) => {
    const args = inv.argv.slice(1);
    const size = parseSize((args[args.indexOf('-l') + 1] ?? '0').replace(/([KMG])$/, '$1'));
    const file = args[args.length - 1] ?? '';
    const r = inv.fs.padFile(resolvePath(inv, file), size, inv.now);
    return r.ok ? { status: 0 } : { status: 1, stderr: `fallocate: cannot open ${file}: ${errnoText[r.errno]}\n` };
  },
};
