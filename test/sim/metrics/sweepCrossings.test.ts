import { describe, expect, it } from 'vitest';
import { bandHoldsLine, crossingWords, lineCrossings } from '../../../src/sim/metrics/sweepCrossings.ts';

const pts = (ys: number[], xs = ys.map((_, i) => (i + 1) * 10)) => ys.map((y, i) => ({ x: xs[i], y }));
const fx = (v: number) => `${v}`;
const xu = ' jobs/h';
const fy = (v: number) => `${v} months`;

describe('where a swept KPI crosses a line', () => {
  it('interpolates linearly between the points on either side, rising or falling', () => {
    expect(lineCrossings(pts([10, 20, 40]), 30)).toEqual([{ x: 25, from: 20, to: 30, rising: true }]);
    expect(lineCrossings(pts([40, 20, 10]), 30)).toEqual([{ x: 15, from: 10, to: 20, rising: false }]);
    // unsorted input: read in the parameter's order
    expect(lineCrossings([{ x: 30, y: 40 }, { x: 10, y: 10 }, { x: 20, y: 20 }], 30)[0].x).toBe(25);
  });

  it('a point on the line is the crossing when its neighbours lie on opposite sides; a touch that turns back is none', () => {
    expect(lineCrossings(pts([10, 30, 50]), 30)).toEqual([{ x: 20, from: 20, to: 20, rising: true }]);
    expect(lineCrossings(pts([10, 30, 30, 50]), 30)).toEqual([{ x: 20, from: 20, to: 20, rising: true }]);
    expect(lineCrossings(pts([10, 30, 10]), 30)).toEqual([]);
    // starting on the line is no crossing either
    expect(lineCrossings(pts([30, 50]), 30)).toEqual([]);
  });

  it('counts every crossing of a KPI that goes up and down, skips missing values, and gives no x beside an infinite one', () => {
    expect(lineCrossings(pts([10, 50, 10]), 30).map((c) => [c.x, c.rising])).toEqual([
      [15, true],
      [25, false],
    ]);
    expect(lineCrossings(pts([10, NaN, 50]), 30)).toEqual([{ x: 20, from: 10, to: 30, rising: true }]);
    const inf = lineCrossings(pts([10, Infinity]), 30);
    expect(inf).toHaveLength(1);
    expect(inf[0].x).toBeNaN();
    expect([inf[0].from, inf[0].to]).toEqual([10, 20]);
  });

  it('says the crossing, or that there is none, in words with units', () => {
    const p = pts([10, 20, 40]);
    expect(crossingWords(lineCrossings(p, 30), p, 30, 'median', fx, xu, fy)).toBe('The median rises above 30 months at about 25 jobs/h (between the points 20 and 30 jobs/h, taken as linear).');
    expect(crossingWords([], p, 5, 'median', fx, xu, fy)).toBe('The median stays above 5 months over the whole range (from 10 months to 40 months).');
    expect(crossingWords([], p, 50, 'median', fx, xu, fy)).toBe('The median stays below 50 months over the whole range (from 10 months to 40 months).');
    const twice = pts([10, 50, 10]);
    expect(crossingWords(lineCrossings(twice, 30), twice, 30, 'median', fx, xu, fy)).toMatch(/^The median crosses 30 months 2 times: up at about 15 jobs\/h .*; down at about 25 jobs\/h/);
    const inf = pts([10, Infinity]);
    expect(crossingWords(lineCrossings(inf, 30), inf, 30, 'median', fx, xu, fy)).toBe('The median rises above 30 months between 10 and 20 jobs/h.');
    expect(crossingWords([], [], 30, 'median', fx, xu, fy)).toBe('No median to compare with 30 months yet.');
  });

  it('lists the points where the band holds the line: there the seeds disagree on its side', () => {
    const band = [
      { x: 1, lo: 5, hi: 9 },
      { x: 2, lo: 8, hi: 12 },
      { x: 3, lo: 10, hi: 14 },
      { x: 4, lo: 11, hi: 15 },
    ];
    expect(bandHoldsLine(band, 10)).toEqual([2, 3]);
    expect(bandHoldsLine(band, 20)).toEqual([]);
  });
});
