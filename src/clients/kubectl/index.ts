import { impersonatedUser, type ClusterClient } from '../../engine/index.ts';
import { COMMANDS, type Command } from './commands.ts';
import { FlagError } from './flags.ts';
import { helpText } from './help.ts';
import type { CommandResult, KubectlContext } from './types.ts';

export type { CommandResult, KubectlContext } from './types.ts';

/** Global flags that take a value, so `kubectl -n web get pods` finds the command word. */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--user',
  '--kubeconfig',
  '--as',
  '--as-group',
  '--as-uid',
  '-s',
  '--server',
  '--request-timeout',
  '-v',
  '--v',
]);

export function commandNames(): string[] {
  return Object.keys(COMMANDS).sort();
}

function splitCommand(argv: string[]): { name: string | undefined; args: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUE_FLAGS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return { name: arg, args: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, args: argv };
}

/** wantsHelp is -h/--help before any `--`. */
function wantsHelp(args: string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/** globalValues reads a global flag's values (`--as=x`, `--as x`), stopping at `--`. */
function globalValues(args: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    if (arg === `--${name}` && i + 1 < args.length) out.push(args[++i] as string);
    else if (arg.startsWith(`--${name}=`)) out.push(arg.slice(name.length + 3));
  }
  return out;
}

/**
 * impersonating wraps the client so every request carries the `--as`/`--as-group` user, as
 * client-go's impersonation transport does with Impersonate-* headers.
 */
function impersonating(client: ClusterClient, username: string, groups: string[]): ClusterClient {
  const user = impersonatedUser(username, groups);
  return { request: (request) => client.request({ ...request, user }) };
}

/**
 * runKubectl runs one kubectl command line (without the word `kubectl`) against the cluster behind
 * ctx.client. Parsing errors and unexpected failures come back as kubectl-style messages, never as
 * exceptions, so neither the terminal nor the CLI ever shows a stack trace.
 */
export async function runKubectl(argv: string[], ctx: KubectlContext): Promise<CommandResult> {
  const { name, args } = splitCommand(argv);
  if (name === undefined) return { stdout: helpText([]) ?? '', stderr: '', exitCode: 0 };
  if (name === 'help') {
    const words = args.filter((a) => !a.startsWith('-'));
    const text = helpText(words);
    if (text !== undefined) return { stdout: text, stderr: '', exitCode: 0 };
    // cobra names the topic and prints the root command's usage: the help without its description.
    const help = helpText([]) ?? '';
    const usage = `\n\n${help.slice(help.indexOf('Basic Commands'))}`;
    return {
      stdout: '',
      stderr: `Unknown help topic [${words.map((w) => `\`${w}\``).join(' ')}]\n${usage}`,
      exitCode: 0,
    };
  }
  if (name === 'options')
    return { stdout: wantsHelp(args) ? '' : (helpText(['options']) ?? ''), stderr: '', exitCode: 0 };
  const command: Command | undefined = COMMANDS[name];
  if (!command) {
    return {
      stdout: '',
      stderr: `error: unknown command "${name}" for "kubectl"\nRun 'kubectl --help' for usage.\n`,
      exitCode: 1,
    };
  }
  if (wantsHelp(args) && name !== 'create') {
    const sub = args.find((a) => !a.startsWith('-'));
    const text = (sub !== undefined ? helpText([name, sub]) : undefined) ?? helpText([name]);
    if (text !== undefined) return { stdout: text, stderr: '', exitCode: 0 };
  }
  const as = globalValues(args, 'as');
  const asGroups = globalValues(args, 'as-group');
  let context = ctx;
  if (as.length > 0 || asGroups.length > 0) {
    if (!as[0])
      return {
        stdout: '',
        stderr: 'error: requesting uid, groups or user-extra for  without impersonating a user\n',
        exitCode: 1,
      };
    context = { ...ctx, client: impersonating(ctx.client, as[as.length - 1] as string, asGroups) };
  }
  try {
    return await command(args, context);
  } catch (error) {
    if (error instanceof FlagError) {
      return {
        stdout: '',
        stderr: `error: ${error.message}\nSee 'kubectl ${error.command ?? name} --help' for usage.\n`,
        exitCode: 1,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 };
  }
}
