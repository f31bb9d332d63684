import { ApplyButton } from './ApplyButton.tsx';
import { SimulatedClock } from './SimulatedClock.tsx';
import { TimeControls } from './TimeControls.tsx';

export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={20} height={20} />
        <span className="brand-name">kubelab</span>
        <span className="brand-tagline">Kubernetes training lab</span>
      </div>
      <ApplyButton />
      <div className="topbar-spacer" />
      <TimeControls />
      <SimulatedClock />
    </header>
  );
}
