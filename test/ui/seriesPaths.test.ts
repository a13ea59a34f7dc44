// The SVG paths of a time chart's series: gaps stay gaps, areas go under lines, bands span their percentiles.
import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from 'd3';
import type { SeriesDef } from '../../src/ui/lib/chartDefs/chartTypes.ts';
import type { BandView } from '../../src/ui/lib/bands.ts';
import { bandEdgeCounts, bandPath, bandWidestPx, edgeCounts, neverStretches, seriesPath, seriesShapes, type PlotScales } from '../../src/ui/lib/seriesPaths.ts';

/** Days 1..4 at 10 px a day; values 1 px each below row 100. */
const plot: PlotScales = {
  x: scaleLinear().domain([0, 4]).range([0, 40]),
  y: scaleLinear().domain([0, 100]).range([100, 0]),
  yRight: scaleLinear().domain([0, 10]).range([100, 0]),
  log: false,
  rightLog: false,
};
const s = (column: string, more: Partial<SeriesDef> = {}): SeriesDef => ({ column, label: column, color: '#000', ...more });
const t = (cols: Record<string, number[]>) => ({
  rows: 4,
  data: { day: Float64Array.from([1, 2, 3, 4]), ...Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])) },
});
/** The number of separate pieces (moveto commands) in a path. */
const pieces = (d: string) => (d.match(/M/g) ?? []).length;

describe('seriesPath', () => {
  it('draws a line through the values, in pixels', () => {
    expect(seriesPath(plot, t({ a: [10, 20, 30, 40] }), [0, 3], s('a'))).toBe('M10,90L20,80L30,70L40,60');
  });

  it('a missing value is a gap, never a zero', () => {
    expect(pieces(seriesPath(plot, t({ a: [10, 20, NaN, 40] }), [0, 3], s('a')))).toBe(2);
  });

  it('on a log axis, values of 0 or less are gaps', () => {
    expect(pieces(seriesPath({ ...plot, log: true }, t({ a: [10, 0, 30, 40] }), [0, 3], s('a')))).toBe(2);
  });

  it('a series on the right axis uses its scale', () => {
    const prices = t({ a: [5, 10, 5, 10] });
    expect(seriesPath(plot, prices, [0, 1], s('a', { right: true }))).toBe('M10,50L20,0');
    expect(seriesPath(plot, prices, [0, 1], s('a'))).toBe('M10,95L20,90');
  });

  it('a value beyond the axis (above a cut) or infinite (a payback never reached) runs along that edge, with no gap; the rows are counted for the legend', () => {
    // 0 is the top of the right axis (0 to 10) in pixels
    expect(seriesPath(plot, t({ a: [5, Infinity, 30, 10] }), [0, 3], s('a', { right: true }))).toBe('M10,50L20,0L30,0L40,0');
    expect(seriesPath(plot, t({ a: [50, -Infinity, 50, 50] }), [0, 3], s('a'))).toBe('M10,50L20,100L30,50L40,50');
    const table = t({ a: [5, Infinity, 30, 10], b: [1, 2, 3, 4], c: [Infinity, Infinity, 1, 1] });
    const counts = edgeCounts(plot, table, [0, 3], [s('a', { right: true }), s('b'), s('c', { type: 'area' })]);
    expect(counts.map((e) => [e.s.column, e.never, e.beyond, e.up])).toEqual([['a', 1, 1, true]]);
    expect(edgeCounts(plot, table, [0, 0], [s('a', { right: true })])).toEqual([]);
    // on a log axis a value of 0 is a gap, not an edge
    expect(edgeCounts({ ...plot, log: true, y: scaleLog().domain([1, 100]).range([100, 0]) }, t({ a: [0, 10, 10, 10] }), [0, 3], [s('a')])).toEqual([]);
  });

  it('marks the days at never apart from the days beyond the axis on the same edge: a stretch per run of them, a lone day its period wide', () => {
    // right axis 0-10: day 2 is beyond it (the line alone along the top), days 1 and 3-4 are never
    const table = t({ a: [Infinity, 50, Infinity, Infinity] });
    expect(seriesPath(plot, table, [0, 3], s('a', { right: true }))).toBe('M10,0L20,0L30,0L40,0');
    expect(neverStretches(plot, table, [0, 3], s('a', { right: true }), 1)).toEqual([
      { x0: 5, x1: 15, y: 0, top: true },
      { x0: 25, x1: 45, y: 0, top: true },
    ]);
    // -infinity at the bottom edge
    expect(neverStretches(plot, t({ a: [1, -Infinity, 1, 1] }), [0, 3], s('a'), 1)).toEqual([{ x0: 15, x1: 25, y: 100, top: false }]);
    // no never, an area, or a window without it: nothing to mark
    expect(neverStretches(plot, t({ a: [50, 50, 50, 50] }), [0, 3], s('a', { right: true }), 1)).toEqual([]);
    expect(neverStretches(plot, table, [0, 3], s('a', { right: true, type: 'area' }), 1)).toEqual([]);
    expect(neverStretches(plot, table, [1, 1], s('a', { right: true }), 1)).toEqual([]);
    // the shapes carry them for the line that has them only
    const shapes = seriesShapes(plot, t({ a: [Infinity, 5, 5, 5], b: [1, 2, 3, 4] }), [0, 3], [s('a'), s('b')], 1, '');
    expect(shapes.map((sh) => [sh.key, sh.never ?? null])).toEqual([['a', [{ x0: 5, x1: 15, y: 0, top: true }]], ['b', null]]);
  });

  it('draws nothing for a column the table lacks or no rows', () => {
    expect(seriesPath(plot, t({}), [0, 3], s('a'))).toBe('');
    expect(seriesPath(plot, t({ a: [1, 2, 3, 4] }), [0, -1], s('a'))).toBe('');
  });
});

