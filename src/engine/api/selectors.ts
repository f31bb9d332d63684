import type { LabelSelector } from 'kubernetes-types/meta/v1';

/**
 * Label and field selectors, in both shapes Kubernetes uses: the structured LabelSelector of specs
 * and the string form of `?labelSelector=` / `kubectl -l` ("app=web,tier!=db,env in (a,b),!legacy").
 */
export type Requirement =
  | { key: string; op: 'In' | 'NotIn'; values: string[] }
  | { key: string; op: 'Exists' | 'DoesNotExist' }
  | { key: string; op: 'Gt' | 'Lt'; values: [string] };

export function selectorMatches(
  selector: LabelSelector | null | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  return requirementsMatch(selectorRequirements(selector), labels ?? {});
}

export function selectorRequirements(selector: LabelSelector): Requirement[] {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) out.push({ key, op: 'In', values: [value] });
  for (const expr of selector.matchExpressions ?? []) {
    if (expr.operator === 'In' || expr.operator === 'NotIn')
      out.push({ key: expr.key, op: expr.operator, values: expr.values ?? [] });
    else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist')
      out.push({ key: expr.key, op: expr.operator });
  }
  return out;
}

export function requirementsMatch(requirements: Requirement[], labels: Record<string, string>): boolean {
  for (const r of requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    switch (r.op) {
      case 'In':
        if (!has || !r.values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      case 'Gt':
      case 'Lt': {
        if (!has) return false;
        const left = Number(value);
        const right = Number(r.values[0]);
        if (!Number.isInteger(left) || !Number.isInteger(right)) return false;
        if (r.op === 'Gt' ? !(left > right) : !(left < right)) return false;
        break;
      }
    }
  }
  return true;
}

/** parseLabelSelector reads the string form; it throws a message in apimachinery's words when it cannot. */
export function parseLabelSelector(text: string): Requirement[] {
  const out: Requirement[] = [];
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    let match: RegExpMatchArray | null;
    if ((match = part.match(/^([^\s!=<>(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = (match[3] as string)
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      out.push({ key: match[1] as string, op: match[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((match = part.match(/^([^\s!=<>(),]+)\s*!=\s*([^\s!=<>(),]*)$/))) {
      out.push({ key: match[1] as string, op: 'NotIn', values: [match[2] as string] });
    } else if ((match = part.match(/^([^\s!=<>(),]+)\s*==?\s*([^\s!=<>(),]*)$/))) {
      out.push({ key: match[1] as string, op: 'In', values: [match[2] as string] });
    } else if ((match = part.match(/^([^\s!=<>(),]+)\s*([<>])\s*(\d+)$/))) {
      out.push({ key: match[1] as string, op: match[2] === '>' ? 'Gt' : 'Lt', values: [match[3] as string] });
    } else if ((match = part.match(/^!\s*([^\s!=<>(),]+)$/))) {
      out.push({ key: match[1] as string, op: 'DoesNotExist' });
    } else if ((match = part.match(/^([^\s!=<>(),]+)$/))) {
      out.push({ key: match[1] as string, op: 'Exists' });
    } else {
      throw new Error(`unable to parse requirement: found '${part}', expected: identifier`);
    }
  }
  return out;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** FieldRequirement is one term of a field selector such as `status.phase=Running,spec.nodeName!=worker-1`. */
export interface FieldRequirement {
  field: string;
  equals: boolean;
  value: string;
}

export function parseFieldSelector(text: string): FieldRequirement[] {
  if (text.trim() === '') return [];
  return text.split(',').map((term) => {
    const match = term.trim().match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/);
    if (!match) throw new Error(`invalid selector: '${text}'; can't understand '${term}'`);
    return { field: match[1] as string, equals: match[2] !== '!=', value: match[3] as string };
  });
}

/** fieldValue reads a dotted path (metadata.name, status.phase, spec.nodeName) from an object. */
export function fieldValue(object: unknown, path: string): string {
  let cursor: unknown = object;
  for (const part of path.split('.')) {
    if (cursor === null || typeof cursor !== 'object') return '';
    cursor = (cursor as Record<string, unknown>)[part];
  }
  if (cursor === undefined || cursor === null) return '';
  return String(cursor);
}
