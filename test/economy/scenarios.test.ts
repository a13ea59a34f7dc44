/**
 * The economy scenarios, asserted on the run's output against a control run with the same seed
 * (same draws everywhere except through the mechanism under test). Quarter scale to stay fast.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, sum, mean } from './fixtures.ts';
import { providerRows } from '../../src/sim/economy/providerReport.ts';

const Q = { scale: 0.25 };

describe('halving', () => {
  it('marginal home providers leave after the cut and GPU prices rise against the no-halving control', () => {
    const half = runToEnd(scenarioFile('halving', Q), 1);
    const ctrl = runToEnd(scenarioFile('halving', { ...Q, economy: { emission: { halvingDays: 3650 } } }), 1);
    const cut = 120;
    // the emission halves on day 120
    const minted = col(half, 'minted_tokens');
    expect(minted[cut + 5] / minted[cut - 5]).toBeCloseTo(0.5, 1);
    // home providers leave faster after the cut (summed over three seeds: the effect is a few percent
    // of the exits, the same order as one seed's noise)
    const homeExitsAfter = (r: typeof half) => providerRows(r.model).filter((p) => p.archetype === 'home' && p.exited_day > cut).length;
    let cutExits = homeExitsAfter(half);
    let ctrlExits = homeExitsAfter(ctrl);
    for (const seed of [2, 3]) {
      cutExits += homeExitsAfter(runToEnd(scenarioFile('halving', Q), seed));
      ctrlExits += homeExitsAfter(runToEnd(scenarioFile('halving', { ...Q, economy: { emission: { halvingDays: 3650 } } }), seed));
    }
    expect(cutExits).toBeGreaterThan(ctrlExits);
    // the subsidy's share of provider income falls
    expect(mean(col(half, 'emission_income_share'), cut + 30, 240)).toBeLessThan(mean(col(ctrl, 'emission_income_share'), cut + 30, 240));
    // and the realized GPU price is higher once asks can no longer lean on the subsidy
    expect(mean(col(half, 'price_usd_per_gpu_h'), cut + 30, 240)).toBeGreaterThan(mean(col(ctrl, 'price_usd_per_gpu_h'), cut + 30, 240));
  }, 180_000);
});

describe('token crash', () => {
  it('stake value falls with the price and exits rise against the no-crash control', () => {
    const crash = runToEnd(scenarioFile('token_crash', Q), 1);
    const ctrl = runToEnd(scenarioFile('token_crash', { ...Q, economy: { price: { shocks: [] } } }), 1);
    const start = 90;
    const stake = col(crash, 'stake_value_usd');
    expect(mean(stake, start + 30, start + 40)).toBeLessThan(0.5 * mean(stake, start - 10, start));
    expect(mean(col(crash, 'token_price_usd'), start + 30, 180)).toBeLessThan(0.5 * mean(col(ctrl, 'token_price_usd'), start + 30, 180));
    // exits after the crash, summed over three seeds (one seed's noise is the size of the effect)
    const exits = (r: typeof crash) => sum(col(r, 'providers_exited'), start, 180);
    let crashExits = exits(crash);
    let ctrlExits = exits(ctrl);
    for (const seed of [2, 3]) {
      crashExits += exits(runToEnd(scenarioFile('token_crash', Q), seed));
      ctrlExits += exits(runToEnd(scenarioFile('token_crash', { ...Q, economy: { price: { shocks: [] } } }), seed));
    }
    expect(crashExits).toBeGreaterThan(ctrlExits);
  }, 180_000);
});

describe('cheating providers', () => {
  it('spot checks slash cheaters, the cheat share falls and their leases fail', () => {
    let caughtFails = 0;
    const run = runToEnd(scenarioFile('cheating', { ...Q, horizonDays: 120 }), 1, (l) => {
      if (l.end_reason === 'caught cheating') caughtFails++;
    });
    const share = col(run, 'cheater_share');
    expect(share[0]).toBeGreaterThan(0.01);
    expect(share[share.length - 1]).toBeLessThan(0.5 * share[0]);
    expect(sum(col(run, 'slashed_tokens'))).toBeGreaterThan(0);
    expect(caughtFails).toBeGreaterThan(0);
    const rows = providerRows(run.model);
    const caught = rows.filter((r) => r.caught_cheating === 1);
    expect(caught.length).toBeGreaterThan(0);
    for (const r of caught) {
      expect(r.active).toBe(0);
      expect(r.slashed_tokens).toBeGreaterThan(0);
    }
    // the CSV counts the catches, day by day, as the provider report has them
    expect(sum(col(run, 'cheaters_caught'))).toBe(caught.length);
  }, 60_000);
});
