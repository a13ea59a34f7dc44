/**
 * The fee_switch preset against a control run with the same seed and the take rate left at 0:
 * identical until day 90, then a fifth of every payment goes to the treasury, out of the providers'
 * take (tenants pay as before), so paybacks stretch and fewer providers join. Quarter scale.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, sum, expectSameUntil } from './fixtures.ts';

const Q = { scale: 0.25 };
const DAY = 90;

describe('fee_switch', () => {
  it('no fee until day 90, then 20% of every payment to the treasury, from the providers; paybacks stretch and entry falls', () => {
    const fee = runToEnd(scenarioFile('fee_switch', Q), 1);
    const ctrl = runToEnd(scenarioFile('fee_switch', { ...Q, economy: { takeRateChanges: [] } }), 1);
    expectSameUntil(fee, ctrl, DAY, ['gmv_usd', 'fees_usd', 'provider_revenue_usd', 'providers_active']);
    expect(sum(col(fee, 'fees_usd'), 0, DAY)).toBe(0);
    // from day 90 (rows are the day's end: row 90 is day 91) every payment pays the fee
    const fees = sum(col(fee, 'fees_usd'), DAY, 365);
    expect(fees / sum(col(fee, 'gmv_usd'), DAY, 365)).toBeCloseTo(0.2, 3);
    expect(col(fee, 'treasury_usd')[364]).toBeCloseTo(fees, -2);
    // out of the providers' take: they keep 80% of what tenants pay (all of it without the fee), and
    // tenants pay about what they did (asks do not pass the fee on)
    const kept = (r: typeof fee) => sum(col(r, 'provider_revenue_usd'), DAY, 365) / sum(col(r, 'gmv_usd'), DAY, 365);
    expect(kept(fee)).toBeCloseTo(0.8, 2);
    expect(kept(ctrl)).toBeCloseTo(1, 2);
    expect(sum(col(fee, 'gmv_usd'), DAY, 365) / sum(col(ctrl, 'gmv_usd'), DAY, 365)).toBeGreaterThan(0.9);
    expect(mean(col(fee, 'payback_months_median'), 200, 365)).toBeGreaterThan(mean(col(ctrl, 'payback_months_median'), 200, 365));
    expect(sum(col(fee, 'providers_joined'), DAY, 365)).toBeLessThan(sum(col(ctrl, 'providers_joined'), DAY, 365));
  }, 180_000);
});
