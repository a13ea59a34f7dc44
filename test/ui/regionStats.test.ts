// Providers by region from the per-provider report.
import { describe, expect, it } from 'vitest';
import { provider } from './providerFixture.ts';
import { regionSummary } from '../../src/ui/lib/regionStats.ts';

const MONTH = 365.25 / 12;

describe('providers by region', () => {
  it('per region in the fixed order: took part, joined, left, GPUs of those in, and money per provider-month over the days each was in', () => {
    const rows = [
      provider({ region: 'asia', gpus: 8, payback_months: 12 }),
      provider({ gpus: 2, payback_months: 30 }),
      // joined on day MONTH, left on day 2 x MONTH: one provider-month
      provider({ joined_day: MONTH, active: 0, exited_day: 2 * MONTH, energy_usd: 30, profit_usd: -10, payback_months: 1 }),
      provider({ joined_day: 6 * MONTH, energy_usd: 0, profit_usd: 0, payback_months: Infinity }),
    ];
    const [eu, asia, ...rest] = regionSummary(rows, 12 * MONTH);
    expect(rest).toEqual([]); // no provider in North America or elsewhere: no row
    expect([eu.region, eu.label, asia.region]).toEqual(['eu', 'Europe', 'asia']);
    expect([eu.providers, eu.active, eu.joined, eu.left, eu.gpus]).toEqual([3, 2, 2, 1, 3]);
    // 12 + 1 + 6 provider-months
    expect(eu.energyPerProviderMonth).toBeCloseTo(90 / 19, 12);
    expect(eu.profitPerProviderMonth).toBeCloseTo(40 / 19, 12);
    expect(eu.utilization).toBeCloseTo(1500 / 3000, 12);
    expect(eu.medianPaybackMonths).toBe(Infinity); // of 30 and never: the leaver does not count
    expect(asia.gpus).toBe(8);
    // without the token economy there is no energy bill in the report: n/a, not 0
    const noEconomy = regionSummary([provider({ energy_usd: NaN, profit_usd: NaN, revenue_usd: NaN, rewards_usd: NaN })], 10)[0];
    expect(noEconomy.energyPerProviderMonth).toBeNaN();
    // nor income: tenants paid (the market's price columns say how much), but the report has no books ("$0" before 0.22.1)
    expect(noEconomy.incomePerGpuHour).toBeNaN();
    expect(eu.incomePerGpuHour).toBeGreaterThan(0);
  });
});
