import type { ContainerFileSystem } from '../vfs.ts';

/** BINARY_MAGIC starts the content of an executable the runtime implements; the program id follows. */
export const BINARY_MAGIC = '\u007fELF\u0002\u0001\u0001 kubelab-program:';

/** binaryContent is what an executable file in the image holds. */
export function binaryContent(programId: string): string {
  return `${BINARY_MAGIC}${programId}\n`;
}

/** Resolved is what looking a command up in the filesystem found. */
export type Resolved =
  | { kind: 'program'; id: string; path: string }
  /** a file with `#!`: run its interpreter with the path as argument */
  | { kind: 'shebang'; argv: string[]; path: string }
  /** an executable text file without `#!`: shells run it themselves, execve says ENOEXEC */
  | { kind: 'text'; path: string }
  | { kind: 'notFound'; path?: string }
  | { kind: 'denied'; path: string };

function classify(fs: ContainerFileSystem, path: string): Resolved {
  const node = fs.node(path);
  if (!node.ok) return { kind: 'notFound', path };
  if (node.value.type === 'dir' || (node.value.mode & 0o111) === 0) return { kind: 'denied', path };
  const content = node.value.content;
  if (content.startsWith(BINARY_MAGIC)) {
    return { kind: 'program', id: content.slice(BINARY_MAGIC.length).trim(), path };
  }
  if (content.startsWith('#!')) {
    const line = content.slice(2, content.indexOf('\n') === -1 ? undefined : content.indexOf('\n')).trim();
    const [interpreter, ...rest] = line.split(/\s+/).filter(Boolean);
    if (!interpreter) return { kind: 'text', path };
    const args = rest.length > 0 ? [rest.join(' ')] : [];
    return { kind: 'shebang', argv: [interpreter, ...args, path], path };
  }
  return { kind: 'text', path };
}

/**
 * resolveExecutable looks a command up as execvp does: a name with a slash is a path (relative to
 * cwd), anything else is searched in PATH.
 */
export function resolveExecutable(fs: ContainerFileSystem, name: string, pathVar: string, cwd: string): Resolved {
  if (name === '') return { kind: 'notFound' };
  if (name.includes('/')) {
    const abs = name.startsWith('/') ? name : `${cwd.replace(/\/$/, '')}/${name}`;
    return classify(fs, abs);
  }
  let denied: Resolved | undefined;
  for (const dir of pathVar.split(':')) {
    if (!dir) continue;
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    const found = classify(fs, path);
    if (found.kind === 'notFound') continue;
    if (found.kind === 'denied') {
      denied ??= found;
      continue;
    }
    return found;
  }
  return denied ?? { kind: 'notFound' };
}
