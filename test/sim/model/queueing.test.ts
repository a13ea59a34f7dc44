/**
 * Validation against queueing theory (see mmc.ts for the method and the confidence bounds):
 * loads rho = 0.5, 0.8 and the M/M/1 here; rho = 0.9 in queueingHeavy.test.ts, so the two files run
 * on separate workers. Also the same M/M/c under each matcher, Little's law as bookkeeping in a rich
 * scenario, and the bundled mmc scenario.
 */
import { describe, expect, test } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../../src/sim/scenario/schema.ts';
import { PRESETS } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { col, mean, mmcScenario, type MmcOptions } from '../helpers.ts';
import { describeLoad } from './mmc.ts';

describe('M/M/c: the market reproduces queueing theory', () => {
  describeLoad(0);
  describeLoad(1);
  describeLoad(3);

  /**
   * With identical servers it does not matter who serves: every matcher must give the same queue,
   * period by period, as the cheapest-first run checked above (the arrivals and job streams do not
   * depend on the matcher). Prices differ (providers in different regions pay different electricity
   * prices, and auction bids add noise), as do the columns by region, and cheapest-first must pay
   * least over the run.
   */
  test.each(['spheron', 'auction', 'random'] as const)('the %s matcher gives exactly the same M/M/c queue', { timeout: 30_000 }, (matcher) => {
    const base: MmcOptions = { c: 10, lambda: 8, days: 21, economy: 'off' };
    const ref = createRun(mmcScenario(base), 5);
    ref.advance(ref.horizonHours);
    const run = createRun(mmcScenario({ ...base, matcher }), 5);
    run.advance(run.horizonHours);
    const a = ref.table();
    const b = run.table();
    let compared = 0;
    for (const c of a.columns) {
      if (/price|gmv/.test(c.name) && !c.name.startsWith('cloud_')) continue;
      // who serves, and so in which region the busy GPUs are, is the matcher's choice
      if (/_(na|eu|asia|other)$/.test(c.name)) continue;
      expect(col(b, c.name), c.name).toEqual(col(a, c.name));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    const gmv = (t: typeof a) => col(t, 'gmv_usd').reduce((x, y) => x + y, 0);
    expect(gmv(a)).toBeLessThanOrEqual(gmv(b));
    expect(mean(col(b, 'wait_mean_h'))).toBeGreaterThan(0);
  });
});

/**
 * Both sides of Little's law for a whole run: the time-average queue times the hours (the CSV's
 * queue_len_mean), and the hours every order spent waiting, from the lease rows (matched, expired,
 * cancelled) and the orders still waiting at the horizon. The warm start's leases were ordered
 * before t = 0: only their wait inside the run counts.
 */
function littleSides(s: Scenario, seed: number) {
  const T = s.horizonDays * 24;
  let waitH = 0;
  let orders = 0;
  let expired = 0;
  const run = createRun(s, seed, {
    onLease: (l) => {
      const left = Number.isNaN(l.matched_h) ? l.ended_h : l.matched_h;
      waitH += Math.min(left, T) - Math.max(0, l.ordered_h);
      orders++;
      if (l.outcome === 'expired') expired++;
    },
  });
  run.advance(run.horizonHours);
  // orders and leases still live at the horizon
  for (const l of run.model.leases.values()) waitH += (Number.isNaN(l.matchedAt) ? T : l.matchedAt) - Math.max(0, l.orderedAt);
  const table = run.table();
  const queueH = col(table, 'queue_len_mean').reduce((x, q) => x + q * s.metrics.periodHours, 0);
  return { run, table, queueH, waitH, orders, expired };
}

describe("Little's law as bookkeeping in a rich scenario", () => {
  test('queue_len_mean integrates to the total time orders spent waiting (with patience, failures, re-orders)', () => {
    const { table, queueH, waitH, expired } = littleSides(parseScenario({ horizonDays: 12, scale: 0.05, metrics: { periodHours: 6 } }), 5);
    expect(expired).toBeGreaterThan(0); // the scenario exercises patience
    expect(col(table, 'leases_failed').reduce((x, y) => x + y, 0)).toBeGreaterThan(0); // and failures
    expect(queueH).toBeGreaterThan(0);
    expect(Math.abs(queueH - waitH) / waitH).toBeLessThan(1e-9);
  });
});

/**
 * The same bookkeeping in every bundled preset over its own horizon, its shocks included (spot
 * preemptions, reservations, escrow runways, the burn-and-mint breaker, cheating bans, demand
 * swings). A mechanism that lost an order from the queue, or counted one twice, would break it.
 */
describe("Little's law in every bundled preset", () => {
  test.each(PRESETS.map((p) => p.name))('%s', { timeout: 60_000 }, (name) => {
    const s = parseScenario(applyOverrides(PRESETS.find((p) => p.name === name)!.raw, ['scale=0.05']));
    const { run, queueH, waitH, orders } = littleSides(s, 3);
    expect(orders).toBeGreaterThan(1000);
    expect(queueH).toBeGreaterThan(0);
    expect(Math.abs(queueH - waitH) / waitH).toBeLessThan(1e-9);
    // the model's own count of the waits (what the run's checks show) is the same, and every check holds
    expect(Math.abs(run.model.orderHoursWaited() - waitH) / waitH).toBeLessThan(1e-9);
    for (const c of run.checks()) expect(c.holds, `${c.title}: ${c.detail}`).toBe(true);
  });
});

describe('the bundled mmc scenario', () => {
  test('is the degenerate M/M/c setting and runs at rho', { timeout: 30_000 }, async () => {
    const { readFileSync } = await import('node:fs');
    const raw = JSON.parse(readFileSync(new URL('../../../scenarios/mmc.json', import.meta.url), 'utf8'));
    const s = parseScenario({ ...raw, horizonDays: 40 });
    const active = Object.entries(s.supply.archetypes).filter(([, a]) => a.share > 0);
    expect(active).toHaveLength(1);
    const [, a] = active[0];
    expect([a.gpusPerNodeMin, a.gpusPerNodeMax, a.nodesMin, a.nodesMax]).toEqual([1, 1, 1, 1]);
    expect([a.onlineHoursMin, a.onlineHoursMax, a.reliabilityMean, a.meanDownHours]).toEqual([24, 24, 1, 0]);
    expect(a.marginMin).toBe(a.marginMax);
    expect(Object.values(a.models).filter((w) => w > 0)).toHaveLength(1);
    expect(s.supply.priceAdjustPerDay).toBe(0);
    const classes = Object.values(s.demand.classes).filter((c) => c.share > 0);
    expect(classes).toHaveLength(1);
    const [jc] = classes;
    expect(jc.durationHours.dist).toBe('exponential');
    expect(jc.unlimitedPatience).toBe(true);
    expect([jc.cancelShare, jc.regionLockedShare]).toEqual([0, 0]);
    expect(Object.entries(jc.gpus).filter(([, w]) => w > 0).map(([k]) => k)).toEqual(['1']);
    expect([s.demand.diurnalAmplitude, s.demand.trendGrowthPerYear, s.demand.burstMeanJobs, s.market.setupHours]).toEqual([0, 0, 1, 0]);
    const c = s.supply.providers * s.scale;
    const meanService = jc.durationHours.dist === 'exponential' ? jc.durationHours.mean : NaN;
    const rho = (s.demand.baseRateJobsPerHour * s.scale * meanService) / c;
    const outcomes = new Set<string>();
    const run = createRun(s, 1, { onLease: (l) => outcomes.add(`${l.outcome} (${l.end_reason})`) });
    run.advance(run.horizonHours);
    const t = run.table();
    const u = mean(col(t, 'utilization', 1));
    expect(Math.abs(u - rho)).toBeLessThan(0.02);
    // c servers throughout: nobody leaves or joins, no lease fails
    expect([...outcomes]).toEqual(['completed (completed)']);
    expect(new Set(col(t, 'gpus_total'))).toEqual(new Set([c]));
    expect(run.model.providers.length).toBe(c);
  });
});
