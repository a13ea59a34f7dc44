/**
 * Which uncertain parameter moves which figure (`--sample`): Spearman's rank correlation across the
 * runs between each sampled parameter's values and each summary figure. Every parameter varies at
 * once, so this is a global screen (what one-at-a-time sensitivity cannot show: a parameter that
 * matters only where others are high still ranks). With a Latin hypercube the parameters are nearly
 * uncorrelated with each other, so each coefficient is close to that parameter's own effect. A cell
 * is marked * when the coefficient is clear at 5% after Holm's correction over every cell of the
 * table: its p-value is exact up to EXACT_MAX_N runs (the share of the n! orderings of the ranks with
 * a coefficient as far from 0: with 4 runs even a perfect ±1 has p = 1/12), and from a t-test beyond
 * (t = rho sqrt((n-2)/(1-rho^2)), df n - 2), which would call every ±1 clear, however few the runs.
 */
import { CLEAR_LEVEL, holmAdjust, tTwoSidedP } from '../sim/metrics/significance.ts';
import { FIGURES, type RunFigures } from './replicaMessages.ts';
import type { SampleRange } from '../sim/metrics/sampleDesign.ts';
import { aligned } from './alignedTable.ts';

/** Ranks from 1, ties sharing the mean of the ranks they span (+Infinity, a payback never reached, ranks last). */
export function ranks(x: readonly number[]): number[] {
  const order = x.map((_, i) => i).sort((a, b) => (x[a] < x[b] ? -1 : x[a] > x[b] ? 1 : 0));
  const r = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]] === x[order[i]]) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/**
 * Spearman's rho over the pairs where both values are defined, with that number of pairs; NaN when
 * either side does not vary. Infinite values keep their rank: a run whose payback is "never" is the
 * longest, which is what the rank correlation should see.
 */
export function spearman(x: readonly number[], y: readonly number[]): { rho: number; n: number } {
  const keep = x.map((_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
  const rx = ranks(keep.map((i) => x[i]));
  const ry = ranks(keep.map((i) => y[i]));
  const n = keep.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return { rho: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN, n };
}

/** Up to this many pairs the p-value is exact (9! = 362,880 orderings, enumerated once). */
export const EXACT_MAX_N = 9;

/**
 * The two-sided p-value of rho over n pairs: exact (over the orderings of ranks without ties) up to
 * EXACT_MAX_N pairs, else the t-test with df n - 2; NaN with fewer than 3 pairs.
 */
export function spearmanP(rho: number, n: number): number {
  if (!(n >= 3) || Number.isNaN(rho)) return NaN;
  if (n <= EXACT_MAX_N) return exactP(Math.abs(rho), n);
  if (Math.abs(rho) >= 1) return 0;
  return tTwoSidedP(rho * Math.sqrt((n - 2) / (1 - rho * rho)), n - 2);
}

/** Per n, |rho| of every ordering of n ranks, sorted: the exact null distribution. */
const nullRhos = new Map<number, Float64Array>();

function exactP(absRho: number, n: number): number {
  let all = nullRhos.get(n);
  if (!all) nullRhos.set(n, (all = orderingsRho(n)));
  // orderings at least as far from 0 (less a rounding's width: ties of the statistic count)
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid] < absRho - 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return (all.length - lo) / all.length;
}

/** |rho| = |1 - 6 sum d^2 / (n (n^2 - 1))| of each of the n! orderings (Heap's algorithm), sorted. */
function orderingsRho(n: number): Float64Array {
  const p = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  let count = 1;
  for (let k = 2; k <= n; k++) count *= k;
  const out = new Float64Array(count);
  const denom = n * (n * n - 1);
  const rho = () => {
    let d2 = 0;
    for (let i = 0; i < n; i++) d2 += (p[i] - i) ** 2;
    return Math.abs(1 - (6 * d2) / denom);
  };
  let k = 0;
  out[k++] = rho();
  for (let i = 0; i < n; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [p[j], p[i]] = [p[i], p[j]];
      out[k++] = rho();
      c[i]++;
      i = 0;
    } else c[i++] = 0;
  }
  return out.sort();
}

/** The table for stderr: a row per sampled parameter, a column per figure the runs have. */
export function rankTable(ranges: readonly SampleRange[], values: readonly (readonly number[])[], perRun: readonly RunFigures[]): string {
  const figs = FIGURES.filter((f) => perRun.some((r) => f.key in r));
  const cells = ranges.map((_, d) => figs.map((f) => spearman(values.map((v) => v[d]), perRun.map((r) => r[f.key] ?? NaN))));
  const adjusted = holmAdjust(cells.flat().map((c) => spearmanP(c.rho, c.n)));
  const tests = adjusted.filter((p) => !Number.isNaN(p)).length;
  const header = ['parameter (range)', ...figs.map((f) => f.short)];
  const rows = ranges.map((r, d) => [
    `${r.path} (${r.lo} to ${r.hi}${r.log ? ', log' : ''})`,
    ...cells[d].map((c, k) => {
      if (Number.isNaN(c.rho)) return 'no value';
      const clear = adjusted[d * figs.length + k] < CLEAR_LEVEL;
      return `${c.rho >= 0 ? '+' : '-'}${Math.abs(c.rho).toFixed(2)}${clear ? ' *' : ''}`;
    }),
  ]);
  const title = `  rank correlation (Spearman) of each sampled parameter with each figure across ${perRun.length} runs: from -1 to +1, 0 for no monotone link; * clear at 5% (t-test, Holm's correction over the table's ${tests} tests)`;
  return [title, ...aligned(header, rows)].join('\n') + '\n';
}
