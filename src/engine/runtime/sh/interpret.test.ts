import { describe, expect, it } from 'vitest';
import { Container, T0, emptyDir } from '../testkit.ts';

/** sh runs a script with `sh -c` in an image and returns what it printed and its exit code. */
function sh(script: string, ref = 'busybox', ms = 60_000): { out: string; err: string; code: number | undefined } {
  const c = new Container(ref);
  c.start(['sh', '-c', script]);
  c.advance(ms);
  const code = c.last?.status === 'exited' ? c.last.exitCode : undefined;
  return { out: c.text('stdout'), err: c.text('stderr'), code };
}

describe('sh: words, quoting and expansion', () => {
  it.each([
    [`echo 'a  b' "c  d" e\\ \\ f`, 'a  b c  d e  f'],
    [`X=1; echo $X \${X} "\${Y:-def}" \${#X}`, '1 1 def 1'],
    [`X='a b'; for w in $X; do echo "[$w]"; done`, '[a]\n[b]'],
    [`X='a b'; for w in "$X"; do echo "[$w]"; done`, '[a b]'],
    [`echo "$(echo hi) there" \`echo back\``, 'hi there back'],
    [`echo $((1 + 2 * 3)) $(( (7 - 1) / 4 )) $((10 % 3))`, '7 1 1'],
    [`i=0; i=$((i+1)); echo $i`, '1'],
    [`f=archive.tar.gz; echo \${f%.gz} \${f%%.*} \${f#*.} \${f##*.}`, 'archive.tar archive tar.gz gz'],
    [`echo \${UNSET:=set}; echo $UNSET`, 'set\nset'],
    [`set -- a b c; echo $# $2 "$@"`, '3 b a b c'],
    [`echo -n one; echo two`, 'onetwo'],
    [`echo -e 'a\\tb'`, 'a\tb'],
    [`printf '%s-%d|%5s|\\n' x 42 y`, 'x-42|    y|'],
    [`echo "$HOSTNAME $HOME"`, 'pod-1 /root'],
    [`echo ~ ~/x '~'`, '/root /root/x ~'],
  ])('%s', (script, expected) => expect(sh(script).out).toBe(expected));
});

describe('sh: status, lists and control flow', () => {
  it.each([
    [`false; echo $?; true; echo $?`, '1\n0'],
    [`false && echo no || echo yes`, 'yes'],
    [`true && echo a && echo b`, 'a\nb'],
    [`! false && echo negated`, 'negated'],
    [`if [ 1 -gt 2 ]; then echo a; elif [ -d /tmp ]; then echo b; else echo c; fi`, 'b'],
    [`i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done`, '0\n1\n2'],
    [`i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i`, '2'],
    [`for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done`, '1\n3'],
    [`for i in $(seq 3); do echo n$i; done`, 'n1\nn2\nn3'],
    [`case hello.txt in *.log) echo log;; *.txt|*.md) echo text;; *) echo other;; esac`, 'text'],
    [`greet() { echo "hi $1"; return 3; }; greet bob; echo $?`, 'hi bob\n3'],
    [`X=1; (X=2; echo in $X); echo out $X`, 'in 2\nout 1'],
    [`X=1; { X=2; }; echo $X`, '2'],
    [`printf 'a b\\nc d\\n' | while read x y; do echo "$y-$x"; done`, 'b-a\nd-c'],
    [`cat <<EOF\nhello $HOSTNAME\n  indented\nEOF`, 'hello pod-1\n  indented'],
    [`cat <<'EOF'\nno $EXPANSION\nEOF`, 'no $EXPANSION'],
    [`set -e; echo a; false; echo b`, 'a'],
    [`(sleep 2; echo bg) & echo fg; wait; echo done`, 'fg\nbg\ndone'],
  ])('%s', (script, expected) => expect(sh(script).out).toBe(expected));

  it.each([
    ['echo a; exit 3; echo b', 3],
    ['exit', 0],
    ['false', 1],
    ['true', 0],
    ['sh -c "exit 7"; echo $?', 0],
  ])('%s exits %i', (script, code) => expect(sh(script).code).toBe(code));
});

describe('sh: pipes and redirection', () => {
  it.each([
    [`printf 'b\\na\\nc\\n' | sort | head -n 2`, 'a\nb'],
    [`printf 'x\\ny\\nx\\n' | grep -c x`, '2'],
    [`printf 'one\\ntwo\\n' | wc -l`, '2'],
    [`echo hi > /tmp/f; echo there >> /tmp/f; cat /tmp/f`, 'hi\nthere'],
    [`echo hi > /tmp/f; cat < /tmp/f`, 'hi'],
    [`ls /nope 2>&1 | tr a-z A-Z`, 'LS: /NOPE: NO SUCH FILE OR DIRECTORY'],
    [`echo quiet > /dev/null; echo shown`, 'shown'],
    [`touch /tmp/a.txt /tmp/b.txt; echo /tmp/*.txt; echo /tmp/*.none`, '/tmp/a.txt /tmp/b.txt\n/tmp/*.none'],
    [`echo data | tee /tmp/t > /dev/null; cat /tmp/t`, 'data'],
    [`echo 'k=v' | cut -d= -f2`, 'v'],
    [`echo hello | sed 's/l/L/g'`, 'heLLo'],
    [`echo 'a b c' | awk '{print $2}'`, 'b'],
  ])('%s', (script, expected) => expect(sh(script).out).toBe(expected));

  it('sends 2> to stderr of the log and echo >&2 too', () => {
    const r = sh('echo out; echo err >&2');
    expect(r.out).toBe('out');
    expect(r.err).toBe('err');
  });
});

