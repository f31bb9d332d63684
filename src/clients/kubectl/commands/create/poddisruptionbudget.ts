/** `kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N|--max-unavailable=N` (create_pdb.go). */
import { fail, type CommandResult, type KubectlContext } from '../../types.ts';
import { completeCreate, finishCreate } from './options.ts';
import { apiVersion, objectMeta, POD_DISRUPTION_BUDGET } from './types.ts';

type Selector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

/**
 * parseToLabelSelector is metav1.ParseToLabelSelector: `k=v` and `k==v` become matchLabels,
 * `in`/`notin`/`k`/`!k` matchExpressions (values sorted); `!=`, `<` and `>` are refused.
 */
export function parseToLabelSelector(text: string): { ok: true; selector: Selector } | { ok: false; error: string } {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<Selector['matchExpressions']> = [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  // labels.Parse sorts the requirements by key.
  const keyOf = (part: string) =>
    part
      .trim()
      .replace(/^!\s*/, '')
      .split(/[\s!=<>(]/)[0] ?? '';
  parts.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const bad = (message: string) => ({
    ok: false as const,
    error: `couldn't parse the selector string "${text}": ${message}`,
  });
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '' && parts.length === 1) break;
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=<>(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = [...new Set((m[3] as string).split(',').map((v) => v.trim()))].sort();
      matchExpressions.push({ key: m[1] as string, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = part.match(/^([^\s!=<>(),]+)\s*!=\s*([^\s!=<>(),]*)$/))) {
      return { ok: false, error: '"!=" is not a valid label selector operator' };
    } else if ((m = part.match(/^([^\s!=<>(),]+)\s*(==|=)\s*([^\s!=<>(),]*)$/))) {
      matchLabels[m[1] as string] = m[3] as string;
    } else if ((m = part.match(/^([^\s!=<>(),]+)\s*([<>])\s*(\S+)$/))) {
      return { ok: false, error: `"${m[2] === '<' ? 'lt' : 'gt'}" isn't supported in label selectors` };
    } else if ((m = part.match(/^!\s*([^\s!=<>(),]+)$/))) {
      matchExpressions.push({ key: m[1] as string, operator: 'DoesNotExist' });
    } else if ((m = part.match(/^([^\s!=<>(),]+)$/))) {
      matchExpressions.push({ key: m[1] as string, operator: 'Exists' });
    } else {
      return bad(`unable to parse requirement: found '${part}', expected: identifier`);
    }
  }
  return {
    ok: true,
    selector: {
      ...(Object.keys(matchLabels).length ? { matchLabels } : {}),
      ...(matchExpressions.length ? { matchExpressions } : {}),
    },
  };
}

/** intOrString is intstr.Parse: a number when it is one. */
function intOrString(value: string): number | string {
  return /^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) < 2 ** 31 ? Number(value) : value;
}

export async function createPodDisruptionBudget(args: string[], ctx: KubectlContext): Promise<CommandResult> {
  const done = completeCreate(args, ctx, {
    path: 'create poddisruptionbudget',
    flags: [
      { name: 'min-available', type: 'string' },
      { name: 'max-unavailable', type: 'string' },
      { name: 'selector', type: 'string' },
    ],
  });
  if (!done.ok) return done.result;
  const o = done.options;
  const selectorText = o.flags.string('selector') ?? '';
  const minAvailable = o.flags.string('min-available') ?? '';
  const maxUnavailable = o.flags.string('max-unavailable') ?? '';
  if (selectorText === '') return fail('error: a selector must be specified\n');
  if (minAvailable === '' && maxUnavailable === '')
    return fail('error: one of min-available or max-unavailable must be specified\n');
  if (minAvailable !== '' && maxUnavailable !== '')
    return fail('error: min-available and max-unavailable cannot be both specified\n');
  if (minAvailable !== '' && !/^[0-9]+%?$/.test(minAvailable))
    return fail('error: invalid format specified for min-available\n');
  if (maxUnavailable !== '' && !/^[0-9]+%?$/.test(maxUnavailable))
    return fail('error: invalid format specified for max-unavailable\n');
  const selector = parseToLabelSelector(selectorText);
  if (!selector.ok) return fail(`error: ${selector.error}\n`);
  const pdb = {
    kind: 'PodDisruptionBudget',
    apiVersion: apiVersion(POD_DISRUPTION_BUDGET),
    metadata: objectMeta(o.name, o.enforceNamespace ? o.namespace : undefined),
    spec: {
      ...(minAvailable !== '' ? { minAvailable: intOrString(minAvailable) } : {}),
      selector: selector.selector,
      ...(maxUnavailable !== '' ? { maxUnavailable: intOrString(maxUnavailable) } : {}),
    },
  };
  return finishCreate(ctx, o, POD_DISRUPTION_BUDGET, pdb, { wrap: 'failed to create poddisruptionbudgets: ' });
}
