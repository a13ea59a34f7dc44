/**
 * Monte Carlo bands: the same scenario run with several seeds, summarized per day as percentiles of
 * each column across the runs (type 7, the same function as the CLI's `--bands`): the ends of the
 * band the user picked (lo and hi: the 10th and 90th at the default 80%, bandLevel.ts), the 25th
 * and 75th, and the median. The charts draw them as a fan. A run still going counts only for the
 * days it has reached; a day where no run has a value (NaN) gets NaN, drawn as a gap.
 */
import { quantileType7 } from '../../sim/metrics/quantile.ts';
import { bandProbs, DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';

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
  /** The band's level (% of runs between lo and hi). */
  level: BandLevel;
  /** The band's lower end: the 10th percentile at 80%, the 5th at 90%. */
  lo: Record<string, Float64Array>;
  p25: Record<string, Float64Array>;
  p50: Record<string, Float64Array>;
  p75: Record<string, Float64Array>;
  /** The band's upper end: the 90th percentile at 80%, the 95th at 90%. */
  hi: Record<string, Float64Array>;
}

/** Per-row ends of the band at `level`, p25, p50 and p75 of the columns the runs share (all but the day, or those in `only`). */
export function bandsOf(tables: readonly RunTable[], seeds: readonly number[], only?: ReadonlySet<string>, level: BandLevel = DEFAULT_BAND_LEVEL): BandView | null {
  if (tables.length === 0) return null;
  let longest = tables[0];
  for (const t of tables) if (t.rows > longest.rows) longest = t;
  const rows = longest.rows;
  const day = longest.data.day ?? new Float64Array(rows).map((_, i) => i + 1);
  const columns = Object.keys(tables[0].data).filter((c) => c !== 'day' && (!only || only.has(c)) && tables.every((t) => t.data[c]));
  const [pLo, pHi] = bandProbs(level);
  const los: Record<string, Float64Array> = {};
  const p25: Record<string, Float64Array> = {};
  const p50: Record<string, Float64Array> = {};
  const p75: Record<string, Float64Array> = {};
  const his: Record<string, Float64Array> = {};
  const buf = new Float64Array(tables.length);
  for (const c of columns) {
    const lo = (los[c] = new Float64Array(rows));
    const q1 = (p25[c] = new Float64Array(rows));
    const mid = (p50[c] = new Float64Array(rows));
    const q3 = (p75[c] = new Float64Array(rows));
    const hi = (his[c] = new Float64Array(rows));
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
      lo[r] = quantileType7(buf, n, pLo);
      q1[r] = quantileType7(buf, n, 0.25);
      mid[r] = quantileType7(buf, n, 0.5);
      q3[r] = quantileType7(buf, n, 0.75);
      hi[r] = quantileType7(buf, n, pHi);
    }
  }
  return { runs: tables.length, seeds: [...seeds], rows, day: day.slice(0, rows), level, lo: los, p25, p50, p75, hi: his };
}

/**
 * The spread of one figure computed on each run: the ends of the band at `level` and the median,
 * over the runs with a value. An infinite value counts (0.24.0; it was left out): a run whose
 * median provider never pays back has a payback of +Infinity, the longest, and leaving it out made
 * the median payback of a set of seeds shorter than it is. As bandsOf and the CLI's bands count it.
 */
export interface Spread {
  lo: number;
  /** The median. */
  p50: number;
  hi: number;
  /** Runs with a value (infinite ones included). */
  n: number;
  level: BandLevel;
}

/** The band of one figure computed on each run (a KPI over the window), for the KPI cards, tables and panels. */
export function spreadOf(values: ArrayLike<number>, level: BandLevel = DEFAULT_BAND_LEVEL): Spread {
  const x = Float64Array.from(Array.from(values).filter((v) => !Number.isNaN(v))).sort();
  const [pLo, pHi] = bandProbs(level);
  return { lo: quantileType7(x, x.length, pLo), p50: quantileType7(x, x.length, 0.5), hi: quantileType7(x, x.length, pHi), n: x.length, level };
}