describe('sh: errors in each shell’s own words', () => {
  it.each([
    ['busybox', 'foo', 'sh: foo: not found', 127],
    ['alpine', 'foo', 'sh: foo: not found', 127],
    ['ubuntu', 'foo', 'sh: 1: foo: not found', 127],
    ['busybox', 'cat /nope', "cat: can't open '/nope': No such file or directory", 1],
    ['ubuntu', 'cat /nope', 'cat: /nope: No such file or directory', 1],
    [
      'busybox',
      'echo x > /proc/nope/x',
      "sh: can't create /proc/nope/x: nonexistent directory".replace(
        'nonexistent directory',
        'No such file or directory',
      ),
      1,
    ],
    ['busybox', 'if true; then echo', 'sh: syntax error: unexpected end of file (expecting "fi")', 2],
    ['ubuntu', 'done', 'sh: 1: Syntax error: "done" unexpected', 2],
    ['busybox', 'sleep abc', "sleep: invalid number 'abc'", 1],
  ])('%s: %s', (ref, script, message, code) => {
    const r = sh(script, ref);
    expect(r.err).toBe(message);
    expect(r.code).toBe(code);
  });

  it('bash says "command not found"', () => {
    const c = new Container('ubuntu');
    c.start(['bash', '-c', 'foo']);
    expect(c.text('stderr')).toBe('bash: line 1: foo: command not found');
  });
});

describe('sh: time', () => {
  it('prints the date busybox-style from ctx.now', () => {
    expect(sh('date').out).toBe('Mon Jan  5 09:00:00 UTC 2026');
    expect(sh('date +%Y-%m-%dT%H:%M:%S').out).toBe('2026-01-05T09:00:00');
  });

  it('stamps each line when it is written and sleeps in virtual time', () => {
    const c = new Container('busybox');
    c.start(['sh', '-c', 'echo a; sleep 1.5; echo b; sleep 1m; echo c']);
    c.advance(120_000);
    expect(c.logs.map((l) => [l.at - T0, l.text])).toEqual([
      [0, 'a'],
      [1500, 'b'],
      [61_500, 'c'],
    ]);
    expect(c.last?.status).toBe('exited');
  });

  it.each([['sleep infinity'], ['sleep inf'], ['tail -f /dev/null']])(
    '%s blocks forever without a wake-up',
    (script) => {
      const c = new Container('busybox');
      const step = c.start(['sh', '-c', script]);
      expect(step.status).toBe('running');
      expect(step.status === 'running' && step.wakeAt).toBe(undefined);
    },
  );
});

describe('sh: resumability', () => {
  const script = 'i=0; while true; do echo "tick $i $(date +%S)"; i=$((i+1)); sleep 5; done';

  it('gives the same logs whether resumed through JSON snapshots or in one go', () => {
    const stepped = new Container('busybox');
    stepped.start(['sh', '-c', script]);
    stepped.advance(60_000);
    const once = new Container('busybox');
    once.start(['sh', '-c', script]);
    once.now = T0 + 60_000;
    once.advance(0);
    expect(stepped.logs.length).toBe(13);
    expect(once.logs).toEqual(stepped.logs);
    expect(stepped.logs[12]).toEqual({ at: T0 + 60_000, stream: 'stdout', text: 'tick 12 00' });
  });

  it('keeps the whole machine plain JSON', () => {
    const c = new Container('busybox');
    const step = c.start(['sh', '-c', script]);
    expect(JSON.parse(JSON.stringify(step.state))).toEqual(step.state);
  });
});

describe('sh: bounded execution', () => {
  it.each([
    ['while true; do :; done'],
    ['while :; do echo spin > /dev/null; done'],
    ['i=0; while true; do i=$((i+1)); done'],
  ])('%s never hangs and counts as a busy CPU', (script) => {
    const c = new Container('busybox');
    const step = c.start(['sh', '-c', script]);
    expect(step.status).toBe('running');
    if (step.status !== 'running') return;
    expect(step.wakeAt).toBeGreaterThan(T0);
    expect(step.cpuMillis).toBeGreaterThanOrEqual(1000);
    c.advance(10_000);
    expect(c.last?.status).toBe('running');
  });

  it('a chatty infinite loop yields with bounded output per step', () => {
    const c = new Container('busybox');
    const step = c.start(['sh', '-c', 'while true; do echo y; done']);
    expect(step.status).toBe('running');
    expect(step.logs.length).toBeLessThan(10_000);
  });
});

describe('sh: files shared between containers', () => {
  it('tail -f follows what another container appends to a shared emptyDir', () => {
    const shared = emptyDir();
    const writer = new Container('busybox', { mounts: [{ path: '/var/log/app', tree: shared, readOnly: false }] });
    const reader = new Container('busybox', { mounts: [{ path: '/logs', tree: shared, readOnly: true }] });
    writer.start(['sh', '-c', 'i=0; while true; do echo "line $i" >> /var/log/app/app.log; i=$((i+1)); sleep 2; done']);
    reader.start(['sh', '-c', 'tail -n+1 -F /logs/app.log']);
    for (let t = 0; t < 10; t++) {
      writer.advance(1000);
      reader.advance(1000);
    }
    expect(reader.text('stdout').split('\n').slice(0, 3)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(reader.logs.length).toBeGreaterThanOrEqual(4);
  });
});
