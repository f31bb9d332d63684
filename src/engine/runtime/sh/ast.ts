/**
 * The shell's syntax tree, as plain JSON: compiled programs keep pieces of it (words, redirects) in
 * their instructions, and those live in the snapshotted process state.
 */

/** WordPart is one piece of a word before expansion; `quoted` pieces are neither split nor globbed. */
export type WordPart =
  | { type: 'lit'; text: string; quoted: boolean }
  | { type: 'param'; name: string; quoted: boolean; op?: ParamOp; arg?: Word }
  | { type: 'cmdsub'; script: Script; quoted: boolean }
  | { type: 'arith'; expr: Word; quoted: boolean };

export type Word = WordPart[];

/** ParamOp is the operator inside `${…}`: defaults, alternatives, errors, length and trimming. */
export type ParamOp = '-' | ':-' | '=' | ':=' | '+' | ':+' | '?' | ':?' | 'length' | '#' | '##' | '%' | '%%';

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '<<' | '<<-' | '&>';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** the body of a here-document, filled in when the parser reaches the next newline */
  heredoc?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  line: number;
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface IfCommand {
  type: 'if';
  clauses: { cond: Script; body: Script }[];
  elseBody?: Script;
  redirects: Redirect[];
}

export interface LoopCommand {
  type: 'while' | 'until';
  cond: Script;
  body: Script;
  redirects: Redirect[];
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** absent means `for x; do` — iterate over "$@" */
  words?: Word[];
  body: Script;
  redirects: Redirect[];
}

export interface CaseCommand {
  type: 'case';
  subject: Word;
  arms: { patterns: Word[]; body: Script }[];
  redirects: Redirect[];
}

export interface GroupCommand {
  type: 'group' | 'subshell';
  body: Script;
  redirects: Redirect[];
}

export interface FunctionDefinition {
  type: 'function';
  name: string;
  body: Command;
}

export type Command =
  SimpleCommand | IfCommand | LoopCommand | ForCommand | CaseCommand | GroupCommand | FunctionDefinition;

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  andOr: AndOr;
  background: boolean;
}

export type Script = ListItem[];

/** literalWord builds an unexpanded word from plain text (used for argv given as a list). */
export function literalWord(text: string): Word {
  return [{ type: 'lit', text, quoted: true }];
}
