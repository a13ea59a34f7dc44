/**
 * Monte Carlo bands: the same scenario run with several seeds, summarized per day as the 10th, 25th,
 * 50th, 75th and 90th percentiles of each column across the runs (type 7, the same function as the
 * CLI's `--bands`, whose file has the 10th, 50th and 90th): the charts draw them as a fan. A run still going counts only for the days it has reached; a day where no run has a
 * value (NaN) gets NaN, drawn as a gap.
 */
import { quantileType7 } from '../../sim/metrics/quantile.ts';

export interface RunTable {
  rows: number;
  data: Record<string, Float64Array>;
}

export interface BandView {
  /** Runs summarized, and their seeds (in the order given). */
  runs: number;
  seeds: number[];
  rows: number;
  /** The day of each row (from the longest run). */
  day: Float64Array;
  p10: Record<string, Float64Array>;
  p25: Record<string, Float64Array>;
  p50: Record<string, Float64Array>;
  p75: Record<string, Float64Array>;
  p90: Record<string, Float64Array>;
}

/** The share of runs between the lower and upper band (p10 to p90). */
export const BAND_COVERAGE = 0.8;

/** Per-row p10, p25, p50, p75 and p90 of the columns the runs share (all but the day, or those in `only`). */
export function bandsOf(tables: readonly RunTable[], seeds: readonly number[], only?: ReadonlySet<string>): BandView | null {
  if (tables.length === 0) return null;
  let longest = tables[0];
  for (const t of tables) if (t.rows > longest.rows) longest = t;
  const rows = longest.rows;
  const day = longest.data.day ?? new Float64Array(rows).map((_, i) => i + 1);
  const columns = Object.keys(tables[0].data).filter((c) => c !== 'day' && (!only || only.has(c)) && tables.every((t) => t.data[c]));
  const p10: Record<string, Float64Array> = {};
  const p25: Record<string, Float64Array> = {};
  const p50: Record<string, Float64Array> = {};
  const p75: Record<string, Float64Array> = {};
  const p90: Record<string, Float64Array> = {};
  const buf = new Float64Array(tables.length);
  for (const c of columns) {
    const lo = (p10[c] = new Float64Array(rows));
    const q1 = (p25[c] = new Float64Array(rows));
    const mid = (p50[c] = new Float64Array(rows));
    const q3 = (p75[c] = new Float64Array(rows));
    const hi = (p90[c] = new Float64Array(rows));
    for (let r = 0; r < rows; r++) {
      // insertion sort as the values come: a few dozen runs at most, and no typed-array view and
      // sort call per cell (11,000 cells a year: this runs on the main thread as each run finishes)
      let n = 0;
      for (const t of tables) {
        if (r >= t.rows) continue;
        const v = t.data[c][r];
        if (Number.isNaN(v)) continue;
        let i = n++;
        while (i > 0 && buf[i - 1] > v) buf[i] = buf[--i];
        buf[i] = v;
      }
      lo[r] = quantileType7(buf, n, 0.1);
      q1[r] = quantileType7(buf, n, 0.25);
      mid[r] = quantileType7(buf, n, 0.5);
      q3[r] = quantileType7(buf, n, 0.75);
      hi[r] = quantileType7(buf, n, 0.9);
    }
  }
  return { runs: tables.length, seeds: [...seeds], rows, day: day.slice(0, rows), p10, p25, p50, p75, p90 };
}

/** The p10 and p90 of one figure computed on each run (a KPI over the window), for the KPI cards. */
export function spreadOf(values: readonly number[]): { p10: number; p90: number; n: number } {
  const x = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  return { p10: quantileType7(x, x.length, 0.1), p90: quantileType7(x, x.length, 0.9), n: x.length };
}
