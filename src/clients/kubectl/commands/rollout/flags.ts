import type { FlagSpec } from '../../flags.ts';
import { PRINT_FLAGS } from '../../mutation.ts';

/** ROLLOUT_FLAGS are what every rollout subcommand takes: the objects, by file or selector, and -o. */
export const ROLLOUT_FLAGS: FlagSpec[] = [
  ...PRINT_FLAGS,
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-manager', type: 'string' },
];
