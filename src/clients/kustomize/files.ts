/**
 * The file access kustomize builds from: the CLI gives the disk, the browser the learner's workspace.
 * listDir answers every file below a folder (full paths), or undefined when the path is no folder;
 * that is all kustomize's loader needs to tell files from directories.
 */
export interface FileAccess {
  readFile(path: string): string | undefined;
  listDir(path: string): string[] | undefined;
  /** cwd makes relative paths absolute, as kustomize prints them in errors; without it paths stay relative. */
  cwd?: string;
}

/** cleanPath is Go's filepath.Clean for slash paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** joinPath is filepath.Join. */
export function joinPath(...parts: string[]): string {
  return cleanPath(parts.filter((p) => p !== '').join('/'));
}

/** absPath makes path absolute against the working directory, when there is one. */
export function absPath(files: FileAccess, path: string): string {
  if (path.startsWith('/') || files.cwd === undefined) return cleanPath(path);
  return joinPath(files.cwd, path);
}

/** isDirectory tells a folder from a file or a missing path. */
export function isDirectory(files: FileAccess, path: string): boolean {
  if (path === '.' || path === '/') return true;
  return files.listDir(path) !== undefined;
}

/** entriesOf lists the files directly inside a folder (base names, sorted). */
export function entriesOf(files: FileAccess, dir: string): string[] {
  const listing = files.listDir(dir) ?? [];
  const prefix = dir === '.' ? '' : dir.endsWith('/') ? dir : `${dir}/`;
  return listing
    .map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f))
    .filter((f) => f !== '' && !f.includes('/'))
    .sort();
}

/** isUnder says whether path is root or inside it. */
export function isUnder(path: string, root: string): boolean {
  if (root === '.' && !path.startsWith('/') && !path.startsWith('..')) return true;
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** baseName is filepath.Base. */
export function baseName(path: string): string {
  const clean = cleanPath(path);
  const i = clean.lastIndexOf('/');
  return i < 0 ? clean : clean.slice(i + 1);
}
