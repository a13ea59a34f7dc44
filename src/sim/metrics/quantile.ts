/**
 * Quantiles of a sample, as R's quantile() (type 7, its default) and numpy.percentile compute them:
 * linear interpolation between the order statistics. Shared by the CLI's bands across seeds and the
 * dashboard's Monte Carlo bands, so both give the same numbers for the same runs.
 */

/** Quantile p of sorted values x[0..n) by linear interpolation (type 7); NaN when n is 0. */
export function quantileType7(x: ArrayLike<number>, n: number, p: number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  // exactly on an order statistic, or two equal ones (infinite ones too: their difference would be NaN)
  if (h === lo || x[lo] === x[hi]) return x[lo];
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}
