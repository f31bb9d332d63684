import { DiagramPane } from './diagram/DiagramPane.tsx';
import { EditorPane } from './editor/EditorPane.tsx';
import { InspectorPane } from './inspector/InspectorPane.tsx';
import { LessonPane } from './lesson/LessonPane.tsx';
import { TerminalPane } from './terminal/TerminalPane.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { useSimulationLoop } from './shell/useSimulationLoop.ts';

/** App lays out the workspace: lesson on the left, editor / diagram / inspector above the terminal. */
export function App() {
  useSimulationLoop();
  return (
    <div className="app">
      <TopBar />
      <main className="workspace">
        <LessonPane />
        <EditorPane />
        <DiagramPane />
        <InspectorPane />
        <TerminalPane />
      </main>
    </div>
  );
}
