/** Who waited at all over a window: a ratio of the days' counts, and the waiters' mean weighted by them. */
import { describe, expect, it } from 'vitest';
import { formatWhoWaited, whoWaited } from '../../../src/sim/metrics/whoWaited.ts';

const f = (...v: number[]) => Float64Array.from(v);

describe('whoWaited', () => {
  const data = { orders_matched: f(100, 0, 300), orders_waited: f(10, 0, 20), wait_mean_h_waited: f(1, NaN, 2.5) };

  it('sums the counts and weighs each day\'s mean by its waiters (a quiet day counts for its few orders)', () => {
    const w = whoWaited(data, 0, 2)!;
    expect(w.share).toBeCloseTo(30 / 400, 12);
    expect(w.meanH).toBeCloseTo((10 * 1 + 20 * 2.5) / 30, 12);
    expect(formatWhoWaited(w)).toBe('7.5% waited, 2.0 h on average');
    expect(formatWhoWaited(whoWaited(data, 0, 0)!, 'of them waited')).toBe('10.0% of them waited, 1.0 h on average');
  });

  it('no mean when nobody waited; nothing without a match or without the columns (a run from before 0.22.0)', () => {
    const none = whoWaited({ ...data, orders_waited: f(0, 0, 0), wait_mean_h_waited: f(NaN, NaN, NaN) }, 0, 2)!;
    expect(none.share).toBe(0);
    expect(none.meanH).toBeNaN();
    expect(formatWhoWaited(none)).toBe('0.0% waited');
    expect(whoWaited(data, 1, 1)).toBeNull();
    expect(whoWaited({ orders_matched: f(100) }, 0, 0)).toBeNull();
  });
});
