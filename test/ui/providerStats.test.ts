// Summaries of the per-provider report: payback bins, the income Lorenz curve, and the figures per provider type.
import { describe, expect, it } from 'vitest';
import { provider } from './providerFixture.ts';
import { archetypeSummary, hasTypeColumns, lorenz, paybackBins, typeSummary } from '../../src/ui/lib/providerStats.ts';

describe('provider report summaries', () => {
  it('payback bins stacked by type, "never" with the longest', () => {
    const bins = paybackBins([provider({ payback_months: 3 }), provider({ payback_months: Infinity, archetype: 'farm' }), provider({ payback_months: 200 })]);
    expect(bins[0].total).toBe(1);
    expect(bins[bins.length - 1].byArchetype).toEqual({ farm: 1, home: 1 });
    expect(bins[bins.length - 1].stackTop.farm).toBe(2); // home below farm
  });

  it('the Lorenz curve and Gini of income: 0 when all earn alike, toward 1 when one earns it all', () => {
    expect(lorenz([provider({}), provider({})]).gini).toBeCloseTo(0, 12);
    const one = lorenz([provider({ revenue_usd: 0, rewards_usd: 0 }), provider({ revenue_usd: 0, rewards_usd: 0 }), provider({ revenue_usd: 0, rewards_usd: 0 }), provider({})]);
    expect(one.gini).toBeCloseTo(0.75, 12); // (n - 1) / n with n = 4
  });

  it('per provider type: hours, failures and income as ratios of sums, profit per provider-month over the days each was in, the median payback of those still in', () => {
    const rows = [
      provider({ payback_months: 10 }),
      provider({ payback_months: Infinity, busy_gpu_hours: 100, online_gpu_hours: 1000, leases_completed: 1, leases_failed: 3, gpus: 2 }),
      // left on day 30.4375 (one month) after joining on day 0
      provider({ active: 0, exited_day: 365.25 / 12, payback_months: 5, profit_usd: -20 }),
      provider({ archetype: 'datacenter', gpus: 8, busy_gpu_hours: 900, online_gpu_hours: 1000, leases_completed: 10, leases_failed: 0, revenue_usd: 900, rewards_usd: 0, profit_usd: 300, payback_months: 30 }),
    ];
    const [home, dc] = archetypeSummary(rows, 365.25);
    expect(home.archetype).toBe('home');
    expect([home.providers, home.active, home.gpus]).toEqual([3, 2, 3]);
    expect(home.utilization).toBeCloseTo(1100 / 3000, 12);
    expect(home.failureShare).toBeCloseTo(5 / 24, 12); // 1 + 3 + 1 failed of 24 ended
    expect(home.incomePerGpuHour).toBeCloseTo(1200 / 1100, 12);
    expect(home.rewardShare).toBeCloseTo(0.25, 12);
    expect(home.profitPerProviderMonth).toBeCloseTo(80 / 25, 12); // 12 + 12 + 1 provider-months
    expect(home.medianPaybackMonths).toBe(Infinity); // of 10 and never: the leaver does not count
    expect(home.resumesPerLease).toBeCloseTo(6 / 24, 12); // 2 + 2 + 2 resumes over 24 leases ended
    expect(dc.failureShare).toBe(0);
    // a report from before the outage grace has no resumes to count: not 0
    const { leases_resumed: _, ...old } = provider({});
    expect(archetypeSummary([old], 10)[0].resumesPerLease).toBeNaN();
    expect(dc.medianPaybackMonths).toBe(30);
    // types with no provider are left out; without the economy there is no profit to show (not 0)
    expect(archetypeSummary(rows, 365.25).map((r) => r.archetype)).toEqual(['home', 'datacenter']);
    expect(archetypeSummary([provider({ profit_usd: NaN })], 10)[0].profitPerProviderMonth).toBeNaN();
  });
});

describe('providers by type over a time window, from the per-type columns', () => {
  // three daily rows of a run where only home and farm providers exist; the window is rows 1-2
  const f = (...v: number[]) => Float64Array.from(v);
  const data: Record<string, Float64Array> = {
    day: f(1, 2, 3),
    providers_active_home: f(10, 10, 8),
    gpus_total_home: f(12, 12, 9),
    gpus_online_home: f(5, 6, 4),
    gpus_busy_home: f(1, 3, 1),
    leases_completed_home: f(100, 9, 6),
    leases_failed_home: f(100, 1, 4),
    leases_resumed_home: f(0, 2, 3),
    provider_revenue_usd_home: f(999, 40, 20),
    provider_rewards_usd_home: f(999, 10, 30),
    provider_costs_usd_home: f(0, 80, 70),
    payback_months_median_home: f(1, 2, Infinity),
    providers_active_farm: f(2, 2, 2),
    gpus_total_farm: f(16, 16, 16),
    gpus_online_farm: f(16, 16, 16),
    gpus_busy_farm: f(8, 8, 8),
    leases_completed_farm: f(1, 1, 1),
    leases_failed_farm: f(0, 0, 0),
    leases_resumed_farm: f(0, 0, 0),
    provider_revenue_usd_farm: f(50, 50, 50),
    provider_rewards_usd_farm: f(0, 0, 0),
    provider_costs_usd_farm: f(10, 10, 10),
    payback_months_median_farm: f(7, 7, 7),
  };
  for (const a of ['datacenter', 'university']) for (const k of Object.keys(data).filter((n) => n.endsWith('_farm'))) data[k.replace('_farm', `_${a}`)] = f(0, 0, 0);

  it('sums the flows over the window; who is in, their GPUs and the median payback on its last day', () => {
    expect(hasTypeColumns({ data })).toBe(true);
    expect(hasTypeColumns({ data: { day: f(1) } })).toBe(false);
    const [home, farm, ...rest] = typeSummary({ data, lo: 1, hi: 2, periodHours: 24 });
    expect(rest).toEqual([]); // types with no providers and no GPUs online are left out
    expect(home.archetype).toBe('home');
    expect(home.active).toBe(8);
    expect(home.gpus).toBe(9);
    expect(home.providers).toBeNaN(); // who took part: only the per-provider report knows
    expect(home.utilization).toBeCloseTo(4 / 10, 12);
    expect(home.failureShare).toBeCloseTo(5 / 20, 12);
    expect(home.resumesPerLease).toBeCloseTo(5 / 20, 12);
    // income 40 + 10 + 20 + 30 = 100 USD over 4 busy GPU-days (96 GPU-h), half of it rewards
    expect(home.incomePerGpuHour).toBeCloseTo(100 / 96, 12);
    expect(home.rewardShare).toBeCloseTo(0.4, 12);
    // profit 100 - 150 = -50 over 18 provider-days
    expect(home.profitPerProviderMonth).toBeCloseTo(-50 / (18 / (365.25 / 12)), 9);
    expect(home.medianPaybackMonths).toBe(Infinity);
    expect(farm.medianPaybackMonths).toBe(7);
    expect(farm.utilization).toBe(0.5);
  });

  it('money figures are n/a without the economy\'s columns, not zeros', () => {
    const market = Object.fromEntries(Object.entries(data).filter(([k]) => !/usd|payback/.test(k)));
    const [home] = typeSummary({ data: market, lo: 0, hi: 2, periodHours: 24 });
    expect(home.utilization).toBeCloseTo(5 / 15, 12);
    expect(home.incomePerGpuHour).toBeNaN();
    expect(home.profitPerProviderMonth).toBeNaN();
    expect(home.medianPaybackMonths).toBeNaN();
  });
});
