/**
 * A KPI card's sparkline: the card's KPI over consecutive stretches of the selected window, each
 * computed by the card's own definition (a ratio of sums stays a ratio of sums over its stretch),
 * so the line is the card's number told over time. A long window is cut into at most SPARK_POINTS
 * stretches as even as whole periods allow (a year: 60 stretches of 6 or 7 days), which also
 * smooths the noise a single day's ratio would show; a short one gives a point per period.
 */
import type { KpiDef } from './chartDefs/kpiDefs.ts';
import { formatWithUnit } from './format.ts';
import { spreadOf, type RunTable } from './bands.ts';
import { rowsInWindow } from './compareSet.ts';
import type { BandLevel } from '../../sim/metrics/bandLevel.ts';

/** The most points a sparkline draws. */
export const SPARK_POINTS = 60;

/** One point: the KPI over the periods whose ends (the CSV's day column) run from `from` to `to`. */
export interface SparkPoint {
  /** The day the stretch's first period ends (it covers the period before: stretchLabel). */
  from: number;
  /** The day its last period ends. */
  to: number;
  value: number;
}

/** The KPI over consecutive stretches of rows lo..hi (inclusive) of `data`; [] without a day column. */
export function kpiSpark(k: KpiDef, data: Record<string, Float64Array>, lo: number, hi: number, periodHours: number, maxPoints = SPARK_POINTS): SparkPoint[] {
  const day = data.day;
  if (!day || hi < lo || k.needs.some((n) => !data[n])) return [];
  const n = hi - lo + 1;
  // stretches as even as whole rows allow (365 days in 60: 6 or 7 days each), none left short at the end
  const m = Math.min(n, Math.max(1, maxPoints));
  const out: SparkPoint[] = [];
  for (let j = 0; j < m; j++) {
    const a = lo + Math.floor((j * n) / m);
    const b = lo + Math.floor(((j + 1) * n) / m) - 1;
    out.push({ from: day[a], to: day[b], value: k.compute({ data, lo: a, hi: b, periodHours }) });
  }
  return out;
}

/**
 * Another run's KPI over the same stretches of days (the pinned baseline's, drawn behind): NaN
 * where that run has no row in a stretch. `periodDays`: the length of a period of `points`' run.
 */
export function kpiSparkAlong(k: KpiDef, t: RunTable, periodHours: number, points: readonly SparkPoint[], periodDays: number): number[] {
  if (k.needs.some((n) => !t.data[n])) return points.map(() => NaN);
  return points.map((p) => {
    const w = rowsInWindow(t, [p.from - periodDays, p.to]);
    return w ? k.compute({ data: t.data, lo: w[0], hi: w[1], periodHours }) : NaN;
  });
}

/**
 * The days a stretch covers: "days 7-12", or "day 7" for one day. `periodDays`: the length of a
 * period; a stretch covers its first period's whole length (a weekly row ending on day 14 covers
 * days 8-14). Periods shorter than a day give the stretch's ends in days ("days 2.25-2.5").
 */
export function stretchLabel(p: SparkPoint, periodDays = 1): string {
  const r = (x: number) => Math.round(x * 100) / 100;
  const whole = periodDays >= 1 && Number.isInteger(periodDays);
  const a = whole ? p.from - periodDays + 1 : r(p.from - periodDays);
  const b = r(p.to);
  return a === b ? `day ${a}` : `days ${a}-${b}`;
}

/**
 * The sparkline in words, for its text alternative and hover title: the stretch length, the first
 * and last values, the lowest and the highest (with their days). Stretches at never (an infinite
 * payback) are not a lowest or a highest: the text counts them apart, and the line leaves them out
 * unless the KPI's scale has a cap (`cap`, KpiDef.sparkCap: values above it are drawn at it, and
 * stretches at never hatched there: neverRuns); the text then says how many of each it cut.
 */
export function sparkSummary(title: string, unit: string, points: readonly SparkPoint[], periodDays: number, cap?: number): string {
  const finite = points.filter((p) => Number.isFinite(p.value));
  if (finite.length === 0) return `${title}: no values in the window to draw`;
  const f = (v: number) => formatWithUnit(v, unit);
  const first = finite[0];
  const last = finite[finite.length - 1];
  let min = first;
  let max = first;
  for (const p of finite) {
    if (p.value < min.value) min = p;
    if (p.value > max.value) max = p;
  }
  let shortest = Infinity;
  let longest = 0;
  for (const p of points) {
    const span = Math.round((p.to - p.from + periodDays) * 100) / 100;
    shortest = Math.min(shortest, span);
    longest = Math.max(longest, span);
  }
  const per = longest === 1 ? 'day by day' : `over stretches of ${shortest === longest ? longest : `${shortest}-${longest}`} days`;
  const stretches = (n: number) => `${n} stretch${n === 1 ? '' : 'es'}`;
  const never = points.filter((p) => p.value === Infinity).length;
  const blank = points.length - finite.length - never;
  let left = blank > 0 ? `; ${stretches(blank)} without a value left out` : '';
  let cut = '';
  if (cap === undefined) {
    if (never > 0) left += `; ${stretches(never)} at never (∞) left out`;
  } else {
    const above = finite.filter((p) => p.value > cap).length;
    const parts = [...(above > 0 ? [`${stretches(above)} above it`] : []), ...(never > 0 ? [`${stretches(never)} at never (∞), hatched`] : [])];
    if (parts.length) cut = `; the line is cut at ${f(cap)} (${parts.join('; ')})`;
  }
  const at = (p: SparkPoint) => stretchLabel(p, periodDays);
  return `${title} ${per}: ${f(first.value)} (${at(first)}) to ${f(last.value)} (${at(last)}); lowest ${f(min.value)} (${at(min)}), highest ${f(max.value)} (${at(max)})${left}${cut}`;
}

/** Runs of consecutive stretches at never (+infinity), as [first, last] indices: what a capped sparkline hatches at its cap. */
export function neverRuns(points: readonly SparkPoint[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    if (points[i].value !== Infinity) continue;
    let j = i;
    while (j + 1 < points.length && points[j + 1].value === Infinity) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * The Monte Carlo band of a sparkline: per stretch, the ends of the KPI's spread across the runs
 * (each run's KPI over the same days, at the page's band level: the 10th and 90th percentile at
 * 80%); NaN where fewer than two runs have a finite value. Null with fewer than two runs.
 */
export function kpiSparkBand(k: KpiDef, runs: readonly RunTable[], periodHours: number, points: readonly SparkPoint[], level: BandLevel): { lo: number[]; hi: number[]; runs: number } | null {
  const usable = runs.filter((t) => t.rows > 0 && k.needs.every((n) => !!t.data[n]));
  if (usable.length < 2) return null;
  const periodDays = periodHours / 24;
  const lo: number[] = [];
  const hi: number[] = [];
  const values = new Float64Array(usable.length);
  for (const p of points) {
    usable.forEach((t, i) => {
      const w = rowsInWindow(t, [p.from - periodDays, p.to]);
      values[i] = w ? k.compute({ data: t.data, lo: w[0], hi: w[1], periodHours }) : NaN;
    });
    const s = spreadOf(values, level);
    lo.push(s.n >= 2 ? s.lo : NaN);
    hi.push(s.n >= 2 ? s.hi : NaN);
  }
  return { lo, hi, runs: usable.length };
}
