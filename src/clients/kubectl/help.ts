import { CREATE_HELP } from './commands/create/help.ts';
import { HELP_TEXTS } from './help/index.ts';

/**
 * helpText is what `kubectl help WORDS…` and `kubectl WORDS… --help` print: kubectl's own help,
 * recorded per command in help/ (create's generators keep theirs in commands/create/help.ts).
 * No words is `kubectl --help`; unknown commands give undefined.
 */
export function helpText(words: string[]): string | undefined {
  const [first, second] = words;
  if (first === undefined) return HELP_TEXTS[''];
  if (first === 'create') {
    if (second !== undefined && CREATE_HELP[`create ${second}`] !== undefined) return CREATE_HELP[`create ${second}`];
    return CREATE_HELP.create;
  }
  if (second !== undefined && HELP_TEXTS[`${first} ${second}`] !== undefined) return HELP_TEXTS[`${first} ${second}`];
  return HELP_TEXTS[first];
}
