import { describe, expect, it } from 'vitest';
import { lab } from '../testing/lab.ts';
import { runCommandLine } from './shell.ts';
import type { CommandResult } from './kubectl/index.ts';

describe('kubectl edit in the lab', () => {
  it('opens the live object in the editor and saves the change on Apply', async () => {
    const l = lab();
    await l.kubectl('run web --image=nginx:1.26');
    let opened = '';
    let save: ((yaml: string) => Promise<CommandResult>) | undefined;
    const result = await runCommandLine('kubectl edit pod web', {
      cluster: l.cluster,
      openEditor: (yaml, onSave) => {
        opened = yaml;
        save = onSave;
      },
    });
    expect(result.exitCode).toBe(0);
    expect(opened).toContain('kind: Pod');
    expect(opened).toContain('image: nginx:1.26');
    const saved = await save?.(opened.replace('image: nginx:1.26', 'image: nginx:1.27'));
    expect([saved?.stdout, saved?.stderr]).toEqual(['pod/web edited\n', '']);
    expect(await l.kubectl('get pod web -o jsonpath={.spec.containers[0].image}')).toBe('nginx:1.27');
  });
});
