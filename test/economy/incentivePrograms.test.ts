/**
 * Provider incentive programs (economy.incentivePrograms): the budget's accounting (claims, the
 * pro-rata last day, the treasury's limit, the runway), who is paid in a run and how much, the
 * treasury selling its tokens for a program it funds, would-be providers counting the pay, and the
 * incentive_pilot preset against its control.
 */
import { describe, expect, it } from 'vitest';
import { IncentivePrograms, type IncentiveProgram } from '../../src/sim/economy/incentivePrograms.ts';
import { providerRows } from '../../src/sim/economy/providerReport.ts';
import { GPU_CATALOGUE } from '../../src/sim/supply/catalogue.ts';
import { ARCHETYPES, REGIONS } from '../../src/sim/scenario/schema.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import type { Provider } from '../../src/sim/model/types.ts';
import { col, expectSameUntil, mean, runToEnd, scenarioFile, small, sum } from './fixtures.ts';

const program = (over: Partial<IncentiveProgram> = {}): IncentiveProgram => ({ startDay: 10, durationDays: 20, budgetUsd: 1000, usdPerGpuHour: 0.5, minVramGb: 0, fundedBy: 'grant', ...over });
/** The index of the last day a program paid (-1 if none). */
const lastPaying = (paid: Float64Array) => {
  for (let d = paid.length - 1; d >= 0; d--) if (paid[d] > 0) return d;
  return -1;
};
const gpu = (id: string) => GPU_CATALOGUE.findIndex((g) => g.id === id);
const provider = (model: string, archetype = 'datacenter', region = 'na') =>
  ({ model: gpu(model), archetype: ARCHETYPES.indexOf(archetype as never), region: REGIONS.indexOf(region as never) }) as Provider;

