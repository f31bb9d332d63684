import { describe, expect, it } from 'vitest';
import { lab } from '../testing/lab.ts';
import { interactiveExecTarget } from './session.ts';
import { runCommandLine } from './shell.ts';

describe('kubectl exec -it', () => {
  it.each([
    [['kubectl', 'exec', '-it', 'web', '--', 'sh'], { base: ['web'], shell: 'sh', pod: 'web' }],
    [
      ['k', 'exec', '-ti', 'pod/web', '-c', 'app', '--', '/bin/bash'],
      { base: ['pod/web', '-c', 'app'], shell: '/bin/bash', pod: 'web' },
    ],
    [['kubectl', 'exec', 'web', '--', 'sh'], undefined],
    [['kubectl', 'exec', '-it', 'web', '--', 'ls', '/'], undefined],
  ])('%j opens a session: %j', (argv, expected) => {
    expect(interactiveExecTarget(argv)).toEqual(expected);
  });

  it('runs lines in the container, remembers cd, and ends on exit', async () => {
    const l = lab();
    await l.kubectl('run box --image=busybox -- sleep 3600');
    await l.advance('20s');
    const opened = await runCommandLine('kubectl exec -it box -- sh', { cluster: l.cluster });
    const session = opened.session;
    expect(session?.prompt()).toBe('/ # ');
    expect((await session?.run('cd /etc'))?.exitCode).toBe(0);
    expect(session?.prompt()).toBe('/etc # ');
    expect((await session?.run('cat hostname'))?.stdout).toBe('box\n');
    expect((await session?.run('cat nothere'))?.stderr).toBe("cat: can't open 'nothere': No such file or directory\n");
    expect((await session?.run('exit'))?.exit).toBe(true);
  });

  it('reports kubectl errors instead of opening a session', async () => {
    const l = lab();
    const result = await runCommandLine('kubectl exec -it nothere -- sh', { cluster: l.cluster });
    expect(result.session).toBeUndefined();
    expect(result.stderr).toBe('Error from server (NotFound): pods "nothere" not found\n');
  });
});
