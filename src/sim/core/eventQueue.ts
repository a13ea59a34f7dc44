/**
 * Binary min-heap of events stored as parallel typed arrays (struct of arrays).
 *
 * Why typed arrays: with 10^5-10^6 pending events an object-per-event heap is 5-7x slower
 * (GC and cache misses, see research/perf.md). Each slot holds the event time, an order key
 * that packs (priority, sequence) into one exact float, the handler kind and two integer args.
 *
 * Total order: (time, priority, sequence). The sequence number is assigned at push time, so
 * same-time, same-priority events run in the order they were scheduled, never by identity.
 *
 * Lazy cancel: cancel(handle) records the handle; a cancelled event is dropped when it reaches
 * the top instead of being searched for and removed (O(1) cancel, as in Mesa's event list).
 */

/** Priority values 0..MAX_PRIORITY; lower runs first among events at the same time. */
export const MAX_PRIORITY = 1023;
// seq < 2^43 and priority < 2^10 keep the packed key below 2^53, so it stays an exact integer.
const SEQ_SPAN = 2 ** 43;

export class EventQueue {
  private time: Float64Array;
  private key: Float64Array;
  private kind: Int32Array;
  private a: Int32Array;
  private b: Int32Array;
  private n = 0;
  private nextSeq = 0;
  private cancelled = new Set<number>();

  // The top event after pop(): read these fields before the next push/pop.
  topTime = 0;
  topKind = 0;
  topA = 0;
  topB = 0;
  topSeq = 0;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity | 0);
    this.time = new Float64Array(c);
    this.key = new Float64Array(c);
    this.kind = new Int32Array(c);
    this.a = new Int32Array(c);
    this.b = new Int32Array(c);
  }

  get size(): number {
    return this.n;
  }

  /** Number of events scheduled so far (the next sequence number). */
  get scheduledCount(): number {
    return this.nextSeq;
  }

  /** Adds an event; returns its handle (the sequence number) for cancel(). */
  push(time: number, priority: number, kind: number, a: number, b: number): number {
    if (this.n === this.time.length) this.grow();
    const seq = this.nextSeq++;
    const k = priority * SEQ_SPAN + seq;
    // Sift up with a hole instead of swaps.
    let i = this.n++;
    const T = this.time;
    const K = this.key;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = T[p];
      if (tp < time || (tp === time && K[p] < k)) break;
      this.move(p, i);
      i = p;
    }
    T[i] = time;
    K[i] = k;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
    return seq;
  }

  /** Marks an event as cancelled; it will be skipped when it reaches the top. */
  cancel(handle: number): void {
    if (handle >= 0 && handle < this.nextSeq) this.cancelled.add(handle);
  }

  /** Time of the next live event, or +Infinity when none is pending. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.n > 0 ? this.time[0] : Infinity;
  }

  /** Removes the next live event into the top* fields; returns false when the queue is empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Like pop(), but only if the next live event is at or before t. */
  popUntil(t: number): boolean {
    for (;;) {
      if (this.n === 0 || this.time[0] > t) return false;
      const seq = this.key[0] % SEQ_SPAN;
      this.topTime = this.time[0];
      this.topKind = this.kind[0];
      this.topA = this.a[0];
      this.topB = this.b[0];
      this.topSeq = seq;
      this.removeTop();
      if (this.cancelled.size > 0 && this.cancelled.delete(seq)) continue;
      return true;
    }
  }

  private dropCancelledTop(): void {
    while (this.n > 0 && this.cancelled.size > 0) {
      const seq = this.key[0] % SEQ_SPAN;
      if (!this.cancelled.delete(seq)) return;
      this.removeTop();
    }
  }

  private removeTop(): void {
    const last = --this.n;
    if (last === 0) return;
    const T = this.time;
    const K = this.key;
    const t = T[last];
    const k = K[last];
    const kd = this.kind[last];
    const av = this.a[last];
    const bv = this.b[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (T[r] < T[c] || (T[r] === T[c] && K[r] < K[c]))) c = r;
      if (t < T[c] || (t === T[c] && k < K[c])) break;
      this.move(c, i);
      i = c;
    }
    T[i] = t;
    K[i] = k;
    this.kind[i] = kd;
    this.a[i] = av;
    this.b[i] = bv;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.key[to] = this.key[from];
    this.kind[to] = this.kind[from];
    this.a[to] = this.a[from];
    this.b[to] = this.b[from];
  }

  private grow(): void {
    const c = this.time.length * 2;
    const t = new Float64Array(c);
    t.set(this.time);
    this.time = t;
    const k = new Float64Array(c);
    k.set(this.key);
    this.key = k;
    const kd = new Int32Array(c);
    kd.set(this.kind);
    this.kind = kd;
    const a = new Int32Array(c);
    a.set(this.a);
    this.a = a;
    const b = new Int32Array(c);
    b.set(this.b);
    this.b = b;
  }
}
