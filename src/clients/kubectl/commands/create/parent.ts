/**
 * `kubectl create service` and `kubectl create secret` without a generator: cobra's
 * DefaultSubCommandRun prints the help to stderr and exits 1, or names the unknown words.
 */
import { FlagError, parseFlags } from '../../flags.ts';
import { goQuote } from '../../printers/jsonpath.ts';
import { fail, ok, type CommandResult } from '../../types.ts';
import { CREATE_HELP } from './help.ts';

export function parentCommand(parent: 'service' | 'secret', args: string[]): CommandResult {
  const path = `create ${parent}`;
  let positional: string[];
  try {
    const flags = parseFlags(args, []);
    if (flags.bool('help')) return ok(CREATE_HELP[path] ?? '');
    positional = flags.positional;
  } catch (e) {
    if (e instanceof FlagError) return fail(`error: ${e.message}\nSee 'kubectl ${path} --help' for usage.\n`);
    throw e;
  }
  if (positional.length > 0)
    return fail(
      `error: unknown command ${goQuote(positional.join(' '))}\nSee 'kubectl ${path} -h' for help and examples\n`,
    );
  return fail(CREATE_HELP[`${path} (no subcommand)`] ?? '');
}

/** BOOL_FLAGS are the flags of `kubectl create` (and the global ones) that take no value. */
const BOOL_FLAGS = new Set([
  'edit',
  'recursive',
  'R',
  'save-config',
  'windows-line-endings',
  'allow-missing-template-keys',
  'show-managed-fields',
  'validate',
  'dry-run',
  'help',
  'h',
  'insecure-skip-tls-verify',
  'match-server-version',
  'warnings-as-errors',
]);

/**
 * findSubcommand is cobra's stripFlags: the first word that is neither a flag nor, for a flag
 * written without `=` that is not boolean, that flag's value.
 */
export function findSubcommand(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return -1;
    if (arg.startsWith('--')) {
      if (!arg.includes('=') && !BOOL_FLAGS.has(arg.slice(2))) i++;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (arg.length === 2 && !BOOL_FLAGS.has(arg.slice(1))) i++;
      continue;
    }
    return i;
  }
  return -1;
}
