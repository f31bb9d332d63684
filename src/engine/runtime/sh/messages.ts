import type { ShSyntaxError } from './lexer.ts';
import type { ShellFlavor } from './state.ts';

/**
 * The shells' error texts in one place. busybox ash, dash and bash word the same failures
 * differently (`sh: foo: not found`, `sh: 1: foo: not found`, `bash: line 1: foo: command not found`);
 * learners copy these into search engines, so they must be the real ones.
 */

/** ExpansionError is a failed expansion (`${x:?}`, bad arithmetic); the shell reports it and stops. */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

type Flavor = Exclude<ShellFlavor, 'exec'>;

function prefix(flavor: Flavor, name: string, line: number): string {
  if (flavor === 'dash') return `${name}: ${line}: `;
  if (flavor === 'bash') return `${name}: line ${line}: `;
  return `${name}: `;
}

export function notFound(flavor: Flavor, name: string, line: number, command: string): string {
  if (flavor === 'bash') return `${prefix(flavor, name, line)}${command}: command not found`;
  return `${prefix(flavor, name, line)}${command}: not found`;
}

export function permissionDenied(flavor: Flavor, name: string, line: number, path: string): string {
  return `${prefix(flavor, name, line)}${path}: Permission denied`;
}

export function cannotCreate(flavor: Flavor, name: string, line: number, path: string, reason: string): string {
  if (flavor === 'ash') return `${name}: can't create ${path}: ${reason}`;
  if (flavor === 'dash') return `${prefix(flavor, name, line)}cannot create ${path}: ${reason}`;
  return `${prefix(flavor, name, line)}${path}: ${reason}`;
}

export function cannotOpen(flavor: Flavor, name: string, line: number, path: string, reason: string): string {
  if (flavor === 'ash')
    return `${name}: can't open ${path}: ${reason === 'No such file or directory' ? 'no such file' : reason}`;
  if (flavor === 'dash')
    return `${prefix(flavor, name, line)}cannot open ${path}: ${reason === 'No such file or directory' ? 'No such file' : reason}`;
  return `${prefix(flavor, name, line)}${path}: ${reason}`;
}

export function expansionFailed(flavor: Flavor, name: string, line: number, message: string): string {
  return `${prefix(flavor, name, line)}${message}`;
}

export function builtinError(flavor: Flavor, name: string, line: number, builtin: string, message: string): string {
  return `${prefix(flavor, name, line)}${builtin}: ${message}`;
}

/** syntaxError words a parse failure; shells exit 2 after it. */
export function syntaxError(flavor: Flavor, name: string, err: ShSyntaxError): string {
  const tok = err.unexpected;
  const eof = tok === 'end of file';
  if (flavor === 'bash') {
    if (eof) return `${name}: -c: line ${err.line}: syntax error: unexpected end of file`;
    return `${name}: -c: line ${err.line}: syntax error near unexpected token \`${tok}'`;
  }
  const expecting = err.expecting ? ` (expecting "${err.expecting}")` : '';
  if (flavor === 'dash') {
    if (eof || tok === 'newline') return `${name}: ${err.line}: Syntax error: ${tok} unexpected${expecting}`;
    return `${name}: ${err.line}: Syntax error: "${tok}" unexpected${expecting}`;
  }
  if (eof || tok === 'newline') return `${name}: syntax error: unexpected ${tok}${expecting}`;
  return `${name}: syntax error: unexpected "${tok}"${expecting}`;
}
