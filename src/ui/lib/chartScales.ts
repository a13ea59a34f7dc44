/**
 * The y axes of a time chart: the extent of the values it shows (this run, the pinned baseline, a
 * picked Monte Carlo run and the bands), when an axis goes logarithmic, the d3 scales that keep
 * the reference lines in view, and the ticks each axis labels. Pure: d3 computes, nothing drawn.
 */
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';
import type { ChartDef, SeriesDef } from './chartDefs/chartTypes.ts';
import type { BandView, RunTable } from './bands.ts';
import type { RefLine } from './theoryRefs.ts';
import type { RowSpan } from './chartRows.ts';

/** A y axis: linear, or logarithmic for values spanning orders of magnitude. */
export type YScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/** A table the chart draws, and its rows in view. */
export interface ShownTable {
  t: RunTable;
  rows: RowSpan;
}

/** Monte Carlo bands the chart draws (none: null), and their rows in view. */
export interface ShownBands {
  bv: BandView | null;
  rows: RowSpan;
}

/** Extent of the values a side of the chart shows (over the window, in every table and band drawn). */
export function valueExtent(series: readonly SeriesDef[], tables: readonly ShownTable[], bands: readonly ShownBands[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const stacked = series.filter((s) => s.type === 'stack');
  for (const { t, rows: [a, b] } of tables) {
    for (let i = a; i <= b; i++) {
      let st = 0;
      for (const s of series) {
        const v = t.data[s.column]?.[i];
        if (v === undefined || !Number.isFinite(v)) continue;
        if (s.type === 'stack') {
          st += Math.max(0, v);
          continue;
        }
        const y = s.type === 'barDown' || s.type === 'areaDown' ? -v : v;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
      if (stacked.length) {
        if (st > hi) hi = st;
        if (0 < lo) lo = 0;
      }
    }
  }
  // the bands of line series, this run's and the pinned baseline's
  for (const { bv, rows: [a, b] } of bands) {
    if (!bv) continue;
    for (const s of series) {
      if ((s.type ?? 'line') !== 'line' || !bv.lo[s.column]) continue;
      const l = bv.lo[s.column];
      const h = bv.hi[s.column];
      for (let i = a; i <= b; i++) {
        if (Number.isFinite(l[i]) && l[i] < lo) lo = l[i];
        if (Number.isFinite(h[i]) && h[i] > hi) hi = h[i];
      }
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : null;
}

/**
 * The smallest positive value of the series in the tables' rows in view, and in the bands of their
 * line series (Infinity when none): where a log axis starts, so a picked run or a band's low edge
 * below this run's lowest day stays on the chart.
 */
export function positiveMin(series: readonly SeriesDef[], tables: readonly ShownTable[], bands: readonly ShownBands[] = []): number {
  let lo = Infinity;
  for (const { t, rows: [a, b] } of tables) {
    for (const s of series) {
      const col = t.data[s.column];
      if (!col) continue;
      for (let i = a; i <= b; i++) if (col[i] > 0 && col[i] < lo) lo = col[i];
    }
  }
  for (const { bv, rows: [a, b] } of bands) {
    if (!bv) continue;
    for (const s of series) {
      const col = (s.type ?? 'line') === 'line' ? bv.lo[s.column] : undefined;
      if (!col) continue;
      for (let i = a; i <= b; i++) if (col[i] > 0 && col[i] < lo) lo = col[i];
    }
  }
  return lo;
}

/**
 * Log scale: positive values spanning more than two orders of magnitude, or lying more than two
 * below a reference line the chart always draws on that axis (or the chart's default). Why the
 * lines: the axis must reach them, and on a linear one values of 0.001 under a line at 1 (the
 * baseline's burn-to-mint ratio) are drawn as a flat line on the floor.
 */
export function autoLog(log: ChartDef['log'], extent: [number, number] | null, refs: readonly RefLine[] = []): boolean {
  if (log === 'never') return false;
  if (log === 'default-on') return true;
  if (!extent || !(extent[0] > 0)) return false;
  let hi = extent[1];
  for (const ref of refs) if (!ref.right && ref.value > hi) hi = ref.value;
  return hi / extent[0] > 100;
}

/** Widens an extent (or [0, 1] without one) so the reference lines of one axis stay in view. */
function withRefs(extent: readonly [number, number] | null, refs: readonly RefLine[], right: boolean): [number, number] {
  const e: [number, number] = extent ? [extent[0], extent[1]] : [0, 1];
  for (const ref of refs) if (!!ref.right === right) (e[0] = Math.min(e[0], ref.value)), (e[1] = Math.max(e[1], ref.value));
  return e;
}

/**
 * The left axis: the chart's fixed domain, else its values' extent with its reference lines, from 0
 * on a linear axis and from the smallest positive value (asked only then) on a log one.
 */
export function leftScale(a: {
  fixed?: [number, number];
  extent: [number, number] | null;
  refs: readonly RefLine[];
  log: boolean;
  positiveMin: () => number;
  /** Pixel rows of the axis's bottom and top. */
  pixels: [number, number];
}): YScale {
  const r = a.pixels;
  if (a.fixed) return scaleLinear().domain(a.fixed).range(r).nice();
  // a reference line stays in view
  const e = withRefs(a.extent, a.refs, false);
  if (a.log) {
    const lo = a.positiveMin();
    const hi = Math.max(e[1], lo * 10);
    return Number.isFinite(lo) ? scaleLog().domain([lo, hi]).range(r).nice() : scaleLog().domain([0.1, 10]).range(r);
  }
  let [lo, hi] = e;
  lo = Math.min(0, lo);
  if (hi <= lo) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).range(r).nice();
}

/** The right series go above the chart's cap (ChartDef.rightCap): the axis stops at it. */
export function rightSpan(extent: [number, number] | null, cap: number | undefined): { span: [number, number] | null; capped: boolean } {
  const capped = cap !== undefined && !!extent && extent[1] > cap;
  return { span: extent ? [extent[0], capped ? cap! : extent[1]] : null, capped };
}

/** The right axis goes logarithmic on its own when its positive values span two orders of magnitude. */
export function rightAutoLog(span: [number, number] | null, linear: boolean | undefined, positiveMin: () => number): boolean {
  if (!span || span[0] < 0 || linear) return false;
  const lo = positiveMin();
  return Number.isFinite(lo) && span[1] / lo > 100;
}

/** The right axis: its values' span with its reference lines, from 0, or on a log axis from the smallest positive value. */
export function rightScale(a: { span: [number, number] | null; refs: readonly RefLine[]; log: boolean; positiveMin: () => number; pixels: [number, number] }): YScale {
  // a reference line of the right axis stays in view
  const e = withRefs(a.span, a.refs, true);
  if (a.log) return scaleLog().domain([a.positiveMin(), e[1]]).range(a.pixels).nice();
  const lo = Math.min(0, e[0]);
  const hi = e[1] > lo ? e[1] : lo + 1;
  return scaleLinear().domain([lo, hi]).range(a.pixels).nice();
}

/** The left axis's ticks: on a log axis with many, only the powers of ten. */
export function leftTicks(y: YScale, log: boolean): number[] {
  return log ? (y.ticks(5) as number[]).filter((v, i, a) => a.length <= 8 || Math.log10(v) % 1 === 0) : (y.ticks(5) as number[]);
}

/** The right axis's ticks: on a log axis, only the powers of ten. */
export function rightTicks(y: YScale, log: boolean): number[] {
  return log ? (y.ticks(4) as number[]).filter((v) => Math.log10(v) % 1 === 0) : (y.ticks(5) as number[]);
}

/**
 * y of a value, an infinite one (a payback that some or most seeds never reach) at the plot's edge
 * it lies beyond: the sweep's points, the bands of the time and comparison charts draw "never" as
 * off the chart there, as a value above a capped axis is, instead of leaving a gap.
 */
export function yOrEdge(y: YScale, v: number): number {
  if (v === Infinity) return Math.min(...y.range());
  if (v === -Infinity) return Math.max(...y.range());
  return y(v);
}

/** y of a value held within the plot: one beyond the axis (above a capped axis's cut) or infinite at the edge it lies beyond. */
export function yWithin(y: YScale, v: number): number {
  const r = y.range();
  return Math.min(Math.max(...r), Math.max(Math.min(...r), yOrEdge(y, v)));
}
