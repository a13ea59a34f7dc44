/**
 * Validation against Erlang A (M/M/c+M): the M/M/c market of mmc.ts, but each waiting tenant leaves
 * after an exponential patience. Theory from src/sim/scenario/erlangA.ts; the same method as the
 * M/M/c checks (batches after a warm-up day, eight seeds, |estimate - theory| < t999 x standard
 * error, and a bound on the standard error so a noisy estimate cannot pass by being noisy).
 *
 * Two loads: a moderate one (rho = 0.8, patience as long as a job) and an overload (rho = 1.2,
 * patience half a job), where M/M/c has no steady state and abandonment is what keeps the queue finite.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { deriveSeed } from '../../../src/sim/rng/streams.ts';
import { erlangA } from '../../../src/sim/scenario/erlangA.ts';
import { mmcOf } from '../../../src/sim/scenario/queueTheory.ts';
import { col, mean, mmcScenario, type MmcOptions } from '../helpers.ts';
import { expectWithin } from './mmc.ts';

const WARMUP_DAYS = 1;
/** Many relaxation times: abandonment makes this queue forget its past within hours. */
const BATCH_DAYS = 10;

interface Batches {
  fillRate: number[];
  utilization: number[];
  /** Mean wait of the orders matched (CSV: wait_mean_h weighted by jobs_started). */
  wait: number[];
  queueLen: number[];
  /** From the lease rows: orders of the batch that expired / orders of the batch. */
  pAbandon: number[];
  /** CSV: orders_waited / orders_matched, the share of the orders served that waited at all. */
  waitedServed: number[];
}

function simulate(o: MmcOptions, seeds: number[]): Batches {
  const s = mmcScenario(o);
  const out: Batches = { fillRate: [], utilization: [], wait: [], queueLen: [], pAbandon: [], waitedServed: [] };
  const nb = Math.floor((o.days - WARMUP_DAYS) / BATCH_DAYS);
  for (const seed of seeds) {
    const orders = new Array(nb).fill(0);
    const expired = new Array(nb).fill(0);
    const run = createRun(s, seed, {
      onLease: (l) => {
        const b = Math.floor((l.ordered_h / 24 - WARMUP_DAYS) / BATCH_DAYS);
        if (b < 0 || b >= nb) return;
        orders[b]++;
        if (l.outcome === 'expired') expired[b]++;
      },
    });
    run.advance(run.horizonHours);
    const t = run.table();
    const u = col(t, 'utilization');
    const w = col(t, 'wait_mean_h');
    const n = col(t, 'jobs_started');
    const x = col(t, 'jobs_expired');
    const q = col(t, 'queue_len_mean');
    const om = col(t, 'orders_matched');
    const ow = col(t, 'orders_waited');
    for (let b = 0; b < nb; b++) {
      const rows = Array.from({ length: BATCH_DAYS }, (_, i) => WARMUP_DAYS + b * BATCH_DAYS + i);
      let started = 0;
      let gaveUp = 0;
      let sw = 0;
      for (const r of rows) {
        started += n[r];
        gaveUp += x[r];
        sw += w[r] * n[r];
      }
      out.fillRate.push(started / (started + gaveUp));
      out.utilization.push(mean(rows.map((r) => u[r])));
      out.wait.push(sw / started);
      out.queueLen.push(mean(rows.map((r) => q[r])));
      out.pAbandon.push(expired[b] / orders[b]);
      out.waitedServed.push(rows.reduce((a, r) => a + ow[r], 0) / rows.reduce((a, r) => a + om[r], 0));
    }
  }
  return out;
}

const LOADS: { name: string; o: MmcOptions }[] = [
  { name: 'c=10, rho=0.8, mean patience 1 h (= the mean job)', o: { c: 10, lambda: 8, meanServiceH: 1, patienceMeanH: 1, days: 81, economy: 'off' } },
  { name: 'c=10, rho=1.2 (overload), mean patience 0.5 h', o: { c: 10, lambda: 12, meanServiceH: 1, patienceMeanH: 0.5, days: 81, economy: 'off' } },
];

describe('M/M/c+M: impatient tenants reproduce Erlang A', () => {
  LOADS.forEach(({ name, o }, i) => {
    describe(name, () => {
      const theory = erlangA(o.c, o.lambda, 1 / o.meanServiceH!, 1 / o.patienceMeanH!);
      let b: Batches;
      beforeAll(() => {
        b = simulate(o, Array.from({ length: 8 }, (_, k) => deriveSeed(4048 + i, k)));
      }, 60_000);

      test('the scenario is recognised as Erlang A, with the same numbers', () => {
        const t = mmcOf(mmcScenario(o))!;
        expect(t.queue).toBe('M/M/c+M');
        expect(t.fillRate).toBeCloseTo(1 - theory.pAbandon, 12);
        expect(t.utilization).toBeCloseTo(theory.utilization, 12);
      });

      test('the share of orders that give up, and the fill rate on the CSV', () => {
        expectWithin(b.pAbandon, theory.pAbandon, 'P(abandon)', 0.06);
        expectWithin(b.fillRate, 1 - theory.pAbandon, 'fill rate', 0.02);
      });

      test('utilization = rho (1 - P(abandon))', () => {
        expectWithin(b.utilization, theory.utilization, 'utilization', 0.02);
      });

      test('mean wait of the orders matched, and the mean queue', () => {
        expectWithin(b.wait, theory.meanWaitServedHours, 'mean wait (matched)', 0.06);
        expectWithin(b.queueLen, theory.meanQueue, 'mean queue length', 0.06);
      });

      test('of the orders served, those that waited at all (wait_share): (P(wait) - P(abandon)) / (1 - P(abandon))', () => {
        // everyone who gives up waited first; the dashboard's theory line for the Mean wait card says the same
        expectWithin(b.waitedServed, (theory.pWait - theory.pAbandon) / (1 - theory.pAbandon), 'P(waited | served)', 0.04);
      });
    });
  });

  test('without the patience the overloaded queue has no steady state: it is M/M/c, unstable', () => {
    const t = mmcOf(mmcScenario({ c: 10, lambda: 12, days: 2, economy: 'off' }))!;
    expect(t.queue).toBe('M/M/c');
    expect(t.stable).toBe(false);
  });
});
