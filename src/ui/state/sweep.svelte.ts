/**
 * A parameter sweep in the dashboard: one numeric field from a value to another in a few steps,
 * each point the page's scenario with that value (as `depinsim run --set path=value` gives it), run
 * once per seed (the page's seed and those after it) on the run pool's workers. What it shows is each
 * KPI over the whole run per point: the median across seeds, with the band at the level the user
 * picked (the 10th to 90th percentile at the default 80%).
 */
import { validateForBrowser } from '../../sim/scenario/sizeLimits.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { RunCache } from '../lib/runCache.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ControlSpec } from '../lib/schemaControls.ts';
import { MAX_GRID_POINTS, MAX_SWEEP_POINTS, sweepSummary, sweepValues, type PointSummary } from '../lib/sweepPlan.ts';
import { DEFAULT_BAND_LEVEL, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { RunPool, type PoolJob } from './runPool.svelte.ts';
import { runSeeds } from '../../sim/rng/runSeeds.ts';
import { KPI_COLUMNS } from '../lib/kpiColumns.ts';

export interface SweepPlan {
  control: ControlSpec;
  values: number[];
  seeds: number[];
  /** Each point's metric period (h): the sweep may be of the period itself. */
  periods: number[];
  /** The field's value on the page (drawn as a marker), if numeric. */
  current: number | null;
  hash: string;
  /** A second parameter, for a grid: its values and page value. Points go first value slowest (as the CLI's --sweep). */
  second: { control: ControlSpec; values: number[]; current: number | null } | null;
  /** Each point's values: [first] or [first, second]. */
  points: number[][];
}

/** The second parameter of a grid, as the form gives it. */
export interface SecondSpec {
  control: ControlSpec;
  from: number;
  to: number;
  steps: number;
  current: unknown;
}

export class Sweep {
  // a point is read only through the KPI figures: its table keeps their columns (lib/kpiColumns.ts)
  readonly pool = new RunPool(null, KPI_COLUMNS);
  /** The level of the summary's bands (a reactive read: the dashboard's band level). */
  private readonly levelOf: () => BandLevel;
  /**
   * Points already run in this session (this sweep before, the page's runs, Monte Carlo seeds) come
   * from the cache; `level` gives the band level of `summary` (80% when not given).
   */
  constructor(cache: RunCache | null = null, level: () => BandLevel = () => DEFAULT_BAND_LEVEL) {
    this.pool.cache = cache;
    this.levelOf = level;
  }
  plan = $state.raw<SweepPlan | null>(null);
  error = $state<string | null>(null);
  /** Each point's KPIs so far, with bands at the constructor's level. */
  summary = $derived.by((): PointSummary[] => this.summaryAt(this.levelOf()));
  done = $derived(this.pool.tables.size);
  total = $derived(this.pool.jobs.length);

  /**
   * Each point's KPIs so far with bands at `level`. Reads the plan and the finished runs, so a
   * $derived calling it recomputes as runs finish (and as the level it passes changes).
   */
  summaryAt(level: BandLevel): PointSummary[] {
    const p = this.plan;
    if (!p) return [];
    const tables = this.pool.tables;
    return sweepSummary(
      p.points.map((v) => v[0]),
      p.seeds,
      (i, s) => tables.get(jobKey(i, s)),
      (i) => p.periods[i],
      p.second ? p.points.map((v) => v[1]) : undefined,
      level,
    );
  }

  /**
   * Plans and starts a sweep of `control` from `from` to `to` in `steps` values (and, with `second`,
   * of a second parameter: every combination), `seedsPerPoint` seeds from `seed`, each point
   * `rawWith(value, value2)`. Every point is validated first: an invalid one (a value out of the
   * field's range, say) starts nothing and says which. Returns whether it started.
   */
  start(
    control: ControlSpec,
    from: number,
    to: number,
    steps: number,
    seed: number,
    seedsPerPoint: number,
    rawWith: (v: number, v2?: number) => unknown,
    current: unknown,
    hash: string,
    second: SecondSpec | null = null,
  ): boolean {
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
    let values2: number[] | null = null;
    if (second) {
      if (second.control.path === control.path) {
        this.error = `the two parameters are the same (${control.path})`;
        return false;
      }
      values2 = sweepValues(second.from, second.to, second.steps, second.control.kind === 'integer');
      if (values2.length < 2) {
        this.error = `the second parameter needs two different values (from ${second.from} to ${second.to} in ${second.steps} steps)`;
        return false;
      }
      if (values.length * values2.length > MAX_GRID_POINTS) {
        this.error = `at most ${MAX_GRID_POINTS} points in a grid (${values.length} x ${values2.length} asked)`;
        return false;
      }
    }
    const points = values2 ? values.flatMap((v) => values2.map((v2) => [v, v2])) : values.map((v) => [v]);
    const scenarios: Scenario[] = [];
    const raws: unknown[] = [];
    for (const pt of points) {
      const raw = rawWith(pt[0], pt[1]);
      const r = validateForBrowser(raw);
      if (!r.ok) {
        const where = second ? `${control.path} = ${pt[0]}, ${second.control.path} = ${pt[1]}` : `${control.path} = ${pt[0]}`;
        this.error = `${where}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
        return false;
      }
      scenarios.push(r.scenario);
      raws.push(raw);
    }
    const seeds = runSeeds(seed, seedsPerPoint);
    const hashes = scenarios.map((sc) => scenarioHash(sc));
    const jobs: PoolJob[] = points.flatMap((_, p) =>
      seeds.map((s) => ({ key: jobKey(p, s), raw: raws[p], seed: s, periodHours: scenarios[p].metrics.periodHours, cacheKey: RunCache.key(hashes[p], s) })),
    );
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    this.plan = {
      control,
      values,
      seeds,
      periods: scenarios.map((s) => s.metrics.periodHours),
      current: num(current),
      hash,
      second: second && values2 ? { control: second.control, values: values2, current: num(second.current) } : null,
      points,
    };
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
