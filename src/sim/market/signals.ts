/**
 * What the matcher reads about providers, mirrored into one flat Float64Array with a fixed row per
 * provider id. Matching an order touches a few dozen random providers out of up to 100,000; with a
 * row per provider, what the candidate filter and the scorer read of one provider sits in one
 * 64-byte cache line (ask, free GPUs, window end, GPU count, region, uptime, reputation, stake), so a
 * candidate costs one or two cache misses instead of one per field. The model writes here at every
 * change point (ask, free GPUs, availability, lease outcomes, stake, slashes); provider records stay
 * the source of truth and the tests check the two agree.
 */

/** Field offsets within a row. */
export const ASK = 0; // asking price, USD per GPU-hour
export const FREE = 1; // GPUs not held by a lease
export const WINDOW_END = 2; // when the current sharing window ends, hours (Infinity when always on)
export const GPUS = 3; // the provider's GPU count
export const REGION = 4;
export const UPTIME = 5; // observed share of time online since joining (refreshed at availability changes and daily)
export const REPUTATION = 6; // (completed + 1) / (completed + failed + 2)
export const STAKE = 7; // tokens staked
export const SLASHES = 8; // slashes so far (second cache line: read by the spheron scorer only)
/** Row length, as a shift: 16 doubles = two cache lines. */
export const ROW_SHIFT = 4;

export class ProviderSignals {
  /** Row of provider id at [id << ROW_SHIFT, (id + 1) << ROW_SHIFT). */
  row = new Float64Array(0);

  /** Makes room for provider ids below n. */
  ensure(n: number): void {
    if (n << ROW_SHIFT <= this.row.length) return;
    const rows = Math.max(n, (this.row.length >> ROW_SHIFT) * 2, 1024);
    const b = new Float64Array(rows << ROW_SHIFT);
    b.set(this.row);
    this.row = b;
  }

  get(id: number, field: number): number {
    return this.row[(id << ROW_SHIFT) + field];
  }

  set(id: number, field: number, value: number): void {
    this.row[(id << ROW_SHIFT) + field] = value;
  }
}
