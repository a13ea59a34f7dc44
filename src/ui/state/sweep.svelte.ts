/**
 * A parameter sweep in the dashboard: one numeric field from a value to another in a few steps,
 * each point the page's scenario with that value (as `depinsim run --set path=value` gives it), run
 * once per seed (the page's seed and those after it) on the run pool's workers. What it shows is each
 * KPI over the whole run per point: the median across seeds, with the 10th to 90th percentile.
 */
import { validateScenario } from '../../sim/scenario/validate.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { RunCache } from '../lib/runCache.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ControlSpec } from '../lib/schemaControls.ts';
import { MAX_SWEEP_POINTS, sweepSummary, sweepValues, type PointSummary } from '../lib/sweepPlan.ts';
import { RunPool, type PoolJob } from './runPool.svelte.ts';

export interface SweepPlan {
  control: ControlSpec;
  values: number[];
  seeds: number[];
  /** Each point's metric period (h): the sweep may be of the period itself. */
  periods: number[];
  /** The field's value on the page (drawn as a marker), if numeric. */
  current: number | null;
  hash: string;
}

export class Sweep {
  readonly pool = new RunPool();
  /** Points already run in this session (this sweep before, the page's runs, Monte Carlo seeds) come from the cache. */
  constructor(cache: RunCache | null = null) {
    this.pool.cache = cache;
  }
  plan = $state.raw<SweepPlan | null>(null);
  error = $state<string | null>(null);
  summary = $derived.by((): PointSummary[] => {
    const p = this.plan;
    if (!p) return [];
    const tables = this.pool.tables;
    return sweepSummary(p.values, p.seeds, (i, s) => tables.get(jobKey(i, s)), (i) => p.periods[i]);
  });
  done = $derived(this.pool.tables.size);
  total = $derived(this.pool.jobs.length);

  /**
   * Plans and starts a sweep of `control` from `from` to `to` in `steps` values, `seedsPerPoint` seeds
   * from `seed`, each point `rawWith(value)`. Every point is validated first: an invalid one (a value
   * out of the field's range, say) starts nothing and says which. Returns whether it started.
   */
  start(control: ControlSpec, from: number, to: number, steps: number, seed: number, seedsPerPoint: number, rawWith: (v: number) => unknown, current: unknown, hash: string): boolean {
    this.error = null;
    const values = sweepValues(from, to, steps, control.kind === 'integer');
    if (values.length < 2) {
      this.error = `a sweep needs two different values (from ${from} to ${to} in ${steps} steps)`;
      return false;
    }
    if (values.length > MAX_SWEEP_POINTS) {
      this.error = `at most ${MAX_SWEEP_POINTS} points`;
      return false;
    }
    const scenarios: Scenario[] = [];
    const raws: unknown[] = [];
    for (const v of values) {
      const raw = rawWith(v);
      const r = validateScenario(raw);
      if (!r.ok) {
        this.error = `${control.path} = ${v}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
        return false;
      }
      scenarios.push(r.scenario);
      raws.push(raw);
    }
    const seeds = Array.from({ length: seedsPerPoint }, (_, i) => seed + i);
    const hashes = scenarios.map((sc) => scenarioHash(sc));
    const jobs: PoolJob[] = values.flatMap((_, p) =>
      seeds.map((s) => ({ key: jobKey(p, s), raw: raws[p], seed: s, periodHours: scenarios[p].metrics.periodHours, cacheKey: RunCache.key(hashes[p], s) })),
    );
    this.plan = { control, values, seeds, periods: scenarios.map((s) => s.metrics.periodHours), current: typeof current === 'number' ? current : null, hash };
    this.pool.start(jobs, Math.max(...scenarios.map((s) => s.scale)));
    return true;
  }

  cancel(): void {
    this.pool.cancel();
    this.plan = null;
  }
}

function jobKey(point: number, seed: number): string {
  return `point ${point + 1} seed ${seed}`;
}