describe('the budget of an incentive program', () => {
  it('pays the full rate while the budget lasts, pro rata on the day it runs dry, then nothing; outside its days nothing', () => {
    const g = new IncentivePrograms([program({ budgetUsd: 250 })], 1);
    const h100 = provider('h100');
    const day = (d: number, hours: number) => {
      g.beginDay();
      g.claim(h100, hours, d);
      g.settle(d, 0);
      return g.rateFor(h100, d);
    };
    expect(day(10, 240)).toBe(0); // day 10 ends at the start day: not yet
    expect(day(11, 240)).toBe(0.5); // $120 of $250
    expect(g.runwayDays(11, 0)).toBeCloseTo(130 / 120, 12); // a grant: the treasury does not bound it
    expect(day(12, 240)).toBe(0.5); // $240
    expect(day(13, 240)).toBeCloseTo(0.5 * (10 / 120), 12); // the last $10 for $120 of claims
    expect(g.dryDay[0]).toBe(13);
    expect(g.budgetLeft(13)).toBe(0);
    expect(day(14, 240)).toBe(0);
    expect(g.runwayDays(14, 0)).toBeNaN();
  });

  it('the budget scales with the scenario; it ends on its last day with budget left, which then no longer counts', () => {
    const g = new IncentivePrograms([program({ budgetUsd: 1000, durationDays: 2 })], 4);
    expect(g.left[0]).toBe(4000);
    expect(g.budgetLeft(0)).toBe(4000);
    for (const d of [11, 12, 13]) {
      g.beginDay();
      g.claim(provider('a100_80'), 100, d);
      g.settle(d, 0);
    }
    expect(g.left[0]).toBe(4000 - 2 * 50);
    expect(g.budgetLeft(12)).toBe(0); // its last day is over
    expect(g.budgetLeft(11)).toBe(3900); // what is left now, while day 11 is not its last
  });

  it('reaches only the GPUs, types and regions it names', () => {
    const g = new IncentivePrograms([program({ minVramGb: 40, archetypes: ['datacenter', 'university'], regions: ['eu'] })], 1);
    expect(g.reaches(0, provider('h100', 'datacenter', 'eu'))).toBe(true);
    expect(g.reaches(0, provider('a100_40', 'university', 'eu'))).toBe(true);
    expect(g.reaches(0, provider('rtx4090', 'datacenter', 'eu'))).toBe(false); // 24 GB
    expect(g.reaches(0, provider('h100', 'farm', 'eu'))).toBe(false);
    expect(g.reaches(0, provider('h100', 'datacenter', 'na'))).toBe(false);
  });

  it('a treasury program pays no more than the treasury can raise; grants do not count against it', () => {
    const g = new IncentivePrograms([program({ fundedBy: 'treasury' }), program({ fundedBy: 'grant' })], 1);
    g.beginDay();
    g.claim(provider('h100'), 100, 11); // $50 claimed from each
    const need = g.settle(11, 20);
    expect(need).toEqual({ grantUsd: 50, treasuryUsd: 20 });
    expect(g.rateFor(provider('h100'), 11)).toBeCloseTo(0.5 * 0.4 + 0.5, 12);
    expect(g.dryDay[0]).toBe(11); // the treasury could not pay it all: the program stops
    expect(g.dryDay[1]).toBeNaN();
  });

  it("a treasury program's runway is no longer than the treasury can pay for, whatever its budget", () => {
    const g = new IncentivePrograms([program({ fundedBy: 'treasury', budgetUsd: 1e6 }), program({ budgetUsd: 1000 })], 1);
    g.beginDay();
    g.claim(provider('h100'), 100, 11); // $50 a day from each
    g.settle(11, 1e9);
    expect(g.runwayDays(11, 1e9)).toBeCloseTo((1e6 - 50 + 950) / 100, 9);
    expect(g.runwayDays(11, 500)).toBeCloseTo((500 + 950) / 100, 9);
    expect(g.runwayDays(11, -3)).toBeCloseTo(950 / 100, 9);
  });

  it('a would-be provider counts the share of its first year the program still covers after its lag, cut short by the runway', () => {
    const g = new IncentivePrograms([program({ startDay: 0, durationDays: 365, budgetUsd: 1e9 })], 1);
    const h100 = provider('h100');
    expect(g.expectedRate(h100, 1, 0)).toBeCloseTo((0.5 * 364) / 365, 12);
    expect(g.expectedRate(h100, 1, 90)).toBeCloseTo((0.5 * 274) / 365, 12);
    expect(g.expectedRate(h100, 1, 400)).toBe(0);
    expect(g.expectedRate(provider('rtx3060'), 1, 0)).toBeCloseTo((0.5 * 364) / 365, 12);
    // paying $1e9 a day leaves a day of budget: 10 days in, the program ends tomorrow in all but name
    g.beginDay();
    g.claim(h100, 2e9, 10);
    g.settle(10, 0);
    expect(g.left[0]).toBe(0);
    expect(g.expectedRate(h100, 10, 0)).toBe(0);
  });

  it('validation: a rate or budget out of range is refused naming the field', () => {
    const bad = (g: object) => validateScenario({ economy: { incentivePrograms: [g] } });
    const r = bad({ startDay: 10, durationDays: 30, budgetUsd: 1000, usdPerGpuHour: 500 });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['economy.incentivePrograms.0.usdPerGpuHour']);
    const r2 = bad({ startDay: 10, durationDays: 30, budgetUsd: 0, usdPerGpuHour: 0.3 });
    expect(!r2.ok && r2.issues.map((i) => i.path)).toEqual(['economy.incentivePrograms.0.budgetUsd']);
    const r3 = bad({ startDay: 10, durationDays: 30, budgetUsd: 1000, usdPerGpuHour: 0.3, fundedBy: 'bank' });
    expect(!r3.ok && r3.issues.map((i) => i.path)).toEqual(['economy.incentivePrograms.0.fundedBy']);
    expect(bad({ startDay: 10, durationDays: 30, budgetUsd: 1000, usdPerGpuHour: 0.3 }).ok).toBe(true);
  });
});

