/**
 * Is N enough? The running median and band of a KPI over the first n Monte Carlo runs (in seed
 * order), n = 1..N (research/dashboards.md §6.5), the band at the level the user picked (the 10th
 * and 90th percentile at 80%; bandLevel.ts): while they still move as runs are added, N is too
 * small for the precision wanted. Type 7 quantiles, as the bands and the CLI use.
 * Runs whose KPI is undefined (NaN) are left out; an infinite value (a payback that never comes)
 * is the largest, so it can make a percentile infinite.
 */
import { quantileType7 } from '../../sim/metrics/quantile.ts';
import { bandProbs, DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';

export interface ConvergencePoint {
  /** Runs with a value so far. */
  n: number;
  /** The band's lower end at `level` (the 10th percentile at 80%). */
  lo: number;
  p50: number;
  /** The band's upper end at `level` (the 90th percentile at 80%). */
  hi: number;
  level: BandLevel;
}

export function convergence(values: readonly number[], level: BandLevel = DEFAULT_BAND_LEVEL): ConvergencePoint[] {
  const [pLo, pHi] = bandProbs(level);
  const sorted: number[] = [];
  const out: ConvergencePoint[] = [];
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    // insertion keeps the first n sorted: N is at most a few dozen runs
    let i = sorted.length;
    while (i > 0 && sorted[i - 1] > v) i--;
    sorted.splice(i, 0, v);
    const n = sorted.length;
    out.push({ n, lo: quantileType7(sorted, n, pLo), p50: quantileType7(sorted, n, 0.5), hi: quantileType7(sorted, n, pHi), level });
  }
  return out;
}

/** How much the median moved over the second half of the runs: from n = ceil(N/2) to N (null under 4 runs). */
export function medianDrift(points: readonly ConvergencePoint[]): { fromN: number; from: number; to: number } | null {
  if (points.length < 4) return null;
  const mid = points[Math.ceil(points.length / 2) - 1];
  return { fromN: mid.n, from: mid.p50, to: points[points.length - 1].p50 };
}
