/**
 * The centralized cloud's on-demand GPU prices over time, the tenants' outside option: the
 * catalogue's prices, moved by the scenario's cloud price shocks (demand.cloudPriceShocks). A job's
 * budget is a multiple of the price of the cheapest cloud GPU that fits it, when it arrives.
 */
import type { Scenario } from '../scenario/schema.ts';
import { GPU_CATALOGUE, GPU_SEGMENTS, gpuTier, type GpuModel } from '../supply/catalogue.ts';
import { shockFactor } from './arrivals.ts';

/** Cloud price of the cheapest catalogue GPU with at least this VRAM and tier (USD/GPU-h), prices as listed. */
export function cloudReference(minVramGb: number, minTier: number): number {
  let best = Infinity;
  for (const g of GPU_CATALOGUE) {
    if (g.vramGb >= minVramGb && gpuTier(g) >= minTier) best = Math.min(best, g.cloudPriceUsdPerGpuHour);
  }
  return best;
}

export interface CloudPrices {
  /** False when the scenario moves no price: then reference() is cloudReference() at every time. */
  readonly moves: boolean;
  /** Cloud price of the cheapest catalogue GPU with at least this VRAM and tier at time t (hours). */
  reference(minVramGb: number, minTier: number, t: number): number;
}

export function createCloudPrices(s: Scenario): CloudPrices {
  const shocks = s.demand.cloudPriceShocks ?? [];
  const bySegment = GPU_SEGMENTS.map((seg) => shocks.filter((sh) => !sh.segments || sh.segments.includes(seg)));
  const segmentOf = new Map<GpuModel, number>(GPU_CATALOGUE.map((g) => [g, GPU_SEGMENTS.indexOf(g.segment)]));
  // the GPUs that fit each (VRAM, tier) asked for, found once
  const fitting = new Map<number, GpuModel[]>();
  // the segments' factors at the last time asked (the jobs of one arrival share it)
  let lastT = NaN;
  const now = new Float64Array(GPU_SEGMENTS.length);
  /** Multiplier of the listed cloud price of the GPUs of segment k at time t (hours). */
  const factor = (segment: number, t: number) => {
    let f = 1;
    for (const sh of bySegment[segment]) f *= shockFactor(sh, t);
    return f;
  };
  return {
    moves: shocks.length > 0,
    reference(minVramGb, minTier, t) {
      if (shocks.length === 0) return cloudReference(minVramGb, minTier);
      const key = minVramGb * 8 + minTier;
      let gs = fitting.get(key);
      if (!gs) fitting.set(key, (gs = GPU_CATALOGUE.filter((g) => g.vramGb >= minVramGb && gpuTier(g) >= minTier)));
      if (t !== lastT) {
        lastT = t;
        for (let k = 0; k < now.length; k++) now[k] = factor(k, t);
      }
      let best = Infinity;
      for (const g of gs) best = Math.min(best, g.cloudPriceUsdPerGpuHour * now[segmentOf.get(g)!]);
      return best;
    },
  };
}
