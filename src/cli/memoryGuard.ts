/**
 * Watches the JavaScript heap during a CLI run. Node stops a process that fills its heap with a
 * fatal error and a native stack trace, hours into a large run (--scale 200 starts at 2 GB, and
 * Node's default limit is about 4 GB). Instead, the run warns early when its growth so far points past
 * the limit, and stops cleanly, naming the day, the sizes and the remedies, when the live heap nears it.
 */
import { totalmem } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Stop when the live heap, measured by a full collection, passes this share of the limit. Kept well
 * below V8's own danger zone: V8 aborts after a few full collections that leave the old generation
 * above 80% of its maximum, and a collection forced there would count as one.
 */
export const STOP_SHARE = 0.65;
/**
 * V8's heap limit (heap_size_limit) is the old generation's maximum (--max-old-space-size) plus the
 * young generation's reserve, 3 x 16 MB semi-spaces on 64-bit. V8's abort counts against the old
 * generation, so the shares here do too: against heap_size_limit, 65% of a 150 MB old space would be 86%.
 */
const YOUNG_RESERVE = 48 * 2 ** 20;

/** The old generation's maximum: the heap limit the user sets with --max-old-space-size, in bytes. */
export function oldSpaceLimit(heapSizeLimit: number): number {
  return heapSizeLimit - YOUNG_RESERVE >= heapSizeLimit / 2 ? heapSizeLimit - YOUNG_RESERVE : heapSizeLimit;
}

/** The heap in use and its limit (the old generation's maximum), in bytes. */
function heapNow(): { used: number; limit: number } {
  const h = getHeapStatistics();
  return { used: h.used_heap_size, limit: oldSpaceLimit(h.heap_size_limit) };
}

/** A heap that looks full is collected again only after it grew by this share of the limit. */
const RECHECK_GROWTH = 0.05;

/** The next slice of simulated time, in hours, for a heap this full (share of the limit). */
export function sliceHours(share: number): number {
  if (share > 0.6) return 1;
  if (share > 0.5) return 6;
  return 24;
}

/**
 * While the providers are built: measure their memory first after this share of them, and not
 * before this many (over fewer, the run's fixed start, about 50 MB, outweighs the providers in the
 * cheap look, which would then call for collections a small network does not need).
 */
const SETUP_STEP = 0.02;
const SETUP_FIRST = 32_768;

/** Project the growth only after this share of the horizon: early days are set-up and warm-up. */
const PROJECT_AFTER = 0.1;

export interface HeapReading {
  /** Simulated day now, and of the first reading. */
  day: number;
  firstDay: number;
  horizonDays: number;
  /** Heap in use now and at the first reading, and the limit, in bytes. */
  used: number;
  firstUsed: number;
  limit: number;
}

export type HeapVerdict = { kind: 'ok' } | { kind: 'warn'; projected: number };

/**
 * Whether the growth so far, carried to the horizon, passes the stop share: after the first tenth,
 * and not in the last tenth either (a warning there comes too late to act on, and a projection over a
 * few days mostly reads noise: a stop, if one comes, says what to do).
 */
export function assessHeap(r: HeapReading): HeapVerdict {
  const span = r.day - r.firstDay;
  if (span > 0 && r.day >= PROJECT_AFTER * r.horizonDays && r.day <= (1 - PROJECT_AFTER) * r.horizonDays) {
    const projected = r.used + ((r.used - r.firstUsed) / span) * (r.horizonDays - r.day);
    if (projected > STOP_SHARE * r.limit) return { kind: 'warn', projected };
  }
  return { kind: 'ok' };
}

/**
 * Whether a heap reading calls for a full collection to measure what is live: above the stop share,
 * and grown by RECHECK_GROWTH of the limit since the last one (whose live size is `lastLive`, -1 if none).
 */
export function needsCollection(used: number, limit: number, lastLive: number): boolean {
  return used > STOP_SHARE * limit && (lastLive < 0 || used > lastLive + RECHECK_GROWTH * limit);
}

/** Whether the live heap after a full collection is too full to go on. */
export function mustStop(live: number, limit: number): boolean {
  return live > STOP_SHARE * limit;
}

const MB = 2 ** 20;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/**
 * A heap suggested for a known need leaves it this much room: a projection from the first providers
 * came out 10% low against one from a fifth of them (10 million providers), and the run itself grows
 * beyond its set-up.
 */
