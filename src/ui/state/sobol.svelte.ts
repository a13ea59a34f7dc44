/**
 * A variance-based sensitivity run in the dashboard (lib/sobolPlan.ts): Saltelli's design over the
 * chosen parameters, each drawn over its page value ±share, all varying at once; every point run
 * on the run pool's workers (from the session's cache where it can). A parameter whose end alone
 * does not validate is left out, with the reason, as the one-at-a-time chart does; a point that does
 * not validate with the others (shares that no longer fit together, say) is not run, and its row is
 * left out of the estimates.
 */
import { validateForBrowser } from '../../sim/scenario/sizeLimits.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { sobolPoints } from '../../sim/metrics/sampleDesign.ts';
import { SOBOL_MAX_DIMS } from '../../sim/rng/sobolSequence.ts';
import { runSeeds } from '../../sim/rng/runSeeds.ts';
import type { ControlSpec } from '../lib/schemaControls.ts';
import { RunCache } from '../lib/runCache.ts';
import { movableEnds, noneMovable, type SkippedParam } from '../lib/movableEnds.ts';
import { sampleRanges, type SobolDesign, type SobolParam } from '../lib/sobolPlan.ts';
import type { PoolJob } from './runPool.svelte.ts';
import { PoolTask } from './poolTask.svelte.ts';

/** The most parameters a design takes: its Sobol sequence has two dimensions per parameter. */
export const SOBOL_MAX_PARAMS = SOBOL_MAX_DIMS / 2;

export interface SobolPlan extends SobolDesign {
  /** Parameters left out, and why. */
  skipped: SkippedParam[];
  /** Runs not run: their point does not validate (the first reason, and how many). */
  invalid: { count: number; first: string | null };
  fraction: number;
  /** Each run's metric period (h): a point may move the period itself. */
  periods: number[];
  /** The page scenario's hash when the design was made (a later edit makes it stale). */
  hash: string;
}

export class SobolRun extends PoolTask<SobolPlan> {
  /**
   * Plans and starts: `controls` drawn over ±`fraction` of `valueOf(path)`, `rows` rows of the design
   * from `seed`; a point's scenario is `rawWith(values)` (a value per control). Returns whether
   * anything started.
   */
  start(controls: ControlSpec[], valueOf: (path: string) => unknown, rawWith: (values: [ControlSpec, number][]) => unknown, baseRaw: unknown, fraction: number, seed: number, rows: number): boolean {
    const page = this.pageScenario(baseRaw);
    if (!page) return false;
    // each end alone must validate, or every point near it would fail
    const { movable, skipped } = movableEnds(controls, valueOf, fraction, (c, v) => rawWith([[c, v]]));
    const params: SobolParam[] = movable.map((m) => ({ ...m.param, integer: m.control.kind === 'integer' }));
    const moved = movable.map((m) => m.control);
    if (params.length === 0) {
      this.error = noneMovable(fraction, skipped);
      return false;
    }
    if (params.length > SOBOL_MAX_PARAMS) {
      this.error = `${params.length} parameters: a design takes at most ${SOBOL_MAX_PARAMS} (two dimensions of its Sobol sequence each); pick the first screen's or a smaller set`;
      return false;
    }
    const runs = rows * (params.length + 3);
    if (!this.fitsInPage(runs, page, `fewer rows or parameters, or a shorter horizon (or the CLI's --sample ... --sobol N, which keeps no tables)`)) return false;
    const { points, roles } = sobolPoints(sampleRanges(params), rows, seed);
    const seeds = runSeeds(seed, 2 * rows);
    const design: SobolDesign = { params, rows, seed, points, roles, runSeeds: roles.map((r) => seeds[r.matrix === 'R' ? rows + r.row : r.row]) };
    const jobs: PoolJob[] = [];
    const periods: number[] = [];
    const invalid: SobolPlan['invalid'] = { count: 0, first: null };
    points.forEach((q, r) => {
      const raw = rawWith(moved.map((c, i) => [c, q[i]]));
      const v = validateForBrowser(raw);
      periods.push(v.ok ? v.scenario.metrics.periodHours : page.metrics.periodHours);
      if (!v.ok) {
        invalid.count++;
        invalid.first ??= `${params.map((p, i) => `${p.path}=${q[i]}`).join(', ')}: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
        return;
      }
      const s = design.runSeeds[r];
      jobs.push({ key: sobolKey(r), raw, seed: s, periodHours: v.scenario.metrics.periodHours, cacheKey: RunCache.key(scenarioHash(v.scenario), s) });
    });
    if (jobs.length === 0) {
      this.error = `no point of the design is a valid scenario: ${invalid.first}`;
      return false;
    }
    this.plan = { ...design, skipped, invalid, fraction, periods, hash: scenarioHash(page) };
    this.pool.start(jobs, page.scale);
    return true;
  }

}

/** The pool's key of run r of the design (0-based, in the design's order: row by row, A, B, AB per parameter, R). */
export function sobolKey(run: number): string {
  return `sobol run ${run + 1}`;
}
