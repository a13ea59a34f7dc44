/**
 * A sensitivity run in the dashboard (lib/tornadoPlan.ts): the page's scenario, then each parameter
 * of a set moved down and up by a fraction of its page value, each end run once per seed on the run
 * pool's workers (from the session's cache where it can: the page's own run is the reference).
 * An end that does not validate (a share pushed past its bound, say) skips that parameter, and says why.
 */
import { scenarioHash } from '../../sim/scenario/hash.ts';
import type { ControlSpec } from '../lib/schemaControls.ts';
import { RunCache } from '../lib/runCache.ts';
import type { TornadoParam } from '../lib/tornadoPlan.ts';
import { movableEnds, noneMovable, type SkippedParam } from '../lib/movableEnds.ts';
import type { PoolJob } from './runPool.svelte.ts';
import { PoolTask } from './poolTask.svelte.ts';
import { runSeeds } from '../../sim/rng/runSeeds.ts';

export interface TornadoPlan {
  params: TornadoParam[];
  /** Parameters left out, and why. */
  skipped: SkippedParam[];
  fraction: number;
  seeds: number[];
  /** The page scenario's hash and metric period (h); every end shares the period unless it is the parameter moved. */
  hash: string;
  periodHours: number;
}

export class Tornado extends PoolTask<TornadoPlan> {
  /**
   * Plans and starts: `controls` moved by ±`fraction` of `valueOf(path)`, each end `rawWith(path, v)`,
   * `seedsPerEnd` seeds from `seed`, and the page's own scenario `baseRaw` with the same seeds.
   * Returns whether anything started.
   */
  start(controls: ControlSpec[], valueOf: (path: string) => unknown, rawWith: (path: string, v: number) => unknown, baseRaw: unknown, fraction: number, seed: number, seedsPerEnd: number): boolean {
    const page = this.pageScenario(baseRaw);
    if (!page) return false;
    const seeds = runSeeds(seed, seedsPerEnd);
    const hash = scenarioHash(page);
    const periodHours = page.metrics.periodHours;
    const { movable, skipped } = movableEnds(controls, valueOf, fraction, (c, v) => rawWith(c.path, v));
    const params: TornadoParam[] = movable.map((m) => m.param);
    const jobs: PoolJob[] = seeds.map((s) => ({ key: baseKey(s), raw: baseRaw, seed: s, periodHours, cacheKey: RunCache.key(hash, s) }));
    movable.forEach((m, i) => {
      for (const end of ['low', 'high'] as const) {
        const { raw, scenario } = m.ends[end];
        const h = scenarioHash(scenario);
        for (const s of seeds) jobs.push({ key: endKey(i, end, s), raw, seed: s, periodHours: scenario.metrics.periodHours, cacheKey: RunCache.key(h, s) });
      }
    });
    if (params.length === 0) {
      this.error = noneMovable(fraction, skipped);
      return false;
    }
    if (!this.fitsInPage(jobs.length, page, 'fewer parameters or seeds per end, or a shorter horizon')) return false;
    this.plan = { params, skipped, fraction, seeds, hash, periodHours };
    this.pool.start(jobs, page.scale);
    return true;
  }

}

export function baseKey(seed: number): string {
  return `page seed ${seed}`;
}

export function endKey(param: number, end: 'low' | 'high', seed: number): string {
  return `param ${param + 1} ${end} seed ${seed}`;
}
