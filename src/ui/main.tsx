import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCluster } from '../engine/index.ts';
import { App } from './App.tsx';
import { LabProvider } from './lab.tsx';
import type { Lab } from './lab.tsx';
import { createTerminalChannel } from './terminal/terminalChannel.ts';
import './styles.css';

const cluster = createCluster();
const lab: Lab = {
  cluster,
  terminal: createTerminalChannel(),
  startedAt: cluster.now(),
  namespace: { current: 'default' },
  pendingEdit: { current: undefined },
};

const root = document.getElementById('root');
if (!root) throw new Error('kubelab: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <LabProvider lab={lab}>
      <App />
    </LabProvider>
  </StrictMode>,
);
