import { describe, expect, it } from 'vitest';
import { exampleManifest } from '../editor/exampleManifest.ts';
import { migratedFileName, persistVersion, readPersisted } from './persistence.ts';

describe('readPersisted', () => {
  it('migrates version 1: the one editor text becomes pod.yaml, the current file', () => {
    const restored = readPersisted({ editorText: 'kind: Pod\n', speed: 5, namespaceFilter: { type: 'user' } }, 1);
    expect(Object.keys(restored.workspace?.files ?? {})).toEqual([migratedFileName]);
    expect(restored.workspace?.files[migratedFileName]?.content).toBe('kind: Pod\n');
    expect(restored).toMatchObject({ currentFile: 'pod.yaml', speed: 5, namespaceFilter: { type: 'user' } });
  });

  it('reads back version 2 as it was written', () => {
    const workspace = {
      files: { 'pod.yaml': { content: exampleManifest, modified: 1 }, 'k8s/svc.yaml': { content: 'x', modified: 2 } },
      folders: { empty: 3 },
    };
    const stored = JSON.parse(
      JSON.stringify({ workspace, currentFile: 'k8s/svc.yaml', speed: 2, namespaceFilter: { type: 'all' } }),
    ) as unknown;
    expect(readPersisted(stored, persistVersion)).toEqual({
      workspace,
      currentFile: 'k8s/svc.yaml',
      speed: 2,
      namespaceFilter: { type: 'all' },
    });
  });

  it('refuses a corrupt workspace but keeps the other preferences', () => {
    const restored = readPersisted(
      { workspace: { files: { '../../etc/passwd': { content: 'x', modified: 1 } }, folders: {} }, speed: 10 },
      persistVersion,
    );
    expect(restored).toEqual({ speed: 10 });
  });

  it('opens the first file when the stored current file is not one of them', () => {
    const workspace = {
      files: { 'b.yaml': { content: '', modified: 1 }, 'a.yaml': { content: '', modified: 1 } },
      folders: {},
    };
    expect(readPersisted({ workspace, currentFile: 'gone.yaml' }, persistVersion).currentFile).toBe('a.yaml');
    expect(readPersisted({ workspace: { files: {}, folders: {} } }, persistVersion).currentFile).toBeNull();
  });

  it.each([null, 'text', 42, []])('reads nothing from %j', (stored) => {
    expect(readPersisted(stored, persistVersion)).toEqual({});
  });

  it('drops a version-1 text too big for a file', () => {
    expect(readPersisted({ editorText: 'x'.repeat(600_000), speed: 1 }, 1)).toEqual({ speed: 1 });
  });
});
