/**
 * The statistics of a column across runs, per period: mean, median (p50) and the ends of a central
 * band holding the chosen level of the runs (bandLevel.ts: 10th and 90th percentiles at the default
 * 80%, 5th and 95th at 90%, 2.5th and 97.5th at 95%; type 7, quantile.ts). One implementation for the
 * CLI's `--bands` file (`--band-level`) and the dashboard's bands export, fed the numbers as the runs'
 * CSVs hold them, so both write the same text for the same runs and level, and anyone can recompute
 * them from the long CSV. Values undefined in a run (NaN) are left out; undefined in every run, the
 * cells are empty.
 */
import type { ColumnDef } from './table.ts';
import { formatCsvNumber } from './csv.ts';
import { quantileType7 } from './quantile.ts';
import { BAND_LEVELS, bandPercentiles, bandProbs, bandSuffixes, DEFAULT_BAND_LEVEL, ordinal, type BandLevel } from './bandLevel.ts';

/** One statistic of a column: its column-name suffix, its probability (NaN for the mean) and its description's opening. */
export interface BandStat {
  readonly suffix: string;
  readonly p: number;
  readonly what: string;
}

function statsOf(level: BandLevel): readonly BandStat[] {
  const [lo, hi] = bandProbs(level);
  const [pLo, pHi] = bandPercentiles(level);
  const [sLo, sHi] = bandSuffixes(level);
  const stats: BandStat[] = [
    { suffix: 'mean', p: NaN, what: 'Mean across seeds of' },
    { suffix: sLo, p: lo, what: `${ordinal(pLo)} percentile across seeds of` },
    { suffix: 'p50', p: 0.5, what: 'Median across seeds of' },
    { suffix: sHi, p: hi, what: `${ordinal(pHi)} percentile across seeds of` },
  ];
  return Object.freeze(stats.map((st) => Object.freeze(st)));
}

/** Built once per level: bandCells asks for them for every cell. */
const STATS = new Map<number, readonly BandStat[]>(BAND_LEVELS.map((l) => [l, statsOf(l)]));

/**
 * The statistics of each column at a band level, in the order their columns appear: mean, the band's
 * lower end, median (p50), its upper end. 80 (the default) gives mean, p10, p50, p90; 90 gives mean,
 * p5, p50, p95; 95 gives mean, p2_5, p50, p97_5.
 */
export function bandStats(level: BandLevel = DEFAULT_BAND_LEVEL): readonly BandStat[] {
  const stats = STATS.get(level);
  if (!stats) throw new RangeError(`band level: expected one of ${BAND_LEVELS.join(', ')}, got ${String(level)}`);
  return stats;
}

export const BAND_METHOD =
  'mean, and percentiles by linear interpolation between order statistics (type 7, as R quantile() and numpy.percentile), over the runs with a value (as their CSVs hold it)';

/** A CSV cell back to the number it was written from (csv.ts: '' is NaN, 'inf' and '-inf'). */
export function cellNumber(s: string): number {
  if (s === '') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

/** A value as the CSV holds it (rounded to the CSV's digits): what the statistics are computed from. */
export function asInCsv(v: number): number {
  return cellNumber(formatCsvNumber(v));
}

/**
 * The band cells of one column in one period: `values[0..n)` are the runs' values (NaN for none);
 * `scratch` is a buffer of at least n. Returns the formatted mean, lower end, median and upper end of
 * the band at `level` (at 80: mean, p10, p50 and p90).
 */
export function bandCells(values: ArrayLike<number>, n: number, scratch: Float64Array, level: BandLevel = DEFAULT_BAND_LEVEL): string[] {
  const stats = bandStats(level);
  let k = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) (scratch[k++] = v), (sum += v);
  }
  const x = scratch.subarray(0, k).sort();
  return stats.map((st) => formatCsvNumber(Number.isNaN(st.p) ? (k ? sum / k : NaN) : quantileType7(x, k, st.p)));
}

/** The bands table's columns after `day`: for each of the runs' columns, its mean, lower end, median and upper end at `level` (at 80: mean, p10, p50, p90). */
export function bandColumns(columns: readonly ColumnDef[], level: BandLevel = DEFAULT_BAND_LEVEL): ColumnDef[] {
  const stats = bandStats(level);
  return [
    columns[0],
    ...columns.slice(1).flatMap((c) =>
      stats.map((st) => ({ name: `${c.name}_${st.suffix}`, unit: c.unit, description: `${st.what} ${c.name}: ${c.description}` })),
    ),
  ];
}
