/**
 * How long each kind of order waited for a match over rows [lo, hi] of a run's table: the mean of the
 * days' mean waits (wait_mean_h_on_demand, _spot, _reserved), days with no such order matched left
 * out. The table has no per-kind count of matches to weight the days by, so each day counts once,
 * as in the CLI's replica summary of wait_mean_h. NaN for a kind no day had (or a run from before
 * 0.14.0, which has no such columns). Shared by the spot and the reservation outcomes.
 */
export interface KindWaits {
  onDemandH: number;
  spotH: number;
  reservedH: number;
}

export function kindWaits(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): KindWaits {
  return {
    onDemandH: meanOfDays(data.wait_mean_h_on_demand, lo, hi),
    spotH: meanOfDays(data.wait_mean_h_spot, lo, hi),
    reservedH: meanOfDays(data.wait_mean_h_reserved, lo, hi),
  };
}

function meanOfDays(c: ArrayLike<number> | undefined, lo: number, hi: number): number {
  if (!c) return NaN;
  let s = 0;
  let n = 0;
  for (let i = lo; i <= hi; i++) {
    if (!Number.isFinite(c[i])) continue;
    s += c[i];
    n++;
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
