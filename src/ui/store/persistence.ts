import { speeds } from './types.ts';
import type { LabState, NamespaceFilter, Speed } from './types.ts';

/** PersistedState is what survives a reload: UI preferences and the editor text, never cluster state. */
export type PersistedState = Pick<LabState, 'editorText' | 'speed' | 'namespaceFilter'>;

export const persistVersion = 1;

export function persistedPart(state: LabState): PersistedState {
  return { editorText: state.editorText, speed: state.speed, namespaceFilter: state.namespaceFilter };
}

function isSpeed(value: unknown): value is Speed {
  return speeds.some((speed) => speed === value);
}

function isNamespaceFilter(value: unknown): value is NamespaceFilter {
  if (typeof value !== 'object' || value === null) return false;
  const filter = value as { type?: unknown; namespace?: unknown };
  if (filter.type === 'all' || filter.type === 'user') return true;
  return filter.type === 'only' && typeof filter.namespace === 'string' && filter.namespace.length > 0;
}

/**
 * readPersisted validates what storage hands back: a field that does not have the expected shape is
 * dropped, so a hand-edited or stale entry can never break the app.
 */
export function readPersisted(stored: unknown, _version: number): Partial<PersistedState> {
  if (typeof stored !== 'object' || stored === null) return {};
  const raw = stored as Record<string, unknown>;
  const result: Partial<PersistedState> = {};
  if (typeof raw.editorText === 'string' && raw.editorText.length < 1_000_000) result.editorText = raw.editorText;
  if (isSpeed(raw.speed)) result.speed = raw.speed;
  if (isNamespaceFilter(raw.namespaceFilter)) result.namespaceFilter = raw.namespaceFilter;
  return result;
}