const NEED_HEADROOM = 1.25;

/**
 * What the user can do: run less, or (when the machine has the memory) give Node a larger heap:
 * twice the present one, or when the live memory the run needs is known (`needBytes`), one it fits in.
 */
export function heapRemedy(limit: number, totalMemory: number, smaller = '--scale or --days', needBytes = 0): string {
  const limitMb = limit / MB;
  const roomMb = Math.floor((0.75 * totalMemory) / MB / 1024) * 1024;
  const fitsMb = Math.ceil((NEED_HEADROOM * needBytes) / STOP_SHARE / MB / 1024) * 1024;
  const gb = (totalMemory / 2 ** 30).toFixed(0);
  if (fitsMb > roomMb) return `use a smaller ${smaller} (a heap it fits in, about ${fitsMb} MB, is more than this machine's ${gb} GB allow)`;
  const suggestMb = Math.min(roomMb, Math.max(1024, fitsMb, Math.ceil((2 * limitMb) / 1024) * 1024));
  if (suggestMb <= limitMb) return `use a smaller ${smaller} (Node's heap is already near what this machine's ${gb} GB allow)`;
  return `use a smaller ${smaller}, or give Node a larger heap: NODE_OPTIONS=--max-old-space-size=${suggestMb} (in MB; this machine has ${gb} GB)`;
}

export function heapStopMessage(r: HeapReading, totalMemory: number): string {
  return `out of memory at day ${Math.floor(r.day)}/${r.horizonDays}: ${mb(r.used)} live, too close to Node's ${mb(r.limit)} heap limit to go on (memory grows with --scale and with the days run); ${heapRemedy(r.limit, totalMemory)}`;
}

/** How far the set-up got, for messages: "40,960 of 400,000 providers". */
export function setupProgress(stage: string, done: number, total: number): string {
  return `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${stage}`;
}

/** The stop while the initial network is built (`where`: how far it got, e.g. '40960 of 400000 providers'). */
export function setupStopMessage(where: string, used: number, limit: number, totalMemory: number): string {
  return `out of memory while building the network (${where}): ${mb(used)} live, too close to Node's ${mb(limit)} heap limit to go on (memory grows with --scale); ${heapRemedy(limit, totalMemory, '--scale')}`;
}

/** The stop of a network whose providers, at the memory each took so far, will not fit. */
export function setupProjectionMessage(done: number, total: number, projected: number, limit: number, totalMemory: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `out of memory ahead: ${n(total)} providers would take about ${mb(projected)} once built (measured over the first ${n(done)}), too close to Node's ${mb(limit)} heap limit to run (memory grows with --scale and supply.providers); ${heapRemedy(limit, totalMemory, '--scale', projected)}`;
}

export function heapWarnMessage(r: HeapReading, projected: number, totalMemory: number): string {
  return `warning: at this pace the heap reaches about ${mb(projected)} by day ${r.horizonDays}, more than fits in Node's ${mb(r.limit)} heap limit: the run would stop before the end; ${heapRemedy(r.limit, totalMemory)}`;
}

/**
 * The heap in use rises with garbage and drops at each collection, so single readings say little
 * about growth. The lowest reading over a window of slices is close to what was live after a
 * collection: projections are drawn between these troughs, the first window's and the latest.
 */
export class Troughs {
  private recent: number[] = [];
  private firstLow = Infinity;
  private seen = 0;

  constructor(private window = 14) {}

  add(used: number): void {
    this.recent.push(used);
    if (this.recent.length > this.window) this.recent.shift();
    if (this.seen++ < this.window) this.firstLow = Math.min(this.firstLow, used);
  }

  /** True once a full window has been seen after the first one, so the two troughs differ in time. */
  ready(): boolean {
    return this.seen >= 2 * this.window;
  }

  first(): number {
    return this.firstLow;
  }

  latest(): number {
    return Math.min(...this.recent);
  }
}

/** Reads Node's heap after each slice of a run and applies the rules above. */
export class HeapWatch {
  private first: { day: number; used: number } | null = null;
  private warned = false;
  /** The live heap at the last full collection this watch forced (-1: none yet). */
  private lastLive = -1;
  private troughs = new Troughs();

