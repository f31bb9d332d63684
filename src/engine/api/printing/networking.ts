import type { KindPrinter } from './tables.ts';

/** NETWORKING_PRINTERS are the `kubectl get` columns of the networking kinds (printers.go). */
export const NETWORKING_PRINTERS: Record<string, KindPrinter> = {};
