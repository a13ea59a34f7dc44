/**
 * The SVG paths of a time chart's series: lines (NaN values are gaps, never zeros), areas, stacked
 * areas, daily bars (barPath.ts) and the Monte Carlo bands of line series. Pure: d3 builds the
 * path strings from the chart's scales, Svelte writes them into the DOM.
 */
import { area, line, stack, type ScaleLinear } from 'd3';
import type { SeriesDef } from './chartDefs/chartTypes.ts';
import type { BandView, RunTable } from './bands.ts';
import type { RowSpan } from './chartRows.ts';
import { yOrEdge, yWithin, type YScale } from './chartScales.ts';
import { barsPath } from './barPath.ts';

/** Where a chart draws: the day axis, both y axes and which of them are logarithmic. */
export interface PlotScales {
  x: ScaleLinear<number, number>;
  y: YScale;
  yRight: YScale;
  /** The left axis is logarithmic. */
  log: boolean;
  rightLog: boolean;
}

/** A path drawn for one series of one table (this run's, or the pinned baseline's). */
export interface Shape {
  key: string;
  s: SeriesDef;
  d: string;
  bars?: boolean;
  /**
   * A line's stretches at "never" (infinite values, drawn at the plot's edge as `d` draws them),
   * hatched along the edge so they read apart from a value merely beyond the axis (the line alone
   * along the same edge); absent when the line has none.
   */
  never?: NeverStretch[];
}

export function isBar(s: SeriesDef): boolean {
  return s.type === 'barUp' || s.type === 'barDown';
}

export function isArea(s: SeriesDef): boolean {
  return s.type === 'area' || s.type === 'areaDown' || s.type === 'stack';
}

/** Row indices a to b, inclusive. */
function rowsOf([a, b]: RowSpan): number[] {
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}

/** The path of a line or area series (not stacked, not bars) over the rows `r` of a table. */
export function seriesPath(p: PlotScales, t: RunTable, r: RowSpan, s: SeriesDef): string {
  const day = t.data.day;
  const col = t.data[s.column];
  if (!day || !col || r[1] < r[0]) return '';
  const idx = rowsOf(r);
  const { x, y } = p;
  const yy = s.right ? p.yRight : y;
  const valueOk = drawable(p, s);
  if (s.type === 'area' || s.type === 'areaDown') {
    const sign = s.type === 'areaDown' ? -1 : 1;
    const g = area<number>()
      .digits(1)
      .defined((i) => valueOk(col[i]))
      .x((i) => x(day[i]))
      .y0(() => (p.log ? y.range()[0] : yy(0)))
      .y1((i) => yy(sign * col[i]));
    return g(idx) ?? '';
  }
  // a value beyond the axis (the payback above the right axis's cut) or infinite (the median
  // payback on a day the median provider never pays back) runs along the plot's edge, as the bands'
  // ends do, where it would vanish above the cut or leave a gap that reads as "no data" (the legend
  // says what the edge means: edgeCounts, legendNotes.ts edgeNote)
  const g = line<number>()
    .digits(1)
    .defined((i) => valueOk(col[i]) || isInfinite(col[i]))
    .x((i) => x(day[i]))
    .y((i) => yWithin(yy, col[i]));
  return g(idx) ?? '';
}

const isInfinite = (v: number) => v === Infinity || v === -Infinity;

/** A stretch of a line's days at "never", in pixels: from x0 to x1 along the edge at y (the top edge when `top`). */
export interface NeverStretch {
  x0: number;
  x1: number;
  y: number;
  top: boolean;
}

/**
 * A line series' days at "never" (an infinite value) over the rows `r`, as stretches along the edge
 * where seriesPath draws them, each widened by half a period (`periodDays`) on both sides so a lone
 * day has the width of its period; [] when there is none.
 */
export function neverStretches(p: PlotScales, t: RunTable, r: RowSpan, s: SeriesDef, periodDays: number): NeverStretch[] {
  const day = t.data.day;
  const col = t.data[s.column];
  const out: NeverStretch[] = [];
  if (!day || !col || r[1] < r[0] || (s.type ?? 'line') !== 'line') return out;
  const yy = s.right ? p.yRight : p.y;
  const half = (p.x(periodDays) - p.x(0)) / 2;
  const topY = Math.min(...(yy.range() as number[]));
  for (let i = r[0]; i <= r[1]; i++) {
    if (!isInfinite(col[i])) continue;
    let j = i;
    while (j < r[1] && col[j + 1] === col[i]) j++;
    const y = yWithin(yy, col[i]);
    out.push({ x0: p.x(day[i]) - half, x1: p.x(day[j]) + half, y, top: y === topY });
    i = j;
  }
  return out;
}

/** Where a line series meets the plot's edge: rows whose value is infinite (never) or beyond the axis, and which edge. */
export interface EdgeCount {
  s: SeriesDef;
  never: number;
  beyond: number;
  /** The top edge (values above the axis, +infinity); else the bottom. */
  up: boolean;
}

/** Per line series, the rows a to b drawn along the plot's edge (seriesPath); series without any are left out. */
export function edgeCounts(p: PlotScales, t: RunTable, [a, b]: RowSpan, series: readonly SeriesDef[]): EdgeCount[] {
  const out: EdgeCount[] = [];
  for (const s of series) {
    if ((s.type ?? 'line') !== 'line') continue;
    const col = t.data[s.column];
    if (!col) continue;
    const [lo, hi] = (s.right ? p.yRight : p.y).domain() as number[];
    const ok = drawable(p, s);
    let never = 0;
    let beyond = 0;
    let up = true;
    for (let i = a; i <= b; i++) {
      const v = col[i];
      if (isInfinite(v)) never++;
      else if (ok(v) && (v > hi || v < lo)) beyond++;
      else continue;
      if (v < lo) up = false;
    }
    if (never + beyond > 0) out.push({ s, never, beyond, up });
  }
  return out;
}

