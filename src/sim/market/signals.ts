/**
 * What the matcher reads about providers, mirrored into flat typed arrays indexed by provider id.
 * Matching an order touches a few dozen random providers out of up to 100,000; with a row per
 * provider, what the scorer reads of one provider (ask, free GPUs, GPU count, region, uptime,
 * reputation, stake, slashes: 8 doubles, 64 bytes) is one row, so a candidate costs one or two cache
 * misses instead of one per field. When a sharing window ends is kept apart, in its own array: only
 * the candidate filter reads it, and only for part-day providers. The model writes here at every
 * change point (ask, free GPUs, availability, lease outcomes, stake, slashes); provider records stay
 * the source of truth and the tests check the two agree.
 */

/** Field offsets within a row. */
export const ASK = 0; // asking price, USD per GPU-hour
export const FREE = 1; // GPUs not held by a lease
export const GPUS = 2; // the provider's GPU count
export const REGION = 3;
export const UPTIME = 4; // observed share of time online since joining (refreshed at availability changes and daily)
export const REPUTATION = 5; // (completed + 1) / (completed + failed + 2)
export const STAKE = 6; // tokens staked
export const SLASHES = 7; // slashes so far
/** Row length, as a shift: 8 doubles, 64 bytes. */
export const ROW_SHIFT = 3;

export class ProviderSignals {
  /** Row of provider id at [id << ROW_SHIFT, (id + 1) << ROW_SHIFT). */
  row = new Float64Array(0);
  /** When provider id's current sharing window ends, hours (Infinity when always on; now when outside its window). */
  windowEnd = new Float64Array(0);

  /** Makes room for provider ids below n. */
  ensure(n: number): void {
    if (n <= this.windowEnd.length) return;
    const rows = Math.max(n, this.windowEnd.length * 2, 1024);
    const b = new Float64Array(rows << ROW_SHIFT);
    b.set(this.row);
    this.row = b;
    const w = new Float64Array(rows);
    w.set(this.windowEnd);
    this.windowEnd = w;
  }

  get(id: number, field: number): number {
    return this.row[(id << ROW_SHIFT) + field];
  }

  set(id: number, field: number, value: number): void {
    this.row[(id << ROW_SHIFT) + field] = value;
  }
}
