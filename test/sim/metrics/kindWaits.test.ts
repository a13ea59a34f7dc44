/** The waits by kind of order over a window: a mean over the orders, each day weighted by its matches. */
import { describe, expect, it } from 'vitest';
import { formatWait, kindWaits } from '../../../src/sim/metrics/kindWaits.ts';

const f = (...v: number[]) => Float64Array.from(v);

describe('kindWaits', () => {
  it('weighs each day by the orders of the kind matched that day, leaving out days without one', () => {
    const data = {
      wait_mean_h_on_demand: f(0.1, 0.5, NaN),
      orders_matched_on_demand: f(900, 100, 0),
      wait_mean_h_spot: f(2, NaN, 4),
      orders_matched_spot: f(1, 0, 3),
      wait_mean_h_reserved: f(NaN, NaN, NaN),
      orders_matched_reserved: f(0, 0, 0),
    };
    const w = kindWaits(data, 0, 2);
    expect(w.onDemandH).toBeCloseTo((0.1 * 900 + 0.5 * 100) / 1000, 12);
    expect(w.spotH).toBeCloseTo((2 + 4 * 3) / 4, 12);
    expect(w.reservedH).toBeNaN();
    // only the rows of the window count
    expect(kindWaits(data, 1, 2).onDemandH).toBeCloseTo(0.5, 12);
  });

  it('a run from before 0.16.0 (no counts) gets the mean of the days; one from before 0.14.0 (no per-kind waits) NaN', () => {
    expect(kindWaits({ wait_mean_h_on_demand: f(0.1, 0.5, NaN) }, 0, 2).onDemandH).toBeCloseTo(0.3, 12);
    expect(kindWaits({ wait_mean_h: f(0.1) }, 0, 0).onDemandH).toBeNaN();
  });

  it('reads waits for people', () => {
    expect(formatWait(0.05)).toBe('3.0 min');
    expect(formatWait(0.5)).toBe('30 min');
    expect(formatWait(2)).toBe('2.0 h');
    expect(formatWait(NaN)).toBe('n/a');
  });
});
