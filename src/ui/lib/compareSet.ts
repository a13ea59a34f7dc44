/**
 * Compare scenarios (research/dashboards.md §6.4): up to four kept runs, the first of them the
 * baseline, side by side with the run on screen. Pure functions over the kept runs: which columns
 * the comparison has, the KPI matrix (each KPI per scenario, with its change against the baseline
 * and, when both have Monte Carlo runs, whether their bands overlap), the parameters that differ,
 * a metric aligned by day (or as a difference from the baseline) and the long-format CSV. Every band
 * is at the level the user picked (`level`: 80% of runs, the 10th to 90th percentile, by default;
 * bandLevel.ts).
 */
import Papa from 'papaparse';
import { bisectRight } from 'd3';
import { formatCsvNumber } from '../../sim/metrics/csv.ts';
import { diffLeaves, getAt } from './paths.ts';
import { isDescriptive } from '../../sim/scenario/hash.ts';
import { OKABE_ITO } from './chartDefs/palette.ts';
import type { KpiDef } from './chartDefs/kpiDefs.ts';
import { spreadOf, type RunTable, type Spread } from './bands.ts';
import { bandSuffixes, DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { CLEAR_LEVEL, holmAdjust, pairedChange, pairedTTest, SIGN_MIN_CHANGES, signTest } from '../../sim/metrics/significance.ts';

/** Kept runs at most: the baseline and three more (four Okabe-Ito colours with a dash each stay legible). */
export const MAX_KEPT = 4;

/** What a comparison needs of a run: the scenario it ran, its table and its Monte Carlo runs. */
export interface ComparedRun {
  hash: string;
  seed: number;
  /** Preset the run was made from, "(custom)" when edited ("baseline (custom)"). */
  preset: string;
  scenario: unknown;
  periodHours: number;
  table: RunTable;
  /** Its Monte Carlo runs (two or more, else empty), the run itself among them. */
  runs: readonly RunTable[];
  /** Their seeds, in the same order. */
  seeds: readonly number[];
}

/** One column of the comparison: a kept run (A..D) or the run on screen. */
export interface CompareEntry {
  run: ComparedRun;
  /** "A".."D", or "now" for the run on screen when it is not one of the kept. */
  id: string;
  /** Who it is: "baseline (custom), seed 1". */
  label: string;
  /** What differs from A, shortly ("baseRateJobsPerHour 200, takeRate 0.2"); '' for A itself. */
  change: string;
  color: string;
  dash: string;
  baseline: boolean;
}

const STYLES = [
  { color: OKABE_ITO.black, dash: '' },
  { color: OKABE_ITO.blue, dash: '7 3' },
  { color: OKABE_ITO.vermillion, dash: '2 3' },
  { color: OKABE_ITO.green, dash: '10 3 2 3' },
] as const;
const ON_SCREEN = { color: OKABE_ITO.orange, dash: '4 2 1 2' };

export const runKey = (r: { hash: string; seed: number }) => `${r.hash}:${r.seed}`;

export function runLabel(r: ComparedRun): string {
  return `${r.preset}, seed ${r.seed}`;
}

const IGNORED = isDescriptive;

/** What differs in b from a, in a few words: the last part of each differing path and b's value, then the seed. */
export function changeFrom(a: ComparedRun, b: ComparedRun, most = 2): string {
  const parts = diffLeaves(a.scenario, b.scenario, IGNORED).map((d) => `${d.path.split('.').pop()} ${shortValue(d.b)}`);
  if (a.seed !== b.seed) parts.push(`seed ${b.seed}`);
  if (parts.length === 0) return 'same as A';
  return parts.length > most ? `${parts.slice(0, most).join(', ')} and ${parts.length - most} more` : parts.join(', ');
}

/** A parameter's value as short text: JSON, cut to `max` characters with an ellipsis. */
export function shortValue(v: unknown, max = 24): string {
  if (v === undefined) return '(not set)';
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 3)}…` : s;
}

/** Why a run cannot be kept (null: it can). */
export function keepRefusal(kept: readonly ComparedRun[], r: ComparedRun): string | null {
  const i = kept.findIndex((k) => runKey(k) === runKey(r));
  if (i >= 0) return `this run is already kept, as ${String.fromCharCode(65 + i)}`;
  if (kept.length >= MAX_KEPT) return `${MAX_KEPT} runs are kept already; remove one first`;
  return null;
}

/** The list with the run at i moved to the front (it becomes the baseline); the others keep their order. */
export function withBaseline<T>(kept: readonly T[], i: number): T[] {
  if (i <= 0 || i >= kept.length) return [...kept];
  return [kept[i], ...kept.slice(0, i), ...kept.slice(i + 1)];
}

/** The comparison's columns: the kept runs, then the run on screen unless it is one of them. */
export function compareEntries(kept: readonly ComparedRun[], onScreen: ComparedRun | null): CompareEntry[] {
  const out: CompareEntry[] = kept.map((run, i) => ({
    run,
    id: String.fromCharCode(65 + i),
    label: runLabel(run),
    change: i === 0 ? '' : changeFrom(kept[0], run),
    ...STYLES[i % STYLES.length],
    baseline: i === 0,
  }));
  if (onScreen && onScreen.table.rows > 0 && kept.length > 0 && !kept.some((k) => runKey(k) === runKey(onScreen))) {
    out.push({ run: onScreen, id: 'now', label: `on screen: ${runLabel(onScreen)}`, change: changeFrom(kept[0], onScreen), ...ON_SCREEN, baseline: false });
  }
  return out;
}

/**
 * Rows of a table inside the day window (a, b], inclusive indices, or null when none is. The day
 * column (each period's end) ascends, so two bisections find them: a KPI sparkline's band looks up
 * every stretch of every Monte Carlo run (600 windows per run and update), where a scan of the
 * column each time would be quadratic.
 */
export function rowsInWindow(t: RunTable, [a, b]: readonly [number, number]): [number, number] | null {
  const day = t.data.day;
  if (!day || t.rows === 0) return null;
  const lo = bisectRight(day, a, 0, t.rows);
  const hi = bisectRight(day, b + 1e-9, 0, t.rows) - 1;
  return lo <= hi ? [lo, hi] : null;
}

/** A KPI of a table over the window (NaN when it lacks a column or a row in the window). */
export function kpiOf(k: KpiDef, t: RunTable, periodHours: number, window: readonly [number, number]): number {
  const w = rowsInWindow(t, window);
  if (!w || k.needs.some((n) => !t.data[n])) return NaN;
  return k.compute({ data: t.data, lo: w[0], hi: w[1], periodHours });
}

export interface KpiCell {
  value: number;
  /** Value minus the baseline's (NaN for the baseline itself or when either is undefined). */
  delta: number;
  /** 'better' / 'worse' by the KPI's good direction, '' when it has none or nothing changed. */
  verdict: 'better' | 'worse' | '';
  /** The band over its Monte Carlo runs (10th-90th percentile at 80%), when it has two or more. */
  spread: Spread | null;
  /** Against the baseline's spread: do the two bands overlap (null: one of them has no runs)? */
  overlap: boolean | null;
  /**
   * The change against A seed by seed, over the seeds both ran (two or more; null otherwise): its
   * band (10th-90th percentile at 80%), and the paired t-test's two-sided p-value. Every concern
   * draws from its own stream seeded by the seed, so two scenarios on one seed share their luck
   * (common random numbers) and the paired change is far less noisy than two independent ranges.
   * `word`: 'clear' when the test finds the change at 5% after Holm's correction over every paired
   * change the table shows (`pAdjusted`; ten KPIs tested one by one would flag a change that is not
   * there in 40% of tables), 'within noise' when it does not, 'too few seeds' under
   * PAIRED_MIN_SEEDS, or for a sign test under SIGN_MIN_CHANGES seeds that changed (fewer can never
   * be clear: it would say "within noise" of five seeds all moving the same way). The test does not
   * depend on the band's level.
   */
  paired: PairedChange | null;
}

export interface PairedChange {
  /** The ends of the change's band at `level` (the 10th and 90th percentile at 80%). */
  lo: number;
  hi: number;
  n: number;
  level: BandLevel;
  /** Two-sided p of "no change": a paired t-test, or a sign test when a change is infinite (`test`). */
  p: number;
  /**
   * 't': a paired t-test on the changes; 'sign': a sign test, when some seed's change is infinite
   * (a payback that becomes "never", or stops being it), which a t-test's mean cannot hold.
   */
  test: 't' | 'sign';
  /** p after Holm's correction over the family of changes it was judged with (p when judged alone). */
  pAdjusted: number;
  word: 'clear' | 'within noise' | 'too few seeds';
}

export interface KpiRow {
  kpi: KpiDef;
  cells: KpiCell[];
}

/**
 * Each KPI for each entry over the window, with the change against the first entry (the baseline).
 * The paired changes of the whole matrix (every KPI of every entry) are one family for Holm's
 * correction. Spreads and paired changes are bands at `level`.
 */
export function kpiMatrix(kpis: readonly KpiDef[], entries: readonly CompareEntry[], window: readonly [number, number], level: BandLevel = DEFAULT_BAND_LEVEL): KpiRow[] {
  const rows = kpis.map((k) => {
    const spreads = entries.map((e) => {
      if (e.run.runs.length < 2) return null;
      const s = spreadOf(e.run.runs.map((r) => kpiOf(k, r, e.run.periodHours, window)), level);
      return s.n >= 2 ? s : null;
    });
    const base = entries.length ? kpiOf(k, entries[0].run.table, entries[0].run.periodHours, window) : NaN;
    const cells = entries.map((e, i): KpiCell => {
      const value = i === 0 ? base : kpiOf(k, e.run.table, e.run.periodHours, window);
      const delta = i === 0 || !Number.isFinite(value) || !Number.isFinite(base) ? NaN : value - base;
      const verdict = !Number.isFinite(delta) || delta === 0 || k.better === 'neither' ? '' : delta > 0 === (k.better === 'up') ? 'better' : 'worse';
      const s = spreads[i];
      const b = spreads[0];
      const overlap = i === 0 || !s || !b ? null : s.lo <= b.hi && b.lo <= s.hi;
      return { value, delta, verdict, spread: s, overlap, paired: i === 0 ? null : pairedKpi(k, entries[0].run, e.run, window, level) };
    });
    return { kpi: k, cells };
  });
  judgeTogether(rows.flatMap((r) => r.cells.map((c) => c.paired)));
  return rows;
}

/**
 * Each KPI's change from run a to run b seed by seed (pairedKpi), the KPIs judged as one family
 * (Holm): what the KPI cards and the run summary say against the pinned baseline. The bands are at
 * `level`; the words do not depend on it (the test is at CLEAR_LEVEL).
 */
export function pairedKpis(kpis: readonly KpiDef[], a: SeededRuns, b: SeededRuns, window: readonly [number, number], level: BandLevel = DEFAULT_BAND_LEVEL): Map<string, PairedChange | null> {
  const out = new Map(kpis.map((k) => [k.id, pairedKpi(k, a, b, window, level)] as const));
  judgeTogether([...out.values()]);
  return out;
}

/** Holm's correction over a family of paired changes (those with a test and enough seeds), then each one's word. */
function judgeTogether(family: readonly (PairedChange | null)[]): void {
  const tested = family.filter((c): c is PairedChange => !!c && c.word !== 'too few seeds' && !Number.isNaN(c.p));
  const adjusted = holmAdjust(tested.map((c) => c.p));
  tested.forEach((c, i) => {
    c.pAdjusted = adjusted[i];
    c.word = adjusted[i] < CLEAR_LEVEL ? 'clear' : 'within noise';
  });
}

/** Shared seeds under which a paired change gets no verdict, only its range. */
export const PAIRED_MIN_SEEDS = 5;

/** What pairing by seed needs of a run: its Monte Carlo runs, their seeds and its metric period. */
type SeededRuns = Pick<ComparedRun, 'runs' | 'seeds' | 'periodHours'>;

/** The Monte Carlo runs of a and b on the seeds both ran, paired by seed (in a's seed order). */
export function sharedSeeds(a: SeededRuns, b: SeededRuns): { seed: number; a: RunTable; b: RunTable }[] {
  const out: { seed: number; a: RunTable; b: RunTable }[] = [];
  a.seeds.forEach((seed, i) => {
    const j = b.seeds.indexOf(seed);
    if (j >= 0 && a.runs[i] && b.runs[j]) out.push({ seed, a: a.runs[i], b: b.runs[j] });
  });
  return out;
}

/**
 * A KPI's change b - a over the seeds both ran (null under two): its band at `level` (10th-90th
 * percentile at 80%) and its paired t-test (a sign test when a change is infinite: a payback that
 * becomes "never"), judged alone (pAdjusted = p). A table of several
 * changes judges them together: kpiMatrix, pairedKpis.
 */
export function pairedKpi(k: KpiDef, a: SeededRuns, b: SeededRuns, window: readonly [number, number], level: BandLevel = DEFAULT_BAND_LEVEL): PairedChange | null {
  const pairs = sharedSeeds(a, b);
  if (pairs.length < 2) return null;
  // both "never" (a payback on either side) is no change, not an undefined one
  const diffs = pairs.map((p) => pairedChange(kpiOf(k, p.b, b.periodHours, window), kpiOf(k, p.a, a.periodHours, window)));
  const s = spreadOf(diffs, level);
  if (s.n < 2) return null;
  const test = diffs.some((d) => d === Infinity || d === -Infinity) ? 'sign' : 't';
  const sign = test === 'sign' ? signTest(diffs) : null;
  const p = sign ? sign.p : pairedTTest(diffs).p;
  const few = s.n < PAIRED_MIN_SEEDS || (sign !== null && sign.n < SIGN_MIN_CHANGES);
  const word = few ? 'too few seeds' : p < CLEAR_LEVEL ? 'clear' : 'within noise';
  return { ...s, p, test, pAdjusted: p, word };
}

export interface ParameterRow {
  path: string;
  values: unknown[];
}

/** Parameters (and the seed) where any entry differs from the baseline, with every entry's value. */
export function parameterMatrix(entries: readonly CompareEntry[]): ParameterRow[] {
  if (entries.length < 2) return [];
  const paths = new Set<string>();
  for (const e of entries.slice(1)) for (const d of diffLeaves(entries[0].run.scenario, e.run.scenario, IGNORED)) paths.add(d.path);
  const rows = [...paths].sort().map((path) => ({ path, values: entries.map((e) => getAt(e.run.scenario, path)) }));
  if (entries.some((e) => e.run.seed !== entries[0].run.seed)) rows.unshift({ path: 'seed', values: entries.map((e) => e.run.seed) });
  return rows;
}

/**
 * A column of each entry on the baseline's days: the values themselves, or (difference) each value
 * minus the baseline's on the same day. Days are matched by value, so runs of different horizons
 * line up; a day one of them lacks is NaN (a gap).
 */
export function alignedSeries(entries: readonly CompareEntry[], column: string, difference: boolean): { day: Float64Array; values: Float64Array[] } {
  const day = comparisonDays(entries);
  const raw = entries.map((e) => onDays(e.run.table, column, day));
  if (!difference || raw.length === 0) return { day, values: raw };
  const base = raw[0];
  // "never" on both sides is no change (pairedChange), not NaN: the line goes on at 0 there
  return { day, values: raw.map((v) => v.map((x, i) => pairedChange(x, base[i]))) };
}

/** The days of the comparison: those of its longest run. */
function comparisonDays(entries: readonly CompareEntry[]): Float64Array {
  const longest = entries.reduce<RunTable | null>((m, e) => (!m || e.run.table.rows > m.rows ? e.run.table : m), null);
  return longest?.data.day ? longest.data.day.slice(0, longest.rows) : new Float64Array(0);
}

/** A column of a table on the given days (matched by value; NaN where the table has no such day or column). */
function onDays(t: RunTable, column: string, day: Float64Array): Float64Array {
  const out = new Float64Array(day.length).fill(NaN);
  const d = t.data.day;
  const c = t.data[column];
  if (!d || !c) return out;
  const byDay = new Map<number, number>();
  for (let i = 0; i < t.rows; i++) byDay.set(d[i], c[i]);
  for (let i = 0; i < day.length; i++) out[i] = byDay.get(day[i]) ?? NaN;
  return out;
}

/** A band of one entry on the comparison's days: its ends per day over n runs (10th and 90th percentile at 80%). */
export interface CompareBand {
  lo: Float64Array;
  hi: Float64Array;
  n: number;
  level: BandLevel;
  /** In a difference view: the change against A seed by seed (its seeds); else the runs' own values. */
  paired: boolean;
}

/**
 * Each entry's Monte Carlo band at `level` for a column, on alignedSeries' days: the ends per day
 * over its runs (10th-90th percentile at 80%); as a difference from A, the percentiles of the change
 * against A seed by seed over the seeds both ran (A itself and an entry sharing fewer than two seeds
 * with it get none: runs of other seeds do not pair). Null for an entry without runs.
 */
export function alignedBands(entries: readonly CompareEntry[], column: string, difference: boolean, level: BandLevel = DEFAULT_BAND_LEVEL): (CompareBand | null)[] {
  const day = comparisonDays(entries);
  const percentiles = (tables: Float64Array[], paired: boolean): CompareBand => {
    const lo = new Float64Array(day.length);
    const hi = new Float64Array(day.length);
    const buf: number[] = [];
    for (let i = 0; i < day.length; i++) {
      buf.length = 0;
      // a value "never" (an infinite payback) counts, as in the page's own bands (bands.ts' bandsOf)
      for (const t of tables) if (!Number.isNaN(t[i])) buf.push(t[i]);
      const s = spreadOf(buf, level);
      lo[i] = s.n >= 2 ? s.lo : NaN;
      hi[i] = s.n >= 2 ? s.hi : NaN;
    }
    return { lo, hi, n: tables.length, level, paired };
  };
  return entries.map((e, k) => {
    if (!difference) return e.run.runs.length >= 2 ? percentiles(e.run.runs.map((t) => onDays(t, column, day)), false) : null;
    if (k === 0) return null;
    const pairs = sharedSeeds(entries[0].run, e.run);
    if (pairs.length < 2) return null;
    return percentiles(
      pairs.map((p) => {
        const a = onDays(p.a, column, day);
        return onDays(p.b, column, day).map((x, i) => pairedChange(x, a[i]));
      }),
      true,
    );
  });
}

/**
 * Every entry's time series in long format, one line per (scenario, day, metric), or with
 * `everyRun` per (scenario, seed, day, metric) over each entry's Monte Carlo runs:
 * `scenario,scenario_name,params_hash,seed,day,metric,unit,value`, the cadCAD-style layout a
 * dataframe reads without reshaping. Numbers are written as the core writes its CSV.
 */
export function longFormatCsv(entries: readonly CompareEntry[], columns: readonly { name: string; unit: string }[], header: string, everyRun = false): string {
  const data: (string | number)[][] = [];
  for (const e of entries) {
    // everyRun: each of its Monte Carlo runs under its own seed (the run itself is one of them)
    const tables = everyRun && e.run.runs.length >= 2 ? e.run.runs.map((t, k) => ({ t, seed: e.run.seeds[k] })) : [{ t: e.run.table, seed: e.run.seed }];
    for (const { t, seed } of tables) {
      const day = t.data.day;
      if (!day) continue;
      for (let i = 0; i < t.rows; i++) {
        for (const c of columns) {
          if (c.name === 'day' || !t.data[c.name]) continue;
          data.push([e.id, fullName(e), e.run.hash, seed, formatCsvNumber(day[i]), c.name, c.unit, formatCsvNumber(t.data[c.name][i])]);
        }
      }
    }
  }
  const fields = ['scenario', 'scenario_name', 'params_hash', 'seed', 'day', 'metric', 'unit', 'value'];
  return header + Papa.unparse({ fields, data }, { newline: '\n' }) + '\n';
}

/**
 * The KPI matrix as CSV: one line per (KPI, scenario), with the window, the change against the
 * baseline, the band over its Monte Carlo runs and that of its change against A seed by seed. The
 * rows are kpiMatrix's at `level`, which names the band's columns: `p10`, `p90`, `delta_p10`,
 * `delta_p90` at 80%; `p5`, `p95`, `delta_p5`, `delta_p95` at 90%; `p2_5`, `p97_5`, ... at 95%.
 */
export function kpiMatrixCsv(rows: readonly KpiRow[], entries: readonly CompareEntry[], window: readonly [number, number], header: string, level: BandLevel = DEFAULT_BAND_LEVEL): string {
  const data: (string | number)[][] = [];
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      const e = entries[i];
      data.push([
        r.kpi.id,
        r.kpi.unit,
        e.id,
        fullName(e),
        e.run.hash,
        e.run.seed,
        formatCsvNumber(window[0]),
        formatCsvNumber(window[1]),
        formatCsvNumber(c.value),
        formatCsvNumber(c.delta),
        c.spread ? formatCsvNumber(c.spread.lo) : '',
        c.spread ? formatCsvNumber(c.spread.hi) : '',
        c.spread ? c.spread.n : '',
        c.paired ? formatCsvNumber(c.paired.lo) : '',
        c.paired ? formatCsvNumber(c.paired.hi) : '',
        c.paired ? c.paired.n : '',
      ]);
    });
  }
  const [lo, hi] = bandSuffixes(level);
  const fields = ['kpi', 'unit', 'scenario', 'scenario_name', 'params_hash', 'seed', 'from_day', 'to_day', 'value', 'delta_vs_baseline', lo, hi, 'runs', `delta_${lo}`, `delta_${hi}`, 'paired_seeds'];
  return header + Papa.unparse({ fields, data }, { newline: '\n' }) + '\n';
}

/** `#` lines naming the version, each compared scenario (id, name, hash, seed) and the window, for the comparison's CSV files. */
export function comparisonComments(version: string, entries: readonly CompareEntry[], window?: readonly [number, number]): string {
  const lines = [`# depinsim_version: ${version}`];
  for (const e of entries) lines.push(`# scenario ${e.id}${e.baseline ? ' (baseline)' : ''}: ${fullName(e).replace(/[\r\n]/g, ' ')} · hash ${e.run.hash} · seed ${e.run.seed}`);
  if (window) lines.push(`# window: days ${formatCsvNumber(window[0])} to ${formatCsvNumber(window[1])}`);
  return lines.join('\n') + '\n';
}

/** Who a scenario is and what it changes: "baseline (custom), seed 1: baseRateJobsPerHour 200". */
export function fullName(e: CompareEntry): string {
  return e.change ? `${e.label}: ${e.change}` : e.label;
}
