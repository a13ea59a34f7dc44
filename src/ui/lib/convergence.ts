/**
 * Is N enough? The running median and 10th/90th percentiles of a KPI over the first n Monte Carlo
 * runs (in seed order), n = 1..N (research/dashboards.md §6.5): while they still move as runs are
 * added, N is too small for the precision wanted. Type 7 quantiles, as the bands and the CLI use.
 * Runs whose KPI is undefined (NaN) are left out; an infinite value (a payback that never comes)
 * is the largest, so it can make a percentile infinite.
 */
import { quantileType7 } from '../../sim/metrics/quantile.ts';

export interface ConvergencePoint {
  /** Runs with a value so far. */
  n: number;
  p10: number;
  p50: number;
  p90: number;
}

export function convergence(values: readonly number[]): ConvergencePoint[] {
  const sorted: number[] = [];
  const out: ConvergencePoint[] = [];
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    // insertion keeps the first n sorted: N is at most a few dozen runs
    let i = sorted.length;
    while (i > 0 && sorted[i - 1] > v) i--;
    sorted.splice(i, 0, v);
    const n = sorted.length;
    out.push({ n, p10: quantileType7(sorted, n, 0.1), p50: quantileType7(sorted, n, 0.5), p90: quantileType7(sorted, n, 0.9) });
  }
  return out;
}

/** How much the median moved over the second half of the runs: from n = ceil(N/2) to N (null under 4 runs). */
export function medianDrift(points: readonly ConvergencePoint[]): { fromN: number; from: number; to: number } | null {
  if (points.length < 4) return null;
  const mid = points[Math.ceil(points.length / 2) - 1];
  return { fromN: mid.n, from: mid.p50, to: points[points.length - 1].p50 };
}
