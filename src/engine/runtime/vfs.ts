/**
 * FsNode is one entry of a container's filesystem, kept as plain JSON so a container's writable
 * layer and its volumes survive snapshot()/restore(). Files hold text; `padBytes` stands for bulk
 * bytes nobody reads back (dd, fallocate) so a 100 MiB file does not cost 100 MiB of snapshot.
 */
export type FsNode = FsDirectory | FsFile;

export interface FsDirectory {
  type: 'dir';
  mode: number;
  mtime?: number;
  entries: Record<string, FsNode>;
}

export interface FsFile {
  type: 'file';
  mode: number;
  mtime?: number;
  content: string;
  padBytes?: number;
}

/** FsTree is the root of a tree: a container's writable layer or a volume (emptyDir, ConfigMap …). */
export type FsTree = FsDirectory;

/** FsMount attaches a volume's tree at a path; two containers given the same tree share its files. */
export interface FsMount {
  path: string;
  tree: FsTree;
  readOnly: boolean;
}

/** Errno names the failures a shell reports, so messages can use the kernel's words. */
export type Errno = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'EROFS' | 'EACCES' | 'ENOTEMPTY' | 'EBUSY' | 'EINVAL';

/** errnoText is strerror(): the words busybox, coreutils and bash print after the path. */
export const errnoText: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  ENOTEMPTY: 'Directory not empty',
  EBUSY: 'Resource busy',
  EINVAL: 'Invalid argument',
};

export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: Errno };

export interface FsStat {
  type: 'dir' | 'file';
  mode: number;
  size: number;
  mtime: number;
  mountPoint: boolean;
}

/** newDirectory makes an empty directory node (0755 unless told). */
export function newDirectory(mode = 0o755, mtime?: number): FsDirectory {
  return mtime === undefined ? { type: 'dir', mode, entries: {} } : { type: 'dir', mode, mtime, entries: {} };
}

/** utf8Length counts bytes as the kernel does, so `ls -l`, `wc -c` and Content-Length agree with reality. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** fileSize is what stat reports for a file node. */
export function fileSize(file: FsFile): number {
  return utf8Length(file.content) + (file.padBytes ?? 0);
}

/** normalizePath resolves `.`, `..` and repeated slashes against cwd, like the kernel's path walk. */
export function normalizePath(path: string, cwd = '/'): string {
  const start = path.startsWith('/') ? [] : splitPath(cwd);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') start.pop();
    else start.push(part);
  }
  return '/' + start.join('/');
}

function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

const DEVICES: Record<string, true> = {
  '/dev/null': true,
  '/dev/zero': true,
  '/dev/random': true,
  '/dev/urandom': true,
};

interface Located {
  tree: FsTree;
  readOnly: boolean;
  parts: string[];
  mountPath: string;
}

/**
 * ContainerFileSystem is the view a process has: the writable layer at / with volumes mounted over
 * it. It keeps no state of its own; every write lands in a tree, so the kubelet can rebuild the
 * view at each step and containers sharing an emptyDir see each other's writes.
 */
export class ContainerFileSystem {
  readonly root: FsTree;
  private readonly mounts: FsMount[];
  private readonly readOnlyRoot: boolean;

  constructor(root: FsTree, mounts: FsMount[] = [], options: { readOnlyRoot?: boolean | undefined } = {}) {
    this.root = root;
    this.readOnlyRoot = options.readOnlyRoot ?? false;
    this.mounts = mounts
      .map((m) => ({ ...m, path: normalizePath(m.path) }))
      .sort((a, b) => b.path.length - a.path.length);
  }

  /** clone deep-copies the whole view (used to look ahead without touching the real files). */
  clone(): ContainerFileSystem {
    const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    return new ContainerFileSystem(
      copy(this.root),
      this.mounts.map((m) => ({ ...m, tree: copy(m.tree) })),
      { readOnlyRoot: this.readOnlyRoot },
    );
  }

  /** mountPaths lists where volumes are attached (for `df` and `mount`). */
  mountPaths(): string[] {
    return this.mounts.map((m) => m.path).reverse();
  }

  private locate(path: string): Located {
    const abs = normalizePath(path);
    for (const m of this.mounts) {
      if (abs === m.path || abs.startsWith(m.path === '/' ? '/' : m.path + '/')) {
        return { tree: m.tree, readOnly: m.readOnly, parts: splitPath(abs.slice(m.path.length)), mountPath: m.path };
      }
    }
    return { tree: this.root, readOnly: this.readOnlyRoot, parts: splitPath(abs), mountPath: '/' };
  }

