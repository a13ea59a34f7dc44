/**
 * Variance-based sensitivity (`--sample ... --sobol N`): how much of a figure's variance across the
 * runs each uncertain parameter explains, alone (the first-order index S1) and with every interaction
 * it takes part in (the total index ST). Where the rank correlations of a plain `--sample` batch say
 * which parameters move a figure and which way, these say how much of the spread each one is, and
 * ST well above S1 says a parameter matters through others (a threshold, a product).
 *
 * The design is Saltelli's: two matrices A and B of N rows (the two halves of one scrambled Sobol
 * sequence in 2k dimensions, so each covers every range evenly), and for each parameter i the matrix
 * AB_i, A with its column i taken from B: N (k + 2) runs. The estimators are Saltelli et al. (2010) for S1 and
 * Jansen (1999) for ST (the pair their comparison recommends):
 *   S1_i = mean_j( (f(B)_j - mean f) (f(AB_i)_j - f(A)_j) ) / V
 *   ST_i = mean_j( (f(A)_j - f(AB_i)_j)^2 ) / (2 V)
 * with V the variance of f over the 2N runs of A and B. Their 95% intervals come from resampling the
 * rows (expanded bootstrap percentiles), so they say how far N rows pin each index down.
 *
 * The model is stochastic: each row's runs share one seed (common random numbers), so within a row
 * f(AB_i) - f(A) is the effect of parameter i alone, not of another draw of the market; the seeds'
 * own share of the variance is then in V but in no parameter's index. To tell it from the
 * interactions' (both are in 1 - the sum of the S1), each row also runs A again on a seed of its own
 * (R): the seeds' share is mean_j( (f(A)_j - f(R)_j)^2 ) / (2 V), the variance two draws of the market
 * at the same parameters differ by, against the whole. So N (k + 3) runs.
 */
import type { Rng } from '../rng/streams.ts';
import { quantileType7 } from './quantile.ts';
import { expandedTail } from './expandedPercentile.ts';

/** Which matrix of the design a run's point is from, and its row. */
export interface SobolRole {
  row: number;
  /** 'A', 'B', 'R' (A again, on another seed), or the index i of the parameter whose column AB_i takes from B. */
  matrix: 'A' | 'B' | 'R' | number;
}

/**
 * The design's points in [0, 1)^k from a 2k-dimensional design of N rows (A: its first k columns,
 * B: the last k), row by row: A_j, B_j, AB_j for each parameter, then R_j, A_j's point again (run on
 * the row's second seed), so a row's runs are together.
 */
export function saltelliDesign(base: readonly (readonly number[])[], k: number): { points: number[][]; roles: SobolRole[] } {
  const points: number[][] = [];
  const roles: SobolRole[] = [];
  base.forEach((q, row) => {
    const a = q.slice(0, k);
    const b = q.slice(k, 2 * k);
    points.push(a, b);
    roles.push({ row, matrix: 'A' }, { row, matrix: 'B' });
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      points.push(ab);
      roles.push({ row, matrix: i });
    }
    points.push(a.slice());
    roles.push({ row, matrix: 'R' });
  });
  return { points, roles };
}

/** A parameter's indices for one figure, each with its 95% bootstrap interval. */
export interface SobolIndex {
  s1: number;
  s1Low: number;
  s1High: number;
  st: number;
  stLow: number;
  stHigh: number;
}

/** The fewest rows --sobol takes (each row is k + 3 runs; the intervals say how few is too few). */
export const SOBOL_MIN_ROWS = 4;

/** Resamples of the rows for the intervals. */
export const BOOTSTRAP_RESAMPLES = 1000;

/** The mean and variance V of f over the given rows' A and B runs (the whole spread the indices share out). */
function spread(fA: readonly number[], fB: readonly number[], rows: readonly number[]): { mean: number; v: number } {
  const n = rows.length;
  let mean = 0;
  for (const j of rows) mean += fA[j] + fB[j];
  mean /= 2 * n;
  let v = 0;
  for (const j of rows) v += (fA[j] - mean) ** 2 + (fB[j] - mean) ** 2;
  return { mean, v: v / (2 * n) };
}

