import { applyCommand } from './commands/apply.ts';
import { createCommand } from './commands/create/index.ts';
import { deleteCommand } from './commands/delete.ts';
import { execCommand } from './commands/exec.ts';
import { getCommand } from './commands/get.ts';
import {
  apiResourcesCommand,
  apiVersionsCommand,
  clusterInfoCommand,
  configCommand,
  versionCommand,
} from './commands/info.ts';
import { logsCommand } from './commands/logs.ts';
import { runCommand } from './commands/run.ts';
import { describeCommand } from './describe/index.ts';
import { FlagError } from './flags.ts';
import { COMMAND_SUMMARIES, KUBECTL_HELP } from './help.ts';
import type { CommandResult, KubectlContext } from './types.ts';

export type { CommandResult, KubectlContext } from './types.ts';

type Command = (args: string[], ctx: KubectlContext) => Promise<CommandResult>;

const COMMANDS: Record<string, Command> = {
  get: getCommand,
  describe: describeCommand,
  apply: applyCommand,
  create: createCommand,
  delete: deleteCommand,
  run: runCommand,
  logs: logsCommand,
  exec: execCommand,
  version: versionCommand,
  'cluster-info': (args) => clusterInfoCommand(args),
  'api-resources': apiResourcesCommand,
  'api-versions': apiVersionsCommand,
  config: configCommand,
};

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

/**
 * runKubectl runs one kubectl command line (without the word `kubectl`) against the cluster behind
 * ctx.client. Parsing errors and unexpected failures come back as kubectl-style messages, never as
 * exceptions, so neither the terminal nor the CLI ever shows a stack trace.
 */
export async function runKubectl(argv: string[], ctx: KubectlContext): Promise<CommandResult> {
  const { name, args } = splitCommand(argv);
  if (name === undefined || name === 'help') {
    if (name === 'help' && args[0] && COMMANDS[args[0]])
      return { stdout: `${COMMAND_SUMMARIES[args[0]] ?? ''}\n`, stderr: '', exitCode: 0 };
    return { stdout: KUBECTL_HELP, stderr: '', exitCode: 0 };
  }
  const command = COMMANDS[name];
  if (!command) {
    return {
      stdout: '',
      stderr: `error: unknown command "${name}" for "kubectl"\nRun 'kubectl --help' for usage.\n`,
      exitCode: 1,
    };
  }
  if (args.includes('-h') || args.includes('--help')) {
    return {
      stdout: `${COMMAND_SUMMARIES[name] ?? ''}\n\nUsage:\n  kubectl ${name} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`,
      stderr: '',
      exitCode: 0,
    };
  }
  try {
    return await command(args, ctx);
  } catch (error) {
    if (error instanceof FlagError) {
      return { stdout: '', stderr: `error: ${error.message}\nSee 'kubectl ${name} --help' for usage.\n`, exitCode: 1 };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `error: ${message}\n`, exitCode: 1 };
  }
}
