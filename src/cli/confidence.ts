/** Mean and 95% confidence interval across independent replications (Student's t). */
import { finiteMoments, medianRank } from '../sim/metrics/significance.ts';
import { quantileType7 } from '../sim/metrics/quantile.ts';

/** Two-sided 95% quantiles of Student's t, t(0.975, df), for df = 1..30 (standard tables). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** t(0.975, df); above 30 degrees of freedom, interpolated in 1/df toward the normal 1.960 (within 0.001 of exact). */
export function t975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1];
  // anchors (df, t): 30 2.042, 60 2.000, 120 1.980, infinity 1.960
  const anchors: [number, number][] = [
    [30, 2.042],
    [60, 2.0],
    [120, 1.98],
    [Infinity, 1.96],
  ];
  for (let i = 0; i < anchors.length - 1; i++) {
    const [d0, t0] = anchors[i];
    const [d1, t1] = anchors[i + 1];
    if (df <= d1) {
      const w = (1 / d0 - 1 / df) / (1 / d0 - (d1 === Infinity ? 0 : 1 / d1));
      return t0 + w * (t1 - t0);
    }
  }
  return 1.96;
}

export interface MeanCi {
  n: number;
  mean: number;
  /** Half-width of the 95% interval: mean ± this. NaN with fewer than two values. */
  half: number;
}

/** Over the finite values (a run whose figure is undefined is left out, and n says so). */
export function meanCi95(values: readonly number[]): MeanCi {
  const { n, mean, variance } = finiteMoments(values);
  return { n, mean, half: n < 2 ? NaN : (t975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n) };
}

export interface MedianCi {
  /** Runs with a value (NaN left out; +Infinity, a payback never reached, counts). */
  n: number;
  median: number;
  /** A 95% interval from order statistics (distribution-free); NaN under 6 runs, where none reaches 95%. */
  lo: number;
  hi: number;
  /** Runs whose value is +Infinity ("never"). */
  never: number;
}

/**
 * The median across runs and its distribution-free 95% interval: the j-th smallest to the j-th
 * largest value, with j the largest for which P(Binomial(n, 1/2) < j) <= 2.5% (each run lies below
 * the true median with chance 1/2). Unlike the mean it takes a value of "never" as the largest: a
 * median payback is honest when some seeds never pay back.
 */
export function medianCi95(values: readonly number[]): MedianCi {
  const xs = values.filter((v) => !Number.isNaN(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = xs.length;
  const never = xs.filter((v) => v === Infinity).length;
  const j = medianRank(n, 0.025);
  return { n, median: quantileType7(xs, n, 0.5), lo: j > 0 ? xs[j - 1] : NaN, hi: j > 0 ? xs[n - j] : NaN, never };
}
