/**
 * The discrete-event engine: a clock, an event queue and a table of handlers by kind.
 *
 * Handlers are registered once per kind (small integers) and receive two integer arguments
 * (usually an entity id and a generation token), so scheduling allocates nothing.
 * runUntil(t) processes every event with time <= t, then sets the clock to t: a run split
 * into slices at any times processes exactly the same events in the same order as a whole run.
 */
import { EventQueue, MAX_PRIORITY } from './eventQueue.ts';

export type Handler = (a: number, b: number) => void;

export class Engine {
  /** Current simulated time in hours. */
  now = 0;
  /** Events dispatched so far (cancelled events are not counted). */
  eventsProcessed = 0;
  readonly queue: EventQueue;
  private handlers: Handler[] = [];
  private names: string[] = [];

  constructor(initialCapacity = 1024) {
    this.queue = new EventQueue(initialCapacity);
  }

  /** Registers the handler for a new event kind; returns the kind's number. */
  register(name: string, handler: Handler): number {
    this.handlers.push(handler);
    this.names.push(name);
    return this.handlers.length - 1;
  }

  /**
   * Replaces each kind's handler by wrap(kind's name, handler): for tools that count or time the
   * events by kind (bench/eventKinds.ts), never for the model. Kinds registered later are not wrapped.
   */
  wrapHandlers(wrap: (name: string, handler: Handler) => Handler): void {
    this.handlers = this.handlers.map((h, k) => wrap(this.names[k], h));
  }

  kindName(kind: number): string {
    return this.names[kind] ?? `#${kind}`;
  }

  /** Schedules an event at absolute time `time` (hours). Refuses the past, NaN and unknown kinds. */
  at(time: number, kind: number, a = 0, b = 0, priority = 0): number {
    if (!(time >= this.now)) {
      throw new Error(
        `cannot schedule '${this.kindName(kind)}' at t=${time} h: the clock is at ${this.now} h (no events in the past, no NaN)`,
      );
    }
    if (time === Infinity) return -1; // never happens: nothing to schedule
    if (kind < 0 || kind >= this.handlers.length) throw new Error(`unknown event kind ${kind}`);
    if (!(priority >= 0 && priority <= MAX_PRIORITY) || (priority | 0) !== priority) {
      throw new Error(`event priority must be an integer in [0, ${MAX_PRIORITY}], got ${priority}`);
    }
    return this.queue.push(time, priority, kind, a, b);
  }

  /** Schedules an event `delay` hours from now. */
  after(delay: number, kind: number, a = 0, b = 0, priority = 0): number {
    return this.at(this.now + delay, kind, a, b, priority);
  }

  /** Lazily cancels a scheduled event by its handle. */
  cancel(handle: number): void {
    this.queue.cancel(handle);
  }

  /** Time of the next pending event (Infinity if none). */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Processes one event; returns false if the queue is empty. */
  step(): boolean {
    const q = this.queue;
    if (!q.pop()) return false;
    this.now = q.topTime;
    this.eventsProcessed++;
    this.handlers[q.topKind](q.topA, q.topB);
    return true;
  }

  /**
   * Processes every event with time <= t, then advances the clock to t.
   * `maxEvents` bounds the work of one call (for cooperative slicing); returns true when the
   * clock reached t, false when it stopped early because of the budget.
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    if (!(t >= this.now)) throw new Error(`runUntil(${t}): the clock is already at ${this.now} h`);
    const q = this.queue;
    const handlers = this.handlers;
    let budget = maxEvents;
    while (budget-- > 0) {
      if (!q.popUntil(t)) {
        this.now = t;
        return true;
      }
      this.now = q.topTime;
      this.eventsProcessed++;
      handlers[q.topKind](q.topA, q.topB);
    }
    if (q.peekTime() > t) {
      this.now = t;
      return true;
    }
    return false;
  }
}
