import { describe, expect, it } from 'vitest';
import { lab } from '../testing/lab.ts';
import { interactiveExecTarget, interactiveRunTarget } from './session.ts';
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

describe('kubectl run -it', () => {
  it('creates the pod with a TTY, opens a shell in it once it runs, and --rm deletes it on exit', async () => {
    const l = lab();
    const opened = await runCommandLine('kubectl run debug --rm -it --image=busybox --restart=Never -- sh', {
      cluster: l.cluster,
    });
    expect(opened.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    const session = opened.session;
    expect(session?.prompt()).toBe('/ # ');
    expect((await session?.run('hostname'))?.stdout).toBe('debug\n');
    expect(await l.kubectl('get pod debug -o jsonpath={.spec.containers[0].tty}/{.status.phase}')).toBe('true/Running');
    const exit = await session?.run('exit');
    expect(exit).toMatchObject({ exit: true, stdout: 'pod "debug" deleted from default namespace\n' });
    expect((await l.sh('kubectl get pod debug')).stderr).toBe('Error from server (NotFound): pods "debug" not found\n');
  });

  it('without --rm leaves the pod and says how to attach again', async () => {
    const l = lab();
    const opened = await runCommandLine('k run shell -ti --image=alpine -- /bin/sh', { cluster: l.cluster });
    const exit = await opened.session?.run('exit');
    expect(exit?.stdout).toBe(
      "Session ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running\n",
    );
    expect(await l.kubectl('get pod shell -o jsonpath={.status.phase}')).toBe('Running');
  });

  it('leaves non-interactive runs to kubectl', () => {
    expect(interactiveRunTarget(['kubectl', 'run', 'x', '--image=busybox', '--', 'sh'])).toBeUndefined();
    expect(interactiveRunTarget(['kubectl', 'run', 'x', '-it', '--image=busybox', '--', 'ls'])).toBeUndefined();
  });
});
