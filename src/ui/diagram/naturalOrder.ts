/**
 * naturalOrder compares names the way people read them: worker-2 before worker-10. One shared collator,
 * because `localeCompare` with options builds a new one on every call (slow with hundreds of pods).
 */
const collator = new Intl.Collator('en', { numeric: true });

export const naturalOrder = (a: string, b: string): number => collator.compare(a, b);