  private walk(tree: FsTree, parts: string[]): FsResult<FsNode> {
    let node: FsNode = tree;
    for (const part of parts) {
      if (node.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
      const next: FsNode | undefined = Object.hasOwn(node.entries, part) ? node.entries[part] : undefined;
      if (!next) return { ok: false, errno: 'ENOENT' };
      node = next;
    }
    return { ok: true, value: node };
  }

  private isMountPoint(path: string): boolean {
    const abs = normalizePath(path);
    return this.mounts.some((m) => m.path === abs);
  }

  /** node returns the entry at a path (mount points resolve to the volume's root). */
  node(path: string): FsResult<FsNode> {
    const loc = this.locate(path);
    return this.walk(loc.tree, loc.parts);
  }

  stat(path: string): FsResult<FsStat> {
    const abs = normalizePath(path);
    const found = this.node(abs);
    if (!found.ok) return found;
    const n = found.value;
    return {
      ok: true,
      value: {
        type: n.type,
        mode: n.mode,
        size: n.type === 'file' ? fileSize(n) : 4096,
        mtime: n.mtime ?? 0,
        mountPoint: this.isMountPoint(abs),
      },
    };
  }

  exists(path: string): boolean {
    return this.node(path).ok;
  }

  isDirectory(path: string): boolean {
    const n = this.node(path);
    return n.ok && n.value.type === 'dir';
  }

  readFile(path: string): FsResult<string> {
    const abs = normalizePath(path);
    if (DEVICES[abs]) return { ok: true, value: '' };
    const found = this.node(abs);
    if (!found.ok) return found;
    if (found.value.type === 'dir') return { ok: false, errno: 'EISDIR' };
    return { ok: true, value: found.value.content };
  }

  private parentOf(path: string): FsResult<{ dir: FsDirectory; name: string; readOnly: boolean }> {
    const abs = normalizePath(path);
    const loc = this.locate(abs);
    const name = loc.parts[loc.parts.length - 1];
    if (name === undefined) return { ok: false, errno: this.isMountPoint(abs) ? 'EBUSY' : 'EISDIR' };
    if (name === '__proto__') return { ok: false, errno: 'EINVAL' };
    const parent = this.walk(loc.tree, loc.parts.slice(0, -1));
    if (!parent.ok) return parent;
    if (parent.value.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
    return { ok: true, value: { dir: parent.value, name, readOnly: loc.readOnly } };
  }

  /** writeFile creates or replaces (or appends to) a file; the parent directory must exist. */
  writeFile(
    path: string,
    content: string,
    options: { append?: boolean | undefined; mode?: number | undefined; now?: number | undefined } = {},
  ): FsResult<void> {
    const abs = normalizePath(path);
    if (DEVICES[abs]) return { ok: true, value: undefined };
    const parent = this.parentOf(abs);
    if (!parent.ok) return parent;
    const { dir, name, readOnly } = parent.value;
    const existing = Object.hasOwn(dir.entries, name) ? dir.entries[name] : undefined;
    if (existing?.type === 'dir') return { ok: false, errno: 'EISDIR' };
    if (readOnly) return { ok: false, errno: 'EROFS' };
    if (existing && options.append) {
      existing.content += content;
      if (options.now !== undefined) existing.mtime = options.now;
      return { ok: true, value: undefined };
    }
    const file: FsFile = { type: 'file', mode: options.mode ?? existing?.mode ?? 0o644, content };
    if (options.now !== undefined) file.mtime = options.now;
    dir.entries[name] = file;
    return { ok: true, value: undefined };
  }

  /** padFile grows a file by bytes nobody will read (dd if=/dev/zero, fallocate). */
  padFile(path: string, bytes: number, now?: number): FsResult<void> {
    const created = this.exists(path) ? { ok: true as const, value: undefined } : this.writeFile(path, '', { now });
    if (!created.ok) return created;
    const found = this.node(path);
    if (!found.ok) return found;
    if (found.value.type !== 'file') return { ok: false, errno: 'EISDIR' };
    found.value.padBytes = (found.value.padBytes ?? 0) + bytes;
    return { ok: true, value: undefined };
  }

  /** mkdir creates a directory; with parents it behaves like `mkdir -p` and tolerates existing ones. */
  mkdir(
    path: string,
    options: { parents?: boolean | undefined; mode?: number | undefined; now?: number } = {},
  ): FsResult<void> {
    const abs = normalizePath(path);
    if (options.parents) {
      const parts = splitPath(abs);
      for (let i = 1; i <= parts.length; i++) {
        const sub = '/' + parts.slice(0, i).join('/');
        const found = this.node(sub);
        if (found.ok) {
          if (found.value.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
          continue;
        }
        const made = this.mkdir(sub, {
          mode: options.mode,
          ...(options.now !== undefined ? { now: options.now } : {}),
        });
        if (!made.ok) return made;
      }
      return { ok: true, value: undefined };
    }
    if (this.exists(abs)) return { ok: false, errno: 'EEXIST' };
    const parent = this.parentOf(abs);
    if (!parent.ok) return parent;
    if (parent.value.readOnly) return { ok: false, errno: 'EROFS' };
    parent.value.dir.entries[parent.value.name] = newDirectory(options.mode ?? 0o755, options.now);
    return { ok: true, value: undefined };
  }

  /** readdir lists names in a directory, sorted, including volumes mounted directly inside it. */
  readdir(path: string): FsResult<string[]> {
    const abs = normalizePath(path);
    const found = this.node(abs);
    if (!found.ok) return found;
    if (found.value.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
    const names = new Set(Object.keys(found.value.entries));
    for (const m of this.mounts) {
      const parent = m.path.slice(0, m.path.lastIndexOf('/')) || '/';
      if (parent === abs && m.path !== '/') names.add(m.path.slice(m.path.lastIndexOf('/') + 1));
    }
    return { ok: true, value: [...names].sort() };
  }

  /** rm removes a file, or a directory tree when recursive; mount points answer EBUSY. */
  rm(path: string, options: { recursive?: boolean | undefined } = {}): FsResult<void> {
    const abs = normalizePath(path);
    if (this.isMountPoint(abs)) return { ok: false, errno: 'EBUSY' };
    const parent = this.parentOf(abs);
    if (!parent.ok) return parent;
    const { dir, name, readOnly } = parent.value;
    const existing = Object.hasOwn(dir.entries, name) ? dir.entries[name] : undefined;
    if (!existing) return { ok: false, errno: 'ENOENT' };
    if (existing.type === 'dir' && !options.recursive) return { ok: false, errno: 'EISDIR' };
    if (readOnly) return { ok: false, errno: 'EROFS' };
    delete dir.entries[name];
    return { ok: true, value: undefined };
  }

  /** rmdir removes an empty directory. */
  rmdir(path: string): FsResult<void> {
    const found = this.node(path);
    if (!found.ok) return found;
    if (found.value.type !== 'dir') return { ok: false, errno: 'ENOTDIR' };
    if (Object.keys(found.value.entries).length > 0) return { ok: false, errno: 'ENOTEMPTY' };
    return this.rm(path, { recursive: true });
  }

  chmod(path: string, mode: number): FsResult<void> {
    const loc = this.locate(path);
    const found = this.walk(loc.tree, loc.parts);
    if (!found.ok) return found;
    if (loc.readOnly) return { ok: false, errno: 'EROFS' };
    found.value.mode = mode;
    return { ok: true, value: undefined };
  }

  touch(path: string, now: number): FsResult<void> {
    const found = this.node(path);
    if (!found.ok) return this.writeFile(path, '', { now });
    if (this.locate(path).readOnly) return { ok: false, errno: 'EROFS' };
    found.value.mtime = now;
    return { ok: true, value: undefined };
  }

  /** copy duplicates a node (deeply) to a new path, as `cp -r` does. */
  copy(from: string, to: string, now?: number): FsResult<void> {
    const found = this.node(from);
    if (!found.ok) return found;
    const parent = this.parentOf(to);
    if (!parent.ok) return parent;
    if (parent.value.readOnly) return { ok: false, errno: 'EROFS' };
    const clone = JSON.parse(JSON.stringify(found.value)) as FsNode;
    if (now !== undefined) clone.mtime = now;
    parent.value.dir.entries[parent.value.name] = clone;
    return { ok: true, value: undefined };
  }
}
