// A time chart's y axes: what they span, when they go logarithmic, and which ticks they label.
import { describe, expect, it } from 'vitest';
import type { SeriesDef } from '../../src/ui/lib/chartDefs/chartTypes.ts';
import type { BandView } from '../../src/ui/lib/bands.ts';
import { autoLog, leftScale, leftTicks, positiveMin, rightAutoLog, rightScale, rightSpan, rightTicks, valueExtent } from '../../src/ui/lib/chartScales.ts';

const series = (column: string, type?: SeriesDef['type']): SeriesDef => ({ column, label: column, color: '#000', type });
const table = (cols: Record<string, number[]>) => {
  const rows = Object.values(cols)[0]?.length ?? 0;
  const data: Record<string, Float64Array> = { day: Float64Array.from({ length: rows }, (_, i) => i + 1) };
  for (const [k, v] of Object.entries(cols)) data[k] = Float64Array.from(v);
  return { rows, data };
};
const all = (t: { rows: number }) => ({ t: t as never, rows: [0, t.rows - 1] as [number, number] });
const pixels: [number, number] = [240, 10];

describe('valueExtent', () => {
  it('spans the values in view, gaps left out', () => {
    const t = table({ a: [2, NaN, 5, 9] });
    expect(valueExtent([series('a')], [{ t, rows: [0, 2] }], [])).toEqual([2, 5]);
  });

  it('bars and areas drawn downwards count below zero', () => {
    const t = table({ out: [3, 4] });
    expect(valueExtent([series('out', 'barDown')], [all(t)], [])).toEqual([-4, -3]);
  });

  it('stacked areas reach their sum, from 0', () => {
    const t = table({ a: [1, 2], b: [3, 5] });
    expect(valueExtent([series('a', 'stack'), series('b', 'stack')], [all(t)], [])).toEqual([0, 7]);
  });

  it('takes in the pinned baseline and the Monte Carlo band of a line series', () => {
    const now = table({ a: [5, 6] });
    const base = table({ a: [4, 8] });
    const bv = { lo: { a: Float64Array.from([1, 2]) }, hi: { a: Float64Array.from([10, 12]) } } as unknown as BandView;
    expect(valueExtent([series('a')], [all(now), all(base)], [{ bv, rows: [0, 1] }])).toEqual([1, 12]);
    expect(valueExtent([series('a')], [all(now)], [{ bv: null, rows: [0, 1] }])).toEqual([5, 6]);
  });

  it('is null with nothing to show', () => {
    expect(valueExtent([series('a')], [all(table({ a: [NaN] }))], [])).toBeNull();
  });
});

