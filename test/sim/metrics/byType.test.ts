/**
 * The metrics by provider type (home, farm, datacenter, university) and by region: each column sums
 * over the types (regions) to its network-wide column, day by day, and over the run they agree with
 * the per-provider report.
 * Checked on the baseline (every type, churn, entry, the token economy) at a small scale.
 */
import { describe, expect, test } from 'vitest';
import { createRun, columnsFor } from '../../../src/sim/run.ts';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { ARCHETYPES, REGIONS } from '../../../src/sim/scenario/schema.ts';
import { providerRows } from '../../../src/sim/economy/providerReport.ts';
import { ESCROW_COLUMNS, RESERVED_COLUMNS, ORDER_KIND_COLUMNS, ORDER_MATCH_COLUMNS, FIRST_ORDER_COLUMNS, WAITED_COLUMNS, SPOT_COLUMNS, MARKET_COLUMNS, NEW_JOB_COLUMNS, REGION_MARKET_COLUMNS, TYPE_MARKET_COLUMNS } from '../../../src/sim/metrics/marketMetrics.ts';
import { PROVIDER_INCOME_COLUMNS, ECONOMY_COLUMNS, TOKEN_FLOAT_COLUMNS, INCENTIVE_COLUMNS, BME_COLUMNS } from '../../../src/sim/metrics/economyMetrics.ts';
import { TYPE_ECONOMY_COLUMNS } from '../../../src/sim/economy/typeBooks.ts';
import { col } from '../helpers.ts';

const sum = (x: number[]) => x.reduce((a, b) => a + b, 0);
const scenario = (...sets: string[]) => parseScenario(applyOverrides(findPreset('baseline')!.raw, ['scale=0.25', 'horizonDays=40', ...sets]));

describe('metrics by region', () => {
  const run = createRun(scenario(), 3);
  run.advance(run.horizonHours);
  const t = run.table();
  const byRegion = (name: string) => REGIONS.map((r) => col(t, `${name}_${r}`));
  const days = col(t, 'day');
  const regionSum = (f: (r: number, i: number) => number) => days.map((_, i) => sum(REGIONS.map((__, r) => f(r, i))));

  test('providers and GPUs online sum over the regions to the network\'s; busy GPUs and billed USD too, through utilization and price', () => {
    expect(regionSum((r, i) => byRegion('providers_active')[r][i])).toEqual(col(t, 'providers_active'));
    const online = byRegion('gpus_online');
    const busy = (r: number, i: number) => byRegion('utilization')[r][i] * online[r][i];
    regionSum((r, i) => online[r][i]).forEach((v, i) => expect(v).toBeCloseTo(col(t, 'gpus_online')[i], 6));
    regionSum(busy).forEach((v, i) => expect(v).toBeCloseTo(col(t, 'gpus_busy')[i], 6));
    // price x GPU-hours served is the USD billed
    regionSum((r, i) => (busy(r, i) > 0 ? byRegion('price_usd_per_gpu_h')[r][i] * busy(r, i) * 24 : 0)).forEach((v, i) =>
      expect(v / col(t, 'gmv_usd')[i]).toBeCloseTo(1, 6),
    );
    // every region took part
    for (const r of REGIONS) expect(sum(col(t, `providers_active_${r}`)), r).toBeGreaterThan(0);
  });

  test('over the run, a region\'s busy GPU-hours are its providers\' in the per-provider report', () => {
    const rows = providerRows(run.model);
    REGIONS.forEach((r, k) => {
      const busyHours = sum(byRegion('utilization')[k].map((u, i) => u * byRegion('gpus_online')[k][i])) * 24;
      expect(busyHours / sum(rows.filter((p) => p.region === r).map((p) => p.busy_gpu_hours as number))).toBeCloseTo(1, 6);
    });
  });
});

