import type { Script, Word, WordPart } from './ast.ts';
import { evalArith } from './arith.ts';
import { globToRegExp, hasGlob } from './glob.ts';
import { ExpansionError } from './messages.ts';

export { ExpansionError } from './messages.ts';

/** ExpandEnv is what expansion needs from the running shell. */
export interface ExpandEnv {
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  positional(): string[];
  special(name: string): string | undefined;
  /** runs a command substitution to completion and returns its output */
  substitute(script: Script): string;
  glob(pattern: string): string[];
}

interface Field {
  text: string;
  pattern: string;
  hasContent: boolean;
  glob: boolean;
}

function newField(): Field {
  return { text: '', pattern: '', hasContent: false, glob: false };
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => '\\' + c);
}

/** expandWords performs parameter, command and arithmetic expansion, field splitting and globbing. */
export function expandWords(words: Word[], env: ExpandEnv): string[] {
  const out: string[] = [];
  for (const word of words) {
    for (const field of expandFields(word, env)) {
      if (!field.hasContent) continue;
      if (field.glob) {
        const matches = env.glob(field.pattern);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(field.text);
    }
  }
  return out;
}

/** expandString expands a word without splitting or globbing (assignments, redirect targets, case). */
export function expandString(word: Word, env: ExpandEnv): string {
  let text = '';
  for (const part of word) {
    if (part.type === 'lit') text += part.text;
    else if (part.type === 'param' && (part.name === '@' || part.name === '*') && !part.op)
      text += env.positional().join(' ');
    else text += expandPart(part, env);
  }
  return text;
}

/** expandPattern expands a word for matching: quoted characters match literally. */
export function expandPattern(word: Word, env: ExpandEnv): string {
  let pattern = '';
  for (const part of word) {
    const text = part.type === 'lit' ? part.text : expandPart(part, env);
    pattern += part.quoted ? escapeGlob(text) : text;
  }
  return pattern;
}

function expandFields(word: Word, env: ExpandEnv): Field[] {
  const fields: Field[] = [];
  let current = newField();
  const flush = (): void => {
    fields.push(current);
    current = newField();
  };
  const ifs = env.lookup('IFS') ?? ' \t\n';
  for (const part of word) {
    if (part.type === 'lit') {
      current.text += part.text;
      if (part.quoted) {
        current.pattern += escapeGlob(part.text);
        current.hasContent = true;
      } else {
        current.pattern += part.text;
        if (part.text) current.hasContent = true;
        if (hasGlob(part.text)) current.glob = true;
      }
      continue;
    }
    if (part.type === 'param' && part.name === '@' && !part.op && part.quoted) {
      env.positional().forEach((value, i) => {
        if (i > 0) flush();
        current.text += value;
        current.pattern += escapeGlob(value);
        current.hasContent = true;
      });
      continue;
    }
    const value =
      part.type === 'param' && (part.name === '@' || part.name === '*') && !part.op
        ? env.positional().join(part.quoted ? (ifs[0] ?? '') : ' ')
        : expandPart(part, env);
    if (part.quoted) {
      current.text += value;
      current.pattern += escapeGlob(value);
      current.hasContent = true;
      continue;
    }
    splitInto(value, ifs, current, flush, (f) => (current = f));
  }
  fields.push(current);
  return fields;
}

function splitInto(value: string, ifs: string, current: Field, flush: () => void, set: (f: Field) => void): void {
  let field = current;
  let pendingBreak = false;
  for (const c of value) {
    if (ifs.includes(c)) {
      if (field.hasContent) pendingBreak = true;
      continue;
    }
    if (pendingBreak) {
      flush();
      field = newField();
      set(field);
      pendingBreak = false;
    }
    field.text += c;
    field.pattern += c;
    field.hasContent = true;
    if (hasGlob(c)) field.glob = true;
  }
  if (pendingBreak) {
    flush();
    set(newField());
  }
}

function expandPart(part: Exclude<WordPart, { type: 'lit' }>, env: ExpandEnv): string {
  switch (part.type) {
    case 'cmdsub':
      return env.substitute(part.script).replace(/\n+$/, '');
    case 'arith': {
      const text = expandString(part.expr, env);
      return String(evalArith(text, env));
    }
    case 'param':
      return expandParam(part, env);
  }
}

function paramValue(name: string, env: ExpandEnv): string | undefined {
  if (/^\d+$/.test(name) && name !== '0') return env.positional()[Number(name) - 1];
  if (name === '@' || name === '*') return env.positional().join(' ');
  const special = env.special(name);
  if (special !== undefined) return special;
  return env.lookup(name);
}

function expandParam(part: Extract<WordPart, { type: 'param' }>, env: ExpandEnv): string {
  const value = paramValue(part.name, env);
  const arg = (): string => (part.arg ? expandString(part.arg, env) : '');
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const v = value ?? '';
  switch (part.op) {
    case undefined:
      return value ?? '';
    case 'length':
      return String((value ?? '').length);
    case ':-':
      return nonEmpty ? v : arg();
    case '-':
      return set ? v : arg();
    case ':=':
    case '=': {
      if (part.op === ':=' ? nonEmpty : set) return value ?? '';
      const v = arg();
      env.assign(part.name, v);
      return v;
    }
    case ':+':
      return nonEmpty ? arg() : '';
    case '+':
      return set ? arg() : '';
    case ':?':
    case '?': {
      if (part.op === ':?' ? nonEmpty : set) return value ?? '';
      const message = arg() || (part.op === ':?' ? 'parameter null or not set' : 'parameter not set');
      throw new ExpansionError(`${part.name}: ${message}`);
    }
    case '#':
    case '##':
    case '%':
    case '%%':
      return trim(v, part.arg ? expandPattern(part.arg, env) : '', part.op);
  }
  return v;
}

function trim(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = globToRegExp(pattern);
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()];
    if (op === '##') lengths.reverse();
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  return value;
}
