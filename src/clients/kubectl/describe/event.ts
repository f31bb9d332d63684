import { describeGeneric } from './generic.ts';
import { registerDescriber } from './registry.ts';

/**
 * kubectl has no Event describer: `kubectl describe event x` falls back to the generic layout (every
 * field of the object), for core/v1 and events.k8s.io Events alike. Registered here to say so.
 */
registerDescriber('Event', describeGeneric);
registerDescriber('Event', describeGeneric, 'events.k8s.io');
