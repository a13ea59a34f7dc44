// Where each Monte Carlo run falls on a KPI: the dot strip under each exceedance rule.
import { describe, expect, it } from 'vitest';
import { runStrip } from '../../src/ui/lib/runStrip.ts';
import { exceedance } from '../../src/ui/lib/exceedance.ts';

const opts = { width: 200, radius: 4, pad: 10 };

describe('runStrip', () => {
  it('places each run by its value, in order, with the threshold inside the axis', () => {
    const values = [0.5, 0.2, 0.8];
    const s = runStrip(values, [1, 2, 3], { kpi: 'utilization', cmp: '<', threshold: 0.3 }, opts);
    expect(s.dots.map((d) => d.seed)).toEqual([2, 1, 3]);
    const xs = s.dots.map((d) => d.x);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    expect(s.domain[0]).toBeLessThanOrEqual(0.2);
    expect(s.domain[1]).toBeGreaterThanOrEqual(0.8);
    expect(s.thresholdX).toBeGreaterThan(xs[0]);
    expect(s.thresholdX).toBeLessThan(xs[1]);
    for (const d of s.dots) {
      expect(d.x).toBeGreaterThanOrEqual(s.range[0]);
      expect(d.x).toBeLessThanOrEqual(s.range[1]);
    }
  });

  it('marks exactly the runs the exceedance count counts', () => {
    const values = [10, 30, 25, NaN, Infinity, 24, 24.5];
    const seeds = values.map((_, i) => i + 1);
    for (const rule of [
      { kpi: 'payback', cmp: '>' as const, threshold: 24 },
      { kpi: 'payback', cmp: '<' as const, threshold: 24 },
    ]) {
      const s = runStrip(values, seeds, rule, opts);
      const e = exceedance(values, rule);
      expect(s.dots.length).toBe(e.n);
      expect(s.dots.filter((d) => d.crosses).length).toBe(e.k);
      expect(s.missing).toBe(1);
    }
  });

  it('stacks dots that would overlap instead of hiding one under another', () => {
    const s = runStrip([1, 1, 1, 5], [1, 2, 3, 4], { kpi: 'x', cmp: '>', threshold: 3 }, opts);
    expect(s.dots.slice(0, 3).map((d) => d.row)).toEqual([0, 1, 2]);
    expect(s.dots[3].row).toBe(0);
    expect(s.rows).toBe(3);
    // no two dots on a level closer than a diameter
    for (const a of s.dots) for (const b of s.dots) if (a !== b && a.row === b.row) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(2 * opts.radius);
  });

  it('draws an infinite value (a payback that never comes) in a column past the axis', () => {
    const s = runStrip([12, Infinity], [1, 2], { kpi: 'payback', cmp: '>', threshold: 24 }, opts);
    expect(s.infinityX).toBeGreaterThan(s.range[1]);
    expect(s.infinityX).toBeLessThanOrEqual(opts.width);
    expect(s.dots[1]).toMatchObject({ seed: 2, x: s.infinityX, crosses: true });
    expect(Number.isNaN(runStrip([12], [1], { kpi: 'payback', cmp: '>', threshold: 24 }, opts).infinityX)).toBe(true);
  });

  it('gives a readable axis when every run and the threshold agree', () => {
    const s = runStrip([0.5, 0.5], [1, 2], { kpi: 'u', cmp: '<', threshold: 0.5 }, opts);
    expect(s.domain[0]).toBeLessThan(0.5);
    expect(s.domain[1]).toBeGreaterThan(0.5);
    expect(s.ticks.length).toBeGreaterThanOrEqual(2);
    expect(s.dots.every((d) => !d.crosses)).toBe(true);
    const zero = runStrip([0], [1], { kpi: 'u', cmp: '<', threshold: 0 }, opts);
    expect(zero.domain[1]).toBeGreaterThan(zero.domain[0]);
  });
});
