/**
 * Escrow runways in a run: the leases closed for insufficient funds and the hours served unpaid, day
 * by day as the lease export has them; tenants who always top up change nothing but the probability
 * column; a top-up shock closes more leases while it lasts.
 */
import { describe, expect, it } from 'vitest';
import type { LeaseRow } from '../../../src/sim/model/leaseRow.ts';
import { ESCROW_COLUMNS } from '../../../src/sim/metrics/marketMetrics.ts';
import { col, mean, runToEnd, saturated, scenarioFile, sum } from '../../economy/fixtures.ts';

/** 40 single-GPU providers kept busy by three-day leases, the tenants depositing a day at a time. */
const threeDayLeases = (escrow: Record<string, unknown> | undefined, days = 12) =>
  saturated(40, days, {
    demand: { baseRateJobsPerHour: 2, classes: { inference: { durationHours: { dist: 'fixed', value: 72 }, patienceHours: { dist: 'fixed', value: 24 } } } },
    ...(escrow ? { market: { escrow } } : {}),
  });

describe('escrow runways in a run', () => {
  it('closes the leases whose escrow runs dry, paying the providers for the funded hours only; the columns add up to the lease export', () => {
    const rows: LeaseRow[] = [];
    const run = runToEnd(threeDayLeases({ runwayDays: 1, topUpProbability: 0.5, detectionLagHours: 2 }), 3, (r) => rows.push(r));
    const dry = rows.filter((r) => r.end_reason === 'insufficient_funds');
    // a 72-hour lease runs out after 24 or 48 hours with probability 1/2 + 1/4
    const started = rows.filter((r) => Number.isFinite(r.started_h) && r.ended_h - r.started_h > 49 + 2);
    expect(dry.length).toBeGreaterThan(30);
    // the hours the deposits paid for (billed_usd is in the ledger's units, 1/10,000 USD)
    const fundedOf = (r: LeaseRow) => Math.round(r.billed_usd / (r.price_usd_per_gpu_h * r.gpus) / 24) * 24;
    for (const r of dry) {
      expect(r.outcome).toBe('cancelled');
      const funded = fundedOf(r);
      expect([24, 48]).toContain(funded);
      expect(r.billed_usd).toBeCloseTo(funded * r.price_usd_per_gpu_h * r.gpus, 3);
      // served past the funded hours until the provider's next withdrawal noticed it, at most the lag
      expect(r.gpu_hours / r.gpus - funded).toBeGreaterThanOrEqual(-1e-9);
      expect(r.gpu_hours / r.gpus - funded).toBeLessThanOrEqual(2 + 1e-9);
    }
    // the other long leases ran their 72 hours in full (the tenant topped up twice), paid in full
    for (const r of started) {
      if (r.end_reason === 'insufficient_funds') continue;
      expect(r.outcome).toBe('completed');
      expect(r.billed_usd).toBeCloseTo(72 * r.price_usd_per_gpu_h * r.gpus, 3);
    }
    const overdrawn = col(run, 'leases_overdrawn');
    const unpaidH = col(run, 'gpu_hours_unpaid');
    const unpaidUsd = col(run, 'unpaid_usd');
    // day by day: a day's row counts what ended after the previous sample up to its own
    for (let d = 1; d <= 12; d++) {
      const inDay = dry.filter((r) => r.ended_h > 24 * (d - 1) && r.ended_h <= 24 * d);
      expect(overdrawn[d - 1]).toBe(inDay.length);
      const h = inDay.reduce((a, r) => a + r.gpu_hours - fundedOf(r) * r.gpus, 0);
      expect(unpaidH[d - 1]).toBeCloseTo(h, 6);
      expect(unpaidUsd[d - 1]).toBeCloseTo(inDay.reduce((a, r) => a + (r.gpu_hours - fundedOf(r) * r.gpus) * r.price_usd_per_gpu_h, 0), 6);
    }
    expect(sum(unpaidH)).toBeGreaterThan(10);
    expect(Array.from(col(run, 'escrow_top_up_probability')).every((p) => p === 0.5)).toBe(true);
  });

  it('tenants who always top up: the same run as without runways, bar the probability column', () => {
    const without = runToEnd(threeDayLeases(undefined), 5);
    const always = runToEnd(threeDayLeases({ runwayDays: 1, topUpProbability: 1 }), 5);
    const a = without.table().data;
    const b = always.table().data;
    const escrow = new Set(ESCROW_COLUMNS.map((c) => c.name));
    for (const name of Object.keys(a)) {
      if (name === 'escrow_top_up_probability') continue;
      expect(Array.from(b[name]), name).toEqual(Array.from(a[name]));
      if (escrow.has(name)) expect(Array.from(a[name]).every((x) => x === 0), name).toBe(true);
    }
    expect(Array.from(a.escrow_top_up_probability).every((x) => Number.isNaN(x))).toBe(true);
    expect(Array.from(b.escrow_top_up_probability).every((x) => x === 1)).toBe(true);
  });

  it('a top-up shock closes more leases while it lasts, and the freed GPUs serve other tenants', () => {
    const shock = { runwayDays: 1, topUpProbability: 0.9, detectionLagHours: 1, topUpShocks: [{ startDay: 8, durationDays: 8, rampDays: 0, multiplier: 0.2 }] };
    const control = { ...shock, topUpShocks: [] };
    const a = runToEnd(threeDayLeases(shock, 20), 4);
    const c = runToEnd(threeDayLeases(control, 20), 4);
    const during = (r: typeof a, name: string) => sum(col(r, name), 9, 16);
    expect(during(a, 'leases_overdrawn')).toBeGreaterThan(2 * during(c, 'leases_overdrawn') + 10);
    expect(during(a, 'gpu_hours_unpaid')).toBeGreaterThan(during(c, 'gpu_hours_unpaid'));
    // the same until the shock's first decisions (day 8)
    expect(Array.from(col(a, 'leases_overdrawn').subarray(0, 7))).toEqual(Array.from(col(c, 'leases_overdrawn').subarray(0, 7)));
    // the market is saturated: closed leases' GPUs go to tenants waiting in the queue
    expect(during(a, 'jobs_started')).toBeGreaterThan(during(c, 'jobs_started'));
    expect(col(a, 'escrow_top_up_probability')[10]).toBeCloseTo(0.18, 12);
  });

  it('escrow_exhaustion at a quarter of the size: while fewer tenants top up, more leases close, fewer GPU-hours are served at lower prices, against its control', () => {
    const over = { scale: 0.25, horizonDays: 200 };
    const wave = runToEnd(scenarioFile('escrow_exhaustion', over), 1);
    const ctrl = runToEnd(scenarioFile('escrow_exhaustion', { ...over, market: { escrow: { topUpShocks: [] } } }), 1);
    const closed = col(wave, 'leases_overdrawn');
    // at full strength (days 127-180) against the weeks before the wave (days 100-120)
    expect(mean(closed, 127, 180)).toBeGreaterThan(2 * mean(closed, 100, 120));
    expect(sum(closed, 120, 194)).toBeGreaterThan(2 * sum(col(ctrl, 'leases_overdrawn'), 120, 194));
    expect(sum(col(wave, 'gpu_hours_served'), 120, 194)).toBeLessThan(0.95 * sum(col(ctrl, 'gpu_hours_served'), 120, 194));
    expect(mean(col(wave, 'utilization'), 120, 194)).toBeLessThan(mean(col(ctrl, 'utilization'), 120, 194));
    expect(sum(col(wave, 'gmv_usd'), 120, 194)).toBeLessThan(0.9 * sum(col(ctrl, 'gmv_usd'), 120, 194));
    // the same run until the wave's first decisions
    expect(Array.from(col(wave, 'gmv_usd').subarray(0, 119))).toEqual(Array.from(col(ctrl, 'gmv_usd').subarray(0, 119)));
  }, 60_000);
});
