import { describe, expect, it } from 'vitest';
import { parseScript, ShSyntaxError } from './parse.ts';
import type { Command, Script, SimpleCommand, Word } from './ast.ts';

function words(cmd: Command | undefined): string[] {
  if (!cmd || cmd.type !== 'simple') return [];
  return cmd.words.map(show);
}

function show(word: Word): string {
  return word
    .map((p) =>
      p.type === 'lit'
        ? p.quoted
          ? `'${p.text}'`
          : p.text
        : p.type === 'param'
          ? `$${p.name}${p.op ?? ''}`
          : p.type === 'cmdsub'
            ? '$(…)'
            : '$((…))',
    )
    .join('');
}

function first(script: Script): Command | undefined {
  return script[0]?.andOr.first.commands[0];
}

describe('parseScript', () => {
  it.each([
    ['echo hello world', ['echo', 'hello', 'world']],
    [`echo 'a b' "c $X" d\\ e`, ['echo', "'a b'", "'c '$X", "d' 'e"]],
    ['echo ${X:-y} $1 $? $#', ['echo', '$X:-', '$1', '$?', '$#']],
    ['echo $(date) `hostname` $((1+2))', ['echo', '$(…)', '$(…)', '$((…))']],
    ['echo done fi then', ['echo', 'done', 'fi', 'then']],
  ])('%s splits into words', (src, expected) => expect(words(first(parseScript(src)))).toEqual(expected));

  it('reads assignments, redirections and here-documents', () => {
    const cmd = first(parseScript('A=1 B="x y" env > out 2>&1 <<EOF\nbody $A\nEOF\n')) as SimpleCommand;
    expect(cmd.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.redirects.map((r) => [r.fd, r.op, show(r.target)])).toEqual([
      [1, '>', 'out'],
      [2, '>&', '1'],
      [0, '<<', 'EOF'],
    ]);
    expect(cmd.redirects[2]?.heredoc?.map((p) => p.type)).toEqual(['lit', 'param', 'lit']);
  });

  it('builds lists, and-or chains, pipelines and compound commands', () => {
    const script = parseScript(
      'a && b || c; d | e | f & while true; do :; done\nif x; then y; elif z; then w; else v; fi',
    );
    expect(script.map((i) => i.background)).toEqual([false, true, false, false]);
    expect(script[0]?.andOr.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(script[1]?.andOr.first.commands).toHaveLength(3);
    expect(first(script.slice(2))?.type).toBe('while');
    const ifc = first(script.slice(3));
    expect(ifc?.type === 'if' && ifc.clauses.length).toBe(2);
  });

  it.each([
    ['for i in 1 2 3; do echo $i; done', 'for'],
    ['for i\ndo echo $i\ndone', 'for'],
    ['case $x in a|b) echo ab;; *) echo other;; esac', 'case'],
    ['f() { echo hi; }', 'function'],
    ['function f { echo hi; }', 'function'],
    ['( cd /tmp && ls )', 'subshell'],
    ['{ echo a; echo b; } > out', 'group'],
    ['until false; do break; done', 'until'],
  ])('%s is a %s', (src, type) => expect(first(parseScript(src))?.type).toBe(type));

  it.each([
    ['if true; then echo', 'end of file', 'fi'],
    ['done', 'done', undefined],
    ['echo (', '(', undefined],
    ["echo 'open", 'end of file', "'"],
    ['while true; do', 'end of file', 'done'],
    ['a &&', 'end of file', undefined],
  ])('%j is a syntax error at %s', (src, unexpected, expecting) => {
    try {
      parseScript(src);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShSyntaxError);
      expect((e as ShSyntaxError).unexpected).toBe(unexpected);
      expect((e as ShSyntaxError).expecting).toBe(expecting);
    }
  });
});
