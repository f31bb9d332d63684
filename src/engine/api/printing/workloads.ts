import type { KindPrinter } from './tables.ts';

/** WORKLOADS_PRINTERS are the `kubectl get` columns of the workloads kinds (printers.go). */
export const WORKLOADS_PRINTERS: Record<string, KindPrinter> = {};