describe('an incentive program in a run', () => {
  const days = 40;
  const withProgram = (g: object) => small(300, days, { economy: { incentivePrograms: [g] } });
  const grant = { startDay: 10, durationDays: 20, budgetUsd: 500_000, usdPerGpuHour: 0.5, minVramGb: 40, archetypes: ['datacenter'] };
  const run = runToEnd(withProgram(grant), 3);
  const ctrl = runToEnd(small(300, days), 3);

  it('the same run as without it until its first day; then it pays only the providers it reaches, as much as the column says', () => {
    expectSameUntil(run, ctrl, 10, ['gpus_online', 'utilization', 'price_usd_per_gpu_h', 'provider_profit_usd', 'token_price_usd']);
    const paid = col(run, 'incentive_paid_usd');
    expect(sum(paid, 0, 10)).toBe(0);
    expect(Math.min(...paid.slice(10, 30))).toBeGreaterThan(0);
    const rows = providerRows(run.model);
    const reached = rows.filter((r) => r.archetype === 'datacenter' && GPU_CATALOGUE.find((g) => g.id === r.gpu_model)!.vramGb >= 40);
    const others = rows.filter((r) => !reached.includes(r));
    expect(reached.length).toBeGreaterThan(0);
    expect(others.every((r) => r.incentive_usd === 0)).toBe(true);
    expect(sum(reached.map((r) => r.incentive_usd))).toBeCloseTo(sum(paid), 2);
    // at most the rate for every online GPU-hour of the reached providers
    for (const r of reached) expect(r.incentive_usd).toBeLessThanOrEqual(0.5 * r.online_gpu_hours + 1e-9);
    // the profit column counts it; lease income and rewards do not
    const profit = col(run, 'provider_profit_usd');
    const parts = ['provider_revenue_usd', 'provider_rewards_usd', 'incentive_paid_usd'].map((c) => col(run, c));
    const costs = col(run, 'provider_costs_usd');
    for (let d = 0; d < days; d++) expect(profit[d]).toBeCloseTo(parts[0][d] + parts[1][d] + parts[2][d] - costs[d], 4);
  });

  it('the budget goes down by what it pays; the runway is budget left over the day\'s pay; after its last day nothing is paid and no budget counts', () => {
    const paid = col(run, 'incentive_paid_usd');
    const left = col(run, 'incentive_budget_usd');
    const runway = col(run, 'incentive_runway_days');
    expect(left[5]).toBe(500_000);
    for (let d = 10; d < 29; d++) {
      expect(left[d]).toBeCloseTo(500_000 - sum(paid, 0, d + 1), 1); // to a few cents: each provider's pay is rounded down to the ledger's unit
      expect(runway[d] / (left[d] / paid[d])).toBeCloseTo(1, 6);
    }
    expect(sum(paid, 30)).toBe(0);
    expect(left[30]).toBe(0);
    expect(runway[30]).toBeNaN();
  });

  it('a budget too small for its days runs dry: it pays exactly the budget, then stops, and the runway said when', () => {
    const dry = runToEnd(withProgram({ ...grant, budgetUsd: 60_000 }), 3);
    const paid = col(dry, 'incentive_paid_usd');
    expect(sum(paid)).toBeCloseTo(60_000, 1);
    const last = lastPaying(paid);
    expect(last).toBeGreaterThan(10);
    expect(last).toBeLessThan(29);
    // the day before it ran dry, the runway gave the days left to within one
    const runway = col(dry, 'incentive_runway_days');
    expect(Math.abs(runway[last - 1] - 1)).toBeLessThan(1);
    expect(col(dry, 'incentive_budget_usd')[last]).toBe(0);
  });

  it('the data centres it reaches pay their hardware back sooner while it pays', () => {
    expect(mean(col(run, 'payback_months_median_datacenter'), 20, 30)).toBeLessThan(0.85 * mean(col(ctrl, 'payback_months_median_datacenter'), 20, 30));
  });

  it('a treasury program is paid from the treasury, which sells its tokens for it; it stops when the treasury is empty', () => {
    const t = runToEnd(withProgram({ ...grant, fundedBy: 'treasury', budgetUsd: 1e9, usdPerGpuHour: 5 }), 3);
    const tok = col(t, 'treasury_tokens');
    const ctok = col(ctrl, 'treasury_tokens');
    expect(tok[9]).toBe(ctok[9]);
    expect(tok[20]).toBeLessThan(ctok[20] / 2);
    expect(sum(col(t, 'token_sell_usd'), 10, 30)).toBeGreaterThan(sum(col(ctrl, 'token_sell_usd'), 10, 30));
    // $5 an hour for every reached GPU is more than the treasury holds: it ran out and the program stopped
    const paid = col(t, 'incentive_paid_usd');
    const last = lastPaying(paid);
    expect(last).toBeLessThan(29);
    expect(sum(paid, last + 1)).toBe(0);
    // its runway is what the treasury holds over the day's pay, not its $1e9 budget (over the days it paid in full)
    expect(last).toBeGreaterThan(11);
    const runway = col(t, 'incentive_runway_days');
    const price = col(t, 'token_price_usd');
    const usd = col(t, 'treasury_usd');
    for (let d = 10; d < last; d++) expect(runway[d] / ((tok[d] * price[d] + usd[d]) / paid[d])).toBeCloseTo(1, 4);
  });

  it('a would-be provider it reaches expects a higher margin while it runs; one it does not, the same', () => {
    // a budget that lasts: the runway at the day's spend reaches past a data centre's 90 days of lag
    const mid = runToEnd(small(300, 15, { economy: { incentivePrograms: [{ ...grant, durationDays: 600, budgetUsd: 2e7 }] } }), 3);
    const midCtrl = runToEnd(small(300, 15), 3);
    const dc = mid.model.providers.find((p) => p.archetype === ARCHETYPES.indexOf('datacenter') && GPU_CATALOGUE[p.model].vramGb >= 40)!;
    const home = mid.model.providers.find((p) => p.archetype === ARCHETYPES.indexOf('home'))!;
    expect(mid.model.economy!.expectedMargin(dc)).toBeGreaterThan(midCtrl.model.economy!.expectedMargin(dc));
    expect(mid.model.economy!.expectedMargin(home)).toBeCloseTo(midCtrl.model.economy!.expectedMargin(home), 1);
  });
});

