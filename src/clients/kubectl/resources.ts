import type { ResourceRegistry, ResourceType } from '../../engine/index.ts';

/**
 * Resource arguments as kubectl reads them: `pods`, `po web api`, `pods/web`, `deploy,svc`,
 * `all`. Unknown names give kubectl's `the server doesn't have a resource type "x"`.
 */
export interface ResourceSelection {
  type: ResourceType;
  names: string[];
}

export type SelectionResult =
  { ok: true; selections: ResourceSelection[]; byName: boolean } | { ok: false; error: string };

function expand(registry: ResourceRegistry, word: string): ResourceType[] | string {
  if (word === 'all') return registry.all().filter((t) => t.categories?.includes('all'));
  const type = registry.resolve(word);
  if (!type) return `error: the server doesn't have a resource type "${word}"\n`;
  return [type];
}

export function selectResources(registry: ResourceRegistry, args: string[]): SelectionResult {
  if (args.length === 0) return { ok: true, selections: [], byName: false };
  const slashForm = args.some((a) => a.includes('/'));
  if (slashForm) {
    const selections: ResourceSelection[] = [];
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        return {
          ok: false,
          error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n`,
        };
      const typeWord = arg.slice(0, slash);
      const name = arg.slice(slash + 1);
      const types = expand(registry, typeWord);
      if (typeof types === 'string') return { ok: false, error: types };
      const type = types[0] as ResourceType;
      const existing = selections.find((s) => s.type === type);
      if (existing) existing.names.push(name);
      else selections.push({ type, names: [name] });
    }
    return { ok: true, selections, byName: true };
  }
  const [typeWords = '', ...names] = args;
  const selections: ResourceSelection[] = [];
  for (const word of typeWords.split(',')) {
    if (word === '') continue;
    const types = expand(registry, word);
    if (typeof types === 'string') return { ok: false, error: types };
    for (const type of types)
      if (!selections.some((s) => s.type === type)) selections.push({ type, names: [...names] });
  }
  if (names.length > 0 && selections.length > 1) {
    return { ok: false, error: `error: arguments in resource/name form must have a single resource and name\n` };
  }
  return { ok: true, selections, byName: names.length > 0 };
}