/** S1 and ST of parameter i's column over the given rows (indices into fA, fB, fAB), NaN when f does not vary. */
function estimate(fA: readonly number[], fB: readonly number[], fABi: readonly number[], rows: readonly number[]): [number, number] {
  const n = rows.length;
  const { mean, v } = spread(fA, fB, rows);
  if (!(v > 0)) return [NaN, NaN];
  let s1 = 0;
  let st = 0;
  for (const j of rows) {
    // f(B) centred: the estimator's expectation is the same, its spread far smaller when the mean is
    // large against the spread (a price of $0.70 +- 0.05)
    s1 += (fB[j] - mean) * (fABi[j] - fA[j]);
    st += (fA[j] - fABi[j]) ** 2;
  }
  return [s1 / n / v, st / (2 * n) / v];
}

/**
 * The 95% interval of the finite bootstrap values, from n rows: the expanded percentile interval
 * (expandedPercentile.ts; type 7 quantiles), as the plain 2.5th and 97.5th percentiles are too
 * narrow for a few rows.
 */
function interval(xs: number[], n: number): [number, number] {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return [NaN, NaN];
  const tail = expandedTail(n);
  return [quantileType7(s, s.length, tail), quantileType7(s, s.length, 1 - tail)];
}

/** The seeds' share over the given rows: half the mean square difference of A and its replicate R, over V. */
function seedShare(fA: readonly number[], fB: readonly number[], fR: readonly number[], rows: readonly number[]): number {
  const { v } = spread(fA, fB, rows);
  let d = 0;
  for (const j of rows) d += (fA[j] - fR[j]) ** 2;
  return v > 0 ? d / (2 * rows.length) / v : NaN;
}

/** The seeds' share of a figure's variance, with its 95% interval. */
export interface SeedShare {
  share: number;
  low: number;
  high: number;
}

/**
 * Every parameter's indices for one figure: fA[j], fB[j] and fAB[i][j] its value in row j's runs, and
 * with fR (A run again on another seed) the seeds' share. Rows where any of the row's values is not
 * finite (a figure a run does not have) are left out.
 */
export function sobolIndices(
  fA: readonly number[],
  fB: readonly number[],
  fAB: readonly (readonly number[])[],
  rng: Rng,
  resamples = BOOTSTRAP_RESAMPLES,
  fR?: readonly number[],
): { indices: SobolIndex[]; rows: number; seeds: SeedShare | null } {
  const rows: number[] = [];
  for (let j = 0; j < fA.length; j++) if (Number.isFinite(fA[j]) && Number.isFinite(fB[j]) && fAB.every((f) => Number.isFinite(f[j])) && (!fR || Number.isFinite(fR[j]))) rows.push(j);
  const n = rows.length;
  const picks: number[][] = [];
  for (let b = 0; b < resamples && n > 0; b++) picks.push(Array.from({ length: n }, () => rows[Math.floor(rng() * n)]));
  let seeds: SeedShare | null = null;
  if (fR) {
    if (n < 2) seeds = { share: NaN, low: NaN, high: NaN };
    else {
      const [low, high] = interval(picks.map((p) => seedShare(fA, fB, fR, p)), n);
      seeds = { share: seedShare(fA, fB, fR, rows), low, high };
    }
  }
  const indices = fAB.map((fABi) => {
    if (n < 2) return { s1: NaN, s1Low: NaN, s1High: NaN, st: NaN, stLow: NaN, stHigh: NaN };
    const [s1, st] = estimate(fA, fB, fABi, rows);
    const boot = picks.map((p) => estimate(fA, fB, fABi, p));
    const [s1Low, s1High] = interval(boot.map((x) => x[0]), n);
    const [stLow, stHigh] = interval(boot.map((x) => x[1]), n);
    return { s1, s1Low, s1High, st, stLow, stHigh };
  });
  return { indices, rows: n, seeds };
}
