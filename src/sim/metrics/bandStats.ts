/**
 * The statistics of a column across runs, per period: mean, and 10th, 50th and 90th percentiles
 * (type 7, quantile.ts). One implementation for the CLI's `--bands` file and the dashboard's bands
 * export, fed the numbers as the runs' CSVs hold them, so both write the same text for the same runs
 * and anyone can recompute them from the long CSV. Values undefined in a run (NaN) are left out;
 * undefined in every run, the cells are empty.
 */
import type { ColumnDef } from './table.ts';
import { formatCsvNumber } from './csv.ts';
import { quantileType7 } from './quantile.ts';

/** The statistics of each column, in the order their columns appear. */
export const BAND_STATS = [
  { suffix: 'mean', p: NaN, what: 'Mean across seeds of' },
  { suffix: 'p10', p: 0.1, what: '10th percentile across seeds of' },
  { suffix: 'p50', p: 0.5, what: 'Median across seeds of' },
  { suffix: 'p90', p: 0.9, what: '90th percentile across seeds of' },
] as const;

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
 * `scratch` is a buffer of at least n. Returns the formatted mean, p10, p50 and p90.
 */
export function bandCells(values: ArrayLike<number>, n: number, scratch: Float64Array): string[] {
  let k = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) (scratch[k++] = v), (sum += v);
  }
  const x = scratch.subarray(0, k).sort();
  return BAND_STATS.map((st) => formatCsvNumber(Number.isNaN(st.p) ? (k ? sum / k : NaN) : quantileType7(x, k, st.p)));
}

/** The bands table's columns after `day`: for each of the runs' columns, its mean, p10, p50 and p90. */
export function bandColumns(columns: readonly ColumnDef[]): ColumnDef[] {
  return [
    columns[0],
    ...columns.slice(1).flatMap((c) =>
      BAND_STATS.map((st) => ({ name: `${c.name}_${st.suffix}`, unit: c.unit, description: `${st.what} ${c.name}: ${c.description}` })),
    ),
  ];
}
