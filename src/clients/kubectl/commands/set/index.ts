import { dispatchSubcommand } from '../../subcommands.ts';
import { setEnvCommand } from './env.ts';
import { setImageCommand } from './image.ts';
import { setResourcesCommand } from './resources.ts';

/** setCommand is `kubectl set image|env|resources`. */
export const setCommand = dispatchSubcommand('set', {
  image: setImageCommand,
  env: setEnvCommand,
  resources: setResourcesCommand,
});
