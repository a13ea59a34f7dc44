/** Small scenarios for the economy tests: short horizons, few providers, so the suite stays fast. */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import type { Scenario, ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { createRun, type Run } from '../../src/sim/run.ts';
import type { LeaseRow } from '../../src/sim/model/leaseRow.ts';

type Obj = Record<string, unknown>;
export function merge(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' ? merge(out[k] as Obj, v as Obj) : v;
  }
  return out;
}

/** A mixed network like the baseline, at `providers` providers with demand scaled to match. */
export function small(providers: number, days: number, over: Obj = {}): Scenario {
  return parseScenario(merge({ horizonDays: days, supply: { providers }, demand: { baseRateJobsPerHour: (80 * providers) / 2000 } }, over) as ScenarioInput);
}

/**
 * A saturated market: `n` identical always-on single-H100 providers at fixed prices, one-hour jobs
 * arriving at twice the capacity (patience 2 h), so every GPU is busy all the time.
 */
export function saturated(n: number, days: number, over: Obj = {}): Scenario {
  const base: Obj = {
    horizonDays: days,
    supply: {
      providers: n,
      priceAdjustPerDay: 0,
      regions: { na: 1 },
      archetypes: {
        home: { share: 0 },
        farm: { share: 0 },
        university: { share: 0 },
        datacenter: {
          share: 1, models: { h100: 1 }, gpusPerNodeMin: 1, gpusPerNodeMax: 1, nodesMin: 1, nodesMax: 1,
          onlineHoursMin: 24, onlineHoursMax: 24, onlineHoursMean: 24, reliabilityMean: 1, meanDownHours: 0,
          purchasePriceSpread: 0, marginMin: 0.2, marginMax: 0.2,
        },
      },
    },
    demand: {
      baseRateJobsPerHour: 2 * n,
      trendGrowthPerYear: 0,
      diurnalAmplitude: 0,
      burstMeanJobs: 1,
      classes: {
        inference: {
          share: 1, gpus: { '1': 1 }, minVramGb: { '0': 1 }, durationHours: { dist: 'fixed', value: 1 }, regionLockedShare: 0,
          patienceHours: { dist: 'fixed', value: 2 }, cancelShare: 0, budgetFactorMin: 100, budgetFactorMax: 100,
        },
        finetune: { share: 0 },
        training: { share: 0 },
        rendering: { share: 0 },
        transcoding: { share: 0 },
      },
    },
    market: { matcher: 'cheapest', setupHours: 0 },
  };
  return parseScenario(merge(base, over) as ScenarioInput);
}

export function scenarioFile(name: string, over: Obj = {}): Scenario {
  const raw = JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')) as Obj;
  return parseScenario(merge(raw, over) as ScenarioInput);
}

export function runToEnd(s: Scenario, seed = 1, onLease?: (r: LeaseRow) => void): Run {
  const run = createRun(s, seed, { onLease });
  run.advance(run.horizonHours);
  return run;
}

export function col(run: Run, name: string): Float64Array {
  const c = run.table().data[name];
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

export function sum(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}

export function mean(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (Number.isNaN(a[i])) continue;
    s += a[i];
    n++;
  }
  return s / n;
}

/** A shock's run and its control (same seed, the shock left out) agree day by day in `columns` until `day`. */
export function expectSameUntil(run: Run, control: Run, day: number, columns: readonly string[]): void {
  for (const c of columns) expect(Array.from(col(run, c).slice(0, day)), c).toEqual(Array.from(col(control, c).slice(0, day)));
}
