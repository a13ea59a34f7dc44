/**
 * How long each kind of order waited for a match over rows [lo, hi] of a run's table: the days' mean
 * waits (wait_mean_h_on_demand, _spot, _reserved) weighted by the orders of that kind matched each
 * day (orders_matched_on_demand, _spot, _reserved, from 0.16.0), so it is the mean over the orders,
 * a busy day counting for its orders. A run from before 0.16.0 has no counts: then the mean of the
 * days' means, each day once. Days with no such order matched are left out. NaN for a kind no day
 * had (or a run from before 0.14.0, which has no per-kind waits). Shared by the spot and the
 * reservation outcomes and the dashboard's mean-wait card.
 */
export interface KindWaits {
  onDemandH: number;
  spotH: number;
  reservedH: number;
}

type Columns = Readonly<Record<string, ArrayLike<number> | undefined>>;

export function kindWaits(data: Columns, lo: number, hi: number): KindWaits {
  return {
    onDemandH: meanWait(data.wait_mean_h_on_demand, data.orders_matched_on_demand, lo, hi),
    spotH: meanWait(data.wait_mean_h_spot, data.orders_matched_spot, lo, hi),
    reservedH: meanWait(data.wait_mean_h_reserved, data.orders_matched_reserved, lo, hi),
  };
}

/** The days' means weighted by their orders matched (`counts`), or each day once without counts. */
function meanWait(c: ArrayLike<number> | undefined, counts: ArrayLike<number> | undefined, lo: number, hi: number): number {
  if (!c) return NaN;
  let s = 0;
  let n = 0;
  for (let i = lo; i <= hi; i++) {
    if (!Number.isFinite(c[i])) continue;
    const w = counts ? counts[i] : 1;
    if (!(w > 0)) continue;
    s += c[i] * w;
    n += w;
  }
  return n > 0 ? s / n : NaN;
}

/** A wait for people: minutes below an hour (a decimal below ten), else hours; "n/a" for NaN. */
export function formatWait(h: number): string {
  if (!Number.isFinite(h)) return 'n/a';
  const min = h * 60;
  if (min < 10) return `${min.toFixed(1)} min`;
  if (min < 59.5) return `${min.toFixed(0)} min`;
  return `${h.toFixed(1)} h`;
}
