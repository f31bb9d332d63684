/**
 * `kubectl create token SERVICE_ACCOUNT_NAME` (create_token.go): POSTs a TokenRequest to the
 * service account's `token` subresource and prints the token (without a newline, as kubectl does
 * when its output is not a terminal), or the TokenRequest with -o.
 */
import { objectPath, parseDuration } from '../../../../engine/index.ts';
import { goQuote } from '../../printers/jsonpath.ts';
import { fail, ok, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, printObject, requestError } from './options.ts';
import { goOrdered } from './typed.ts';
import { apiVersion, SERVICE_ACCOUNT, TOKEN_REQUEST } from './types.ts';

const BOUND_KINDS: Record<string, string> = { Pod: 'v1', Secret: 'v1' };

/** goParseDuration is time.ParseDuration in milliseconds (sign allowed), undefined when invalid. */
function goParseDuration(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (body === '') return undefined;
  const ms = parseDuration(body);
  return ms === undefined ? undefined : sign * ms;
}

export async function createToken(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create token',
    printOnly: true,
    flags: [
      { name: 'duration', type: 'string' },
      { name: 'bound-object-kind', type: 'string' },
      { name: 'bound-object-name', type: 'string' },
      { name: 'bound-object-uid', type: 'string' },
    ],
    arrayFlags: ['audience'],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const durationText = o.flags.string('duration');
  let durationMs = 0;
  if (durationText !== undefined) {
    const parsed = goParseDuration(durationText);
    if (parsed === undefined) {
      return fail(
        `error: invalid argument "${durationText}" for "--duration" flag: time: invalid duration ${goQuote(durationText)}\nSee 'kubectl create token --help' for usage.\n`,
      );
    }
    durationMs = parsed;
  }
  const audiences = done.arrays.get('audience') ?? [];
  const kind = o.flags.string('bound-object-kind') ?? '';
  const boundName = o.flags.string('bound-object-name') ?? '';
  const boundUid = o.flags.string('bound-object-uid') ?? '';
  if (durationMs < 0) return fail('error: --duration must be greater than or equal to 0\n');
  if (durationMs % 1000 !== 0) return fail('error: --duration cannot be expressed in units less than seconds\n');
  if (audiences.some((a) => a === '')) return fail('error: --audience must not be an empty string\n');
  if (kind === '') {
    if (boundName !== '')
      return fail('error: --bound-object-name can only be set if --bound-object-kind is provided\n');
    if (boundUid !== '') return fail('error: --bound-object-uid can only be set if --bound-object-kind is provided\n');
  } else {
    if (!BOUND_KINDS[kind])
      return fail(`error: supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}\n`);
    if (boundName === '') return fail('error: --bound-object-name is required if --bound-object-kind is provided\n');
  }
  const request = goOrdered({
    kind: 'TokenRequest',
    apiVersion: apiVersion(TOKEN_REQUEST),
    metadata: {},
    spec: {
      ...(audiences.length ? { audiences } : {}),
      ...(durationMs > 0 ? { expirationSeconds: durationMs / 1000 } : {}),
      ...(kind
        ? {
            boundObjectRef: {
              kind,
              apiVersion: BOUND_KINDS[kind],
              name: boundName,
              ...(boundUid ? { uid: boundUid } : {}),
            },
          }
        : {}),
    },
  });
  const response = await ctx.client.request({
    verb: 'POST',
    path: objectPath(SERVICE_ACCOUNT, o.namespace, o.name, 'token'),
    body: request,
  });
  if (response.status >= 400) return fail(requestError(response.body, { wrap: 'failed to create token: ' }));
  const body = goOrdered({
    kind: 'TokenRequest',
    apiVersion: apiVersion(TOKEN_REQUEST),
    ...(response.body as Record<string, unknown>),
  });
  const token = ((body.status as { token?: string } | undefined)?.token ?? '') as string;
  if (token === '') return fail('error: failed to create token: no token in server response\n');
  if (o.flags.values.has('output')) return printObject(o, TOKEN_REQUEST, body);
  return ok(token);
}
