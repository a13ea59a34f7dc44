/**
 * Validation against queueing theory. With identical always-on single-GPU providers, Poisson
 * arrivals, exponential durations, unlimited budget and patience and no setup delay, the market is
 * an M/M/c queue served FCFS, so:
 *   utilization      = rho = lambda / (c mu)
 *   P(wait > 0)      = Erlang C(c, a), a = lambda / mu
 *   mean wait        = C(c, a) / (c mu - lambda)
 *   wait | wait > 0  ~ Exponential(c mu - lambda)
 *   Little's law     Lq = lambda W, on the CSV's own columns
 *
 * Confidence bounds: each load is run with several seeds; each run is cut into batches after a
 * warm-up day (a batch is 12-30 relaxation times of the queue long, so batch means are close to
 * independent), and the check is |estimate - theory| < t * standard error with t the
 * two-sided 99.9% Student quantile. A second assertion bounds the standard error itself, so a test
 * cannot pass merely by being noisy.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { deriveSeed } from '../../../src/sim/rng/streams.ts';
import { col, erlangC, mean, mmcMeanWait, mmcScenario, stdErr, type MmcOptions } from '../helpers.ts';

const WARMUP_DAYS = 1;

/** Two-sided 99.9% Student t quantile (Cornish-Fisher expansion around z = 3.2905). */
export function t999(df: number): number {
  const z = 3.2905;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Batch length: many relaxation times of the queue (~1/(c mu (1 - sqrt rho)^2): 1.6 days at c=10, rho=0.9; 3 days for the M/M/1 below). */
const batchDaysOf = (o: MmcOptions) => (o.c === 1 ? 100 : 20);

interface Batches {
  utilization: number[];
  /** Mean wait from the CSV: wait_mean_h weighted by jobs_started. */
  wait: number[];
  queueLen: number[];
  arrivalRate: number[];
  /** From the lease rows: share of orders that waited, and the mean wait of those that did. */
  pWait: number[];
  condWait: number[];
  /** The same from the CSV's own columns: orders_waited over orders_matched, wait_mean_h_waited weighted by orders_waited. */
  pWaitCsv: number[];
  condWaitCsv: number[];
  /** Little's law ratio per run: queue_len_mean / (arrival rate x mean wait) over the whole run. */
  littleRatio: number[];
}

export function simulate(o: MmcOptions, seeds: number[]): Batches {
  const s = mmcScenario(o);
  const out: Batches = { utilization: [], wait: [], queueLen: [], arrivalRate: [], pWait: [], condWait: [], pWaitCsv: [], condWaitCsv: [], littleRatio: [] };
  const BATCH_DAYS = batchDaysOf(o);
  const nb = Math.floor((o.days - WARMUP_DAYS) / BATCH_DAYS);
  for (const seed of seeds) {
    const orders = new Array(nb).fill(0);
    const waited = new Array(nb).fill(0);
    const waitSum = new Array(nb).fill(0);
    const run = createRun(s, seed, {
      onLease: (l) => {
        expect(l.attempt).toBe(0); // nothing fails in M/M/c
        const b = Math.floor((l.ordered_h / 24 - WARMUP_DAYS) / BATCH_DAYS);
        if (b < 0 || b >= nb) return;
        orders[b]++;
        const w = l.matched_h - l.ordered_h;
        if (w > 0) {
          waited[b]++;
          waitSum[b] += w;
        }
      },
    });
    run.advance(run.horizonHours);
    const t = run.table();
    expect(t.rows).toBe(o.days);
    const u = col(t, 'utilization');
    const w = col(t, 'wait_mean_h');
    const n = col(t, 'jobs_started');
    const q = col(t, 'queue_len_mean');
    const a = col(t, 'jobs_arrived');
    const om = col(t, 'orders_matched');
    const ow = col(t, 'orders_waited');
    const ww = col(t, 'wait_mean_h_waited');
    for (let b = 0; b < nb; b++) {
      const rows = Array.from({ length: BATCH_DAYS }, (_, i) => WARMUP_DAYS + b * BATCH_DAYS + i);
      out.utilization.push(mean(rows.map((r) => u[r])));
      let sw = 0;
      let sn = 0;
      for (const r of rows) if (n[r] > 0) ((sw += w[r] * n[r]), (sn += n[r]));
      out.wait.push(sw / sn);
      out.queueLen.push(mean(rows.map((r) => q[r])));
      out.arrivalRate.push(rows.reduce((x, r) => x + a[r], 0) / (BATCH_DAYS * 24));
      out.pWait.push(waited[b] / orders[b]);
      out.condWait.push(waitSum[b] / waited[b]);
      const nw = rows.reduce((x, r) => x + ow[r], 0);
      out.pWaitCsv.push(nw / rows.reduce((x, r) => x + om[r], 0));
      out.condWaitCsv.push(rows.reduce((x, r) => x + (ow[r] > 0 ? ww[r] * ow[r] : 0), 0) / nw);
    }
    // Little's law over the whole run after the warm-up, on the CSV columns alone
    const rows = Array.from({ length: o.days - WARMUP_DAYS }, (_, i) => WARMUP_DAYS + i);
    let sw = 0;
    let sn = 0;
    for (const r of rows) if (n[r] > 0) ((sw += w[r] * n[r]), (sn += n[r]));
    const lambdaHat = rows.reduce((x, r) => x + a[r], 0) / (rows.length * 24);
    out.littleRatio.push(mean(rows.map((r) => q[r])) / (lambdaHat * (sw / sn)));
  }
  return out;
}

export function expectWithin(xs: number[], theory: number, what: string, maxRelSe: number) {
  const m = mean(xs);
  const se = stdErr(xs);
  const t = t999(xs.length - 1);
  const msg = `${what}: ${m.toFixed(5)} vs theory ${theory.toFixed(5)} (se ${se.toFixed(5)}, z ${((m - theory) / se).toFixed(2)}, n ${xs.length})`;
  if (process.env.DEPINSIM_TEST_VERBOSE) console.log(`${msg}; bound +-${((100 * t * se) / theory).toFixed(1)}%`);
  expect(Math.abs(m - theory), msg).toBeLessThan(t * se);
  expect(se / theory, `${msg}: the estimate is too noisy to test anything`).toBeLessThan(maxRelSe);
}

/** Eight independent seeds per load (different loads must not share sample paths). */
export const seedsFor = (load: number) => Array.from({ length: 8 }, (_, i) => deriveSeed(2024 + load, i));

export const LOADS: { name: string; o: MmcOptions }[] = [
  { name: 'c=10, rho=0.5 (mean service 1 h, economy off)', o: { c: 10, lambda: 5, meanServiceH: 1, days: 81, economy: 'off' } },
  { name: 'c=10, rho=0.8 (mean service 0.5 h)', o: { c: 10, lambda: 16, meanServiceH: 0.5, days: 61 } },
  { name: 'c=10, rho=0.9 (mean service 1 h)', o: { c: 10, lambda: 9, meanServiceH: 1, days: 201 } },
  { name: 'c=1, rho=0.7 (M/M/1, mean service 2 h)', o: { c: 1, lambda: 0.35, meanServiceH: 2, days: 1001 } },
];

/** Registers the checks of one load (runs its seeds once, in a beforeAll). */
export function describeLoad(i: number): void {
  const { name, o } = LOADS[i];
  describe(name, () => {
    const mu = 1 / (o.meanServiceH ?? 1);
    const rho = o.lambda / (o.c * mu);
    const C = erlangC(o.c, o.lambda / mu);
    const W = mmcMeanWait(o.c, o.lambda, 1 / mu);
    let b: Batches;
    // One set of runs per load, shared by the checks below (~1-5 s per load on one core).
    beforeAll(() => {
      b = simulate(o, seedsFor(i));
    }, 60_000);
    const get = () => b;

    test('arrival rate and utilization = rho', () => {
      const r = get();
      expectWithin(r.arrivalRate, o.lambda, 'arrival rate', 0.02);
      expectWithin(r.utilization, rho, 'utilization', 0.02);
    });

    test('P(wait > 0) = Erlang C (from the lease rows)', () => {
      expectWithin(get().pWait, C, 'P(wait)', 0.08);
    });

    test("P(wait > 0) = Erlang C on the CSV: wait_share's orders_waited over orders_matched", () => {
      expectWithin(get().pWaitCsv, C, 'P(wait), CSV', 0.08);
    });

    test('mean wait = Erlang C / (c mu - lambda) (from the CSV: wait_mean_h weighted by jobs_started)', () => {
      expectWithin(get().wait, W, 'mean wait', rho < 0.6 ? 0.12 : 0.06);
    });

    test('a job that waits, waits Exponential(c mu - lambda): its mean is 1/(c mu - lambda)', () => {
      expectWithin(get().condWait, 1 / (o.c * mu - o.lambda), 'conditional wait', rho < 0.6 ? 0.06 : 0.04);
      // and on the CSV: wait_mean_h_waited
      expectWithin(get().condWaitCsv, 1 / (o.c * mu - o.lambda), 'conditional wait, CSV', rho < 0.6 ? 0.06 : 0.04);
    });

    test("Little's law on the CSV: queue_len_mean = arrival rate x mean wait", () => {
      const r = get();
      // a sample-path identity: exact up to the orders waiting across period edges
      for (const ratio of r.littleRatio) expect(Math.abs(ratio - 1)).toBeLessThan(0.01);
      // and the queue length itself matches theory: Lq = lambda W
      expectWithin(r.queueLen, o.lambda * W, 'mean queue length', rho < 0.6 ? 0.12 : 0.06);
    });
  });
}
