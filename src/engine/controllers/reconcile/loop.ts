import type { StoredChange } from '../../api/store.ts';
import { controllerClient, timerType, type Controller } from '../controller.ts';
import type { ControllerDeps } from '../deps.ts';
import { applyActions, type Action } from './actions.ts';
import { keyOf, splitKey, type Resource } from './resources.ts';

/** The work queue's rate limit after the API refused a sync's writes: 10s, doubling, at most 5 minutes. */
const RETRY_BASE_MS = 10_000;
const RETRY_MAX_MS = 300_000;

/**
 * KeyedController is the shape every workload controller shares with its kube-controller-manager
 * counterpart: a work queue of "namespace/name" keys filled by observe(), a sync of one key at a
 * time that returns actions, and delayed re-queues as clock events (never a polling tick).
 */
export abstract class KeyedController implements Controller {
  abstract readonly name: string;
  /** component is the event source, as `kubectl describe` shows it in the From column. */
  protected abstract readonly component: string;
  /** primary is the kind the queue keys name. */
  protected abstract readonly primary: Resource;
  protected readonly queue = new Set<string>();
  private readonly timers = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private client: ReturnType<typeof controllerClient> | undefined;

  constructor(protected readonly deps: ControllerDeps) {}

  abstract observe(change: StoredChange): void;

  /** sync reconciles one object and returns what to write; the object may be gone. */
  protected abstract sync(namespace: string, name: string, now: number): Action[];

  /**
   * syncFailed hears that the API refused a create or delete of the last sync, so the controller can
   * record it in status; the retry itself is the work queue's rate-limited re-queue, done here.
   */
  protected syncFailed(_namespace: string, _name: string, _message: string, _now: number): Action[] {
    return [];
  }

  get pending(): boolean {
    return this.queue.size > 0;
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  run(): void {
    const keys = [...this.queue].sort();
    this.queue.clear();
    for (const key of keys) {
      const [namespace, name] = splitKey(key);
      const now = this.deps.clock.now;
      const ctx = {
        request: (request: Parameters<ReturnType<typeof controllerClient>>[0]) => this.request(request),
        events: this.deps.events,
        component: this.component,
        requeue: (at: number) => this.requeueAt(key, at),
      };
      const result = applyActions(ctx, this.sync(namespace, name, now));
      if (result.failure === undefined) {
        this.failures.delete(key);
        continue;
      }
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, failures);
      applyActions(ctx, this.syncFailed(namespace, name, result.failure, now));
      this.requeueAt(key, now + Math.min(RETRY_BASE_MS * 2 ** (failures - 1), RETRY_MAX_MS));
    }
  }

  handleTimer(ref: string): void {
    if (this.timers.get(ref) !== undefined && (this.timers.get(ref) ?? 0) <= this.deps.clock.now)
      this.timers.delete(ref);
    this.queue.add(ref);
  }

  /** rebuild re-lists the primary kind after a restore, as an informer's initial list does. */
  rebuild(): void {
    this.timers.clear();
    for (const object of this.deps.server.store.list(this.primary.key)) this.queue.add(keyOf(object));
  }

  private requeueAt(key: string, at: number): void {
    const now = this.deps.clock.now;
    if (at <= now) {
      this.queue.add(key);
      return;
    }
    const existing = this.timers.get(key);
    if (existing !== undefined && existing > now && existing <= at) return;
    this.timers.set(key, at);
    this.deps.clock.schedule(at, timerType(this.name), key);
  }

  private request(request: Parameters<ReturnType<typeof controllerClient>>[0]) {
    this.client ??= controllerClient(this.deps.server, this.name);
    return this.client(request);
  }
}
