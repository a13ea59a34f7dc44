/**
 * The fee_switch preset against a control run with the same seed and the take rate left at 0:
 * identical until day 90, then a fifth of every payment goes to the treasury; no provider then asks
 * less than its running cost grossed up for the fee, tenants pay somewhat more, providers keep less,
 * paybacks stretch and fewer providers join. Quarter scale.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, sum, expectSameUntil, small } from './fixtures.ts';
import { createRun } from '../../src/sim/run.ts';

const Q = { scale: 0.25 };
const DAY = 90;

describe('asks under a take rate', () => {
  it('a provider joining under a fee asks its usual margin on what it keeps: the same draw, divided by 1 - take rate', () => {
    const asks = (takeRate: number) => createRun(small(200, 1, { economy: { takeRate } }), 2).model.providers.map((p) => p.askUsdPerGpuHour);
    const free = asks(0);
    const taxed = asks(0.2);
    expect(taxed).toHaveLength(free.length);
    taxed.forEach((a, i) => expect(a).toBeCloseTo(free[i] / 0.8, 12));
  });
});

describe('fee_switch', () => {
  it('no fee until day 90, then 20% of every payment to the treasury; asks floored net of the fee; paybacks stretch and entry falls', () => {
    const fee = runToEnd(scenarioFile('fee_switch', Q), 1);
    const ctrl = runToEnd(scenarioFile('fee_switch', { ...Q, economy: { takeRateChanges: [] } }), 1);
    expectSameUntil(fee, ctrl, DAY, ['gmv_usd', 'fees_usd', 'provider_revenue_usd', 'providers_active']);
    expect(sum(col(fee, 'fees_usd'), 0, DAY)).toBe(0);
    // from day 90 (rows are the day's end: row 90 is day 91) every payment pays the fee
    const fees = sum(col(fee, 'fees_usd'), DAY, 365);
    expect(fees / sum(col(fee, 'gmv_usd'), DAY, 365)).toBeCloseTo(0.2, 3);
    expect(col(fee, 'treasury_usd')[364]).toBeCloseTo(fees, -2);
    // providers keep 80% of what tenants pay (all of it without the fee)
    const kept = (r: typeof fee) => sum(col(r, 'provider_revenue_usd'), DAY, 365) / sum(col(r, 'gmv_usd'), DAY, 365);
    expect(kept(fee)).toBeCloseTo(0.8, 2);
    expect(kept(ctrl)).toBeCloseTo(1, 2);
    // so none prices below what staying costs it net of the fee: every ask repriced under the fee is
    // at least its floor (running cost, or running cost + amortization - reward credit, whichever is
    // more) grossed up by 1 / 0.8 (the last repricing is on day 364)
    type P = (typeof fee.model.providers)[number];
    const floor = (p: P) => Math.max(p.runningCostUsdPerGpuHour, p.runningCostUsdPerGpuHour + p.capexUsdPerGpuHour - p.rewardCreditUsdPerGpuHour);
    const repriced = (r: typeof fee) => r.model.providers.filter((p) => p.active && p.joinedAt < 364 * 24);
    expect(repriced(fee).length).toBeGreaterThan(100);
    for (const p of repriced(fee)) expect(p.askUsdPerGpuHour).toBeGreaterThanOrEqual(p.runningCostUsdPerGpuHour / 0.8 - 1e-12);
    // (the reward credit in the floor moves at each epoch, after the day's repricing, so a few asks
    // trail it by a day; without the fee a third of the providers ask less than that)
    const below = (r: typeof fee) => repriced(r).filter((p) => p.askUsdPerGpuHour < floor(p) / 0.8 - 1e-12).length / repriced(r).length;
    expect(below(fee)).toBeLessThan(0.05);
    expect(below(ctrl)).toBeGreaterThan(0.2);
    // tenants pay about what they did or more, and no more than the whole fee passed on (the mix of
    // GPUs served moves too: seeds 1-3 at 1x, -2% to +18%)
    const price = (r: typeof fee) => mean(col(r, 'price_usd_per_gpu_h'), 120, 365);
    expect(price(fee)).toBeGreaterThan(0.95 * price(ctrl));
    expect(price(fee)).toBeLessThan(1.25 * price(ctrl));
    expect(mean(col(fee, 'payback_months_median'), 200, 365)).toBeGreaterThan(mean(col(ctrl, 'payback_months_median'), 200, 365));
    expect(sum(col(fee, 'providers_joined'), DAY, 365)).toBeLessThan(sum(col(ctrl, 'providers_joined'), DAY, 365));
  }, 180_000);
});
