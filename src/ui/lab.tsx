import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { CommandResult } from '../clients/kubectl/index.ts';
import type { Cluster } from '../engine/index.ts';
import type { TerminalChannel } from './terminal/terminalChannel.ts';

/** Lab is what every pane shares: the simulated cluster and the terminal's message channel. */
export interface Lab {
  cluster: Cluster;
  terminal: TerminalChannel;
  /** startedAt is the simulated time the lab began, for the elapsed-time display. */
  startedAt: number;
  /** namespace is the kubeconfig context's namespace, shared by the terminal and Apply. */
  namespace: { current: string };
  /**
   * pendingEdit holds `kubectl edit`'s save step while the object is open in the Editor: the next
   * Apply saves the edit (as kubectl does when the editor closes) instead of applying the documents.
   */
  pendingEdit: { current: ((yaml: string) => Promise<CommandResult>) | undefined };
}

const LabContext = createContext<Lab | null>(null);

export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

export function useLab(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useLab must be used inside <LabProvider>');
  return lab;
}

/**
 * useClusterVersion re-renders the caller after every change in the cluster (objects or time) and
 * returns the engine's version number, so effects can depend on it.
 */
export function useClusterVersion(): number {
  const { cluster } = useLab();
  const subscribe = useCallback((listener: () => void) => cluster.subscribe(listener), [cluster]);
  const getSnapshot = useCallback(() => cluster.version(), [cluster]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
