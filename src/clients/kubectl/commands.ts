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
import { annotateCommand, labelCommand } from './commands/label.ts';
import { logsCommand } from './commands/logs.ts';
import { autoscaleCommand } from './commands/autoscale.ts';
import { editCommand } from './commands/edit.ts';
import { exposeCommand } from './commands/expose.ts';
import { patchCommand } from './commands/patch.ts';
import { replaceCommand } from './commands/replace.ts';
import { scaleCommand } from './commands/scale.ts';
import { setCommand } from './commands/set/index.ts';
import { rolloutCommand } from './commands/rollout/index.ts';
import { cordonCommandImpl, uncordonCommandImpl } from './commands/node/cordon.ts';
import { drainCommand } from './commands/node/drain.ts';
import { taintCommand } from './commands/node/taint.ts';
import { authCommand } from './commands/auth.ts';
import { topCommand } from './commands/top.ts';
import { eventsCommand } from './commands/events.ts';
import { waitCommand } from './commands/wait.ts';
import { cpCommand } from './commands/cp.ts';
import { portForwardCommand } from './commands/portforward.ts';
import { explainCommand } from './commands/explain.ts';
import { diffCommand } from './commands/diff.ts';
import { kustomizeCommand } from './commands/kustomize.ts';
import { runCommand } from './commands/run.ts';
import { describeCommand } from './describe/index.ts';
import type { CommandResult, KubectlContext } from './types.ts';

/** Command is one kubectl command: its arguments (without the command word) in, its result out. */
export type Command = (args: string[], ctx: KubectlContext) => Promise<CommandResult>;

/** COMMANDS are the kubectl commands the lab emulates, by their command word. */
export const COMMANDS: Record<string, Command> = {
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
  label: labelCommand,
  annotate: annotateCommand,
  scale: scaleCommand,
  patch: patchCommand,
  replace: replaceCommand,
  edit: editCommand,
  expose: exposeCommand,
  autoscale: autoscaleCommand,
  set: setCommand,
  rollout: rolloutCommand,
  cordon: cordonCommandImpl,
  uncordon: uncordonCommandImpl,
  drain: drainCommand,
  taint: taintCommand,
  auth: authCommand,
  top: topCommand,
  events: eventsCommand,
  wait: waitCommand,
  cp: cpCommand,
  'port-forward': portForwardCommand,
  explain: explainCommand,
  diff: diffCommand,
  kustomize: kustomizeCommand,
};
