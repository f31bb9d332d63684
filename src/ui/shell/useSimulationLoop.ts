import { useEffect } from 'react';
import { useLab } from '../lab.tsx';
import { selectPlaying, selectSpeed, useLabStore } from '../store/index.ts';
import { errorMessage } from './errorMessage.ts';

/** tickMs is how often the loop moves simulated time; each tick advances real elapsed time × speed. */
const tickMs = 250;
/** maxCatchUpMs caps one tick's real time, so a tab coming back from the background does not jump hours. */
const maxCatchUpMs = 1000;

/**
 * useSimulationLoop advances the cluster's clock in real time × speed while playing. Ticks never overlap:
 * time that passes while an advance is still running is carried over to the next one.
 */
export function useSimulationLoop(): void {
  const { cluster, terminal } = useLab();
  const playing = useLabStore(selectPlaying);
  const speed = useLabStore(selectSpeed);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let owedMs = 0;
    let inFlight = false;
    let stopped = false;
    const tick = () => {
      const now = performance.now();
      owedMs += Math.min(now - last, maxCatchUpMs) * speed;
      last = now;
      if (inFlight || owedMs < 1) return;
      const step = Math.floor(owedMs);
      owedMs -= step;
      inFlight = true;
      cluster
        .advance(step)
        .catch((error: unknown) => {
          if (stopped) return;
          useLabStore.getState().setPlaying(false);
          terminal.print(`error: the simulation stopped: ${errorMessage(error)}`);
        })
        .finally(() => {
          inFlight = false;
        });
    };
    const timer = window.setInterval(tick, tickMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [cluster, terminal, playing, speed]);
}
