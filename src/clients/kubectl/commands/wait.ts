import { objectPath, parseDuration, type KubeObject } from '../../../engine/index.ts';
import { buildInfos, type Info } from '../builder.ts';
import { discover, qualifiedKind, qualifiedPlural } from '../discovery.ts';
import { responseError } from '../errors.ts';
import { parseFlags } from '../flags.ts';
import { jsonpath } from '../printers/jsonpath.ts';
import { pause, Stream } from '../stream.ts';
import { fail, type CommandResult, type KubectlContext } from '../types.ts';

/**
 * `kubectl wait` (pkg/cmd/wait): `--for=condition=Ready`, `--for=delete`, `--for=create` or
 * `--for=jsonpath={…}=value`, object by object, each within --timeout (30s by default), which here
 * is simulated time moved a second at a time. `--timeout=0` looks once.
 */
type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; status: string }
  | { kind: 'jsonpath'; template: string; value: string | undefined };

const STEP_MS = 1000;

function parseFor(text: string): Condition | string {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq >= 0
      ? { kind: 'condition', name: rest.slice(0, eq), status: rest.slice(eq + 1) }
      : { kind: 'condition', name: rest, status: 'true' };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    const template = close >= 0 ? rest.slice(0, close + 1) : rest;
    const after = close >= 0 ? rest.slice(close + 1) : '';
    if (after !== '' && !after.startsWith('=')) return `unrecognized condition: ${JSON.stringify(text)}`;
    return { kind: 'jsonpath', template, value: after.startsWith('=') ? after.slice(1) : undefined };
  }
  return `unrecognized condition: ${JSON.stringify(text)}`;
}

function conditionMet(object: KubeObject, condition: Condition): boolean {
  switch (condition.kind) {
    case 'create':
      return true;
    case 'delete':
      return false;
    case 'condition': {
      const status = object.status as
        | {
            conditions?: { type?: string; status?: string; observedGeneration?: number }[];
            observedGeneration?: number;
          }
        | undefined;
      for (const c of status?.conditions ?? []) {
        if ((c.type ?? '').toLowerCase() !== condition.name.toLowerCase() || c.status === undefined) continue;
        const generation = object.metadata.generation;
        const observed = c.observedGeneration ?? status?.observedGeneration;
        if (generation !== undefined && observed !== undefined && observed < generation) return false;
        return c.status.toLowerCase() === condition.status.toLowerCase();
      }
      return false;
    }
    case 'jsonpath': {
      const result = jsonpath(condition.template, object);
      if (!result.ok) return false;
      if (condition.value === undefined) return result.text !== '';
      return result.text === condition.value;
    }
  }
}

export async function waitCommand(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const flags = parseFlags(args, [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string', default: '30s' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
  ]);
  const condition = parseFor(flags.string('for') ?? '');
  if (typeof condition === 'string') return fail(`error: ${condition}`);
  const timeoutText = flags.string('timeout') ?? '30s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined)
    return fail(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  const registry = await discover(ctx.client);
  const built = await buildInfos(ctx, registry, {
    args: flags.positional,
    filenames: flags.strings('filename'),
    selector: flags.string('selector'),
    fieldSelector: flags.string('field-selector'),
    all: flags.bool('all'),
    allNamespaces: flags.bool('all-namespaces'),
    namespace: flags.string('namespace') ?? ctx.namespace,
  });
  if (!built.ok) return fail(built.error);
  const stream = new Stream(ctx);
  const errors = condition.kind === 'delete' ? built.errors.filter((e) => !e.includes('(NotFound)')) : built.errors;
  if (errors.length) {
    stream.err(errors[0] as string);
    return stream.result(1);
  }
  for (const info of built.infos) {
    const met = await waitFor(ctx, stream, info, condition, timeout);
    if (!met) return stream.result(1);
  }
  if (built.infos.length === 0 && condition.kind !== 'delete') {
    stream.err('error: no matching resources found\n');
    return stream.result(1);
  }
  return stream.result(0);
}

async function waitFor(
  ctx: KubectlContext,
  stream: Stream,
  info: Info,
  condition: Condition,
  timeout: number,
): Promise<boolean> {
  const path = objectPath(info.type, info.namespace, info.name);
  const done = () => stream.out(`${qualifiedKind(info.type)}/${info.name} condition met\n`);
  for (let waited = 0; ; waited += STEP_MS) {
    const response = await ctx.client.request<KubeObject>({ verb: 'GET', path });
    if (condition.kind === 'delete') {
      if (response.status === 404 || response.body.metadata.uid !== info.object.metadata.uid) {
        done();
        return true;
      }
    } else if (response.status === 404) {
      if (condition.kind !== 'create') {
        stream.err(responseError(response) ?? '');
        return false;
      }
    } else {
      const error = responseError(response);
      if (error) {
        stream.err(error);
        return false;
      }
      if (conditionMet(response.body, condition)) {
        done();
        return true;
      }
    }
    const target = `${qualifiedPlural(info.type)}/${info.name}`;
    if (timeout === 0) {
      stream.err(`error: condition not met for ${target}\n`);
      return false;
    }
    if (waited >= timeout || !ctx.advance || stream.aborted) {
      stream.err(`error: timed out waiting for the condition on ${target}\n`);
      return false;
    }
    await ctx.advance(STEP_MS);
    if (ctx.onOutput) await pause();
  }
}
