/**
 * Shared builders for the simulation-core tests: raw scenario objects (validated through
 * parseScenario, so defaults fill the rest), queueing-theory formulas and small statistics.
 */
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../src/sim/scenario/schema.ts';
import { createRun, type LeaseRow, type MetricTable } from '../../src/sim/run.ts';

export interface MmcOptions {
  /** Servers (identical always-on single-GPU providers). */
  c: number;
  /** Arrival rate, jobs/h. */
  lambda: number;
  /** Mean service time, h. */
  meanServiceH?: number;
  days: number;
  matcher?: 'spheron' | 'auction' | 'cheapest' | 'random';
  periodHours?: number;
  /**
   * 'static' (default): the token economy runs, but providers neither leave nor join, so c stays c.
   * 'off': economy.enabled false (the market alone).
   */
  economy?: 'static' | 'off';
  /** Mean patience, h, exponential (an M/M/c+M queue, Erlang A); unlimited when absent (M/M/c). */
  patienceMeanH?: number;
}

/** Economy settings that keep the provider population fixed (no churn, no entry). */
export const STATIC_POPULATION = {
  participation: {
    baseChurnPerMonth: { home: 0, farm: 0, datacenter: 0, university: 0 },
    entry: false,
  },
};

/**
 * The M/M/c setup as a raw scenario (independent of scenarios/mmc.json, so the test pins the exact
 * degenerate setting it checks): one always-on, never-failing archetype of single-GPU H100
 * providers at a fixed price, one job class of 1-GPU jobs with exponential durations, unlimited
 * budget and patience (or exponential patience: M/M/c+M), plain Poisson arrivals, no setup delay.
 */
export function mmcRaw(o: MmcOptions): Record<string, unknown> {
  return {
    name: 'mmc-test',
    horizonDays: o.days,
    scale: 1,
    metrics: { periodHours: o.periodHours ?? 24 },
    supply: {
      providers: o.c,
      priceAdjustPerDay: 0,
      archetypes: {
        home: { share: 0 },
        farm: { share: 0 },
        university: { share: 0 },
        datacenter: {
          share: 1,
          models: { h100: 1 },
          gpusPerNodeMin: 1,
          gpusPerNodeMax: 1,
          nodesMin: 1,
          nodesMax: 1,
          onlineHoursMin: 24,
          onlineHoursMax: 24,
          onlineHoursMean: 24,
          reliabilityMean: 1,
          meanDownHours: 0,
          purchasePriceSpread: 0,
          marginMin: 0.2,
          marginMax: 0.2,
        },
      },
    },
    demand: {
      baseRateJobsPerHour: o.lambda,
      trendGrowthPerYear: 0,
      diurnalAmplitude: 0,
      burstMeanJobs: 1,
      classes: {
        inference: {
          share: 1,
          gpus: { '1': 1 },
          minVramGb: { '0': 1 },
          durationHours: { dist: 'exponential', mean: o.meanServiceH ?? 1 },
          maxDurationHours: 100000,
          regionLockedShare: 0,
          ...(o.patienceMeanH === undefined
            ? { unlimitedPatience: true }
            : { unlimitedPatience: false, patienceHours: { dist: 'exponential', mean: o.patienceMeanH } }),
          cancelShare: 0,
          budgetFactorMin: 100,
          budgetFactorMax: 100,
        },
        finetune: { share: 0 },
        training: { share: 0 },
        rendering: { share: 0 },
        transcoding: { share: 0 },
      },
    },
    market: { matcher: o.matcher ?? 'cheapest', setupHours: 0 },
    economy: o.economy === 'off' ? { enabled: false } : STATIC_POPULATION,
  };
}

export function mmcScenario(o: MmcOptions): Scenario {
  return parseScenario(mmcRaw(o));
}

// Erlang C and the M/M/c mean wait live in the core (the dashboard draws them next to a run)
export { erlangC, mmcMeanWait } from '../../src/sim/scenario/queueTheory.ts';

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Standard error of the mean of independent replications. */
export function stdErr(xs: readonly number[]): number {
  const m = mean(xs);
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return Math.sqrt(v / xs.length);
}

/** Runs a scenario whole; returns the table and every lease row. */
export function runAll(s: Scenario, seed: number): { table: MetricTable; leases: LeaseRow[]; events: number } {
  const leases: LeaseRow[] = [];
  const run = createRun(s, seed, { onLease: (r) => leases.push(r) });
  run.advance(run.horizonHours);
  return { table: run.table(), leases, events: run.eventsProcessed() };
}

/** A column as a plain array, from row `from` on. */
export function col(t: MetricTable, name: string, from = 0): number[] {
  const c = t.data[name];
  if (!c) throw new Error(`no column '${name}' (have ${Object.keys(t.data).join(', ')})`);
  return Array.from(c.subarray(from));
}
