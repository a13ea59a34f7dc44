/**
 * Matcher criteria end to end: the same demand (the jobs and arrivals streams do not depend on the
 * matcher) run through the full model with one spheron weight low and high; the lease rows must show
 * the effect. Plus cheapest against random on realized prices.
 */
import { describe, expect, test } from 'vitest';
import { runAll } from '../helpers.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import type { LeaseRow } from '../../../src/sim/run.ts';

const BASE = { horizonDays: 6, scale: 0.05, economy: { enabled: false } };

function leases(over: Record<string, unknown>, seed = 3): LeaseRow[] {
  const market = { ...((over.market as object) ?? {}) };
  return runAll(parseScenario({ ...BASE, ...over, market }), seed).leases.filter((r) => r.provider_id >= 0);
}

const share = (rows: LeaseRow[], pred: (r: LeaseRow) => boolean) => rows.filter(pred).length / rows.length;
const meanOf = (rows: LeaseRow[], f: (r: LeaseRow) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;

describe('spheron criteria through whole runs', () => {
  test('region weight: more leases land in the tenant\'s own region', { timeout: 20_000 }, () => {
    const sameRegion = (w: number) =>
      share(
        leases({ market: { matcher: 'spheron', weights: { region: w } } }).filter((r) => !r.region_locked),
        (r) => r.provider_region === r.tenant_region,
      );
    const lo = sameRegion(0);
    const hi = sameRegion(5);
    if (process.env.DEPINSIM_TEST_VERBOSE) console.log(`same-region share ${lo} -> ${hi}`);
    expect(hi, `same-region share ${lo} -> ${hi}`).toBeGreaterThan(lo + 0.2);
  });

  test('price weight: tenants pay less of their budget', { timeout: 20_000 }, () => {
    const paid = (w: number) => meanOf(leases({ market: { matcher: 'spheron', weights: { price: w } } }), (r) => r.price_usd_per_gpu_h / r.budget_usd_per_gpu_h);
    const lo = paid(0);
    const hi = paid(5);
    if (process.env.DEPINSIM_TEST_VERBOSE) console.log(`price / budget ${lo} -> ${hi}`);
    expect(hi, `price / budget ${lo} -> ${hi}`).toBeLessThan(lo * 0.9);
  });

  test('uptime weight: more work goes to always-on providers than to part-day home GPUs', { timeout: 20_000 }, () => {
    const home = (w: number) => share(leases({ market: { matcher: 'spheron', weights: { uptime: w } } }), (r) => r.archetype === 'home');
    const lo = home(0);
    const hi = home(10);
    if (process.env.DEPINSIM_TEST_VERBOSE) console.log(`home share ${lo} -> ${hi}`);
    expect(hi, `home share ${lo} -> ${hi}`).toBeLessThan(lo - 0.05);
  });
});

describe('baseline matchers through whole runs', () => {
  test('cheapest pays less per GPU-hour than random, on the same demand', { timeout: 20_000 }, () => {
    const rel = (m: string) => meanOf(leases({ market: { matcher: m } }), (r) => r.price_usd_per_gpu_h / r.cloud_usd_per_gpu_h);
    const cheap = rel('cheapest');
    const rand = rel('random');
    if (process.env.DEPINSIM_TEST_VERBOSE) console.log(`price / cloud: cheapest ${cheap}, random ${rand}`);
    expect(cheap, `price / cloud: cheapest ${cheap}, random ${rand}`).toBeLessThan(rand * 0.9);
  });

  test('auction: every winning bid is within the tenant budget', { timeout: 20_000 }, () => {
    const rows = leases({ market: { matcher: 'auction', auctionBidNoise: 0.3 } });
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.price_usd_per_gpu_h).toBeLessThanOrEqual(r.budget_usd_per_gpu_h);
  });
});
