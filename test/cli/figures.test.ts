/** The per-run summary figures the CLI's --seeds and --sweep tables compare. */
import { describe, expect, test } from 'vitest';
import { runFigures } from '../../src/cli/replicaMessages.ts';
import type { MetricTable } from '../../src/sim/metrics/table.ts';

function table(data: Record<string, number[]>): MetricTable {
  const cols = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Float64Array.from(v)]));
  return { columns: [], rows: Object.values(data)[0].length, data: cols };
}

describe('run figures', () => {
  test('lease failures are failed / started over the whole run, not a mean of daily shares', () => {
    // day 1: 1 of 10 failed (10%), day 2: 3 of 30 (10%), day 3: 6 of 10 (60%): 10 of 50 = 20%, where the mean of days would say 27%
    const f = runFigures(table({ leases_failed: [1, 3, 6], jobs_started: [10, 30, 10] }));
    expect(f.lease_failures).toBeCloseTo(0.2, 12);
  });

  test('utilization is busy / online GPU-hours and the price USD billed / GPU-hours served over the whole run, as the dashboard has them', () => {
    // day 1: 50 of 100 GPUs busy, day 2: 90 of 100, day 3: 0 of 800 (most GPUs idle): 140 of 1,000 = 14%, where the mean of days would say 47%
    const f = runFigures(table({ gpus_busy: [50, 90, 0], gpus_online: [100, 100, 800], utilization: [0.5, 0.9, 0], gmv_usd: [100, 900, 0], gpu_hours_served: [200, 1000, 0], price_usd_per_gpu_h: [0.5, 0.9, NaN] }));
    expect(f.utilization).toBeCloseTo(0.14, 12);
    // $1,000 over 1,200 GPU-hours: $0.833, where the mean of the days with a price would say $0.70
    expect(f.price).toBeCloseTo(1000 / 1200, 12);
    expect(runFigures(table({ gmv_usd: [0, 0], gpu_hours_served: [0, 0] })).price).toBeNaN();
    // a run without the columns has no such figure
    expect('utilization' in runFigures(table({ utilization: [0.5] }))).toBe(false);
  });

  test('the mean wait is over the orders matched: each day weighted by its orders, days without a match left out', () => {
    // 100 orders waiting 0.1 h and 300 waiting 0.5 h: 0.4 h, where the mean of days would say 0.3 h
    const f = runFigures(table({ wait_mean_h: [0.1, 0.5, NaN], orders_matched: [100, 300, 0] }));
    expect(f.wait_mean_h).toBeCloseTo(0.4, 12);
    expect(runFigures(table({ wait_mean_h: [NaN, NaN], orders_matched: [0, 0] })).wait_mean_h).toBeNaN();
  });

  test('the share of orders that waited at all is orders_waited / orders_matched over the whole run (0.22.0)', () => {
    // day 1: 10 of 100 waited, day 2: 3 of 300: 13 of 400 = 3.25%, where the mean of the days' shares would say 5.5%
    expect(runFigures(table({ orders_waited: [10, 3, 0], orders_matched: [100, 300, 0] })).wait_share).toBeCloseTo(13 / 400, 12);
    expect(runFigures(table({ orders_waited: [0], orders_matched: [0] })).wait_share).toBeNaN();
    // a run from before 0.22.0 has no such figure
    expect('wait_share' in runFigures(table({ orders_matched: [100] }))).toBe(false);
  });

  test('the fill rate is orders matched / (matched + expired) over the whole run, not a mean of daily rates', () => {
    // day 1: 90 of 100 (90%), day 2: 100 of 400 (25%): 190 of 500 = 38%, where the mean of days would say 57.5%
    const f = runFigures(table({ fill_rate: [0.9, 0.25], orders_matched: [90, 100], jobs_expired: [10, 300] }));
    expect(f.fill_rate).toBeCloseTo(0.38, 12);
    expect(runFigures(table({ orders_matched: [0], jobs_expired: [0] })).fill_rate).toBeNaN();
  });

  test("the share of income from emissions is the run's rewards / (lease income + rewards), not a mean of daily shares", () => {
    // day 1: $10 of $100 from emissions (10%), day 2: $900 of $1,000 (90%): $910 of $1,100 = 82.7%, where the mean of days would say 50%
    const f = runFigures(table({ provider_rewards_usd: [10, 900], provider_revenue_usd: [90, 100], emission_income_share: [0.1, 0.9] }));
    expect(f.emission_income_share).toBeCloseTo(910 / 1100, 12);
  });

  test('no lease started: no failure share; a run without the columns has no such figure', () => {
    expect(runFigures(table({ leases_failed: [0, 0], jobs_started: [0, 0] })).lease_failures).toBeNaN();
    expect('lease_failures' in runFigures(table({ gmv_usd: [1] }))).toBe(false);
  });
});
