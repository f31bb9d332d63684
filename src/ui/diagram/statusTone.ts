/**
 * Tone is how a pod's STATUS text is coloured: the same word always gets the same colour, so a learner
 * reads the diagram at a glance (green runs, amber waits, red needs attention).
 */
export type Tone = 'running' | 'waiting' | 'failing' | 'done' | 'terminating' | 'unknown';

const failing =
  /(BackOff|Err|Error|Failed|OOMKilled|Evicted|InvalidImageName|CreateContainer|RunContainer|StartError|NotReady|Unknown|ContainerStatusUnknown)/;

export function podTone(status: string, phase: string): Tone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return 'running';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (failing.test(status)) return 'failing';
  if (
    status === 'Pending' ||
    status === 'ContainerCreating' ||
    status === 'PodInitializing' ||
    status.startsWith('Init:')
  ) {
    return 'waiting';
  }
  switch (phase) {
    case 'Running':
      return 'running';
    case 'Pending':
      return 'waiting';
    case 'Succeeded':
      return 'done';
    case 'Failed':
      return 'failing';
    default:
      return 'unknown';
  }
}
