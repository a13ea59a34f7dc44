/**
 * Reserved instances in a run (scenario market.reserved): a share of the new jobs of the reserving
 * classes run inside their tenants' reservations, and reservation orders arrive in their stead, as
 * many GPU-hours on average; a reservation pays the discount, runs on an always-on provider to the end
 * of its booking, and what a failure leaves of it is re-ordered; a share of 0 is the run without.
 */
import { describe, expect, it } from 'vitest';
import type { LeaseRow } from '../../../src/sim/model/leaseRow.ts';
import { RESERVED_COLUMNS } from '../../../src/sim/metrics/marketMetrics.ts';
import { JOB_CLASSES } from '../../../src/sim/scenario/schema.ts';
import { col, mean, runToEnd, saturated, scenarioFile, small, sum } from '../../economy/fixtures.ts';

const JOB_HOURS = 146; // a fifth of a 730-hour month: a job taken over brings a one-month reservation with chance 1/5
const MONTH = 730;

/**
 * 400 single-GPU always-on providers at one fixed ask, 146-hour single-GPU jobs at about half their
 * capacity (patience 24 h, budgets far above the ask): the GPU-hours of each job and reservation
 * are known exactly.
 */
const steady = (reserved: Record<string, unknown> | undefined, over: Record<string, unknown> = {}, days = 30, market: Record<string, unknown> = {}) =>
  saturated(400, days, {
    demand: {
      baseRateJobsPerHour: 200 / JOB_HOURS,
      classes: { inference: { durationHours: { dist: 'fixed', value: JOB_HOURS }, patienceHours: { dist: 'fixed', value: 24 } } },
    },
    ...over,
    market: { matcher: 'cheapest', setupHours: 0, ...market, ...(reserved ? { reserved } : {}) },
  });

const ONE_MONTH = { minTermMonths: 1, maxTermMonths: 1 };

