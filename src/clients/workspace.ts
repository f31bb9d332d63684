/**
 * The learner's workspace: the files a course asks them to write (`pod.yaml`, `k8s/deploy.yaml`,
 * `overlays/dev/kustomization.yaml`, `t.tmpl`), kept in the page and read by kubectl's `-f`, `-k`,
 * `--from-file` and `-o go-template-file=`, by the terminal's `ls`, `cat`, `rm` and redirections, and
 * edited in the Editor. It is one working folder, `/home/student`; paths are relative to it (`./x`,
 * `~/x` and `/home/student/x` name the same file) and anything outside it does not exist.
 *
 * The module is pure data and functions: a Workspace is plain JSON (what the page persists), and every
 * change returns a new Workspace, so the zustand store and tests hold it the same way.
 */

/** HOME is the terminal's one working folder, what `pwd` prints. */
export const HOME = '/home/student';

export interface WorkspaceFile {
  content: string;
  /** modified is when the file was last written (ms since the epoch), for `ls -l`. */
  modified: number;
}

/**
 * Workspace holds files by path relative to HOME; folders are implied by the paths of the files in them.
 * `folders` keeps only those made on purpose (`mkdir`), so an empty one still shows in `ls`.
 */
export interface Workspace {
  files: Record<string, WorkspaceFile>;
  folders: Record<string, number>;
}

/**
 * workspaceLimits keep the workspace small enough for the browser's storage (about 5 MB per site, shared
 * with the rest of the page's state): a course's manifests are a few kB each.
 */
export const workspaceLimits = { maxEntries: 200, maxFileChars: 512 * 1024, maxTotalChars: 2_000_000 } as const;

/** FsError names why a change failed, as errno does; fsErrorText gives the text coreutils print for it. */
export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOSPC' | 'ENOTEMPTY';

export function fsErrorText(error: FsError): string {
  switch (error) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EEXIST':
      return 'File exists';
    case 'ENOSPC':
      return 'No space left on device';
    case 'ENOTEMPTY':
      return 'Directory not empty';
  }
}

export type FsResult = { ok: true; workspace: Workspace } | { ok: false; error: FsError };

export function emptyWorkspace(): Workspace {
  return { files: {}, folders: {} };
}

const homeSegments = HOME.split('/').filter(Boolean);

/**
 * resolvePath turns what a learner typed into the workspace's key: '' for HOME itself, `k8s/a.yaml` for a
 * file, undefined for a path outside HOME (or an empty one), which therefore does not exist.
 */
export function resolvePath(path: string): string | undefined {
  if (path === '') return undefined;
  let segments: string[];
  if (path === '~' || path.startsWith('~/')) segments = [...homeSegments, ...path.slice(1).split('/')];
  else if (path.startsWith('/')) segments = path.split('/');
  else segments = [...homeSegments, ...path.split('/')];
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') resolved.pop();
    else resolved.push(segment);
  }
  if (resolved.length < homeSegments.length || homeSegments.some((s, i) => resolved[i] !== s)) return undefined;
  return resolved.slice(homeSegments.length).join('/');
}

