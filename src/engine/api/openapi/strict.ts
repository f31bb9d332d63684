import { ApiError } from '../errors.ts';
import type { Status } from '../types.ts';

/**
 * Strict field validation as kube-apiserver does it (KEP-2885): the `fieldValidation` query
 * parameter of create, update and patch says what unknown fields in a body do. Texts from
 * k8s.io/apiserver/pkg/endpoints/handlers (create.go, update.go, patch.go, rest.go
 * transformDecodeError) and k8s.io/apimachinery/pkg/runtime (strictDecodingError).
 *
 * - `Strict`: the request fails. A create or update body is a decode error, 400 BadRequest:
 *   `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.x"`.
 *   A patch is checked after patching and fails 422 Invalid on the field `patch`.
 * - `Warn` (what the server does when the parameter is absent): the request succeeds with one
 *   `Warning` header per field: `unknown field "spec.x"`.
 * - `Ignore`: unknown fields are dropped silently.
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** OptionsKind names the options object whose validation fails on a bad fieldValidation value. */
export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

const SUPPORTED = ['', 'Ignore', 'Strict', 'Warn'];

/**
 * fieldValidationOf reads the directive from a request's query; absent means Warn, as in
 * handlers/rest.go fieldValidation(). Any other value is refused like ValidateFieldValidation does.
 */
export function fieldValidationOf(
  query: Record<string, string | undefined> | undefined,
  options: OptionsKind,
): FieldValidation {
  const value = query?.fieldValidation ?? '';
  if (value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  const detail = `Unsupported value: ${goQuote(value)}: supported values: ${SUPPORTED.map(goQuote).join(', ')}`;
  throw new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${options}.meta.k8s.io "" is invalid: fieldValidation: ${detail}`,
    reason: 'Invalid',
    details: {
      group: 'meta.k8s.io',
      kind: options,
      causes: [{ reason: 'FieldValueNotSupported', message: detail, field: 'fieldValidation' }],
    },
    code: 422,
  });
}

/** unknownFieldError is one strict error of sigs.k8s.io/json: `unknown field "spec.x"`. */
export function unknownFieldError(path: string): string {
  return `unknown field ${goQuote(path)}`;
}

/** strictDecodingError joins the errors as runtime.strictDecodingError.Error() does. */
export function strictDecodingError(paths: string[]): string {
  return `strict decoding error: ${paths.map(unknownFieldError).join(', ')}`;
}

/**
 * decodeFailure is the 400 a create or update gets under Strict (transformDecodeError): the kind and
 * version are the body's, `version` without the group.
 */
export function decodeFailure(kind: string, version: string, paths: string[]): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${strictDecodingError(paths)}`,
    reason: 'BadRequest',
    code: 400,
  };
}

/**
 * patchFailure is the 422 a patch gets under Strict (patch.go): an Invalid error with no kind or name
 * on the field `patch`, whose value is the patch (`%+v` of the decoded map) for a strategic merge
 * patch, or the patched object's JSON for JSON and merge patches. kubectl prints it as
 * `The request is invalid: patch: Invalid value: "map[…]": strict decoding error: unknown field "…"`.
 */
export function patchFailure(value: string, paths: string[]): Status {
  const detail = `Invalid value: ${goQuote(value)}: ${strictDecodingError(paths)}`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: ` "" is invalid: patch: ${detail}`,
    reason: 'Invalid',
    details: { causes: [{ reason: 'FieldValueInvalid', message: detail, field: 'patch' }] },
    code: 422,
  };
}

/**
 * strictOutcome applies a directive to the unknown fields found: Strict throws the given failure,
 * Warn returns one warning per field (addStrictDecodingWarnings), Ignore returns none.
 */
export function strictOutcome(directive: FieldValidation, paths: string[], failure: () => Status): string[] {
  if (paths.length === 0 || directive === 'Ignore') return [];
  if (directive === 'Strict') throw new ApiError(failure());
  return paths.map(unknownFieldError);
}

/** goQuote is Go's %q / strconv.Quote for the texts the API server quotes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    switch (char) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\u0007':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if ((code >= 0x80 && code <= 0xa0) || code === 0xad || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** goFloat prints a float64 as Go's %v does (strconv 'g', shortest; exponent below 1e-4 or from 1e21). */
function goFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 21) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/**
 * goFormat prints decoded JSON as Go's %+v prints a map[string]interface{} from sigs.k8s.io/json:
 * `map[spec:map[containers:[map[image:nginx name:web]]]]`, keys sorted, integers kept as integers.
 */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : goFloat(value);
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((key) => `${key}:${goFormat((value as Record<string, unknown>)[key])}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

/** sortedJson is Go's json.Marshal of an unstructured object: keys sorted, no spaces, HTML escaped. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .filter((key) => record[key] !== undefined)
      .map((key) => `${goJsonString(key)}:${sortedJson(record[key])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'string') return goJsonString(value);
  return JSON.stringify(value) ?? 'null';
}

/** goJsonString escapes as encoding/json does: like JSON.stringify, plus <, > and & as \u003c … */
function goJsonString(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
