import { useLab } from '../lab.tsx';
import { selectPlaying, selectSpeed, speeds, useLabStore } from '../store/index.ts';
import type { Speed } from '../store/index.ts';
import { errorMessage } from './errorMessage.ts';

/** stepMs is how far one press of Step moves simulated time. */
export const stepMs = 5000;

function parseSpeed(value: string): Speed {
  return speeds.find((speed) => String(speed) === value) ?? 1;
}

export function TimeControls() {
  const { cluster, terminal } = useLab();
  const playing = useLabStore(selectPlaying);
  const speed = useLabStore(selectSpeed);
  const setPlaying = useLabStore((state) => state.setPlaying);
  const setSpeed = useLabStore((state) => state.setSpeed);

  const step = () => {
    cluster.advance(stepMs).catch((error: unknown) => terminal.print(`error: ${errorMessage(error)}`));
  };

  return (
    <div className="time-controls" role="group" aria-label="Simulated time">
      <button
        type="button"
        className="button icon-button"
        onClick={() => setPlaying(!playing)}
        title={playing ? 'Pause simulated time' : 'Play simulated time'}
      >
        {playing ? (
          <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
            <path d="M2.5 1.5h2.5v9H2.5zM7 1.5h2.5v9H7z" fill="currentColor" />
          </svg>
        ) : (
          <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
            <path d="M3 1.5v9l7-4.5z" fill="currentColor" />
          </svg>
        )}
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="button icon-button" onClick={step} title="Advance simulated time by 5 seconds">
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
          <path d="M1.5 1.5v9l6-4.5zM8.5 1.5h2v9h-2z" fill="currentColor" />
        </svg>
        Step
      </button>
      <select
        className="select"
        aria-label="Speed"
        title="Simulated seconds per real second"
        value={String(speed)}
        onChange={(event) => setSpeed(parseSpeed(event.target.value))}
      >
        {speeds.map((value) => (
          <option key={value} value={String(value)}>
            {value}×
          </option>
        ))}
      </select>
    </div>
  );
}
