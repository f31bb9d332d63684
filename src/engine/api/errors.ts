import type { Status, StatusCause } from './types.ts';

/**
 * The API server's error texts, in one place. Each builder returns the Status object a real
 * kube-apiserver sends, so kubectl (ours or the real one) prints the real line.
 */
export interface GroupResource {
  group: string;
  resource: string;
}

function qualified(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

function failure(code: number, reason: string, message: string, details?: Status['details']): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function notFound(gr: GroupResource, name: string): Status {
  return failure(404, 'NotFound', `${qualified(gr)} "${name}" not found`, {
    name,
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });
}

export function alreadyExists(gr: GroupResource, name: string): Status {
  return failure(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, {
    name,
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });
}

export function conflict(gr: GroupResource, name: string, detail: string): Status {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${detail}`, {
    name,
    ...(gr.group ? { group: gr.group } : {}),
    kind: gr.resource,
  });
}

export function badRequest(message: string): Status {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(message = 'the server does not allow this method on the requested resource'): Status {
  return failure(405, 'MethodNotAllowed', message);
}

export function requestEntityTooLarge(): Status {
  return failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
}

export function pathNotFound(): Status {
  return failure(404, 'NotFound', 'the server could not find the requested resource');
}

export function forbidden(message: string, details?: Status['details']): Status {
  return failure(403, 'Forbidden', message, details);
}

export function internalError(message: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** FieldError is one cause of an Invalid answer, as apimachinery's field.Error renders it. */
export interface FieldError {
  type:
    | 'FieldValueRequired'
    | 'FieldValueInvalid'
    | 'FieldValueNotSupported'
    | 'FieldValueForbidden'
    | 'FieldValueDuplicate'
    | 'FieldValueTooLong'
    | 'FieldValueTooMany'
    | 'FieldValueTypeInvalid';
  field: string;
  /** The message after "field: ", e.g. "Required value" or 'Invalid value: "X": detail'. */
  message: string;
}

function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export const fieldErrors = {
  required(field: string, detail = ''): FieldError {
    return { type: 'FieldValueRequired', field, message: detail ? `Required value: ${detail}` : 'Required value' };
  },
  invalid(field: string, value: unknown, detail: string): FieldError {
    return { type: 'FieldValueInvalid', field, message: `Invalid value: ${quoteValue(value)}: ${detail}` };
  },
  notSupported(field: string, value: unknown, supported: string[]): FieldError {
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    return {
      type: 'FieldValueNotSupported',
      field,
      message: `Unsupported value: ${quoteValue(value)}: supported values: ${list}`,
    };
  },
  forbidden(field: string, detail: string): FieldError {
    return { type: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` };
  },
  duplicate(field: string, value: unknown): FieldError {
    return { type: 'FieldValueDuplicate', field, message: `Duplicate value: ${quoteValue(value)}` };
  },
};

/** invalid is the 422 answer: `Pod "x" is invalid: spec.containers[0].image: Required value`. */
export function invalid(kindName: string, group: string, name: string, errors: FieldError[]): Status {
  const rendered = errors.map((e) => `${e.field}: ${e.message}`);
  const aggregate = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: e.message, field: e.field }));
  // The message names the kind qualified by its group (`Deployment.apps "web" is invalid`), as
  // apimachinery's NewInvalid does; kubectl rebuilds its own "The Deployment …" line from details.
  const qualified = group ? `${kindName}.${group}` : kindName;
  return failure(422, 'Invalid', `${qualified} "${name}" is invalid: ${aggregate}`, {
    name,
    ...(group ? { group } : {}),
    kind: kindName,
    causes,
  });
}

/** ApiError carries a Status through the server's layers; the door turns it into the answer. */
export class ApiError extends Error {
  constructor(public readonly status: Status) {
    super(status.message ?? status.reason ?? 'error');
  }
}
