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
  /** False when the scenario moves no price: then reference() is cloudReference() at every time and patience() is 1. */
  readonly moves: boolean;
  /** Cloud price of the cheapest catalogue GPU with at least this VRAM and tier at time t (hours). */
  reference(minVramGb: number, minTier: number, t: number): number;
  /**
   * Multiplier of the patience of a job with this VRAM and tier arriving at time t: the shocks'
   * patienceMultiplier, on their course, for the segment of the GPU reference() prices the job by
   * (the one the tenant would rent in the cloud); 1 when no shock moves it.
   */
  patience(minVramGb: number, minTier: number, t: number): number;
}

export function createCloudPrices(s: Scenario): CloudPrices {
  const shocks = s.demand.cloudPriceShocks ?? [];
  const bySegment = GPU_SEGMENTS.map((seg) => shocks.filter((sh) => !sh.segments || sh.segments.includes(seg)));
  const segmentOf = new Map<GpuModel, number>(GPU_CATALOGUE.map((g) => [g, GPU_SEGMENTS.indexOf(g.segment)]));
  const patienceMoves = shocks.some((sh) => sh.patienceMultiplier !== undefined && sh.patienceMultiplier !== 1);
  // the GPUs that fit each (VRAM, tier) asked for, found once
  const fitting = new Map<number, GpuModel[]>();
  // the segments' price and patience factors at the last time asked (the jobs of one arrival share it)
  let lastT = NaN;
  const now = new Float64Array(GPU_SEGMENTS.length);
  const waitNow = new Float64Array(GPU_SEGMENTS.length);
  /** Multipliers of the listed cloud price and of the patience for the GPUs of segment k at time t (hours). */
  const factors = (t: number) => {
    if (t === lastT) return;
    lastT = t;
    for (let k = 0; k < now.length; k++) {
      let f = 1;
      let w = 1;
      for (const sh of bySegment[k]) {
        f *= shockFactor(sh, t);
        if (sh.patienceMultiplier !== undefined) w *= shockFactor({ ...sh, multiplier: sh.patienceMultiplier }, t);
      }
      now[k] = f;
      waitNow[k] = w;
    }
  };
  /** The cheapest GPU fitting (VRAM, tier) at the prices of time t; undefined when none fits. */
  const cheapest = (minVramGb: number, minTier: number, t: number): GpuModel | undefined => {
    const key = minVramGb * 8 + minTier;
    let gs = fitting.get(key);
    if (!gs) fitting.set(key, (gs = GPU_CATALOGUE.filter((g) => g.vramGb >= minVramGb && gpuTier(g) >= minTier)));
    factors(t);
    let best = gs[0];
    let price = Infinity;
    for (const g of gs) {
      const x = g.cloudPriceUsdPerGpuHour * now[segmentOf.get(g)!];
      if (x < price) {
        price = x;
        best = g;
      }
    }
    return best;
  };
  return {
    moves: shocks.length > 0,
    reference(minVramGb, minTier, t) {
      if (shocks.length === 0) return cloudReference(minVramGb, minTier);
      const g = cheapest(minVramGb, minTier, t);
      return g ? g.cloudPriceUsdPerGpuHour * now[segmentOf.get(g)!] : Infinity;
    },
    patience(minVramGb, minTier, t) {
      if (!patienceMoves) return 1;
      const g = cheapest(minVramGb, minTier, t);
      return g ? waitNow[segmentOf.get(g)!] : 1;
    },
  };
}
