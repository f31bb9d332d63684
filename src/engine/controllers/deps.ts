import type { ApiServer } from '../api/server.ts';
import type { Clock } from '../clock/clock.ts';
import type { EventRecorder } from '../events.ts';
import type { SeededRandom } from '../random.ts';

/** ControllerDeps is what kube-controller-manager gives each loop: the API, events, the clock and the seeded random source. */
export interface ControllerDeps {
  server: ApiServer;
  events: EventRecorder;
  clock: Clock;
  random: SeededRandom;
}