function parentOf(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

function under(folder: string, key: string): boolean {
  return folder === '' || key.startsWith(`${folder}/`);
}

/** isFolder tells whether `key` (a resolved path) is a folder: HOME, one made with mkdir, or one holding files. */
export function isFolder(workspace: Workspace, key: string): boolean {
  if (key === '' || key in workspace.folders) return true;
  return [...Object.keys(workspace.files), ...Object.keys(workspace.folders)].some((k) => under(key, k));
}

/** lookup finds what a path names, or why it names nothing (a file where a folder should be is ENOTDIR). */
function lookup(workspace: Workspace, path: string): { type: 'file' | 'folder'; key: string } | { error: FsError } {
  const key = resolvePath(path);
  if (key === undefined) return { error: 'ENOENT' };
  if (Object.hasOwn(workspace.files, key)) return { type: 'file', key };
  if (isFolder(workspace, key)) return { type: 'folder', key };
  for (let parent = parentOf(key); parent !== ''; parent = parentOf(parent)) {
    if (Object.hasOwn(workspace.files, parent)) return { error: 'ENOTDIR' };
  }
  return { error: 'ENOENT' };
}

/** readFile is a file's text; undefined for a folder or a missing path (kubectl: `the path "x" does not exist`). */
export function readFile(workspace: Workspace, path: string): string | undefined {
  const key = resolvePath(path);
  return key !== undefined && Object.hasOwn(workspace.files, key) ? workspace.files[key]?.content : undefined;
}

/**
 * listDir lists every file under a folder, at any depth, spelled as `path` joined with the file's path
 * inside it (as filepath.Walk does, and as src/cli/main.ts does on disk); undefined when `path` is not a
 * folder. kubectl's `-f DIR` keeps the manifests among them, `-R` the ones in subfolders too.
 */
export function listDir(workspace: Workspace, path: string): string[] | undefined {
  const found = lookup(workspace, path);
  if ('error' in found || found.type !== 'folder') return undefined;
  const trimmed = path.replace(/\/+$/, '');
  const prefix = trimmed === '' ? '/' : trimmed === '.' ? '' : `${trimmed}/`;
  const start = found.key === '' ? 0 : found.key.length + 1;
  return Object.keys(workspace.files)
    .filter((key) => under(found.key, key))
    .sort()
    .map((key) => `${prefix}${key.slice(start)}`);
}

export interface WorkspaceEntry {
  name: string;
  type: 'file' | 'folder';
  /** size in bytes (UTF-8), as `ls -l` shows it; a folder's is a block, 4096. */
  size: number;
  modified: number;
}

const encoder = new TextEncoder();

/** folderModified is the latest time anything in a folder was written (or the folder made): an implied folder has no time of its own. */
function folderModified(workspace: Workspace, key: string): number {
  let latest = workspace.folders[key] ?? 0;
  for (const [path, file] of Object.entries(workspace.files)) {
    if (under(key, path) && file.modified > latest) latest = file.modified;
  }
  for (const [path, made] of Object.entries(workspace.folders)) {
    if (under(key, path) && made > latest) latest = made;
  }
  return latest;
}

/** children lists what is directly inside a folder, sorted by name; undefined when `key` is not a folder. */
export function children(workspace: Workspace, key: string): WorkspaceEntry[] | undefined {
  if (!isFolder(workspace, key)) return undefined;
  const start = key === '' ? 0 : key.length + 1;
  const byName = new Map<string, WorkspaceEntry>();
  for (const path of [...Object.keys(workspace.files), ...Object.keys(workspace.folders)]) {
    if (!under(key, path) || path === key) continue;
    const rest = path.slice(start);
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash);
    if (byName.has(name)) continue;
    const child = key === '' ? name : `${key}/${name}`;
    const file = workspace.files[child];
    byName.set(
      name,
      file
        ? { name, type: 'file', size: encoder.encode(file.content).length, modified: file.modified }
        : { name, type: 'folder', size: 4096, modified: folderModified(workspace, child) },
    );
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** stat describes one path for `ls`: the entry itself (a folder's name is the path as given). */
export function stat(workspace: Workspace, path: string): (WorkspaceEntry & { key: string }) | { error: FsError } {
  const found = lookup(workspace, path);
  if ('error' in found) return found;
  if (found.type === 'folder')
    return { key: found.key, name: path, type: 'folder', size: 4096, modified: folderModified(workspace, found.key) };
  const file = workspace.files[found.key] as WorkspaceFile;
  return {
    key: found.key,
    name: path,
    type: 'file',
    size: encoder.encode(file.content).length,
    modified: file.modified,
  };
}

function totalChars(workspace: Workspace): number {
  let total = 0;
  for (const [path, file] of Object.entries(workspace.files)) total += path.length + file.content.length;
  return total;
}

function entryCount(workspace: Workspace): number {
  return Object.keys(workspace.files).length + Object.keys(workspace.folders).length;
}

/** withinLimits tells whether a workspace still fits workspaceLimits. */
export function withinLimits(workspace: Workspace): boolean {
  return (
    entryCount(workspace) <= workspaceLimits.maxEntries &&
    totalChars(workspace) <= workspaceLimits.maxTotalChars &&
    Object.values(workspace.files).every((file) => file.content.length <= workspaceLimits.maxFileChars)
  );
}

/** checkParent finds whether `key`'s folder exists (or, with `parents`, can be made). */
function checkParent(workspace: Workspace, key: string, parents: boolean): FsError | undefined {
  for (let folder = parentOf(key); ; folder = parentOf(folder)) {
    if (Object.hasOwn(workspace.files, folder)) return 'ENOTDIR';
    if (isFolder(workspace, folder)) return undefined;
    if (!parents) return 'ENOENT';
    if (folder === '') return undefined;
  }
}

export interface WriteOptions {
  /** parents makes missing folders on the way, as an editor's "new file k8s/a.yaml" does; a shell's `>` does not. */
  parents?: boolean;
}

/** writeFile creates or replaces a file. */
export function writeFile(
  workspace: Workspace,
  path: string,
  content: string,
  now: number,
  options: WriteOptions = {},
): FsResult {
  const key = resolvePath(path);
  if (key === undefined) return { ok: false, error: 'ENOENT' };
  if (key === '' || (!Object.hasOwn(workspace.files, key) && isFolder(workspace, key)))
    return { ok: false, error: 'EISDIR' };
  const parentError = checkParent(workspace, key, options.parents ?? false);
  if (parentError) return { ok: false, error: parentError };
  const next: Workspace = {
    files: { ...workspace.files, [key]: { content, modified: now } },
    folders: workspace.folders,
  };
  if (!withinLimits(next)) return { ok: false, error: 'ENOSPC' };
  return { ok: true, workspace: next };
}

/** makeFolder is `mkdir` (`-p`: parents too, and no error when the folder exists). */
export function makeFolder(workspace: Workspace, path: string, now: number, options: WriteOptions = {}): FsResult {
  const key = resolvePath(path);
  if (key === undefined) return { ok: false, error: 'ENOENT' };
  if (Object.hasOwn(workspace.files, key)) return { ok: false, error: 'EEXIST' };
  if (isFolder(workspace, key)) return options.parents ? { ok: true, workspace } : { ok: false, error: 'EEXIST' };
  const parentError = checkParent(workspace, key, options.parents ?? false);
  if (parentError) return { ok: false, error: parentError };
  const next: Workspace = { files: workspace.files, folders: { ...workspace.folders, [key]: now } };
  if (!withinLimits(next)) return { ok: false, error: 'ENOSPC' };
  return { ok: true, workspace: next };
}

/** removePath is `rm` (`recursive`: `rm -r`, which also takes folders). */
export function removePath(workspace: Workspace, path: string, options: { recursive?: boolean } = {}): FsResult {
  const found = lookup(workspace, path);
  if ('error' in found) return { ok: false, error: found.error };
  if (found.type === 'file') {
    const files = { ...workspace.files };
    delete files[found.key];
    return { ok: true, workspace: { files, folders: workspace.folders } };
  }
  if (!options.recursive || found.key === '') return { ok: false, error: 'EISDIR' };
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => key !== found.key && !under(found.key, key)));
  return { ok: true, workspace: { files: keep(workspace.files), folders: keep(workspace.folders) } };
}

/** renameFile moves a file to a new path (missing folders are made); the target must not exist. */
export function renameFile(workspace: Workspace, from: string, to: string, now: number): FsResult {
  const source = resolvePath(from);
  if (source === undefined || !Object.hasOwn(workspace.files, source)) return { ok: false, error: 'ENOENT' };
  const target = resolvePath(to);
  if (target === undefined || target === '') return { ok: false, error: 'ENOENT' };
  if (target === source) return { ok: true, workspace };
  if (Object.hasOwn(workspace.files, target) || isFolder(workspace, target)) return { ok: false, error: 'EEXIST' };
  const removed = removePath(workspace, from);
  if (!removed.ok) return removed;
  const content = workspace.files[source]?.content ?? '';
  return writeFile(removed.workspace, target, content, now, { parents: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * parseWorkspace validates a workspace read back from storage: every path must be one resolvePath keeps
 * as it is, every file text a string, and the whole within workspaceLimits. Anything else is refused
 * as a whole (undefined), so the caller can fall back without half-reading a corrupt entry.
 */
export function parseWorkspace(raw: unknown): Workspace | undefined {
  if (!isRecord(raw) || !isRecord(raw.files) || !isRecord(raw.folders)) return undefined;
  const workspace = emptyWorkspace();
  for (const [path, file] of Object.entries(raw.files)) {
    if (resolvePath(path) !== path || path === '' || !isRecord(file)) return undefined;
    if (typeof file.content !== 'string' || typeof file.modified !== 'number' || !Number.isFinite(file.modified))
      return undefined;
    workspace.files[path] = { content: file.content, modified: file.modified };
  }
  for (const [path, made] of Object.entries(raw.folders)) {
    if (resolvePath(path) !== path || path === '' || typeof made !== 'number' || !Number.isFinite(made))
      return undefined;
    if (Object.hasOwn(workspace.files, path)) return undefined;
    workspace.folders[path] = made;
  }
  for (const path of Object.keys(workspace.files)) {
    for (let parent = parentOf(path); parent !== ''; parent = parentOf(parent)) {
      if (Object.hasOwn(workspace.files, parent)) return undefined;
    }
  }
  return withinLimits(workspace) ? workspace : undefined;
}

/**
 * WorkspaceStore is how the shell reaches a workspace someone else keeps (the page's zustand store, a
 * test's variable): read it, replace it, and the time to stamp on what it writes.
 */
export interface WorkspaceStore {
  get(): Workspace;
  set(workspace: Workspace): void;
  now(): number;
}

/** memoryWorkspace is a WorkspaceStore over a variable, for tests and headless use. */
export function memoryWorkspace(files: Record<string, string> = {}, now: () => number = () => 0): WorkspaceStore {
  let workspace = emptyWorkspace();
  for (const [path, content] of Object.entries(files)) {
    const written = writeFile(workspace, path, content, now(), { parents: true });
    if (written.ok) workspace = written.workspace;
  }
  return {
    get: () => workspace,
    set: (next) => {
      workspace = next;
    },
    now,
  };
}
