/**
 * The eu_power_shock preset against a control run with the same seed and no shock: identical until
 * day 60, then European providers pay 2.5x for power: their energy bills rise, fewer of them join,
 * fewer are left, and their profit falls; the network's price rises while the shock lasts, and
 * Europe's GPUs are less busy than the same seed's.
 * Quarter scale.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, expectSameUntil } from '../../economy/fixtures.ts';
import { providerRows } from '../../../src/sim/economy/providerReport.ts';

const Q = { scale: 0.25 };

/** European providers: joins over days 60-300, those in the network on day 300, their energy bill and profit over the run (USD). */
function europe(run: ReturnType<typeof runToEnd>) {
  const eu = providerRows(run.model).filter((p) => p.region === 'eu');
  const inOn = (day: number) => eu.filter((p) => p.joined_day <= day && !(p.exited_day <= day)).length;
  return {
    joins: eu.filter((p) => p.joined_day >= 60 && p.joined_day <= 300).length,
    onDay300: inOn(300),
    energy: eu.reduce((s, p) => s + p.energy_usd, 0),
    profit: eu.reduce((s, p) => s + p.profit_usd, 0),
  };
}

describe('eu_power_shock', () => {
  it('the same run until day 60; then European power bills rise, entry falls, fewer European providers are left and the price rises', () => {
    const shock = runToEnd(scenarioFile('eu_power_shock', Q), 1);
    const ctrl = runToEnd(scenarioFile('eu_power_shock', { ...Q, supply: { electricityShocks: [] } }), 1);
    expectSameUntil(shock, ctrl, 60, ['utilization', 'price_usd_per_gpu_h', 'providers_active', 'provider_costs_usd']);
    const a = europe(shock);
    const b = europe(ctrl);
    expect(a.energy).toBeGreaterThan(1.4 * b.energy);
    expect(a.profit).toBeLessThan(b.profit);
    expect(a.joins).toBeLessThan(0.85 * b.joins);
    expect(a.onDay300).toBeLessThan(0.95 * b.onDay300);
    expect(mean(col(shock, 'price_usd_per_gpu_h'), 90, 270)).toBeGreaterThan(mean(col(ctrl, 'price_usd_per_gpu_h'), 90, 270));
    // the region's own columns: European GPUs, priced up to their new running cost, are less busy
    // while the shock lasts (seeds 1-3 at 1x: -4.1 to -4.7 points), North America's as busy as before;
    // the region counts add up to the network's
    const during = (r: typeof shock, c: string) => mean(col(r, c), 120, 270);
    expect(during(shock, 'utilization_eu')).toBeLessThan(during(ctrl, 'utilization_eu') - 0.02);
    expect(Math.abs(during(shock, 'utilization_na') - during(ctrl, 'utilization_na'))).toBeLessThan(0.015);
    expect(col(shock, 'providers_active_eu')[299]).toBeLessThan(0.95 * col(ctrl, 'providers_active_eu')[299]);
    for (const d of [0, 150, 299]) {
      expect(['na', 'eu', 'asia', 'other'].reduce((t, r) => t + col(shock, `providers_active_${r}`)[d], 0)).toBe(col(shock, 'providers_active')[d]);
    }
  }, 180_000);
});