/**
 * Every series of a table as paths, keyed with `prefix`: the stacked areas as one d3 stack, the bars
 * side by side within each period (`periodDays`), then the lines and areas; areas first so lines
 * draw on top.
 */
export function seriesShapes(p: PlotScales, t: RunTable, r: RowSpan, series: readonly SeriesDef[], periodDays: number, prefix: string): Shape[] {
  const out: Shape[] = [];
  const day = t.data.day;
  if (!day || r[1] < r[0]) return out;
  const { x, y } = p;
  const stacked = series.filter((s) => s.type === 'stack');
  if (stacked.length) {
    const layers = stack<number>()
      .keys(stacked.map((s) => s.column))
      .value((i, key) => {
        const v = t.data[key]?.[i];
        return Number.isFinite(v) ? Math.max(0, v as number) : 0;
      })(rowsOf(r));
    layers.forEach((layer, li) => {
      const g = area<(typeof layer)[number]>()
        .digits(1)
        .x((q) => x(day[q.data]))
        .y0((q) => y(q[0]))
        .y1((q) => y(q[1]));
      out.push({ key: `${prefix}${stacked[li].column}`, s: stacked[li], d: g(layer) ?? '' });
    });
  }
  const bars = series.filter(isBar);
  const bw = Math.max(1, (x(periodDays) - x(0)) / Math.max(1, bars.length) - 0.5);
  bars.forEach((s, bi) => {
    const d = barsPath({
      day,
      values: t.data[s.column],
      from: r[0],
      to: r[1],
      x,
      y,
      basePx: p.log ? y.range()[0] : y(0),
      periodDays,
      offsetPx: bi * (bw + 0.5),
      widthPx: bw,
      down: s.type === 'barDown',
      log: p.log,
    });
    out.push({ key: `${prefix}${s.column}`, s, d, bars: true });
  });
  for (const s of series) {
    if (s.type === 'stack' || isBar(s)) continue;
    const never = neverStretches(p, t, r, s, periodDays);
    out.push({ key: `${prefix}${s.column}`, s, d: seriesPath(p, t, r, s), ...(never.length ? { never } : {}) });
  }
  // areas first so lines draw on top
  return out.sort((a, b) => Number(isArea(b.s)) - Number(isArea(a.s)));
}

/** Whether a value of series s can be placed on its axis: finite, and above 0 on a log axis. */
function drawable(p: PlotScales, s: SeriesDef): (v: number) => boolean {
  const log = s.right ? p.rightLog : p.log;
  return (v) => Number.isFinite(v) && (!log || v > 0);
}

/**
 * The widest the bands of `series` get on screen over rows a..b, px (0 when nothing is drawn). Why:
 * runs that agree within a fraction of a pixel draw no visible shading, and the legend must then
 * say so rather than promise a band that is not there.
 */
export function bandWidestPx(p: PlotScales, bv: BandView, [a, b]: RowSpan, series: readonly SeriesDef[]): number {
  let widest = 0;
  for (const s of series) {
    const lo = bv.lo[s.column];
    const hi = bv.hi[s.column];
    if (!lo || !hi) continue;
    const yy = s.right ? p.yRight : p.y;
    const ok = drawable(p, s);
    for (let i = a; i <= b; i++) {
      if (!ok(lo[i]) || !ok(hi[i])) continue;
      const h = Math.abs(yy(hi[i]) - yy(lo[i]));
      if (h > widest) widest = h;
    }
  }
  return widest;
}

/** The band of a line series: the area between two of its percentiles across the runs (the band's ends, or the 25th and 75th). */
export function bandPath(p: PlotScales, bv: BandView, [a, b]: RowSpan, s: SeriesDef, inner = false): string {
  if (b < a) return '';
  const lo = (inner ? bv.p25 : bv.lo)[s.column];
  const hi = (inner ? bv.p75 : bv.hi)[s.column];
  const day = bv.day;
  const { x } = p;
  const yy = s.right ? p.yRight : p.y;
  const ok = drawable(p, s);
  // an infinite end (the payback's upper percentile while some seeds never pay back) runs to the
  // plot's edge, as a value above a capped axis does, instead of leaving a gap where the band is widest
  const at = (v: number) => yOrEdge(yy, v);
  const end = (v: number) => isInfinite(v) || ok(v);
  const g = area<number>()
    .digits(1)
    .defined((i) => end(lo[i]) && end(hi[i]))
    .x((i) => x(day[i]))
    .y0((i) => at(lo[i]))
    .y1((i) => at(hi[i]));
  return g(rowsOf([a, b])) ?? '';
}

/**
 * Per banded series, the rows a to b at which the band's upper end is +infinity: there at least the
 * share of the runs the band leaves above it never reach the value (a payback), and bandPath runs
 * the band to the plot's top edge. Series without any are left out.
 */
export function bandEdgeCounts(bv: BandView, [a, b]: RowSpan, series: readonly SeriesDef[]): { s: SeriesDef; rows: number }[] {
  const out: { s: SeriesDef; rows: number }[] = [];
  for (const s of series) {
    const hi = bv.hi[s.column];
    if (!hi) continue;
    let rows = 0;
    for (let i = a; i <= b; i++) if (hi[i] === Infinity) rows++;
    if (rows > 0) out.push({ s, rows });
  }
  return out;
}
