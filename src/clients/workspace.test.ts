import { describe, expect, it } from 'vitest';
import {
  children,
  emptyWorkspace,
  listDir,
  makeFolder,
  parseWorkspace,
  readFile,
  removePath,
  renameFile,
  resolvePath,
  stat,
  workspaceLimits,
  writeFile,
  type Workspace,
} from './workspace.ts';

function workspaceWith(files: Record<string, string>): Workspace {
  let workspace = emptyWorkspace();
  for (const [path, content] of Object.entries(files)) {
    const written = writeFile(workspace, path, content, 1000, { parents: true });
    if (!written.ok) throw new Error(`${path}: ${written.error}`);
    workspace = written.workspace;
  }
  return workspace;
}

describe('resolvePath: one working folder, /home/student', () => {
  it.each([
    ['pod.yaml', 'pod.yaml'],
    ['./pod.yaml', 'pod.yaml'],
    ['~/pod.yaml', 'pod.yaml'],
    ['/home/student/k8s/a.yaml', 'k8s/a.yaml'],
    ['k8s//a.yaml', 'k8s/a.yaml'],
    ['overlays/dev/../../base/d.yaml', 'base/d.yaml'],
    ['../student/pod.yaml', 'pod.yaml'],
    ['.', ''],
    ['/home/student/', ''],
  ])('%s is %s', (path, key) => expect(resolvePath(path)).toBe(key));

  it.each(['', '/etc/hosts', '../x', '/home', '/tmp/a'])('%s is outside the workspace', (path) =>
    expect(resolvePath(path)).toBeUndefined(),
  );
});

describe('readFile and listDir, as kubectl -f reads them', () => {
  const workspace = workspaceWith({
    'pod.yaml': 'kind: Pod\n',
    'k8s/deploy.yaml': 'kind: Deployment\n',
    'k8s/svc.yaml': 'kind: Service\n',
    'k8s/extra/cm.yaml': 'kind: ConfigMap\n',
  });

  it('reads files by any spelling of their path and nothing for folders or missing paths', () => {
    expect(readFile(workspace, './k8s/svc.yaml')).toBe('kind: Service\n');
    expect(readFile(workspace, '/home/student/pod.yaml')).toBe('kind: Pod\n');
    expect(readFile(workspace, 'k8s')).toBeUndefined();
    expect(readFile(workspace, 'nope.yaml')).toBeUndefined();
  });

  it('lists every file under a folder, spelled from the path as given (filepath.Walk)', () => {
    expect(listDir(workspace, 'k8s')).toEqual(['k8s/deploy.yaml', 'k8s/extra/cm.yaml', 'k8s/svc.yaml']);
    expect(listDir(workspace, 'k8s/')).toEqual(['k8s/deploy.yaml', 'k8s/extra/cm.yaml', 'k8s/svc.yaml']);
    expect(listDir(workspace, './k8s/extra')).toEqual(['./k8s/extra/cm.yaml']);
    expect(listDir(workspace, '.')).toEqual(['k8s/deploy.yaml', 'k8s/extra/cm.yaml', 'k8s/svc.yaml', 'pod.yaml']);
  });

  it('is not a folder listing for files and missing paths', () => {
    expect(listDir(workspace, 'pod.yaml')).toBeUndefined();
    expect(listDir(workspace, 'missing')).toBeUndefined();
  });

  it('lists an empty folder made with mkdir as empty', () => {
    const made = makeFolder(workspace, 'empty', 2000);
    expect(made.ok && listDir(made.workspace, 'empty')).toEqual([]);
  });

  it('gives a folder its children, by name', () => {
    expect(children(workspace, 'k8s')?.map((e) => [e.name, e.type])).toEqual([
      ['deploy.yaml', 'file'],
      ['extra', 'folder'],
      ['svc.yaml', 'file'],
    ]);
    expect(children(workspace, '')?.map((e) => e.name)).toEqual(['k8s', 'pod.yaml']);
  });

  it('counts sizes in UTF-8 bytes, as ls -l does', () => {
    const utf8 = workspaceWith({ 'ñ.txt': 'año\n' });
    expect(stat(utf8, 'ñ.txt')).toMatchObject({ type: 'file', size: 5 });
  });
});

