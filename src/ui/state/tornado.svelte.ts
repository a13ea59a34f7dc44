/**
 * A sensitivity run in the dashboard (lib/tornadoPlan.ts): the page's scenario, then each parameter
 * of a set moved down and up by a fraction of its page value, each end run once per seed on the run
 * pool's workers (from the session's cache where it can: the page's own run is the reference).
 * An end that does not validate (a share pushed past its bound, say) skips that parameter, and says why.
 */
import { validateScenario } from '../../sim/scenario/validate.ts';
import { validateForBrowser } from '../../sim/scenario/sizeLimits.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ControlSpec } from '../lib/schemaControls.ts';
import { RunCache } from '../lib/runCache.ts';
import { tornadoEnds, type TornadoParam } from '../lib/tornadoPlan.ts';
import { RunPool, type PoolJob } from './runPool.svelte.ts';
import { runSeeds } from '../../sim/rng/runSeeds.ts';

export interface TornadoPlan {
  params: TornadoParam[];
  /** Parameters left out, and why. */
  skipped: { path: string; label: string; reason: string }[];
  fraction: number;
  seeds: number[];
  /** The page scenario's hash and metric period (h); every end shares the period unless it is the parameter moved. */
  hash: string;
  periodHours: number;
}

export class Tornado {
  readonly pool = new RunPool();
  plan = $state.raw<TornadoPlan | null>(null);
  error = $state<string | null>(null);
  done = $derived(this.pool.tables.size);
  total = $derived(this.pool.jobs.length);

  constructor(cache: RunCache | null = null) {
    this.pool.cache = cache;
  }

  /**
   * Plans and starts: `controls` moved by ±`fraction` of `valueOf(path)`, each end `rawWith(path, v)`,
   * `seedsPerEnd` seeds from `seed`, and the page's own scenario `baseRaw` with the same seeds.
   * Returns whether anything started.
   */
  start(controls: ControlSpec[], valueOf: (path: string) => unknown, rawWith: (path: string, v: number) => unknown, baseRaw: unknown, fraction: number, seed: number, seedsPerEnd: number): boolean {
    this.error = null;
    const base = validateScenario(baseRaw);
    if (!base.ok) {
      this.error = `the page's scenario is not valid: ${base.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
      return false;
    }
    const seeds = runSeeds(seed, seedsPerEnd);
    const hash = scenarioHash(base.scenario);
    const periodHours = base.scenario.metrics.periodHours;
    const params: TornadoParam[] = [];
    const skipped: TornadoPlan['skipped'] = [];
    const jobs: PoolJob[] = seeds.map((s) => ({ key: baseKey(s), raw: baseRaw, seed: s, periodHours, cacheKey: RunCache.key(hash, s) }));
    for (const c of controls) {
      const v = Number(valueOf(c.path));
      const ends = tornadoEnds(c, v, fraction);
      if ('reason' in ends) {
        skipped.push({ path: c.path, label: c.label, reason: ends.reason });
        continue;
      }
      const sc: Partial<Record<'low' | 'high', Scenario>> = {};
      const raws: Partial<Record<'low' | 'high', unknown>> = {};
      let bad: string | null = null;
      for (const end of ['low', 'high'] as const) {
        const raw = rawWith(c.path, ends[end]);
        const r = validateForBrowser(raw);
        if (!r.ok) {
          bad = `${ends[end]}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
          break;
        }
        sc[end] = r.scenario;
        raws[end] = raw;
      }
      if (bad) {
        skipped.push({ path: c.path, label: c.label, reason: bad });
        continue;
      }
      const i = params.length;
      params.push({ path: c.path, label: c.label, unit: c.unit, base: v, low: ends.low, high: ends.high });
      for (const end of ['low', 'high'] as const) {
        const h = scenarioHash(sc[end]!);
        for (const s of seeds) jobs.push({ key: endKey(i, end, s), raw: raws[end], seed: s, periodHours: sc[end]!.metrics.periodHours, cacheKey: RunCache.key(h, s) });
      }
    }
    if (params.length === 0) {
      this.error = `no parameter could be moved by ±${Math.round(fraction * 100)}%: ${skipped.map((s) => `${s.path} (${s.reason})`).join('; ')}`;
      return false;
    }
    this.plan = { params, skipped, fraction, seeds, hash, periodHours };
    this.pool.start(jobs, base.scenario.scale);
    return true;
  }

  cancel(): void {
    this.pool.cancel();
    this.plan = null;
  }
}

export function baseKey(seed: number): string {
  return `page seed ${seed}`;
}

export function endKey(param: number, end: 'low' | 'high', seed: number): string {
  return `param ${param + 1} ${end} seed ${seed}`;
}
