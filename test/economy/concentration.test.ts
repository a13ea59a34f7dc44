/**
 * The providers' income concentration columns (0.7.0): in a market where every provider is the same
 * and always busy the income is shared equally (HHI 1/n, half of it to about half the providers);
 * in a mixed network both stay within their bounds and move with the Gini.
 */
import { describe, expect, it } from 'vitest';
import { col, runToEnd, saturated, small } from './fixtures.ts';

describe('income concentration', () => {
  it('equal providers share income equally: Gini about 0, HHI about 1/n, half of it to half of them', () => {
    const r = runToEnd(saturated(10, 4), 1);
    for (let d = 1; d < 4; d++) {
      expect(col(r, 'revenue_gini')[d]).toBeLessThan(0.02);
      expect(col(r, 'income_hhi')[d]).toBeGreaterThanOrEqual(0.1 - 1e-12); // 1/n, the least it can be
      expect(col(r, 'income_hhi')[d]).toBeLessThan(0.101);
      expect([5, 6]).toContain(col(r, 'income_nakamoto')[d]);
    }
  }, 60_000);

  it('a mixed network: 1/n <= HHI <= 1 and 1 <= Nakamoto <= n / 2 + 1; the more unequal day has the fewer providers taking half', () => {
    const r = runToEnd(small(300, 20), 2);
    const gini = col(r, 'revenue_gini');
    const hhi = col(r, 'income_hhi');
    const nak = col(r, 'income_nakamoto');
    const active = col(r, 'providers_active');
    for (let d = 0; d < 20; d++) {
      expect(hhi[d]).toBeGreaterThanOrEqual(1 / active[d] - 1e-12);
      expect(hhi[d]).toBeLessThanOrEqual(1);
      expect(Number.isInteger(nak[d])).toBe(true);
      expect(nak[d]).toBeGreaterThanOrEqual(1);
      expect(nak[d]).toBeLessThanOrEqual(Math.floor(active[d] / 2) + 1);
    }
    // a baseline-like mix is unequal: far fewer than half the providers earn half the income
    expect(nak[19]).toBeLessThan(0.3 * active[19]);
    const most = gini.indexOf(Math.max(...gini));
    const least = gini.indexOf(Math.min(...gini));
    expect(nak[most] / active[most]).toBeLessThanOrEqual(nak[least] / active[least]);
  }, 60_000);
});

describe('providers under water', () => {
  it('none when every provider is busy at a profit; all of them with no demand and no emissions (income 0, running costs above it)', () => {
    const busy = runToEnd(saturated(10, 4), 1);
    for (let d = 0; d < 4; d++) expect(col(busy, 'providers_under_water_share')[d]).toBe(0);
    const nothing = runToEnd(small(200, 5, { demand: { baseRateJobsPerHour: 0 }, economy: { emission: { schedule: 'none' } } }), 1);
    for (let d = 0; d < 5; d++) expect(col(nothing, 'providers_under_water_share')[d]).toBe(1);
    // emissions alone keep most idle providers above water (availability rewards pay for being online)
    const rewardsOnly = runToEnd(small(200, 5, { demand: { baseRateJobsPerHour: 0 } }), 1);
    expect(col(rewardsOnly, 'providers_under_water_share')[4]).toBeLessThan(0.5);
  }, 60_000);
});
