/**
 * The dashboard's parameter sweep: the values a field takes, the scenario of each point (the page's
 * scenario with that one value edited, as `depinsim run --set path=value` would give it), and each
 * KPI over the whole run per point, summarized across its seeds: the median and the band at the
 * level the user picked (the 10th and 90th percentile at the default 80%; bandLevel.ts).
 */
import { bandSuffixes, DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { KPIS, type KpiDef } from './chartDefs/kpiDefs.ts';
import { spreadOf, type RunTable, type Spread as BandSpread } from './bands.ts';
import { pairedChange } from '../../sim/metrics/significance.ts';

/** Points in a sweep at most (each is a whole run per seed). */
export const MAX_SWEEP_POINTS = 25;
/** Points in a grid of two parameters at most (7 x 7). */
export const MAX_GRID_POINTS = 49;

/**
 * `steps` values evenly spaced from `from` to `to`, both included; whole numbers for an integer
 * field (repeats dropped). Rounded to 12 significant digits, so 0.1 to 0.3 in 3 steps is 0.1, 0.2, 0.3.
 */
export function sweepValues(from: number, to: number, steps: number, integer: boolean): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isInteger(steps) || steps < 2) return [];
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    let v = from + ((to - from) * i) / (steps - 1);
    v = integer ? Math.round(v) : Number(v.toPrecision(12));
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** A KPI over the whole run of a table (every row), as the cards compute it over a window. */
export function kpiOfRun(k: KpiDef, t: RunTable, periodHours: number): number {
  if (t.rows === 0 || k.needs.some((n) => !t.data[n])) return NaN;
  return k.compute({ data: t.data, lo: 0, hi: t.rows - 1, periodHours });
}

/** A KPI across seeds: the band's ends at `level` (lo, hi), the median and the seeds with a finite value (n). */
export type Spread = BandSpread;

export interface PointSummary {
  value: number;
  /** The second parameter's value, in a grid of two. */
  value2?: number;
  /** Per KPI id: median and band (10th/90th percentile at 80%) across the point's finished seeds, and how many. */
  kpis: Record<string, Spread>;
  /**
   * Per KPI id: the change against the first point seed by seed (this point's value minus the first
   * point's on the same seed, over the seeds both have finished): its median and band (10th/90th
   * percentile at 80%). Every point runs the same seeds, and a seed gives them the same luck
   * (common random numbers), so these spread far less than the points' own values. The first
   * point's is 0 on each of its finished seeds (it is the reference).
   */
  change: Record<string, Spread>;
  /** Seeds finished of those asked. */
  done: number;
}

/**
 * Per point, each KPI across its seeds; `tableOf(point, seed)` gives a finished run's table or
 * undefined, `periodOf(point)` its metric period (h). In a grid, `values2` holds each point's second
 * value. The bands are at `level`.
 */
export function sweepSummary(
  values: readonly number[],
  seeds: readonly number[],
  tableOf: (point: number, seed: number) => RunTable | undefined,
  periodOf: (point: number) => number,
  values2?: readonly number[],
  level: BandLevel = DEFAULT_BAND_LEVEL,
): PointSummary[] {
  // each KPI of each (point, seed), NaN where that run has not finished
  const at = values.map((_, p) => {
    const tables = seeds.map((s) => tableOf(p, s));
    return Object.fromEntries(KPIS.map((k) => [k.id, tables.map((t) => (t ? kpiOfRun(k, t, periodOf(p)) : NaN))]));
  });
  return values.map((value, p) => {
    const kpis: PointSummary['kpis'] = {};
    const change: PointSummary['change'] = {};
    for (const k of KPIS) {
      kpis[k.id] = spreadOf(at[p][k.id], level);
      change[k.id] = spreadOf(at[p][k.id].map((v, i) => pairedChange(v, at[0][k.id][i])), level);
    }
    const done = seeds.filter((s) => !!tableOf(p, s)).length;
    return { value, ...(values2 ? { value2: values2[p] } : {}), kpis, change, done };
  });
}

/**
 * The summary as CSV: one row per point, the value (and in a grid the second parameter's, `path2`),
 * then each KPI's band and median (and the seeds with a value), then each KPI's change against
 * point 1 seed by seed (and the seeds paired; 0 for point 1 itself). The rows are sweepSummary's at
 * `level`, which names the columns: `utilization_p10`, `_p50`, `_p90`, `_n` and
 * `utilization_change_p10` ... at 80%; `_p5`, `_p50`, `_p95` at 90%; `_p2_5`, `_p50`, `_p97_5` at 95%.
 */
export function sweepCsv(path: string, rows: readonly PointSummary[], format: (v: number) => string, path2?: string, level: BandLevel = DEFAULT_BAND_LEVEL): string {
  const [lo, hi] = bandSuffixes(level);
  const head = [
    'point',
    path,
    ...(path2 ? [path2] : []),
    ...KPIS.flatMap((k) => [`${k.id}_${lo}`, `${k.id}_p50`, `${k.id}_${hi}`, `${k.id}_n`]),
    ...KPIS.flatMap((k) => [`${k.id}_change_${lo}`, `${k.id}_change_p50`, `${k.id}_change_${hi}`, `${k.id}_change_n`]),
  ];
  const lines = rows.map((r, i) =>
    [
      String(i + 1),
      format(r.value),
      ...(path2 ? [format(r.value2 ?? NaN)] : []),
      ...KPIS.flatMap((k) => [format(r.kpis[k.id].lo), format(r.kpis[k.id].p50), format(r.kpis[k.id].hi), String(r.kpis[k.id].n)]),
      ...KPIS.flatMap((k) => [format(r.change[k.id].lo), format(r.change[k.id].p50), format(r.change[k.id].hi), String(r.change[k.id].n)]),
    ].join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}

/** The sweep CSV's comment line on its percentiles: at 80%, '# KPIs over the whole run; p10/p50/p90 across seeds (type 7)'. */
export function sweepCsvComment(level: BandLevel = DEFAULT_BAND_LEVEL): string {
  const [lo, hi] = bandSuffixes(level);
  return `# KPIs over the whole run; ${lo}/p50/${hi} across seeds (type 7)`;
}
