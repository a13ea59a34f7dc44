/**
 * Who waited at all (WAITED_COLUMNS): on most days over 95% of the orders find a GPU the moment they
 * are placed, so wait_p95_h is 0 and the mean wait is a few orders' long waits spread over all. The
 * columns must count exactly the orders whose match came after they were placed, and split the mean.
 */
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { col } from '../helpers.ts';

describe('orders_waited, wait_share, wait_mean_h_waited', () => {
  it('count, day by day, the orders matched that day later than they were placed, and split wait_mean_h into share x mean of those', () => {
    // no warm start: every match is an order of the run (the warm start's jobs are not in the waits)
    const raw = applyOverrides(findPreset('baseline')!.raw, ['horizonDays=12', 'demand.warmStart=false']);
    const matches: { matched: number; ordered: number }[] = [];
    const run = createRun(parseScenario(raw), 7, {
      onLease: (r) => {
        if (Number.isFinite(r.matched_h)) matches.push({ matched: r.matched_h, ordered: r.ordered_h });
      },
    });
    run.advance(run.horizonHours);
    // the leases still going at the end were matched too
    for (const l of run.model.leases.values()) if (Number.isFinite(l.matchedAt)) matches.push({ matched: l.matchedAt, ordered: l.orderedAt });
    const t = run.table();
    const waited = col(t, 'orders_waited');
    const share = col(t, 'wait_share');
    const meanWaited = col(t, 'wait_mean_h_waited');
    const meanAll = col(t, 'wait_mean_h');
    const matched = col(t, 'orders_matched');
    const p95 = col(t, 'wait_p95_h');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // over the run: exactly the orders matched later than they were placed
    const allWaited = matches.filter((m) => m.matched > m.ordered);
    expect(sum(matched)).toBe(matches.length);
    expect(sum(waited)).toBe(allWaited.length);
    expect(sum(Array.from({ length: t.rows }, (_, d) => (waited[d] > 0 ? meanWaited[d] * waited[d] : 0)))).toBeCloseTo(sum(allWaited.map((m) => m.matched - m.ordered)), 6);
    for (let d = 0; d < t.rows; d++) {
      // day d + 1 holds the matches inside (24 d, 24 (d + 1)); one at a day's edge falls on either
      // side of its row by the order of the events at that instant (a reprice at the edge comes after the row)
      const inside = matches.filter((m) => m.matched > 24 * d && m.matched < 24 * (d + 1));
      const edges = matches.filter((m) => m.matched === 24 * d || m.matched === 24 * (d + 1));
      const w = inside.filter((m) => m.matched > m.ordered);
      const we = edges.filter((m) => m.matched > m.ordered);
      expect(matched[d], `day ${d + 1}: orders matched`).toBeGreaterThanOrEqual(inside.length);
      expect(matched[d], `day ${d + 1}: orders matched`).toBeLessThanOrEqual(inside.length + edges.length);
      expect(waited[d], `day ${d + 1}: orders waited`).toBeGreaterThanOrEqual(w.length);
      expect(waited[d], `day ${d + 1}: orders waited`).toBeLessThanOrEqual(w.length + we.length);
      expect(share[d]).toBeCloseTo(waited[d] / matched[d], 12);
      if (waited[d] === 0) {
        expect(meanWaited[d], `day ${d + 1}: nobody waited`).toBeNaN();
        expect(meanAll[d]).toBe(0);
        continue;
      }
      if (we.length === 0) expect(meanWaited[d]).toBeCloseTo(sum(w.map((m) => m.matched - m.ordered)) / w.length, 9);
      expect(meanAll[d]).toBeCloseTo(share[d] * meanWaited[d], 9);
    }
    // what the columns are for: on a day whose 95th percentile wait is 0, orders waited, for hours
    // (in the baseline year 351 days of 365 have a p95 of 0, and on each of them 35 orders or more waited)
    const zeroP95 = Array.from({ length: t.rows }, (_, d) => d).filter((d) => p95[d] === 0);
    expect(zeroP95.some((d) => waited[d] > 0 && meanWaited[d] > 0.1 && meanAll[d] > 0)).toBe(true);
    expect(Math.max(...share)).toBeLessThan(0.2);
  });

  it('are 0 and empty on a day nothing is ordered', () => {
    const raw = applyOverrides(findPreset('baseline')!.raw, ['scale=0.05', 'horizonDays=3', 'demand.warmStart=false', 'demand.baseRateJobsPerHour=0']);
    const run = createRun(parseScenario(raw), 1);
    run.advance(run.horizonHours);
    const t = run.table();
    expect(col(t, 'orders_waited')).toEqual([0, 0, 0]);
    expect(col(t, 'wait_share').every(Number.isNaN)).toBe(true);
    expect(col(t, 'wait_mean_h_waited').every(Number.isNaN)).toBe(true);
  });
});
