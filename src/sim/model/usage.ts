/**
 * Each provider's time integrals, by provider id: busy and online GPU-hours (since the last daily
 * reset and since joining), hours online, and the instants they are accrued to. One row of 8
 * doubles per provider, one cache line.
 *
 * Why a typed table and not fields of Provider: V8 keeps every double-valued field of an object in a
 * heap box of its own, so accruing a provider (on every lease start and end) read the record and
 * five boxes scattered over the heap. With 10^5 providers each box was a cache miss. Here the whole
 * accrual reads and writes one line.
 */
import { grown } from '../core/grown.ts';

/** Time up to which the GPU-hour integrals are accrued, h. */
export const LAST_ACCRUE = 0;
/** GPU-hours busy and online since the last daily reset (repricing reads and resets them). */
export const BUSY_WINDOW = 1;
export const ONLINE_WINDOW = 2;
/** GPU-hours busy and online since joining (never reset; the economy's daily epoch reads deltas). */
export const BUSY_TOTAL = 3;
export const ONLINE_TOTAL = 4;
/** Hours online (in the window and up) before the last change of online state; the observed uptime. */
export const ONLINE_HOURS = 5;
/** Time of the last change of online state, h. */
export const ONLINE_SINCE = 6;

const ROW_SHIFT = 3;

export class ProviderUsage {
  /** Row of provider id at [id << 3, id << 3 + 8). */
  row = new Float64Array(8 << ROW_SHIFT);

  /** Starts the row of a provider joining at `now`: nothing accrued yet. */
  open(id: number, now: number): void {
    const need = (id + 1) << ROW_SHIFT;
    if (need > this.row.length) this.row = grown(this.row, Math.max(need, 2 * this.row.length));
    const r = id << ROW_SHIFT;
    this.row.fill(0, r, r + (1 << ROW_SHIFT));
    this.row[r + LAST_ACCRUE] = now;
    this.row[r + ONLINE_SINCE] = now;
  }

  get(id: number, field: number): number {
    return this.row[(id << ROW_SHIFT) + field];
  }

  /**
   * Accrues the GPU-hour integrals of provider id up to `now`, with `busy` GPUs leased and `online`
   * GPUs online (0 when offline) since the last accrual.
   */
  accrue(id: number, now: number, busy: number, online: number): void {
    const R = this.row;
    const r = id << ROW_SHIFT;
    const dt = now - R[r + LAST_ACCRUE];
    if (dt > 0) {
      R[r + BUSY_WINDOW] += busy * dt;
      R[r + BUSY_TOTAL] += busy * dt;
      if (online > 0) {
        R[r + ONLINE_WINDOW] += online * dt;
        R[r + ONLINE_TOTAL] += online * dt;
      }
      R[r + LAST_ACCRUE] = now;
    }
  }

  /** Busy GPU-hours over online GPU-hours since the last reset (NaN when never online), then resets both. */
  takeWindowUtilization(id: number): number {
    const R = this.row;
    const r = id << ROW_SHIFT;
    const u = R[r + ONLINE_WINDOW] > 0 ? R[r + BUSY_WINDOW] / R[r + ONLINE_WINDOW] : NaN;
    R[r + BUSY_WINDOW] = 0;
    R[r + ONLINE_WINDOW] = 0;
    return u;
  }

  /** Records a change of online state at `now`: the hours since the last change count as online if it was. */
  onlineChanged(id: number, now: number, wasOnline: boolean): void {
    const r = id << ROW_SHIFT;
    if (wasOnline) this.row[r + ONLINE_HOURS] += now - this.row[r + ONLINE_SINCE];
    this.row[r + ONLINE_SINCE] = now;
  }

  /** Hours online up to `now`. */
  onlineHours(id: number, now: number, online: boolean): number {
    const r = id << ROW_SHIFT;
    return this.row[r + ONLINE_HOURS] + (online ? now - this.row[r + ONLINE_SINCE] : 0);
  }
}
