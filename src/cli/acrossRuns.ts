/**
 * A summary figure across runs (seeds, or the runs of a sweep point), as every table of the CLI
 * shows it: the mean ± the half-width of its 95% interval (Student's t), or, for a figure summed up
 * by its median (FigureDef.across: the payback, which a run may never reach), the median with a
 * distribution-free 95% interval from order statistics and how many runs never reach it.
 */
import { pairedTTest, signTest } from '../sim/metrics/significance.ts';
import { medianCi95, meanCi95 } from './confidence.ts';
import { FIGURES, type FigureDef, type RunFigures } from './replicaMessages.ts';

export interface AcrossRuns {
  /** Runs with a value (for a median figure, "never" counts). */
  n: number;
  /** The mean, or the median; NaN when no run has a value. */
  centre: number;
  /** The 95% interval's ends (NaN when there is none: under two runs for a mean, under six for a median). */
  lo: number;
  hi: number;
  /** Runs at +Infinity ("never"); 0 for a mean figure. */
  never: number;
}

export function acrossRuns(f: FigureDef, values: readonly number[]): AcrossRuns {
  if (f.across === 'median') {
    const m = medianCi95(values);
    return { n: m.n, centre: m.median, lo: m.lo, hi: m.hi, never: m.never };
  }
  const c = meanCi95(values);
  return { n: c.n, centre: c.mean, lo: c.mean - c.half, hi: c.mean + c.half, never: 0 };
}

/**
 * A table cell: "52.3% ± 1.2%" for a mean, "14.2 months [11.0 months, 19.5 months]" for a median (its interval's
 * ends, as it need not be symmetric), with ", never in 3 of 10" when some runs never reach it.
 */
export function acrossText(f: FigureDef, a: AcrossRuns): string {
  if (Number.isNaN(a.centre)) return 'no value';
  const never = a.never > 0 && a.centre !== Infinity ? `, never in ${a.never} of ${a.n}` : a.never > 0 && a.never < a.n ? ` (${a.never} of ${a.n})` : '';
  if (f.across === 'median') {
    if (a.never === a.n) return f.format(Infinity); // every run: "never", nothing to bracket
    const interval = Number.isNaN(a.lo) ? '' : ` [${f.format(a.lo)}, ${f.format(a.hi)}]`;
    return `${f.format(a.centre)}${interval}${never}`;
  }
  return Number.isNaN(a.lo) ? f.format(a.centre) : `${f.format(a.centre)} ± ${f.format((a.hi - a.lo) / 2)}`;
}

/** How a table's title says what its cells are: "mean ± 95% half-width (Student's t)", with the median figures' own words. */
export function acrossWords(figs: readonly FigureDef[]): string {
  const medians = figs.filter((f) => f.across === 'median').map((f) => f.short);
  const mean = "mean ± half-width of the 95% confidence interval (Student's t)";
  if (medians.length === 0) return mean;
  return `${mean}; ${medians.join(', ')}: median [its 95% interval from order statistics, from 6 runs], a run that never reaches it counted as the longest`;
}

/** Two-sided p of "no change" over per-seed changes: a paired t-test on means, a sign test on medians. */
export function changeP(f: FigureDef, changes: readonly number[]): number {
  return f.across === 'median' ? signTest(changes).p : pairedTTest(changes).p;
}

/** A change's cell: "+2.31 pp ± 0.80 pp" (a share's in points), "+2.1 months [0.5 months, 4.0 months]" for a median; " *" when clear. */
export function changeText(f: FigureDef, changes: readonly number[], clear: boolean): string {
  const a = acrossRuns(f, changes);
  if (Number.isNaN(a.centre)) return 'no value';
  const mark = clear ? ' *' : '';
  if (Number.isNaN(a.lo)) return signed(f, a.centre);
  // every seed changed to (or from) "never": the interval would repeat the word
  if (f.across === 'median') return a.lo === a.hi && !Number.isFinite(a.lo) ? `${signed(f, a.centre)}${mark}` : `${signed(f, a.centre)} [${signed(f, a.lo)}, ${signed(f, a.hi)}]${mark}`;
  return `${signed(f, a.centre)} ± ${(f.delta ?? f.format)((a.hi - a.lo) / 2)}${mark}`;
}

/** A change with its sign; an infinite one (a payback that becomes "never", or stops being it) in words. */
function signed(f: FigureDef, d: number): string {
  if (d === Infinity) return 'to never';
  if (d === -Infinity) return 'from never';
  return `${d > 0 ? '+' : d < 0 ? '-' : ''}${(f.delta ?? f.format)(Math.abs(d))}`;
}

/** A number for a sidecar (JSON): null for none, "inf" for a payback never reached (as the CSV writes it). */
export function jsonNumber(v: number): number | string | null {
  if (Number.isNaN(v)) return null;
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v;
}

/**
 * The summary table as a batch's sidecar holds it, for scripts: per figure the runs have, its key,
 * how the runs are summed up (`mean` or `median`), the runs with a value, the value and its 95%
 * interval (null where there is none), and for a median figure the runs at "never".
 */
export function summaryRecords(perRun: readonly RunFigures[]): Record<string, unknown>[] {
  return FIGURES.filter((f) => perRun.some((r) => f.key in r)).map((f) => {
    const a = acrossRuns(f, perRun.map((r) => r[f.key] ?? NaN));
    return { figure: f.key, across: f.across ?? 'mean', n: a.n, value: jsonNumber(a.centre), ci95_low: jsonNumber(a.lo), ci95_high: jsonNumber(a.hi), ...(f.across === 'median' ? { never: a.never } : {}) };
  });
}

/** Each run's summary figures for the sidecar, led by what places the run (its seed; a sweep's point). */
export function runFigureRecords(perRun: readonly RunFigures[], placeOf: (run: number) => Record<string, unknown>): Record<string, unknown>[] {
  return perRun.map((r, i) => ({ ...placeOf(i), ...Object.fromEntries(FIGURES.filter((f) => f.key in r).map((f) => [f.key, jsonNumber(r[f.key])])) }));
}
