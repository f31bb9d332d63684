import { humanDuration } from '../../engine/clock/duration.ts';
import { useClusterVersion, useLab } from '../lab.tsx';

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** SimulatedClock shows the cluster's time of day (UTC) and how much simulated time has passed. */
export function SimulatedClock() {
  const { cluster, startedAt } = useLab();
  useClusterVersion();
  const now = cluster.now();
  const elapsed = Math.max(0, now - startedAt);
  return (
    <div className="clock" title="Simulated cluster time (UTC)">
      <span className="clock-label">Cluster time</span>
      <time className="clock-time" dateTime={new Date(now).toISOString()} data-testid="simulated-clock">
        {clockTime(now)}
      </time>
      <span className="clock-elapsed">+{humanDuration(elapsed)}</span>
    </div>
  );
}