describe('writeFile, makeFolder, removePath and renameFile', () => {
  it('writes into existing folders only, unless told to make parents (a shell > vs the editor)', () => {
    const workspace = workspaceWith({ 'pod.yaml': 'x' });
    expect(writeFile(workspace, 'k8s/a.yaml', 'y', 1)).toEqual({ ok: false, error: 'ENOENT' });
    const made = writeFile(workspace, 'k8s/a.yaml', 'y', 1, { parents: true });
    expect(made.ok && readFile(made.workspace, 'k8s/a.yaml')).toBe('y');
  });

  it.each([
    ['a folder', 'k8s', 'EISDIR'],
    ['the working folder', '.', 'EISDIR'],
    ['a path under a file', 'pod.yaml/x', 'ENOTDIR'],
    ['a path outside the workspace', '/etc/hosts', 'ENOENT'],
  ] as const)('refuses to write %s', (_what, path, error) => {
    const workspace = workspaceWith({ 'pod.yaml': 'x', 'k8s/a.yaml': 'y' });
    expect(writeFile(workspace, path, 'z', 1)).toEqual({ ok: false, error });
  });

  it('refuses what would pass the size limits (No space left on device)', () => {
    const workspace = emptyWorkspace();
    expect(writeFile(workspace, 'big', 'x'.repeat(workspaceLimits.maxFileChars + 1), 1)).toEqual({
      ok: false,
      error: 'ENOSPC',
    });
  });

  it('makes folders: EEXIST without -p, parents with -p', () => {
    const workspace = workspaceWith({ 'k8s/a.yaml': 'y' });
    expect(makeFolder(workspace, 'k8s', 1)).toEqual({ ok: false, error: 'EEXIST' });
    expect(makeFolder(workspace, 'k8s', 1, { parents: true }).ok).toBe(true);
    expect(makeFolder(workspace, 'a/b', 1)).toEqual({ ok: false, error: 'ENOENT' });
    const made = makeFolder(workspace, 'a/b', 1, { parents: true });
    expect(made.ok && children(made.workspace, 'a')?.map((e) => e.name)).toEqual(['b']);
  });

  it('removes files, and folders only recursively', () => {
    const workspace = workspaceWith({ 'k8s/a.yaml': 'y', 'k8s/b/c.yaml': 'z', 'pod.yaml': 'x' });
    expect(removePath(workspace, 'k8s')).toEqual({ ok: false, error: 'EISDIR' });
    expect(removePath(workspace, 'nope')).toEqual({ ok: false, error: 'ENOENT' });
    const removed = removePath(workspace, 'k8s', { recursive: true });
    expect(removed.ok && Object.keys(removed.workspace.files)).toEqual(['pod.yaml']);
  });

  it('renames a file, refusing a target that exists', () => {
    const workspace = workspaceWith({ 'a.yaml': 'a', 'b.yaml': 'b' });
    expect(renameFile(workspace, 'a.yaml', 'b.yaml', 1)).toEqual({ ok: false, error: 'EEXIST' });
    const renamed = renameFile(workspace, 'a.yaml', 'k8s/c.yaml', 1);
    expect(renamed.ok && Object.keys(renamed.workspace.files).sort()).toEqual(['b.yaml', 'k8s/c.yaml']);
  });
});

describe('parseWorkspace: what storage hands back', () => {
  it('takes a well-formed workspace', () => {
    const workspace = workspaceWith({ 'pod.yaml': 'x', 'k8s/a.yaml': 'y' });
    expect(parseWorkspace(JSON.parse(JSON.stringify(workspace)))).toEqual(workspace);
  });

  it.each([
    ['not an object', 'files'],
    ['files missing', { folders: {} }],
    ['a file without text', { files: { 'a.yaml': { modified: 1 } }, folders: {} }],
    ['a path that is not normal', { files: { './a.yaml': { content: '', modified: 1 } }, folders: {} }],
    ['a path outside the workspace', { files: { '/etc/passwd': { content: '', modified: 1 } }, folders: {} }],
    [
      'a file inside a file',
      {
        files: { a: { content: '', modified: 1 }, 'a/b': { content: '', modified: 1 } },
        folders: {},
      },
    ],
    ['a folder that is a file', { files: { a: { content: '', modified: 1 } }, folders: { a: 1 } }],
    [
      'an over-long file',
      { files: { a: { content: 'x'.repeat(workspaceLimits.maxFileChars + 1), modified: 1 } }, folders: {} },
    ],
  ])('refuses %s', (_what, raw) => expect(parseWorkspace(raw)).toBeUndefined());
});
