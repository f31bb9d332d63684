import { unifiedDiff } from '../unidiff.ts';

/**
 * unidiffFiles prints one file pair as `diff -u -N LIVE MERGED` does: the command line, the
 * `---`/`+++` headers with GNU diff's timestamps (the epoch for a file that does not exist), and
 * the hunks. Nothing when the files are equal.
 */
function gnuTimestamp(rfc3339: string | undefined): string {
  if (!rfc3339) return '1970-01-01 00:00:00.000000000 +0000';
  return `${rfc3339.replace('T', ' ').replace('Z', '')}.000000000 +0000`;
}

export function unidiffFiles(livePath: string, live: string, mergedPath: string, merged: string, now: string): string {
  const hunks = unifiedDiff(live, merged);
  if (!hunks) return '';
  return `diff -u -N ${livePath} ${mergedPath}\n--- ${livePath}\t${gnuTimestamp(live ? now : undefined)}\n+++ ${mergedPath}\t${gnuTimestamp(merged ? now : undefined)}\n${hunks}`;
}
