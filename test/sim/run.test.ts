/**
 * Determinism and metamorphic relations of whole runs: same seed gives the same bytes; another seed
 * other numbers; slices of any size equal the whole run; zero demand gives zero leases; scaling every
 * USD price by 2 scales every USD output by 2 and changes nothing else.
 */
import { UNITS_PER } from '../../src/sim/economy/ledger.ts';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createRun, runScenario, type LeaseRow } from '../../src/sim/run.ts';
import { tableToCsv } from '../../src/sim/metrics/csv.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { ARCHETYPES, JOB_CLASSES, REGIONS, type Scenario } from '../../src/sim/scenario/schema.ts';
import { col } from './helpers.ts';
import { scenarioHash } from '../../src/sim/scenario/hash.ts';
import { VERSION } from '../../src/sim/version.ts';

/** A small but complete scenario: every archetype, every job class, failures, churn, the economy. */
const SMALL = parseScenario({ horizonDays: 10, scale: 0.05, metrics: { periodHours: 12 } });

function csvOf(s: Scenario, seed: number): string {
  return tableToCsv(runScenario(s, seed).table);
}

function sliced(s: Scenario, seed: number, cuts: number[], maxEvents = Infinity): { csv: string; leases: LeaseRow[]; events: number } {
  const leases: LeaseRow[] = [];
  const run = createRun(s, seed, { onLease: (r) => leases.push(r) });
  for (const c of cuts) while (!run.advance(c, maxEvents));
  while (!run.advance(run.horizonHours, maxEvents));
  expect(run.done()).toBe(true);
  return { csv: tableToCsv(run.table()), leases, events: run.eventsProcessed() };
}

describe('determinism', () => {
  test('same scenario and seed: byte-identical CSV, twice', { timeout: 20_000 }, () => {
    const a = csvOf(SMALL, 7);
    const b = csvOf(SMALL, 7);
    expect(b).toBe(a);
    expect(a.split('\n').length).toBe(SMALL.horizonDays * 2 + 2); // header, 20 rows, final newline
  });

  test('a run carries what reproduces it: scenario hash, seed, version, days', () => {
    const r = runScenario(parseScenario({ horizonDays: 2, scale: 0.02, name: 'tiny' }), 99);
    expect(r.meta).toEqual({ scenarioName: 'tiny', scenarioHash: scenarioHash(parseScenario({ horizonDays: 2, scale: 0.02 })), seed: 99, version: VERSION, days: 2 });
    expect(r.table.rows).toBe(2);
    expect(r.events).toBeGreaterThan(0);
  });

  test('another seed gives other numbers', { timeout: 20_000 }, () => {
    const a = runScenario(SMALL, 7).table;
    const b = runScenario(SMALL, 8).table;
    expect(tableToCsv(b)).not.toBe(tableToCsv(a));
    // not just one cell: arrivals and waits differ in most periods
    const arrA = col(a, 'jobs_arrived');
    const arrB = col(b, 'jobs_arrived');
    expect(arrA.filter((x, i) => x !== arrB[i]).length).toBeGreaterThan(arrA.length / 2);
  });

  test('a run in random slices (and with event budgets) equals the whole run (property)', { timeout: 60_000 }, () => {
    const whole = sliced(SMALL, 11, []);
    const H = SMALL.horizonDays * 24;
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: H, noNaN: true }), { maxLength: 8, size: 'max' }), fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }), (cuts, budget) => {
        const r = sliced(SMALL, 11, [...cuts].sort((x, y) => x - y), budget ?? Infinity);
        expect(r.csv).toBe(whole.csv);
        expect(r.events).toBe(whole.events);
        expect(JSON.stringify(r.leases)).toBe(JSON.stringify(whole.leases));
      }),
      { numRuns: 8, seed: 5 },
    );
  });

  test('slices at period boundaries and at odd times give the same table as a whole run', { timeout: 20_000 }, () => {
    const whole = sliced(SMALL, 12, []);
    const cuts = [0, 12, 12, 12.000001, 36.5, 100, 143.99999, 144];
    expect(sliced(SMALL, 12, cuts).csv).toBe(whole.csv);
    // advancing beyond the horizon clamps to it
    const run = createRun(SMALL, 12);
    run.advance(1e9);
    expect(run.now()).toBe(SMALL.horizonDays * 24);
    expect(tableToCsv(run.table())).toBe(whole.csv);
  });
});

