import { describe, expect, it } from 'vitest';
import { barsPath, type BarSpec } from '../../src/ui/lib/barPath.ts';

/** Bars over days 1..n, 10 px per day; linear y: 1 unit per px below row 100; log y: 20 px per decade above row 100. */
function spec(values: number[], over: Partial<BarSpec> = {}): BarSpec {
  return {
    day: values.map((_, i) => i + 1),
    values,
    from: 0,
    to: values.length - 1,
    x: (d) => d * 10,
    y: (v) => 100 - v,
    basePx: 100,
    periodDays: 1,
    offsetPx: 0,
    widthPx: 9,
    down: false,
    log: false,
    ...over,
  };
}

const logY = (v: number) => 100 - 20 * Math.log10(v);

/** The bars of a path as [x, top, bottom]. */
function rects(d: string): number[][] {
  return [...d.matchAll(/M([\d.-]+),([\d.-]+)V([\d.-]+)h[\d.]+V[\d.-]+Z/g)].map((m) => [Number(m[1]), Number(m[3]), Number(m[2])]);
}

describe('daily bars as one path', () => {
  it('each bar covers its day and rises from the zero line to its value; zero and missing days have none', () => {
    expect(rects(barsPath(spec([5, 0, NaN, 30])))).toEqual([
      [0, 95, 100],
      [30, 70, 100],
    ]);
  });

  it('bars drawn downwards go below the zero line', () => {
    expect(rects(barsPath(spec([5], { down: true, y: (v) => 50 - v, basePx: 50 })))).toEqual([[0, 55, 50]]);
  });

  it('on a log axis bars rise from the axis floor, and every coordinate is a number', () => {
    // 100 slashes and 2 caught cheaters on the same day: both visible, the small one a fifth as tall
    const d = barsPath(spec([100, 2, 0], { y: logY, basePx: 100, log: true }));
    expect(d).not.toMatch(/NaN|Infinity/);
    const r = rects(d);
    expect(r).toEqual([
      [0, 60, 100],
      [10, Number(logY(2).toFixed(1)), 100],
    ]);
    expect(r[1][2] - r[1][1]).toBeGreaterThan(0);
  });

  it('refuses bars drawn downwards on a log axis instead of drawing NaN', () => {
    expect(() => barsPath(spec([1], { down: true, log: true }))).toThrow(/linear axis/);
  });
});
