/**
 * Clock is simulated time as a discrete-event queue. Nothing in the engine reads the wall clock:
 * advance() jumps from one scheduled event to the next, so an idle hour costs nothing.
 *
 * Events are plain data (a type and a reference) so the queue survives snapshot()/restore();
 * whoever owns the clock decides what each event type means.
 */
export interface ClockEvent {
  /** Simulated time, in milliseconds since the Unix epoch, at which the event fires. */
  at: number;
  /** Tie-breaker that keeps events scheduled for the same instant in insertion order. */
  seq: number;
  type: string;
  /** What the event is about, e.g. a pod uid and container name. */
  ref: string;
}

export interface ClockState {
  now: number;
  seq: number;
  queue: ClockEvent[];
}

/** The default start of simulated time: a fixed instant, so every fresh cluster is the same. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

export class Clock {
  private heap: ClockEvent[] = [];
  private seq = 0;
  private cancelled = new Set<number>();

  constructor(public now: number = DEFAULT_EPOCH) {}

  /** schedule queues an event at an absolute time (never earlier than now); it returns its seq for cancel(). */
  schedule(at: number, type: string, ref: string): number {
    const event: ClockEvent = { at: Math.max(at, this.now), seq: ++this.seq, type, ref };
    this.push(event);
    return event.seq;
  }

  /** after queues an event delayMs from now. */
  after(delayMs: number, type: string, ref: string): number {
    return this.schedule(this.now + delayMs, type, ref);
  }

  cancel(seq: number): void {
    this.cancelled.add(seq);
  }

  /** peek is the next live event's time, or undefined when nothing is scheduled. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /**
   * popDue removes and returns the next event due at or before `until`, moving `now` to its time.
   * It returns undefined when no event is due, leaving `now` as it was.
   */
  popDue(until: number): ClockEvent | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > until) return undefined;
    this.pop();
    this.now = Math.max(this.now, top.at);
    return top;
  }

  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  snapshot(): ClockState {
    this.compact();
    return { now: this.now, seq: this.seq, queue: this.heap.map((e) => ({ ...e })) };
  }

  static restore(state: ClockState): Clock {
    const clock = new Clock(state.now);
    clock.seq = state.seq;
    for (const event of state.queue) clock.push({ ...event });
    return clock;
  }

  private compact(): void {
    if (this.cancelled.size === 0) return;
    const live = this.heap.filter((e) => !this.cancelled.has(e.seq));
    this.cancelled.clear();
    this.heap = [];
    for (const event of live) this.push(event);
  }

  private dropCancelled(): void {
    while (this.heap[0] && this.cancelled.has(this.heap[0].seq)) {
      this.cancelled.delete(this.heap[0].seq);
      this.pop();
    }
  }

  private less(a: ClockEvent, b: ClockEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(event: ClockEvent): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): ClockEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && this.less(heap[l]!, heap[smallest]!)) smallest = l;
        if (r < heap.length && this.less(heap[r]!, heap[smallest]!)) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

/** rfc3339 prints a simulated instant the way the API server stamps objects (second precision, UTC). */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