describe('metrics by provider type', () => {
  const run = createRun(scenario(), 3);
  run.advance(run.horizonHours);
  const t = run.table();
  const byType = (name: string) => ARCHETYPES.map((a) => col(t, `${name}_${a}`));
  const typeSum = (name: string) => col(t, 'day').map((_, i) => sum(byType(name).map((c) => c[i])));

  test('counts of providers, GPUs and leases sum over the types to the network\'s, exactly, every day', () => {
    expect(typeSum('providers_active')).toEqual(col(t, 'providers_active'));
    expect(typeSum('gpus_total')).toEqual(col(t, 'gpus_total'));
    expect(typeSum('leases_completed')).toEqual(col(t, 'jobs_completed'));
    expect(typeSum('leases_failed')).toEqual(col(t, 'leases_failed'));
    expect(typeSum('leases_resumed')).toEqual(col(t, 'leases_resumed'));
    // every type took part and something happened to each
    for (const a of ARCHETYPES) expect(sum(col(t, `leases_completed_${a}`)), a).toBeGreaterThan(0);
    expect(sum(col(t, 'leases_failed'))).toBeGreaterThan(0);
  });

  test('GPUs online and busy, and the providers\' revenue, rewards and costs sum to the network\'s every day', () => {
    const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
    close(typeSum('gpus_online'), col(t, 'gpus_online'));
    close(typeSum('gpus_busy'), col(t, 'gpus_busy'));
    for (const [typed, total] of [
      ['provider_revenue_usd', 'provider_revenue_usd'],
      ['provider_rewards_usd', 'provider_rewards_usd'],
      ['provider_costs_usd', 'provider_costs_usd'],
    ]) {
      const s = typeSum(typed);
      col(t, total).forEach((v, i) => expect(Math.abs(s[i] - v)).toBeLessThan(1e-6 * Math.max(1, Math.abs(v))));
    }
    // a type's utilization is its busy over its online GPUs
    const u = col(t, 'utilization_farm');
    byType('gpus_busy')[1].forEach((b, i) => expect(u[i]).toBeCloseTo(b / byType('gpus_online')[1][i], 12));
  });

  test('over the run they are the per-provider report\'s figures by type', () => {
    const rows = providerRows(run.model);
    const days = col(t, 'day').length;
    ARCHETYPES.forEach((a) => {
      const of = rows.filter((r) => r.archetype === a);
      const busyHours = sum(col(t, `gpus_busy_${a}`)) * 24;
      expect(busyHours / sum(of.map((r) => r.busy_gpu_hours as number))).toBeCloseTo(1, 9);
      expect(sum(col(t, `leases_resumed_${a}`))).toBe(sum(of.map((r) => r.leases_resumed as number)));
      expect(sum(col(t, `provider_revenue_usd_${a}`)) / sum(of.map((r) => r.revenue_usd as number))).toBeCloseTo(1, 9);
      expect(sum(col(t, `provider_rewards_usd_${a}`)) / sum(of.map((r) => r.rewards_usd as number))).toBeCloseTo(1, 9);
      // the last day's median payback is that of the type's providers still in
      const live = of.filter((r) => r.active === 1).map((r) => r.payback_months as number).sort((x, y) => x - y);
      const mid = live.length % 2 ? live[(live.length - 1) / 2] : (live[live.length / 2 - 1] + live[live.length / 2]) / 2;
      expect(col(t, `payback_months_median_${a}`)[days - 1]).toBe(mid);
    });
  });

  test('appended after the columns that were there, so they keep their places; without the economy only the market\'s', () => {
    const names = (cs: { name: string }[]) => cs.map((c) => c.name);
    expect(names(columnsFor(scenario()))).toEqual(names([...MARKET_COLUMNS, ...ECONOMY_COLUMNS, ...TYPE_MARKET_COLUMNS, ...TYPE_ECONOMY_COLUMNS, ...REGION_MARKET_COLUMNS, ...TOKEN_FLOAT_COLUMNS, ...PROVIDER_INCOME_COLUMNS, ...INCENTIVE_COLUMNS, ...NEW_JOB_COLUMNS, ...ESCROW_COLUMNS, ...SPOT_COLUMNS, ...RESERVED_COLUMNS, ...ORDER_KIND_COLUMNS, ...BME_COLUMNS, ...ORDER_MATCH_COLUMNS, ...FIRST_ORDER_COLUMNS, ...WAITED_COLUMNS]));
    const off = createRun(scenario('economy.enabled=false', 'horizonDays=3'), 1);
    off.advance(off.horizonHours);
    expect(Object.keys(off.table().data)).toEqual(names([...MARKET_COLUMNS, ...TYPE_MARKET_COLUMNS, ...REGION_MARKET_COLUMNS, ...NEW_JOB_COLUMNS, ...ESCROW_COLUMNS, ...SPOT_COLUMNS, ...RESERVED_COLUMNS, ...ORDER_KIND_COLUMNS, ...ORDER_MATCH_COLUMNS, ...FIRST_ORDER_COLUMNS, ...WAITED_COLUMNS]));
    expect(REGION_MARKET_COLUMNS).toHaveLength(4 * 4);
    expect(names(TOKEN_FLOAT_COLUMNS)).toEqual(['token_for_sale_tokens', 'token_buy_shortfall_tokens']);
    expect(names(PROVIDER_INCOME_COLUMNS)).toEqual(['income_hhi', 'income_nakamoto', 'providers_under_water_share']);
    expect(names(INCENTIVE_COLUMNS)).toEqual(['incentive_paid_usd', 'incentive_budget_usd', 'incentive_runway_days']);
    expect(TYPE_MARKET_COLUMNS).toHaveLength(8 * 4);
    expect(TYPE_ECONOMY_COLUMNS).toHaveLength(4 * 4);
    expect(names(WAITED_COLUMNS)).toEqual(['orders_waited', 'wait_share', 'wait_mean_h_waited']);
  });
});
