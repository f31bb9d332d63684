import { describe, expect, it } from 'vitest';
import { containerArgv, tcpOpen, terminateProcess } from './process.ts';
import { Container, T0, image } from './testkit.ts';

const MiB = 1024 * 1024;

describe('containerArgv follows Docker and Kubernetes', () => {
  it.each([
    ['nginx', undefined, undefined, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']],
    ['nginx', ['nginx'], undefined, ['nginx']],
    [
      'nginx',
      undefined,
      ['nginx-debug', '-g', 'daemon off;'],
      ['/docker-entrypoint.sh', 'nginx-debug', '-g', 'daemon off;'],
    ],
    ['busybox', ['sleep'], ['3600'], ['sleep', '3600']],
    ['busybox', [], ['echo', 'hi'], ['echo', 'hi']],
    ['polinux/stress', undefined, ['--vm', '1'], ['stress', '--vm', '1']],
  ])('%s command=%j args=%j → %j', (ref, command, args, argv) => {
    expect(containerArgv(image(ref), command, args)).toEqual(argv);
  });
});

describe('base images run a shell that exits at once without a TTY', () => {
  it.each([
    'busybox',
    'alpine',
    'ubuntu',
    'debian',
    'fedora',
    'centos:7',
    'python:3.12',
    'node:20',
    'registry.k8s.io/busybox',
    'nicolaka/netshoot',
  ])('%s exits 0 (Completed)', (ref) => {
    const c = new Container(ref);
    const step = c.start();
    expect(step).toMatchObject({ status: 'exited', exitCode: 0, reason: 'Completed' });
    expect(c.logs).toEqual([]);
  });

  it('hello-world prints its greeting and completes', () => {
    const c = new Container('hello-world');
    expect(c.start()).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(c.text()).toContain('Hello from Docker!');
  });
});

describe('a command the image lacks is a StartError', () => {
  it.each([
    ['busybox', ['bash', '-c', 'echo hi'], 'exec: "bash": executable file not found in $PATH'],
    ['alpine', ['/app/run.sh'], 'exec: "/app/run.sh": stat /app/run.sh: no such file or directory'],
    ['traefik/whoami', ['sh'], 'exec: "sh": executable file not found in $PATH'],
  ])('%s %j', (ref, command, detail) => {
    const step = new Container(ref).start(command);
    expect(step).toMatchObject({
      status: 'exited',
      exitCode: 128,
      reason: 'StartError',
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${detail}: unknown`,
    });
  });

  it('a script without the executable bit is permission denied', () => {
    const c = new Container('busybox');
    c.ctx().fs.writeFile('/run.sh', '#!/bin/sh\necho hi\n', { mode: 0o644 });
    expect(c.start(['/run.sh'])).toMatchObject({
      reason: 'StartError',
      message: expect.stringContaining('exec: "/run.sh": permission denied'),
    });
    c.ctx().fs.chmod('/run.sh', 0o755);
    const ok = new Container('busybox');
    ok.ctx().fs.writeFile('/run.sh', '#!/bin/sh\necho "hi from $0"\n', { mode: 0o755 });
    expect(ok.start(['/run.sh'])).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(ok.text()).toBe('hi from /run.sh');
  });
});

describe('the docs liveness example', () => {
  it('cat /tmp/healthy succeeds before 30 s and fails after', () => {
    const c = new Container('registry.k8s.io/busybox:1.27.2');
    c.start(undefined, ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']);
    c.advance(5000);
    expect(c.exec(['cat', '/tmp/healthy'])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
      durationMs: 0,
      timedOut: false,
    });
    c.advance(30_000);
    expect(c.exec(['cat', '/tmp/healthy'])).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
      durationMs: 0,
      timedOut: false,
    });
    expect(c.last?.status).toBe('running');
  });
});

describe('execInProcess', () => {
  it('reports a missing executable the way containerd does', () => {
    const c = new Container('alpine');
    c.start(['sleep', 'infinity']);
    const r = c.exec(['bash']);
    expect(r.exitCode).toBe(127);
    expect(r.error).toMatch(
      /^failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown$/,
    );
  });

  it('refuses a stopped container', () => {
    const c = new Container('busybox');
    c.start();
    expect(c.exec(['ls']).error).toBe('failed to exec in container: container is in CONTAINER_EXITED state');
  });

  it('runs stdin as a script, with the image env but not PID 1 shell variables', () => {
    const c = new Container('busybox', { env: { GREETING: 'hola' } });
    c.start(['sh', '-c', 'SECRET=1; sleep infinity']);
    const r = c.exec(['sh'], { stdin: 'echo "$GREETING ${SECRET:-unset}"\nexit 4\n' });
    expect(r).toMatchObject({ exitCode: 4, stdout: 'hola unset\n' });
  });

  it('times out in virtual time', () => {
    const c = new Container('busybox');
    c.start(['sleep', 'infinity']);
    expect(c.exec(['sleep', '10'], { timeoutMs: 1000 })).toMatchObject({ timedOut: true, durationMs: 1000 });
    expect(c.exec(['sleep', '2'], { timeoutMs: 5000 })).toMatchObject({
      timedOut: false,
      exitCode: 0,
      durationMs: 2000,
    });
  });

  it('writes to /proc/1/fd/1 land in the container log', () => {
    const c = new Container('busybox');
    c.start(['sleep', 'infinity']);
    c.exec(['sh', '-c', 'echo from-exec > /proc/1/fd/1']);
    c.advance(1);
    expect(c.text()).toBe('from-exec');
  });
});

describe('installing tools', () => {
  it('apk add curl adds curl to an alpine container; an unknown package fails', () => {
    const c = new Container('alpine');
    c.start(['sleep', 'infinity']);
    expect(c.exec(['curl', '--version']).error).toContain('exec: "curl": executable file not found in $PATH');
    const add = c.exec(['apk', 'add', '--no-cache', 'curl']);
    expect(add.exitCode).toBe(0);
    expect(add.stdout).toContain('fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz');
    expect(c.exec(['sh', '-c', 'command -v curl'])).toMatchObject({ exitCode: 0, stdout: '/usr/bin/curl\n' });
    expect(c.exec(['apk', 'add', 'nosuchpkg'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('nosuchpkg (no such package)'),
    });
  });
});

describe('SIGTERM', () => {
  it('a shell or sleep as PID 1 ignores it', () => {
    for (const command of [
      ['sleep', '3600'],
      ['sh', '-c', 'while true; do sleep 1; done'],
      ['sh', '-c', "nginx -g 'daemon off;'; echo after"],
    ]) {
      const c = new Container(command[2]?.includes('nginx') ? 'nginx' : 'busybox');
      c.start(command);
      c.advance(2000);
      expect(terminateProcess(c.state!, 'SIGTERM', c.ctx())).toBeUndefined();
    }
  });

  it('nginx as PID 1 (also through exec in sh -c) stops promptly with 0 and says goodbye', () => {
    for (const command of [
      undefined,
      ['sh', '-c', "echo start && exec nginx -g 'daemon off;'"],
      ['sh', '-c', "nginx -g 'daemon off;'"],
    ]) {
      const c = new Container('nginx');
      c.start(command);
      c.advance(2000);
      const t = terminateProcess(c.state!, 'SIGTERM', c.ctx());
      expect(t).toEqual({ exitsAfterMs: 60, exitCode: 0 });
      c.advance(100);
      expect(c.last).toMatchObject({ status: 'exited', exitCode: 0, reason: 'Completed' });
      expect(c.text('stderr')).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting');
    }
  });

  it('a TERM trap runs at once while the shell waits, but only after a foreground sleep', () => {
    const waiting = new Container('busybox');
    waiting.start(['sh', '-c', "trap 'echo bye; exit 0' TERM; sleep infinity & wait"]);
    waiting.advance(1000);
    expect(terminateProcess(waiting.state!, 'SIGTERM', waiting.ctx())).toEqual({ exitsAfterMs: 0, exitCode: 0 });
    waiting.advance(1);
    expect(waiting.last).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(waiting.text()).toBe('bye');
    const sleeping = new Container('busybox');
    sleeping.start(['sh', '-c', "trap 'exit 0' TERM; sleep 3600"]);
    expect(terminateProcess(sleeping.state!, 'SIGTERM', sleeping.ctx())).toBeUndefined();
  });
});

describe('stress', () => {
  it('is OOMKilled when it allocates past the memory limit', () => {
    const c = new Container('polinux/stress', { memoryLimitBytes: 100 * MiB });
    c.start(['stress'], ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1']);
    c.advance(1000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 137, reason: 'OOMKilled' });
    expect(c.text()).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd');
    const exitedAt = c.last?.status === 'exited' ? c.last.state.exit?.at : undefined;
    expect((exitedAt ?? 0) - T0).toBeGreaterThan(100);
    expect((exitedAt ?? 0) - T0).toBeLessThan(1000);
  });

  it('holds its memory under the limit and reports it', () => {
    const c = new Container('polinux/stress', { memoryLimitBytes: 200 * MiB });
    c.start(['stress'], ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1']);
    c.advance(5000);
    expect(c.last?.status).toBe('running');
    const memory = c.last?.status === 'running' ? c.last.memoryBytes : 0;
    expect(memory).toBeGreaterThanOrEqual(150 * MiB);
    expect(memory).toBeLessThan(155 * MiB);
  });

  it('burns CPU with --cpu and finishes with --timeout', () => {
    const c = new Container('polinux/stress');
    const step = c.start(['stress', '--cpu', '2', '--timeout', '10s']);
    expect(step.status === 'running' && step.cpuMillis).toBe(2000);
    c.advance(11_000);
    expect(c.last).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(c.text()).toContain('stress: info: [1] successful run completed in 10s');
  });
});

describe('sleep durations', () => {
  it.each([
    ['sleep 3600', 3_600_000],
    ['sleep 1d', 86_400_000],
    ['sleep 0.25', 250],
    ['sleep 1m 30', 90_000],
  ])('%s wakes after %i ms', (script, ms) => {
    const step = new Container('busybox').start(['sh', '-c', script]);
    expect(step.status === 'running' && step.wakeAt).toBe(T0 + ms);
  });
});

describe('tcpOpen', () => {
  it('opens redis after its start-up time', () => {
    const c = new Container('redis');
    c.start();
    expect(tcpOpen(c.state!, 6379, T0 + 10)).toBe(false);
    c.advance(1000);
    expect(tcpOpen(c.state!, 6379)).toBe(true);
    expect(tcpOpen(c.state!, 80)).toBe(false);
    expect(c.exec(['redis-cli', 'ping'])).toMatchObject({ exitCode: 0, stdout: 'PONG\n' });
  });
});
