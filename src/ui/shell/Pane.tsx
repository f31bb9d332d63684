import type { ReactNode } from 'react';

interface PaneProps {
  /** label is the region's accessible name, the one e2e tests and screen readers use. */
  label: string;
  title: string;
  className?: string;
  tools?: ReactNode;
  children: ReactNode;
  [dataAttribute: `data-${string}`]: string | undefined;
}

/** Pane is one named region of the workspace: a compact header with a title and tools, then the body. */
export function Pane({ label, title, className, tools, children, ...data }: PaneProps) {
  return (
    <section aria-label={label} className={`pane ${className ?? ''}`} {...data}>
      <header className="pane-header">
        <h2 className="pane-title">{title}</h2>
        {tools !== undefined && <div className="pane-tools">{tools}</div>}
      </header>
      <div className="pane-body">{children}</div>
    </section>
  );
}
