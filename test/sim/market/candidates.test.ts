/**
 * The candidate finder's sample when few of the affordable providers pass the per-candidate checks:
 * it must stay a uniform sample of the ones that pass, not the first ones in list order.
 */
import { describe, expect, test } from 'vitest';
import { CandidateFinder } from '../../../src/sim/market/candidates.ts';
import { ProviderIndex } from '../../../src/sim/market/providerIndex.ts';
import { FREE, GPUS, ProviderSignals } from '../../../src/sim/market/signals.ts';
import { blankLease } from '../../../src/sim/lease/pool.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { GPU_CATALOGUE } from '../../../src/sim/supply/catalogue.ts';
import { REGIONS } from '../../../src/sim/scenario/schema.ts';
import type { Provider } from '../../../src/sim/model/types.ts';

/** A listed single-GPU home provider of model 0, region 0, whose sharing window ends at `windowEnd`. */
function homeProvider(id: number, windowEnd: number, sig: ProviderSignals): Provider {
  sig.ensure(id + 1);
  sig.windowEnd[id] = windowEnd;
  sig.set(id, FREE, 1);
  sig.set(id, GPUS, 1);
  return { id, model: 0, region: 0, tier: 0, gpus: 1, gpusFree: 1, windowHours: 8, inWindow: true, failed: false, active: true, canServe: true, askUsdPerGpuHour: 0.2, bucket: -1, levelBucket: -1 } as Provider;
}

describe('candidate finder', () => {
  test('when the sampled providers all fail the window check, the 32 taken are a uniform sample of the ones that pass', () => {
    const sig = new ProviderSignals();
    const index = new ProviderIndex(GPU_CATALOGUE.length, REGIONS.length, sig);
    // 1000 part-day providers in one list; 40 of them, spread out, have a window long enough
    const feasible = new Set(Array.from({ length: 40 }, (_, j) => 7 + j * 24));
    const providers = Array.from({ length: 1000 }, (_, id) => homeProvider(id, feasible.has(id) ? 10 : 1, sig));
    for (const p of providers) index.update(p, true);
    const finder = new CandidateFinder(index, providers, sig, createStreams(3).get('matcher'), 32, false);
    finder.now = () => 0;
    const order = blankLease();
    Object.assign(order, { gpus: 1, minVramGb: 0, minTier: 0, region: 0, regionLocked: false, budgetUsdPerGpuHour: 1, workHours: 2, cancelAfterHours: Infinity });

    const seen = new Map<number, number>();
    let fallbacks = 0;
    for (let call = 0; call < 3000; call++) {
      const n = finder.find(order);
      const got = finder.out.slice(0, n);
      for (const id of got) expect(feasible.has(id), `provider ${id} does not fit the work`).toBe(true);
      // the systematic sample found 1-3 that pass (it returns those), or none: then 32 of the 40
      if (n !== 32) continue;
      fallbacks++;
      expect(new Set(got).size).toBe(32);
      for (const id of got) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect(fallbacks).toBeGreaterThan(100);
    // each of the 40 is in a fallback sample with probability 32/40 (taking the first 32 in list
    // order would never pick the last 8)
    for (const id of feasible) {
      const share = (seen.get(id) ?? 0) / fallbacks;
      expect(share, `provider ${id} in ${(100 * share).toFixed(0)}% of the samples`).toBeGreaterThan(0.65);
      expect(share).toBeLessThan(0.95);
    }
  });
});
