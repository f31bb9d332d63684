import { useEffect, useRef } from 'react';
import { completeCommandLine, runCommandLine } from '../../clients/shell.ts';
import { useLab } from '../lab.tsx';
import { editTitle } from '../editor/editTitle.ts';
import { useLabStore } from '../store/index.ts';
import { pageWorkspace } from '../store/pageWorkspace.ts';
import { Pane } from '../shell/Pane.tsx';
import { errorMessage } from '../shell/errorMessage.ts';
import { createTerminal } from './createTerminal.ts';

const greeting =
  '\x1b[1mkubelab\x1b[22m — a simulated Kubernetes cluster in your browser.\n' +
  "Try \x1b[1mkubectl get nodes\x1b[22m, \x1b[1mkubectl apply -f pod.yaml\x1b[22m or \x1b[1madvance 30s\x1b[22m. Type 'help' for more.";

export function TerminalPane() {
  const { cluster, terminal: channel, namespace, pendingEdit } = useLab();
  const beginEditSession = useLabStore((state) => state.beginEditSession);
  const hostRef = useRef<HTMLDivElement>(null);
  const transcriptRef = useRef<HTMLPreElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    const transcript = transcriptRef.current;
    if (!host || !transcript) return;
    const view = createTerminal(host, {
      transcript,
      greeting,
      execute: async (line, io) => {
        try {
          return await runCommandLine(line, {
            cluster,
            namespace,
            workspace: pageWorkspace,
            columns: io.columns,
            signal: io.signal,
            onOutput: io.onOutput,
            openEditor: (yaml, onSave) => {
              beginEditSession({ title: editTitle(yaml), text: yaml });
              pendingEdit.current = onSave;
              io.onOutput('Editing in the Editor pane: change the object and press Apply to save it.\n');
            },
          });
        } catch (error) {
          return { stdout: '', stderr: `error: ${errorMessage(error)}` };
        }
      },
      complete: async (line) => {
        try {
          return await completeCommandLine(line, { cluster, namespace, workspace: pageWorkspace });
        } catch {
          return [];
        }
      },
    });
    const detach = channel.attach(view);
    return () => {
      detach();
      view.destroy();
    };
  }, [cluster, channel, namespace, pendingEdit, beginEditSession]);

  return (
    <Pane
      label="Terminal"
      title="Terminal"
      className="pane-terminal"
      tools={<span className="pane-hint">kubectl · k · advance · watch · ls · cat · help</span>}
    >
      <div ref={hostRef} className="terminal-host" />
      <pre
        ref={transcriptRef}
        className="visually-hidden"
        role="log"
        aria-label="Terminal output"
        data-testid="terminal-output"
      />
    </Pane>
  );
}
