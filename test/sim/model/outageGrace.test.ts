/**
 * The outage grace (market.outageGraceHours): a running lease whose provider goes down stalls; it
 * resumes where it stopped if the provider is back within the grace and fails when the grace runs
 * out (Akash's provider monitor, research §8 #42). Checked on a small market of always-on
 * single-GPU providers with frequent, heavy-tailed outages, from the lease export and the live state.
 */
import { describe, expect, test } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { isOnline } from '../../../src/sim/model/types.ts';
import { UNITS_PER } from '../../../src/sim/economy/ledger.ts';
import { providerRows } from '../../../src/sim/economy/providerReport.ts';
import type { LeaseRow } from '../../../src/sim/model/leaseRow.ts';
import { col, mmcRaw, runAll } from '../helpers.ts';

type Raw = Record<string, Record<string, unknown>> & { supply: { archetypes: { datacenter: Record<string, unknown> } } };

/** 40 single-GPU providers up 90% of the time, outages of 3 h on average (Weibull shape 0.7: many short, a few long). */
function flakyRaw(graceHours: number, days = 20): Record<string, unknown> {
  const raw = mmcRaw({ c: 40, lambda: 10, meanServiceH: 3, days, economy: 'off' }) as Raw;
  Object.assign(raw.supply.archetypes.datacenter, { reliabilityMean: 0.9, meanDownHours: 3, intervalShape: 0.7 });
  raw.market = { ...raw.market, outageGraceHours: graceHours };
  return raw;
}

function leasesOf(graceHours: number, seed = 1) {
  return runAll(parseScenario(flakyRaw(graceHours)), seed);
}

const started = (r: LeaseRow) => !Number.isNaN(r.started_h);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('outage grace', () => {
  test('a lease fails only when its provider stays down for the whole grace; shorter outages are ridden out', () => {
    const { leases, table } = leasesOf(2);
    const failed = leases.filter((r) => r.end_reason === 'provider failure');
    const rodeOut = leases.filter((r) => r.outcome === 'completed' && r.stalled_h > 0);
    expect(failed.length).toBeGreaterThan(20);
    expect(rodeOut.length).toBeGreaterThan(20);
    // a failed lease waited out the grace (its last stall is exactly 2 h; earlier ones add to it)
    for (const r of failed) expect(r.stalled_h).toBeGreaterThanOrEqual(2 - 1e-9);
    // the CSV counts the resumes: at least one per lease that completed after a stall
    expect(sum(col(table, 'leases_resumed'))).toBeGreaterThanOrEqual(rodeOut.length);
    expect(sum(col(table, 'leases_failed'))).toBe(failed.length);
  });

  test('a stall neither runs nor bills: wall time = run + stalls, billed = price x GPU-hours run', () => {
    const { leases } = leasesOf(2);
    const ran = leases.filter(started);
    expect(ran.some((r) => r.stalled_h > 0)).toBe(true);
    for (const r of ran) {
      expect(r.ended_h - r.started_h).toBeCloseTo(r.gpu_hours / r.gpus + r.stalled_h, 6);
      // (to the ledger's base unit, which payments are rounded to)
      if (r.outcome === 'completed') expect(Math.abs(r.billed_usd - r.price_usd_per_gpu_h * r.gpu_hours)).toBeLessThanOrEqual(1 / UNITS_PER);
    }
  });

  test('a provider that is down has no busy GPU, and its stalled leases keep theirs reserved', () => {
    const run = createRun(parseScenario(flakyRaw(2)), 3);
    let stalledSeen = 0;
    for (let t = 7; t <= run.horizonHours; t += 7.3) {
      run.advance(t);
      for (const p of run.model.providers) {
        const held = run.model.leasesOn(p).map((id) => run.model.leases.get(id)!);
        const stalled = held.filter((l) => l.state === 'stalled');
        stalledSeen += stalled.length;
        if (!isOnline(p)) {
          expect(p.busyGpus).toBe(0);
          expect(held.every((l) => l.state === 'stalled')).toBe(true);
        } else expect(stalled).toEqual([]);
        expect(p.gpusFree + sum(held.map((l) => l.gpus))).toBe(p.gpus);
      }
    }
    expect(stalledSeen).toBeGreaterThan(0);
    // the provider report counts each provider's resumes; over the whole run, together they are the CSV's
    run.advance(run.horizonHours);
    const resumes = sum(providerRows(run.model).map((r) => r.leases_resumed));
    expect(resumes).toBeGreaterThan(0);
    expect(resumes).toBe(sum(col(run.table(), 'leases_resumed')));
  });

  test('grace 0: every outage fails its leases at once, as before the grace existed', () => {
    const { leases, table } = leasesOf(0);
    expect(leases.filter((r) => r.end_reason === 'provider failure').length).toBeGreaterThan(20);
    expect(leases.every((r) => r.stalled_h === 0)).toBe(true);
    expect(sum(col(table, 'leases_resumed'))).toBe(0);
  });

  test('a longer grace fails fewer leases and resumes more', () => {
    const totals = [0, 2, 24].map((g) => {
      const { table } = leasesOf(g);
      return { failed: sum(col(table, 'leases_failed')), resumed: sum(col(table, 'leases_resumed')) };
    });
    expect(totals[1].failed).toBeLessThan(totals[0].failed * 0.8);
    expect(totals[2].failed).toBeLessThan(totals[1].failed * 0.8);
    expect(totals[1].resumed).toBeGreaterThan(0);
    expect(totals[2].resumed).toBeGreaterThan(totals[1].resumed);
  });
});
