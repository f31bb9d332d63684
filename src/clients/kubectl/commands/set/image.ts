import { parseFlags } from '../../flags.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { RESOURCES_REQUIRED } from '../scale.ts';
import { runSet, SET_FLAGS } from './run.ts';

/**
 * `kubectl set image TYPE NAME CONTAINER=IMAGE…` (set_image.go): `*` names every container; a
 * container that is not there is an error.
 */
export async function setImageCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, SET_FLAGS);
  const resources: string[] = [];
  const images: [string, string][] = [];
  for (const arg of flags.positional) {
    if (arg.includes('=')) {
      const eq = arg.indexOf('=');
      images.push([arg.slice(0, eq), arg.slice(eq + 1)]);
    } else if (images.length > 0) return fail(`error: all images must be specified after resources: ${arg}`);
    else resources.push(arg);
  }
  if (resources.length === 0 && flags.strings('filename').length === 0) return fail(RESOURCES_REQUIRED);
  return runSet(ctx, {
    flags,
    resources,
    operation: 'image updated',
    validate: () => (images.length === 0 ? 'error: at least one image update is required' : undefined),
    change: (_info, spec) => {
      for (const [name, image] of images) {
        let found = false;
        for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
          if (container.name !== name && name !== '*') continue;
          container.image = image;
          found = true;
        }
        if (!found) return { error: `unable to find container named ${JSON.stringify(name)}` };
      }
      return undefined;
    },
  });
}
