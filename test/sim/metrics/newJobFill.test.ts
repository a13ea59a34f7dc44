/**
 * The new jobs' fill rate (fill_rate_new_jobs, 0.10.0): first orders only, so the re-orders of
 * failed leases' remaining work, which fill_rate counts, do not lift it. Checked order by order
 * against the lease export, equal to fill_rate where no lease fails, and on university_terms, where
 * it tells apart what the two rates mix.
 */
import { describe, expect, it } from 'vitest';
import type { LeaseRow } from '../../../src/sim/model/leaseRow.ts';
import { col, mean, runToEnd, saturated, scenarioFile } from '../../economy/fixtures.ts';

describe("the new jobs' fill rate", () => {
  it('is, each day, the first orders matched that day over those matched or given up that day, as the lease export has them', () => {
    // one-hour jobs on providers that go down now and then: leases fail and their remainders are ordered again
    const s = saturated(40, 3, {
      demand: { warmStart: false },
      supply: { archetypes: { datacenter: { reliabilityMean: 0.9, meanDownHours: 2 } } },
    });
    const rows: LeaseRow[] = [];
    const run = runToEnd(s, 2, (r) => rows.push(r));
    const first = col(run, 'fill_rate_new_jobs');
    const all = col(run, 'fill_rate');
    expect(rows.some((r) => r.attempt > 0)).toBe(true);
    // days 1-2: every order placed by the end of day 2 has ended (one-hour jobs, two hours of patience) by the horizon
    for (const d of [1, 2]) {
      // a day's row holds what happened after the last sample up to its own, at the end of the day (at
      // the same instant, before it: one-hour jobs end and are matched on the hour)
      const inDay = (h: number) => (h > 24 * (d - 1) || h === 0) && h <= 24 * d;
      const matched = rows.filter((r) => r.attempt === 0 && Number.isFinite(r.matched_h) && inDay(r.matched_h)).length;
      const expired = rows.filter((r) => r.attempt === 0 && r.outcome === 'expired' && inDay(r.ended_h)).length;
      expect(matched + expired).toBeGreaterThan(100);
      expect(first[d - 1]).toBeCloseTo(matched / (matched + expired), 12);
      // the re-orders, matched more readily than new jobs in a saturated market, lift the other rate
      expect(all[d - 1]).not.toBe(first[d - 1]);
    }
  });

  it('equals fill_rate where no lease fails (the M/M/c+M check: every order is a first order)', () => {
    const run = runToEnd(scenarioFile('erlang_a', { horizonDays: 5 }), 1);
    expect(Array.from(col(run, 'leases_failed')).every((x) => x === 0)).toBe(true);
    expect(Array.from(col(run, 'fill_rate_new_jobs'))).toEqual(Array.from(col(run, 'fill_rate')));
  });

  it('university_terms: new jobs find a GPU more often while universities go down (their GPUs turn over); the rate over all orders rises more', () => {
    const over = { scale: 0.25, horizonDays: 180 };
    const terms = runToEnd(scenarioFile('university_terms', over), 1);
    const ctrl = runToEnd(scenarioFile('university_terms', { ...over, supply: { reliabilityShocks: [] } }), 1);
    const d = (r: typeof ctrl, c: string) => mean(col(r, c), 100, 180);
    expect(d(terms, 'fill_rate_new_jobs')).toBeGreaterThan(d(ctrl, 'fill_rate_new_jobs') + 0.01);
    expect(d(terms, 'fill_rate') - d(ctrl, 'fill_rate')).toBeGreaterThan(0.01);
  }, 60_000);
});
