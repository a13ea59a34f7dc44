/**
 * Event queue: a 4-ary min-heap of the events due soon, in front of a ring of buckets one time unit
 * (an hour in the market model) wide for the later ones, all stored as parallel typed arrays.
 *
 * Why typed arrays: with 10^5-10^6 pending events an object-per-event heap is 5-7x slower
 * (GC and cache misses, see research/perf.md). The heap holds the event time, an order key that
 * packs (priority, sequence) into one exact float, and a payload slot; the handler kind and the two
 * integer args sit in payload arrays at that slot, so a sift moves three values per level, not five.
 * Four children per node halve the levels of a binary heap and the four siblings share a cache line.
 *
 * Two levels: the heap holds every pending event before `windowEnd` (plus any pushed there); later
 * events wait unsorted in BUCKETS buckets one time unit wide (a linked list of payload slots each),
 * and beyond those in an overflow list. When the heap has nothing before windowEnd, the next bucket
 * moves into the heap and windowEnd steps on by one. The heap stays as small as the events of the
 * next unit of time (hundreds to tens of thousands, not the 10^4-10^6 pending in the market model),
 * so a pop sifts through a few levels that stay in cache; a cancelled event still in a bucket is
 * dropped as the bucket moves, never entering the heap. Moving a bucket does not reorder anything:
 * every event in the buckets is at or after windowEnd, and the heap orders everything before it.
 *
 * Total order: (time, priority, sequence). The sequence number is assigned at push time, so
 * same-time, same-priority events run in the order they were scheduled, never by identity.
 *
 * Lazy cancel: cancel(handle) marks the event's payload slot; a cancelled event is dropped when it
 * reaches the top instead of being searched for and removed (O(1) cancel, as in Mesa's event list).
 * A handle names a slot and the slot's generation (bumped each time the slot is freed), so a handle
 * of an event that already ran, or that was never issued, marks nothing.
 */

import { grown } from './grown.ts';

/** Priority values 0..MAX_PRIORITY; lower runs first among events at the same time. */
export const MAX_PRIORITY = 1023;
// seq < 2^43 and priority < 2^10 keep the packed key below 2^53, so it stays an exact integer.
const SEQ_SPAN = 2 ** 43;
// handle = generation x SLOT_SPAN + slot, below 2^53: up to 2^25 pending events; a slot's generation
// wraps after 2^28 reuses (a hot slot is reused about once per event, so a handle would have to be
// kept through 268 M events and then cancelled for a wrap to matter: the model only cancels pending events).
const SLOT_SPAN = 2 ** 25;
const GEN_MASK = 2 ** 28 - 1;
/** Buckets in the ring (a power of two), each one time unit wide. */
const BUCKETS = 256;
/** Times at or past this go straight into the heap: bucket bounds are integers, exact below 2^52. */
const FAR_LIMIT = 2 ** 52;
const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

