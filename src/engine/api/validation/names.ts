import { fieldErrors, type FieldError } from '../errors.ts';

/**
 * Name and label rules from apimachinery's validation package, with its messages word for word
 * (including the double space before "or" that the real texts carry).
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

export type NameRule = 'dns1123Label' | 'dns1123Subdomain' | 'dns1035Label' | 'path';

/** nameErrors lists what is wrong with a name under a rule, as messages (empty when valid). */
export function nameErrors(name: string, rule: NameRule): string[] {
  const errors: string[] = [];
  switch (rule) {
    case 'dns1123Label':
      if (name.length > 63) errors.push('must be no more than 63 characters');
      if (!DNS1123_LABEL.test(name)) errors.push(DNS1123_LABEL_MESSAGE);
      break;
    case 'dns1123Subdomain':
      if (name.length > 253) errors.push('must be no more than 253 characters');
      if (!DNS1123_SUBDOMAIN.test(name)) errors.push(DNS1123_SUBDOMAIN_MESSAGE);
      break;
    case 'dns1035Label':
      if (name.length > 63) errors.push('must be no more than 63 characters');
      if (!DNS1035_LABEL.test(name)) errors.push(DNS1035_LABEL_MESSAGE);
      break;
    case 'path':
      if (name === '.' || name === '..') errors.push(`may not be '${name}'`);
      if (name.includes('/')) errors.push("may not contain '/'");
      if (name.includes('%')) errors.push("may not contain '%'");
      break;
  }
  return errors;
}

/** validateLabels checks label keys (qualified names) and values, under metadata.labels or a selector path. */
export function validateLabels(labels: Record<string, unknown> | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    errors.push(...validateQualifiedName(key, field));
    if (typeof value !== 'string') {
      errors.push(fieldErrors.invalid(field, value, 'label values must be strings'));
      continue;
    }
    if (value.length > 63) errors.push(fieldErrors.invalid(field, value, 'must be no more than 63 characters'));
    if (!LABEL_VALUE.test(value)) errors.push(fieldErrors.invalid(field, value, LABEL_VALUE_MESSAGE));
  }
  return errors;
}

export function validateQualifiedName(key: string, field: string): FieldError[] {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const errors: FieldError[] = [];
  if (slash >= 0 && (prefix.length === 0 || !DNS1123_SUBDOMAIN.test(prefix))) {
    errors.push(fieldErrors.invalid(field, key, `prefix part ${DNS1123_SUBDOMAIN_MESSAGE}`));
  }
  if (name.length === 0) errors.push(fieldErrors.invalid(field, key, 'name part must be non-empty'));
  else if (name.length > 63)
    errors.push(fieldErrors.invalid(field, key, 'name part must be no more than 63 characters'));
  else if (!QUALIFIED_NAME.test(name)) errors.push(fieldErrors.invalid(field, key, QUALIFIED_NAME_MESSAGE));
  return errors;
}