describe('incentive_pilot', () => {
  it('the same run until day 60; it pays ~$0.30 per online GPU-hour of 40 GB GPUs, runs dry before its last day, and the price falls against the control while it pays', () => {
    const over = { scale: 0.25, horizonDays: 250 };
    const pilot = runToEnd(scenarioFile('incentive_pilot', over), 1);
    const ctrl = runToEnd(scenarioFile('incentive_pilot', { ...over, economy: { incentivePrograms: [] } }), 1);
    expectSameUntil(pilot, ctrl, 60, ['gpus_online', 'utilization', 'price_usd_per_gpu_h', 'providers_active']);
    const paid = col(pilot, 'incentive_paid_usd');
    expect(sum(paid)).toBeCloseTo(12e6 * 0.25, 0);
    const last = lastPaying(paid);
    expect(last).toBeGreaterThan(120);
    expect(last).toBeLessThan(239);
    expect(mean(col(pilot, 'price_usd_per_gpu_h'), 90, last)).toBeLessThan(mean(col(ctrl, 'price_usd_per_gpu_h'), 90, last));
    expect(mean(col(pilot, 'payback_months_median_datacenter'), 90, last)).toBeLessThan(0.8 * mean(col(ctrl, 'payback_months_median_datacenter'), 90, last));
  }, 120_000);
});
