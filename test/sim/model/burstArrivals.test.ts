/**
 * demand.burstMeanJobs makes arrivals bursty (jobs in geometric batches at one instant) without
 * changing how many jobs arrive: batches come that many times less often, so a researcher can turn
 * burstiness up without also multiplying demand.
 */
import { describe, expect, test } from 'vitest';
import { runScenario } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { col, mmcRaw } from '../helpers.ts';

const sum = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0);

/** Jobs arrived per day over 60 days at 20 jobs/h (no daily cycle or trend), batches of mean m. */
function dailyArrivals(burstMeanJobs: number, seed: number): number[] {
  const raw = mmcRaw({ c: 40, lambda: 20, meanServiceH: 1, days: 60, economy: 'off' }) as Record<string, Record<string, unknown>>;
  raw.demand = { ...raw.demand, burstMeanJobs };
  return Array.from(col(runScenario(parseScenario(raw), seed).table, 'jobs_arrived'));
}

describe('bursty arrivals', () => {
  test('the mean job rate stays the base rate whatever the batch size', () => {
    // 20 jobs/h for 60 days: 28,800 jobs expected; with batches of mean 20 there are ~1,440 batches,
    // so the count's sd is about sqrt(1440 x (20^2 + 19 x 20)) = 1,060 jobs (3.7%)
    for (const m of [1, 5, 20]) {
      const jobs = sum(dailyArrivals(m, 3));
      expect(jobs / (20 * 24 * 60), `burstMeanJobs ${m}`).toBeGreaterThan(0.85);
      expect(jobs / (20 * 24 * 60), `burstMeanJobs ${m}`).toBeLessThan(1.15);
    }
  });

  test('batches make the daily counts swing more', () => {
    const sd = (x: number[]) => {
      const mean = sum(x) / x.length;
      return Math.sqrt(sum(x.map((v) => (v - mean) ** 2)) / x.length);
    };
    // a day's count has variance 480 x (2m - 1) jobs^2: sd 22 at m = 1, 136 at m = 20
    expect(sd(dailyArrivals(20, 4))).toBeGreaterThan(3 * sd(dailyArrivals(1, 4)));
  });
});
