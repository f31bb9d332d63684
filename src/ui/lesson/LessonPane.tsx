import type { ReactNode } from 'react';
import { useLab } from '../lab.tsx';
import { Pane } from '../shell/Pane.tsx';

/** RunnableCommand shows a command with a button that runs it in the terminal. */
function RunnableCommand({ children }: { children: string }) {
  const { terminal } = useLab();
  return (
    <span className="runnable">
      <code>{children}</code>
      <button
        type="button"
        className="button button-tiny"
        onClick={() => terminal.run(children)}
        aria-label={`Run ${children} in the terminal`}
        title="Run in the terminal"
      >
        Run
      </button>
    </span>
  );
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <li className="lesson-step">
      <span className="step-number" aria-hidden="true">
        {number}
      </span>
      <div>
        <h4>{title}</h4>
        {children}
      </div>
    </li>
  );
}

/** LessonPane is the welcome lesson until the lesson runner fills this pane with real lessons. */
export function LessonPane() {
  return (
    <Pane label="Lesson" title="Lesson" className="pane-lesson">
      <article className="lesson">
        <p className="lesson-kicker">Welcome</p>
        <h3 className="lesson-title">Your first Pod</h3>
        <p>
          kubelab is a Kubernetes cluster simulated in your browser: one control-plane node and two workers. Nothing is
          installed and nothing can break — experiment freely.
        </p>
        <ol className="lesson-steps">
          <Step number={1} title="Look at the cluster">
            <p>List the machines the cluster runs on:</p>
            <RunnableCommand>kubectl get nodes</RunnableCommand>
          </Step>
          <Step number={2} title="Create a Pod">
            <p>
              The editor holds a Pod running <code>nginx</code>. Press <strong>Apply</strong> (or Ctrl+Enter) to send it
              to the cluster, then watch it appear on a worker in the diagram.
            </p>
          </Step>
          <Step number={3} title="Watch it start">
            <p>
              The scheduler picks a node, the kubelet pulls the image and starts the container. Follow the status with:
            </p>
            <RunnableCommand>kubectl get pods -o wide</RunnableCommand>
          </Step>
          <Step number={4} title="Control time">
            <p>
              Simulated time runs at the speed chosen in the top bar. Pause it, <strong>Step</strong> 5 seconds at a
              time, or jump ahead from the terminal:
            </p>
            <RunnableCommand>advance 1m</RunnableCommand>
          </Step>
        </ol>
        <p className="lesson-note">
          Click any node, pod or service in the diagram to inspect it. Type <code>help</code> in the terminal for the
          commands it understands.
        </p>
      </article>
    </Pane>
  );
}