export class EventQueue {
  private time: Float64Array;
  private key: Float64Array;
  private slot: Int32Array;
  // payload by slot
  private kind: Int32Array;
  private a: Int32Array;
  private b: Int32Array;
  /** The sequence number by slot: reading it back from the packed key would take a float modulo per pop. */
  private seqOf: Float64Array;
  /** Per slot: FREE, PENDING or CANCELLED, and its generation (the handle's upper part). */
  private state: Uint8Array;
  private gen: Int32Array;
  /** Free payload slots (a stack). */
  private free: Int32Array;
  private nFree = 0;
  /** Events in the heap. */
  private n = 0;
  private nextSeq = 0;
  // The far level, by slot: time and order key of an event waiting in a bucket, and the next slot in its list.
  private timeOf: Float64Array;
  private keyOf: Float64Array;
  private nextOf: Int32Array;
  /** First slot of each bucket's list (-1 empty); bucket ringStart covers [windowEnd, windowEnd + 1). */
  private head = new Int32Array(BUCKETS).fill(-1);
  private ringStart = 0;
  /** Every event in the buckets and the overflow is at or after this time (an integer). */
  private windowEnd = 0;
  /** windowEnd when the overflow was last sorted into the ring: everything in it is at or after lastScan + BUCKETS. */
  private lastScan = 0;
  private overflow = -1;
  /** Events in the buckets, in the overflow. */
  private nRing = 0;
  private nOverflow = 0;

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
    this.slot = new Int32Array(c);
    this.kind = new Int32Array(c);
    this.a = new Int32Array(c);
    this.b = new Int32Array(c);
    this.seqOf = new Float64Array(c);
    this.state = new Uint8Array(c);
    this.gen = new Int32Array(c);
    this.free = new Int32Array(c);
    this.timeOf = new Float64Array(c);
    this.keyOf = new Float64Array(c);
    this.nextOf = new Int32Array(c);
  }

  /** Pending events (cancelled ones included until they are dropped). */
  get size(): number {
    return this.n + this.nRing + this.nOverflow;
  }

  /** Number of events scheduled so far (the next sequence number). */
  get scheduledCount(): number {
    return this.nextSeq;
  }

  /** Adds an event; returns its handle for cancel() (a non-negative integer, never reused). */
  push(time: number, priority: number, kind: number, a: number, b: number): number {
    const pending = this.size;
    if (pending === this.time.length) this.grow();
    const seq = this.nextSeq++;
    const k = priority * SEQ_SPAN + seq;
    // Payload slots in use are exactly the pending events: a free one exists or the next unused one.
    const sl = this.nFree > 0 ? this.free[--this.nFree] : pending;
    this.kind[sl] = kind;
    this.a[sl] = a;
    this.b[sl] = b;
    this.seqOf[sl] = seq;
    this.state[sl] = PENDING;
    if (sl >= SLOT_SPAN) throw new Error(`more than ${SLOT_SPAN} pending events`);
    if (time >= this.windowEnd && time < FAR_LIMIT) {
      this.timeOf[sl] = time;
      this.keyOf[sl] = k;
      this.toFar(sl, time);
    } else {
      this.heapPush(time, k, sl);
    }
    return this.gen[sl] * SLOT_SPAN + sl;
  }

  /** Files slot sl (time >= windowEnd) in its bucket, or in the overflow when past the ring. */
  private toFar(sl: number, time: number): void {
    const w = this.windowEnd;
    if (time >= this.lastScan + BUCKETS) {
      this.nextOf[sl] = this.overflow;
      this.overflow = sl;
      this.nOverflow++;
      return;
    }
    // the bucket [w + d, w + d + 1) holding time; w + d is exact, so a rounded difference is corrected
    let d = Math.floor(time - w);
    if (w + d > time) d--;
    else if (w + d + 1 <= time) d++;
    const j = (this.ringStart + d) & (BUCKETS - 1);
    this.nextOf[sl] = this.head[j];
    this.head[j] = sl;
    this.nRing++;
  }

  private heapPush(time: number, k: number, sl: number): void {
    // Sift up with a hole instead of swaps.
    let i = this.n++;
    const T = this.time;
    const K = this.key;
    const S = this.slot;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const tp = T[p];
      if (tp < time || (tp === time && K[p] < k)) break;
      T[i] = tp;
      K[i] = K[p];
      S[i] = S[p];
      i = p;
    }
    T[i] = time;
    K[i] = k;
    S[i] = sl;
  }

  /**
   * Brings the next unit of time into the heap: the bucket at windowEnd (its cancelled events are
   * dropped). The overflow is sorted into the ring every half turn, well before any of it can be due
   * (it is all at or after lastScan + BUCKETS); when the ring is empty, the window jumps straight to
   * the unit of the overflow's earliest event.
   */
  private advanceWindow(): void {
    if (this.nRing === 0) {
      let min = Infinity;
      for (let sl = this.overflow; sl >= 0; sl = this.nextOf[sl]) if (this.timeOf[sl] < min) min = this.timeOf[sl];
      this.windowEnd = Math.max(this.windowEnd, Math.floor(min));
      this.rescanOverflow();
    } else if (this.windowEnd - this.lastScan >= BUCKETS / 2) {
      this.rescanOverflow();
    }
    const j = this.ringStart;
    let sl = this.head[j];
    this.head[j] = -1;
    this.ringStart = (j + 1) & (BUCKETS - 1);
    this.windowEnd++;
    while (sl >= 0) {
      const next = this.nextOf[sl];
      this.nRing--;
      if (this.state[sl] === CANCELLED) this.release(sl);
      else this.heapPush(this.timeOf[sl], this.keyOf[sl], sl);
      sl = next;
    }
  }

  /** Moves the overflow events now within the ring's span into their buckets (dropping cancelled ones). */
  private rescanOverflow(): void {
    this.lastScan = this.windowEnd;
    let sl = this.overflow;
    this.overflow = -1;
    this.nOverflow = 0;
    while (sl >= 0) {
      const next = this.nextOf[sl];
      if (this.state[sl] === CANCELLED) this.release(sl);
      else this.toFar(sl, this.timeOf[sl]);
      sl = next;
    }
  }

  /** Marks a pending event as cancelled; it will be skipped when it reaches the top. Other handles do nothing. */
  cancel(handle: number): void {
    if (!(handle >= 0) || !Number.isSafeInteger(handle)) return;
    const g = Math.floor(handle / SLOT_SPAN);
    const sl = handle - g * SLOT_SPAN;
    if (sl < this.state.length && this.state[sl] === PENDING && this.gen[sl] === g) this.state[sl] = CANCELLED;
  }

  /** Time of the next live event, or +Infinity when none is pending. */
  peekTime(): number {
    for (;;) {
      this.dropCancelledTop();
      if (this.n > 0 && (this.time[0] < this.windowEnd || this.nRing + this.nOverflow === 0)) return this.time[0];
      if (this.nRing + this.nOverflow === 0) return Infinity;
      this.advanceWindow();
    }
  }

  /** Removes the next live event into the top* fields; returns false when the queue is empty. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /** Like pop(), but only if the next live event is at or before t. */
  popUntil(t: number): boolean {
    for (;;) {
      // The heap's top is the next event when it is before windowEnd or nothing waits further out.
      if (this.n === 0 || this.time[0] >= this.windowEnd) {
        if (this.nRing + this.nOverflow === 0) {
          if (this.n === 0) return false;
        } else {
          // everything further out is at or after windowEnd: nothing due by t if t is before it
          if (t < this.windowEnd && (this.n === 0 || this.time[0] > t)) return false;
          this.advanceWindow();
          continue;
        }
      }
      if (this.time[0] > t) return false;
      const sl = this.slot[0];
      const live = this.state[sl] === PENDING;
      this.topTime = this.time[0];
      this.topKind = this.kind[sl];
      this.topA = this.a[sl];
      this.topB = this.b[sl];
      this.topSeq = this.seqOf[sl];
      this.release(sl);
      this.removeTop();
      if (live) return true;
    }
  }

  /** Frees a popped event's slot; its handle goes stale. */
  private release(sl: number): void {
    this.state[sl] = FREE;
    this.gen[sl] = (this.gen[sl] + 1) & GEN_MASK;
    this.free[this.nFree++] = sl;
  }

  private dropCancelledTop(): void {
    while (this.n > 0 && this.state[this.slot[0]] === CANCELLED) {
      this.release(this.slot[0]);
      this.removeTop();
    }
  }

  /** Removes the root: the last entry sifts down from the top into the hole. */
  private removeTop(): void {
    const last = --this.n;
    if (last === 0) return;
    const T = this.time;
    const K = this.key;
    const S = this.slot;
    const t = T[last];
    const k = K[last];
    const sl = S[last];
    let i = 0;
    for (;;) {
      const c0 = 4 * i + 1;
      if (c0 >= last) break;
      // the least of up to four children
      let c = c0;
      let tc = T[c0];
      let kc = K[c0];
      const end = c0 + 4 < last ? c0 + 4 : last;
      for (let j = c0 + 1; j < end; j++) {
        const tj = T[j];
        if (tj < tc || (tj === tc && K[j] < kc)) {
          c = j;
          tc = tj;
          kc = K[j];
        }
      }
      if (t < tc || (t === tc && k < kc)) break;
      T[i] = tc;
      K[i] = kc;
      S[i] = S[c];
      i = c;
    }
    T[i] = t;
    K[i] = k;
    S[i] = sl;
  }

  private grow(): void {
    const c = this.time.length * 2;
    this.time = grown(this.time, c);
    this.key = grown(this.key, c);
    this.slot = grown(this.slot, c);
    this.kind = grown(this.kind, c);
    this.a = grown(this.a, c);
    this.b = grown(this.b, c);
    this.seqOf = grown(this.seqOf, c);
    this.state = grown(this.state, c);
    this.gen = grown(this.gen, c);
    this.free = grown(this.free, c);
    this.timeOf = grown(this.timeOf, c);
    this.keyOf = grown(this.keyOf, c);
    this.nextOf = grown(this.nextOf, c);
  }
}
