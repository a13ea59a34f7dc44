/**
 * Is a change real or luck? Paired t-tests on per-seed differences, and Holm's correction when a
 * table makes many such tests at once (ten KPIs against a baseline would otherwise flag one of them
 * by chance about half the time at 5% each). Shared by the CLI's paired sweep table and the
 * dashboard's comparisons, so both call the same changes clear.
 */
import { exp, log } from '../core/detMath.ts';
import { lnGamma } from '../rng/special.ts';

/** Level at which a change is called clear, after the correction. */
export const CLEAR_LEVEL = 0.05;

/**
 * The fewest changed seeds with which a sign test can find a change at CLEAR_LEVEL: its smallest
 * two-sided p, every seed moving the same way, is 2 x 0.5^n (5 seeds: 0.0625, never clear; 6: 0.031).
 */
export const SIGN_MIN_CHANGES = (() => {
  let n = 1;
  while (2 * 0.5 ** n >= CLEAR_LEVEL) n++; // powers of two: exact in every engine
  return n;
})();

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes' betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (x >= 1) return 1;
  const front = exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * log(x) + b * log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t statistic with df degrees of freedom: P(|T| >= |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Mean and sample variance (n - 1) of the finite values; NaN variance under two of them. */
export function finiteMoments(values: readonly number[]): { n: number; mean: number; variance: number } {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  const mean = n ? xs.reduce((a, b) => a + b, 0) / n : NaN;
  const variance = n < 2 ? NaN : xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

export interface PairedTest {
  n: number;
  mean: number;
  /** Two-sided p-value of "the mean change is 0" (paired t-test); NaN under two values. */
  p: number;
}

/**
 * Paired t-test on per-seed differences (non-finite ones left out). Identical differences make the
 * spread 0: p is 0 when they are not 0 (every seed moved the same way by the same amount) and 1
 * when they are.
 */
export function pairedTTest(diffs: readonly number[]): PairedTest {
  const { n, mean, variance } = finiteMoments(diffs);
  if (n < 2) return { n, mean, p: NaN };
  // a spread at rounding level of the mean is no spread (0.52 - 0.5 and 0.57 - 0.55 differ in the last bit)
  if (variance <= (Math.abs(mean) * 1e-12) ** 2) return { n, mean, p: mean === 0 ? 1 : 0 };
  return { n, mean, p: tTwoSidedP(mean / Math.sqrt(variance / n), n - 1) };
}

/**
 * Holm's step-down adjustment of a family of p-values (valid under any dependence between the
 * tests, never less powerful than Bonferroni): the i-th smallest of m is multiplied by m - i + 1,
 * then made non-decreasing and capped at 1. NaN entries are not tests: they stay NaN and do not
 * count in m.
 */
export function holmAdjust(ps: readonly number[]): number[] {
  const idx = ps.map((p, i) => [p, i] as const).filter(([p]) => !Number.isNaN(p)).sort((x, y) => x[0] - y[0]);
  const out = ps.map(() => NaN);
  const m = idx.length;
  let running = 0;
  idx.forEach(([p, i], r) => {
    running = Math.max(running, Math.min(1, (m - r) * p));
    out[i] = running;
  });
  return out;
}

const LN2 = 0.6931471805599453;

/** P(X <= k) for X ~ Binomial(n, 1/2), summed exactly (n is a number of seeds: at most thousands). */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // log of C(n, i) / 2^n term by term, so large n does not overflow
  let logTerm = -n * LN2;
  let sum = exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += log((n - i + 1) / i);
    sum += exp(logTerm);
  }
  return Math.min(1, sum);
}

/**
 * For a distribution-free interval of a median over n values: the largest j with P(X < j) <= alpha
 * for X ~ Binomial(n, 1/2), so the j-th smallest to the j-th largest value holds the median with
 * probability at least 1 - 2 alpha; 0 when no j qualifies (under 6 values at alpha = 2.5%). The
 * cumulative sum grows term by term: one pass, whatever n.
 */
export function medianRank(n: number, alpha: number): number {
  let logTerm = -n * LN2;
  let cdf = 0; // P(X <= j - 1), before term j is added
  let j = 0;
  while (j + 1 <= n / 2) {
    cdf += exp(logTerm); // now P(X <= j)
    if (cdf > alpha) break;
    j++;
    logTerm += log((n - j + 1) / j);
  }
  return j;
}

/**
 * Sign test on per-seed differences: of the seeds that changed (zeros and NaN left out), are ups and
 * downs as likely? Needs no finite values, only signs: a change from a finite payback to "never"
 * (+Infinity) counts as up, which a t-test on the values could not take. Two-sided p, exact.
 */
export function signTest(diffs: readonly number[]): { n: number; up: number; p: number } {
  let up = 0;
  let down = 0;
  for (const d of diffs) if (d > 0) up++;
  else if (d < 0) down++;
  const n = up + down;
  if (n === 0) return { n, up, p: NaN };
  return { n, up, p: Math.min(1, 2 * binomialHalfCdf(Math.min(up, down), n)) };
}

/**
 * The change from a to b on one seed (paired): b - a, except that two equal values are no change
 * even when infinite (a payback "never" on both sides, whose difference would be NaN and drop the
 * seed from the comparison). One side infinite is an infinite change, which a sign test can take.
 */
export function pairedChange(b: number, a: number): number {
  return a === b ? 0 : b - a;
}
