import type { Command } from './commands.ts';
import { FlagError } from './flags.ts';
import { helpText } from './help.ts';
import type { CommandResult, KubectlContext } from './types.ts';

/**
 * Commands with subcommands (set, rollout, top, auth, config) dispatch as cobra does: no
 * subcommand prints the group's help on stderr and fails; an unknown one is named in the error.
 */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '--as',
  '--as-group',
  '--context',
  '--cluster',
  '--user',
  '-s',
  '--server',
]);

export function dispatchSubcommand(
  group: string,
  subcommands: Record<string, Command>,
  helpStream: 'stdout' | 'stderr' = 'stderr',
): (args: string[], ctx: KubectlContext) => Promise<CommandResult> {
  return async (args, ctx) => {
    let at = -1;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (VALUE_FLAGS.has(arg)) {
        i++;
        continue;
      }
      if (!arg.startsWith('-')) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      const help = helpText([group]) ?? '';
      return helpStream === 'stdout'
        ? { stdout: help, stderr: '', exitCode: 1 }
        : { stdout: '', stderr: help, exitCode: 1 };
    }
    const word = args[at] as string;
    const command = subcommands[word];
    if (!command)
      return {
        stdout: '',
        stderr: `error: unknown command "${word}"\nSee 'kubectl ${group} -h' for help and examples\n`,
        exitCode: 1,
      };
    try {
      return await command([...args.slice(0, at), ...args.slice(at + 1)], ctx);
    } catch (error) {
      if (error instanceof FlagError) error.command ??= `${group} ${word}`;
      throw error;
    }
  };
}