describe('metamorphic relations', () => {
  test('zero demand: no leases, no work, no revenue', { timeout: 20_000 }, () => {
    const s = parseScenario({ horizonDays: 5, scale: 0.05, demand: { baseRateJobsPerHour: 0 } });
    const leases: LeaseRow[] = [];
    const run = createRun(s, 3, { onLease: (r) => leases.push(r) });
    run.advance(run.horizonHours);
    const t = run.table();
    expect(leases).toEqual([]);
    expect(run.model.leases.size).toBe(0);
    for (const c of ['jobs_arrived', 'jobs_started', 'jobs_completed', 'jobs_expired', 'leases_failed', 'queue_len_mean', 'gpu_hours_demanded', 'gpu_hours_served', 'gpus_busy', 'gmv_usd', 'utilization']) {
      expect(new Set(col(t, c)), c).toEqual(new Set([0]));
    }
    // prices are undefined (no GPU-hour served), not zero
    expect(col(t, 'price_usd_per_gpu_h').every(Number.isNaN)).toBe(true);
    expect(col(t, 'gpus_online').every((g) => g > 0)).toBe(true);
  });

  /**
   * Scaling every USD price by k: what is expressible in a scenario is the provider's costs (electricity
   * and ops x k, hardware life / k so amortization per hour is x k) and the tenants' willingness to pay
   * (budget factors x k). The catalogue's purchase and cloud prices are fixed data and cannot be scaled,
   * so the cloud reference columns stay as they are; and the token economy is switched off because its
   * rewards are in tokens at a USD token price that is not a "price" of the market. With k = 2 every
   * scaled quantity is exactly representable, so the run must take the same decisions bit for bit.
   */
  test('doubling every price doubles every USD output and changes nothing else', { timeout: 20_000 }, () => {
    const raw = { horizonDays: 8, scale: 0.05, metrics: { periodHours: 12 }, economy: { enabled: false }, supply: { priceAdjustPerDay: 0.05 } };
    const base = parseScenario(raw);
    const k = 2;
    const scaled = structuredClone(base);
    for (const r of REGIONS) {
      scaled.supply.electricity[r].residentialUsdPerKwh *= k;
      scaled.supply.electricity[r].industrialUsdPerKwh *= k;
    }
    for (const a of ARCHETYPES) {
      scaled.supply.archetypes[a].opsUsdPerGpuHour *= k;
      scaled.supply.archetypes[a].lifeYears /= k;
    }
    for (const c of JOB_CLASSES) {
      scaled.demand.classes[c].budgetFactorMin *= k;
      scaled.demand.classes[c].budgetFactorMax *= k;
    }
    // the scaled scenario is a valid scenario file
    expect(parseScenario(JSON.parse(JSON.stringify(scaled)))).toEqual(scaled);

    const ra: LeaseRow[] = [];
    const rb: LeaseRow[] = [];
    const A = createRun(base, 4, { onLease: (r) => ra.push(r) });
    const B = createRun(scaled, 4, { onLease: (r) => rb.push(r) });
    A.advance(A.horizonHours);
    B.advance(B.horizonHours);
    const ta = A.table();
    const tb = B.table();
    const usd = (name: string) => /price_usd|gmv_usd/.test(name) && !name.startsWith('cloud_');
    let scaledCols = 0;
    for (const c of ta.columns) {
      const a = col(ta, c.name);
      const b = col(tb, c.name);
      if (usd(c.name)) {
        scaledCols++;
        b.forEach((x, i) => expect(Number.isNaN(x) ? x : x / k, `${c.name} row ${i}`).toBe(a[i]));
      } else {
        expect(b, c.name).toEqual(a);
      }
    }
    expect(scaledCols).toBeGreaterThanOrEqual(7);
    expect(col(ta, 'gmv_usd').reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
    // lease by lease: same provider, same times, price and budget x k, billed x k up to ledger rounding (two ledger units)
    expect(rb.length).toBe(ra.length);
    ra.forEach((a, i) => {
      const b = rb[i];
      expect({ ...b, price_usd_per_gpu_h: 0, budget_usd_per_gpu_h: 0, billed_usd: 0 }).toEqual({ ...a, price_usd_per_gpu_h: 0, budget_usd_per_gpu_h: 0, billed_usd: 0 });
      if (!Number.isNaN(a.price_usd_per_gpu_h)) expect(b.price_usd_per_gpu_h).toBe(k * a.price_usd_per_gpu_h);
      expect(b.budget_usd_per_gpu_h).toBe(k * a.budget_usd_per_gpu_h);
      expect(Math.abs(b.billed_usd - k * a.billed_usd)).toBeLessThanOrEqual(2 / UNITS_PER);
    });
  });
});