describe('seriesShapes', () => {
  it('areas come first so lines are drawn on top, each keyed with the prefix', () => {
    const shapes = seriesShapes(plot, t({ l: [1, 2, 3, 4], a: [5, 6, 7, 8] }), [0, 3], [s('l'), s('a', { type: 'area' })], 1, 'base-');
    expect(shapes.map((sh) => sh.key)).toEqual(['base-a', 'base-l']);
  });

  it('stacked areas sit on each other: the second layer tops out at the sum', () => {
    const shapes = seriesShapes(plot, t({ a: [10, 10, 10, 10], b: [20, 20, 20, 20] }), [0, 3], [s('a', { type: 'stack' }), s('b', { type: 'stack' })], 1, '');
    const top = shapes.find((sh) => sh.key === 'b')!;
    expect(top.d.startsWith('M10,70')).toBe(true);
  });

  it('daily bars are marked as bars, one path per series', () => {
    const shapes = seriesShapes(plot, t({ up: [1, 2, 3, 4] }), [0, 3], [s('up', { type: 'barUp' })], 1, '');
    expect(shapes).toHaveLength(1);
    expect(shapes[0].bars).toBe(true);
    expect(pieces(shapes[0].d)).toBe(4);
  });
});

describe('bandPath', () => {
  const bv = {
    day: Float64Array.from([1, 2]),
    lo: { a: Float64Array.from([10, 10]) },
    hi: { a: Float64Array.from([50, 50]) },
    p25: { a: Float64Array.from([20, 20]) },
    p75: { a: Float64Array.from([30, 30]) },
  } as unknown as BandView;

  it("spans the band's ends, or for the darker middle the 25th to 75th percentile", () => {
    expect(bandPath(plot, bv, [0, 1], s('a'))).toBe('M10,50L20,50L20,90L10,90Z');
    expect(bandPath(plot, bv, [0, 1], s('a'), true)).toBe('M10,70L20,70L20,80L10,80Z');
  });

  it('runs an infinite end (a payback some seeds never reach) to the plot\'s edge instead of leaving a gap', () => {
    const never = { ...bv, hi: { a: Float64Array.from([50, Infinity]) } } as unknown as BandView;
    expect(bandPath(plot, never, [0, 1], s('a'))).toBe('M10,50L20,0L20,90L10,90Z');
    // and the legend is told on how many rows it does
    expect(bandEdgeCounts(never, [0, 1], [s('a'), s('b')]).map((e) => [e.s.column, e.rows])).toEqual([['a', 1]]);
    expect(bandEdgeCounts(never, [0, 0], [s('a')])).toEqual([]);
  });
});

describe('bandWidestPx', () => {
  // 1 px per unit on the left axis, 10 px per unit on the right
  const bv = {
    day: Float64Array.from([1, 2, 3]),
    lo: { a: Float64Array.from([50, 50, NaN]), b: Float64Array.from([5, 5, 5]), c: Float64Array.from([0, 1, 1]) },
    hi: { a: Float64Array.from([50.4, 50.9, 99]), b: Float64Array.from([5.05, 5.1, 5.1]), c: Float64Array.from([40, 2, 2]) },
  } as unknown as BandView;

  it('is the widest the bands are drawn over the rows in view, px', () => {
    expect(bandWidestPx(plot, bv, [0, 1], [s('a')])).toBeCloseTo(0.9, 9);
    // a missing end draws nothing there: row 2 is no width
    expect(bandWidestPx(plot, bv, [0, 2], [s('a')])).toBeCloseTo(0.9, 9);
    // on the right axis, in its own pixels
    expect(bandWidestPx(plot, bv, [0, 2], [s('b', { right: true })])).toBeCloseTo(1, 9);
    // the widest of several series
    expect(bandWidestPx(plot, bv, [0, 1], [s('a'), s('c')])).toBeCloseTo(40, 9);
    // no rows, or a column without a band
    expect(bandWidestPx(plot, bv, [0, -1], [s('a')])).toBe(0);
    expect(bandWidestPx(plot, bv, [0, 1], [s('z')])).toBe(0);
  });

  it('on a log axis a band reaching 0 draws nothing there', () => {
    const logPlot: PlotScales = { ...plot, y: scaleLog().domain([0.1, 100]).range([100, 0]), log: true };
    // row 0 of c starts at 0: not drawn; rows 1-2 span 1 to 2
    expect(bandWidestPx(logPlot, bv, [0, 2], [s('c')])).toBeCloseTo(logPlot.y(1) - logPlot.y(2), 9);
  });
});
