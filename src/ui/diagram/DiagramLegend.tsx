import type { Tone } from './statusTone.ts';

const entries: { tone: Tone; label: string }[] = [
  { tone: 'running', label: 'Running' },
  { tone: 'waiting', label: 'Waiting' },
  { tone: 'failing', label: 'Failing' },
  { tone: 'done', label: 'Completed' },
  { tone: 'terminating', label: 'Terminating' },
];

export function DiagramLegend() {
  return (
    <ul className="diagram-legend" aria-label="Pod status colours">
      {entries.map(({ tone, label }) => (
        <li key={tone}>
          <span className={`legend-swatch tone-${tone}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
