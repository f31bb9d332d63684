import { dispatchSubcommand } from '../../subcommands.ts';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutUndoCommand } from './actions.ts';
import { rolloutHistoryCommand } from './history.ts';
import { rolloutStatusCommand } from './status.ts';

/** rolloutCommand is `kubectl rollout status|history|undo|restart|pause|resume`. */
export const rolloutCommand = dispatchSubcommand(
  'rollout',
  {
    status: rolloutStatusCommand,
    history: rolloutHistoryCommand,
    undo: rolloutUndoCommand,
    restart: rolloutRestartCommand,
    pause: rolloutPauseCommand,
    resume: rolloutResumeCommand,
  },
  'stdout',
);