  constructor(
    private horizonDays: number,
    private warn: (message: string) => void,
    /** The heap now, and a full collection (tests give their own). */
    private heap: () => { used: number; limit: number } = heapNow,
    private collect: () => void = fullGc,
  ) {}

  /**
   * Throws when the heap is nearly full. A heap that looks full may be mostly garbage not yet
   * collected, so a full collection measures what is live first: a run whose live data fits is not
   * stopped. Returns the next slice in hours: shorter as the heap fills, so fast growth is caught.
   */
  check(day: number): number {
    const r = this.guard(day);
    this.troughs.add(r.used);
    const v = this.troughs.ready() ? assessHeap({ ...r, used: this.troughs.latest(), firstUsed: this.troughs.first() }) : { kind: 'ok' as const };
    if (v.kind === 'warn' && !this.warned) {
      this.warned = true;
      this.warn(heapWarnMessage(r, v.projected, totalmem()));
    }
    return sliceHours(r.used / r.limit);
  }

  /**
   * The stop alone, without the projection: for a slice cut short by its event budget (runSlices.ts),
   * so a day of millions of events is watched too, while the projection keeps its one reading a slice.
   * Returns the reading (the live heap when a collection measured it).
   */
  guard(day: number): HeapReading {
    const r = this.read(day);
    const live = this.collectIfFull(r.used, r.limit);
    if (live < 0) return r;
    if (mustStop(live, r.limit)) throw new Error(heapStopMessage({ ...r, used: live }, totalmem()));
    return { ...r, used: live };
  }

  /**
   * The same stop while the initial network is built, before day 0: a set-up that alone does not fit
   * (--scale 200 in a small heap) would otherwise end in V8's fatal error. `done` of `total` of the
   * set-up's `stage` are built. While the providers are built, a network that will not fit is
   * stopped as soon as its growth shows it (projectSetup), not once the heap is full: 10 million
   * providers stopped after about a minute of building, most of it spent collecting a full heap.
   */
  checkSetup(stage: string, done: number, total: number): void {
    const { used, limit } = this.heap();
    const live = this.collectIfFull(used, limit);
    if (live >= 0 && mustStop(live, limit)) throw new Error(setupStopMessage(setupProgress(stage, done, total), live, limit, totalmem()));
    if (stage === 'providers') this.projectSetup(done, total, used, limit);
  }

  /** The live heap measured while the providers are built, and how many were built then (null: not yet). */
  private setupLive: { done: number; live: number } | null = null;

  /**
   * Carries the providers' memory so far to the whole network. The heap in use holds garbage, so a
   * cheap look first (the heap in use per provider built, fixed costs and garbage included, so too
   * high) decides whether to measure: a full collection, first after SETUP_STEP of the providers,
   * then each time their number doubled (at most six in all, each costlier as the heap grows). Two
   * measurements give the memory per provider, without the fixed costs; the network
   * stops when that, carried to the last provider, passes the share of the limit where any run stops.
   */
  private projectSetup(done: number, total: number, used: number, limit: number): void {
    if (done < SETUP_STEP * total || done < SETUP_FIRST) return;
    const p = this.setupLive;
    const rough = p ? p.live + ((used - p.live) / (done - p.done)) * (total - done) : (used / done) * total;
    if (rough <= STOP_SHARE * limit) return;
    if (p && done < 2 * p.done) return;
    this.collect();
    const live = this.heap().used;
    this.lastLive = live;
    this.setupLive = { done, live };
    if (!p) return;
    const projected = live + ((live - p.live) / (done - p.done)) * (total - done);
    if (mustStop(projected, limit)) throw new Error(setupProjectionMessage(done, total, projected, limit, totalmem()));
  }

  /** A full collection when the heap looks full (see needsCollection): returns the live bytes, or -1 when none was needed. */
  private collectIfFull(used: number, limit: number): number {
    if (!needsCollection(used, limit, this.lastLive)) return -1;
    this.collect();
    this.lastLive = this.heap().used;
    return this.lastLive;
  }

  private read(day: number): HeapReading {
    const { used, limit } = this.heap();
    this.first ??= { day, used };
    return { day, firstDay: this.first.day, horizonDays: this.horizonDays, used, firstUsed: this.first.used, limit };
  }
}

let gc: (() => void) | null = null;
/** A full garbage collection (V8's gc(), exposed on first use: the CLI is not started with --expose-gc). */
function fullGc(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