describe('log axes', () => {
  it('an "auto" chart goes log when its positive values span more than two orders of magnitude', () => {
    expect(autoLog('auto', [1, 1000])).toBe(true);
    expect(autoLog('auto', [1, 50])).toBe(false);
    expect(autoLog('auto', [0, 1000])).toBe(false);
    expect(autoLog('never', [1, 1000])).toBe(false);
    expect(autoLog('default-on', null)).toBe(true);
  });

  it('an "auto" chart goes log when its values lie more than two orders of magnitude below its own reference line', () => {
    // the baseline's burn-to-mint ratio, about 0.001 each day, under the chart's line at 1
    const atOne = [{ value: 1, label: 'burn = mint' }];
    expect(autoLog('auto', [0.0008, 0.0015], atOne)).toBe(true);
    expect(autoLog('auto', [0.0008, 0.0015])).toBe(false);
    expect(autoLog('auto', [0.2, 0.9], atOne)).toBe(false);
    // a line on the right axis, or below the values, does not stretch the left one
    expect(autoLog('auto', [0.0008, 0.0015], [{ value: 1, label: 'r', right: true }])).toBe(false);
    expect(autoLog('auto', [2, 5], [{ value: 0.001, label: 'low' }])).toBe(false);
    // a zero in view rules a log axis out, as before
    expect(autoLog('auto', [0, 0.0015], atOne)).toBe(false);
  });

  it('starts at the smallest positive value in view', () => {
    const t = table({ a: [0, 0.5, 3, -2] });
    expect(positiveMin([series('a')], [all(t)])).toBe(0.5);
    const y = leftScale({ extent: [-2, 3], refs: [], log: true, positiveMin: () => 0.5, pixels });
    expect(y.domain()[0]).toBeLessThanOrEqual(0.5);
    expect(y.domain()[0]).toBeGreaterThan(0);
  });

  it("starts low enough for a picked run's line and a band's low edge, not only this run's", () => {
    const run = table({ a: [5, 8, 20] });
    const picked = table({ a: [0.2, 6, 30] });
    expect(positiveMin([series('a')], [all(run)])).toBe(5);
    expect(positiveMin([series('a')], [all(run), all(picked)])).toBe(0.2);
    const bv = { lo: { a: Float64Array.from([0.05, 0, 4]) }, hi: { a: Float64Array.from([9, 9, 40]) } } as unknown as BandView;
    expect(positiveMin([series('a')], [all(run)], [{ bv, rows: [0, 2] }])).toBe(0.05);
    // a band's rows out of view do not count; bars have no bands
    expect(positiveMin([series('a')], [all(run)], [{ bv, rows: [1, 2] }])).toBe(4);
    expect(positiveMin([series('a', 'barUp')], [all(run)], [{ bv, rows: [0, 2] }])).toBe(5);
  });

  it('labels only the powers of ten when there are many ticks', () => {
    const y = leftScale({ extent: [1, 1e6], refs: [], log: true, positiveMin: () => 1, pixels });
    expect(leftTicks(y, true)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
    expect(rightTicks(y, true).every((v) => Math.log10(v) % 1 === 0)).toBe(true);
  });
});

describe('leftScale', () => {
  it('a linear axis starts at 0 and keeps a reference line in view', () => {
    const y = leftScale({ extent: [5, 8], refs: [{ value: 12, label: 'cap' }], log: false, positiveMin: () => 5, pixels });
    expect(y.domain()[0]).toBe(0);
    expect(y.domain()[1]).toBeGreaterThanOrEqual(12);
  });

  it("a right axis's reference line does not stretch the left axis", () => {
    const y = leftScale({ extent: [5, 8], refs: [{ value: 1000, label: 'right', right: true }], log: false, positiveMin: () => 5, pixels });
    expect(y.domain()[1]).toBeLessThan(1000);
  });

  it("the chart's fixed domain wins (shares from 0 to 1)", () => {
    expect(leftScale({ fixed: [0, 1], extent: [0.2, 3], refs: [], log: false, positiveMin: () => 0.2, pixels }).domain()).toEqual([0, 1]);
  });
});

describe('the right axis', () => {
  it('stops at the chart\'s cap when its values go above it', () => {
    expect(rightSpan([0, 1500], 120)).toEqual({ span: [0, 120], capped: true });
    expect(rightSpan([0, 60], 120)).toEqual({ span: [0, 60], capped: false });
    expect(rightSpan(null, 120)).toEqual({ span: null, capped: false });
  });

  it('goes log on its own over two orders of magnitude, unless kept linear or negative', () => {
    expect(rightAutoLog([0, 1000], undefined, () => 1)).toBe(true);
    expect(rightAutoLog([0, 1000], true, () => 1)).toBe(false);
    expect(rightAutoLog([-1, 1000], undefined, () => 1)).toBe(false);
    expect(rightAutoLog([0, 50], undefined, () => 1)).toBe(false);
  });

  it('a linear right axis starts at 0 and keeps its reference lines in view', () => {
    const y = rightScale({ span: [3, 10], refs: [{ value: 24, label: '24 months', right: true }], log: false, positiveMin: () => 3, pixels });
    expect(y.domain()[0]).toBe(0);
    expect(y.domain()[1]).toBeGreaterThanOrEqual(24);
  });
});
