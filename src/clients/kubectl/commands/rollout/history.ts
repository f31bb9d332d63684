import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { buildInfos } from '../../builder.ts';
import { DescribeWriter } from '../../describe/common.ts';
import { describePodTemplate } from '../../describe/podtemplate.ts';
import { discover, qualifiedKind } from '../../discovery.ts';
import { aggregateErrors } from '../../errors.ts';
import { parseFlags } from '../../flags.ts';
import { parseObjectOutput, printChanged, templateOptions } from '../../mutation.ts';
import { tabulate } from '../../printers/tabwriter.ts';
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { ROLLOUT_FLAGS } from './flags.ts';
import { CHANGE_CAUSE_ANNOTATION, revisionsOf, templateOf } from './revisions.ts';

/**
 * `kubectl rollout history` (polymorphichelpers/history.go): the REVISION / CHANGE-CAUSE table of a
 * workload, or with --revision the pod template of that revision, after the object's name.
 */
const HISTORY_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export async function rolloutHistoryCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [...ROLLOUT_FLAGS, { name: 'revision', type: 'int', default: 0 }]);
  if (flags.positional.length === 0 && flags.strings('filename').length === 0)
    return fail('error: required resource not specified');
  const revision = flags.int('revision') ?? 0;
  if (revision < 0) return fail(`error: revision must be a positive integer: ${revision}`);
  const output = parseObjectOutput(flags.string('output'), templateOptions(flags, ctx));
  if (typeof output === 'string') return fail(output);
  const registry = await discover(ctx.client);
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames: flags.strings('filename'),
    selector: flags.string('selector'),
    namespace: flags.string('namespace') ?? ctx.namespace,
  });
  if (!built.ok) return fail(built.error);
  let stdout = '';
  const errors: string[] = [...built.errors];
  for (const info of built.infos) {
    if (!HISTORY_KINDS.has(info.object.kind)) {
      errors.push(`no history viewer has been implemented for ${JSON.stringify(info.object.kind)}`);
      continue;
    }
    if (output.kind !== 'operation' && (flags.string('output') ?? '') === '') {
      // --template without -o: kubectl passes the history to the name printer as its operation,
      // so the template printer it picked prints the object itself.
      const printed = printChanged(output, info.type, info.object, '', 'none');
      if (printed.ok) stdout += printed.text;
      else {
        stdout += printed.stdout ?? '';
        errors.push(printed.error);
      }
      continue;
    }
    const revisions = await revisionsOf(ctx, info.object);
    if (output.kind !== 'operation') {
      const chosen = revision > 0 ? revisions.filter((r) => r.revision === revision) : revisions;
      if (revision > 0 && chosen.length === 0) {
        errors.push(`unable to find the specified revision`);
        continue;
      }
      for (const r of chosen) {
        const printed = printChanged(output, info.type, r.object, '', 'none');
        if (printed.ok) stdout += printed.text;
      }
      continue;
    }
    let history: string;
    if (revision > 0) {
      const found = revisions.find((r) => r.revision === revision);
      if (!found) {
        errors.push('unable to find the specified revision');
        continue;
      }
      const w = new DescribeWriter();
      describePodTemplate(templateOf(found) as PodTemplateSpec | undefined, w);
      history = w.text;
    } else if (revisions.length === 0) {
      history = 'No rollout history found.';
    } else {
      const rows = revisions.map((r) => {
        const cause = r.object.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>';
        return `${r.revision}\t${cause}\n`;
      });
      history = tabulate(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, 2);
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    stdout += `${qualifiedKind(info.type)}/${info.name} ${withRevision}\n${history}\n`;
  }
  return { stdout, stderr: aggregateErrors(errors), exitCode: errors.length ? 1 : 0 };
}