describe('reserved instances in a run', () => {
  it('jobs taken over at the share, reservation orders in their stead with as many GPU-hours on average; a reservation pays the discount', () => {
    const rows: LeaseRow[] = [];
    const res = runToEnd(steady({ share: 0.5, discount: 0.25, ...ONE_MONTH }), 2, (r) => rows.push(r));
    const ctrl = runToEnd(steady(undefined), 2);
    // the arrivals and the jobs drawn are those of the run without reservations (their own streams):
    // each job is ordered, taken over, or turned into a reservation order (counted as an arrival)
    const jobs = sum(col(ctrl, 'jobs_arrived'));
    const taken = sum(col(res, 'jobs_taken_over'));
    expect(sum(col(res, 'jobs_arrived')) + taken).toBe(jobs);
    const live = [...res.model.leases.values()];
    const reservations = rows.filter((r) => r.reserved === 1 && r.attempt === 0).length + live.filter((l) => l.reserved && l.attempt === 0).length;
    // half the jobs leave the market: one in five of them (146 / 730 h) as a reservation order
    const left = taken + reservations;
    expect(Math.abs(left - 0.5 * jobs)).toBeLessThan(4 * Math.sqrt(0.25 * jobs));
    expect(reservations).toBeGreaterThan(40);
    expect(Math.abs(reservations - left / 5)).toBeLessThan(4 * Math.sqrt((left * 4) / 25));
    // the GPU-hours asked for: the jobs that left take theirs, each reservation brings a month
    expect(sum(col(res, 'gpu_hours_demanded'))).toBeCloseTo(sum(col(ctrl, 'gpu_hours_demanded')) - JOB_HOURS * left + MONTH * reservations, 6);
    // every provider asks the same: reservations pay 0.75 of it, on-demand leases all of it
    const matched = rows.filter((r) => Number.isFinite(r.matched_h));
    const ask = matched.find((r) => r.reserved === 0)!.price_usd_per_gpu_h;
    const running = live.filter((l) => l.provider >= 0);
    expect(running.filter((l) => l.reserved).length).toBeGreaterThan(40);
    for (const l of running) expect(l.priceUsdPerGpuHour).toBeCloseTo(l.reserved ? 0.75 * ask : ask, 12);
    for (const r of matched) expect(r.price_usd_per_gpu_h).toBeCloseTo(r.reserved ? 0.75 * ask : ask, 12);
    // the columns say so, day by day once reservations run
    const reservedH = col(res, 'reserved_gpu_hours_served');
    for (let d = 2; d < 30; d++) {
      expect(reservedH[d]).toBeGreaterThan(0);
      expect(col(res, 'reserved_price_usd_per_gpu_h')[d]).toBeCloseTo(0.75 * ask, 9);
      expect(col(res, 'on_demand_price_usd_per_gpu_h')[d]).toBeCloseTo(ask, 9);
    }
    // a month's booking does not end inside 30 days: those that ended found no provider, or lost theirs as it left the network
    for (const r of rows.filter((x) => x.reserved === 1)) expect([r.outcome, r.end_reason]).toContainEqual(r.outcome === 'expired' ? 'expired' : 'provider exit');
    const started = rows.filter((r) => r.reserved === 1 && Number.isFinite(r.started_h)).length + running.filter((l) => l.reserved && Number.isFinite(l.startedAt)).length;
    expect(sum(col(res, 'reservations_started'))).toBe(started);
  });

  it.each([
    ['failures at once (no outage grace)', 0],
    ['outages within a 2-hour grace', 2],
  ])("a reservation runs to the end of its booking; what a provider failure leaves of it is re-ordered, and the waits and stalls come off it (%s)", (_name, grace) => {
    const rows: LeaseRow[] = [];
    const flaky = { supply: { archetypes: { datacenter: { reliabilityMean: 0.9, reliabilityConcentration: 1000, meanDownHours: 4 } } } };
    runToEnd(steady({ share: 0.5, ...ONE_MONTH }, flaky, 45, { outageGraceHours: grace }), 3, (r) => rows.push(r));
    const chains = new Map<number, LeaseRow[]>();
    for (const r of rows.filter((x) => x.reserved === 1)) chains.set(r.job_id, [...(chains.get(r.job_id) ?? []), r]);
    let failedOver = 0;
    let resumed = 0;
    for (const ls of chains.values()) {
      ls.sort((a, b) => a.attempt - b.attempt);
      const last = ls[ls.length - 1];
      if (last.outcome !== 'completed') continue;
      const booked = ls[0].ordered_h;
      // the booking ends a month after the order, however many providers it took and however long they stalled
      expect(last.ended_h).toBeCloseTo(booked + MONTH, 6);
      // each re-order placed when its predecessor failed
      for (let i = 1; i < ls.length; i++) {
        expect(ls[i - 1].outcome).toBe('failed');
        expect(ls[i].ordered_h).toBe(ls[i - 1].ended_h);
      }
      // run hours: the month less the waits for a provider (no setup here) and the stalls
      const waited = ls.reduce((a, r) => a + (r.matched_h - r.ordered_h), 0);
      const stalled = ls.reduce((a, r) => a + r.stalled_h, 0);
      expect(ls.reduce((a, r) => a + r.gpu_hours, 0)).toBeCloseTo(MONTH - waited - stalled, 6);
      if (ls.length > 1) failedOver++;
      if (last.stalled_h > 0) resumed++;
    }
    expect(failedOver).toBeGreaterThan(10);
    // with the grace, bookings that rode out an outage and still ended on time
    if (grace > 0) expect(resumed).toBeGreaterThan(10);
    else expect(rows.every((r) => r.stalled_h === 0)).toBe(true);
  });

  it('a share of 0 is the run without reservations, column for column, warm start included', () => {
    for (const warmStart of [false, true]) {
      const over = { demand: { warmStart } };
      const without = runToEnd(small(150, 4, over), 4).table().data;
      const none = runToEnd(small(150, 4, { ...over, market: { reserved: { share: 0 } } }), 4).table().data;
      for (const name of Object.keys(without)) expect(Array.from(none[name]), `${name} (warm start ${warmStart})`).toEqual(Array.from(without[name]));
      for (const c of RESERVED_COLUMNS) expect(Array.from(without[c.name]).every((x) => x === 0 || Number.isNaN(x)), c.name).toBe(true);
    }
  });

  it('only the classes listed reserve; the other classes order the same jobs as without reservations', () => {
    const rows: LeaseRow[] = [];
    const base: LeaseRow[] = [];
    const run = runToEnd(small(200, 6, { market: { reserved: { share: 0.5, classes: ['training', 'inference'] } } }), 2, (r) => rows.push(r));
    const baseRun = runToEnd(small(200, 6), 2, (r) => base.push(r));
    const reserved = [...rows.filter((r) => r.reserved === 1), ...[...run.model.leases.values()].filter((l) => l.reserved).map((l) => ({ job_class: JOB_CLASSES[l.jobClass] as string }))];
    expect(reserved.length).toBeGreaterThan(5);
    for (const r of reserved) expect(['training', 'inference']).toContain(r.job_class);
    expect(sum(col(run, 'jobs_taken_over'))).toBeGreaterThan(100);
    // the first orders of the other classes, ended or live, are the same jobs at the same times
    const firsts = (rs: LeaseRow[], r: ReturnType<typeof runToEnd>) =>
      [
        ...rs.map((x) => ({ attempt: x.attempt, at: x.ordered_h, cls: x.job_class, gpus: x.gpus })),
        ...[...r.model.leases.values()].map((l) => ({ attempt: l.attempt, at: l.orderedAt, cls: JOB_CLASSES[l.jobClass] as string, gpus: l.gpus })),
      ]
        .filter((x) => x.attempt === 0 && x.at > 0 && !['training', 'inference'].includes(x.cls))
        .map((x) => `${x.at}/${x.cls}/${x.gpus}`)
        .sort();
    expect(firsts(rows, run).length).toBeGreaterThan(100);
    expect(firsts(rows, run)).toEqual(firsts(base, baseRun));
  });

  it('reserved_instances at a quarter of the size: reservations from day 1, about 30% of the GPU-hours served, at well below the on-demand price', () => {
    const over = { scale: 0.25, horizonDays: 60 };
    const res = runToEnd(scenarioFile('reserved_instances', over), 1);
    const ctrl = runToEnd(scenarioFile('reserved_instances', { ...over, market: { reserved: { share: 0 } } }), 1);
    // the warm start: reservations already running on the first day
    expect(col(res, 'reserved_gpu_hours_served')[0]).toBeGreaterThan(0.2 * col(res, 'gpu_hours_served')[0]);
    const share = sum(col(res, 'reserved_gpu_hours_served'), 10) / sum(col(res, 'gpu_hours_served'), 10);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(mean(col(res, 'reserved_price_usd_per_gpu_h'), 10)).toBeLessThan(0.8 * mean(col(res, 'on_demand_price_usd_per_gpu_h'), 10));
    expect(sum(col(ctrl, 'reserved_gpu_hours_served')) + sum(col(ctrl, 'jobs_taken_over'))).toBe(0);
  }, 60_000);
});
