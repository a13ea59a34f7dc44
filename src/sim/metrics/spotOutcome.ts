/**
 * What spot leases (market.spot) did over rows [lo, hi] of a run's table: their share of the
 * GPU-hours served, the realized spot and on-demand prices (each day's price weighted by its
 * GPU-hours), the leases preempted, and how long spot and on-demand orders waited. The CLI's summary
 * and the dashboard's word it each their own way. Null when no spot lease ran there (or the run has
 * no such columns: a run from before 0.12.0).
 */
import { finite, onDemandUsdPerGpuHour } from './onDemandPrice.ts';
import { kindWaits } from './kindWaits.ts';

export interface SpotOutcome {
  spotGpuHours: number;
  /** Of all GPU-hours served over the same rows. */
  share: number;
  spotUsdPerGpuHour: number;
  /** On-demand leases only (neither spot nor reserved); NaN when none ran. */
  onDemandUsdPerGpuHour: number;
  preempted: number;
  /** Mean waits for a match of on-demand and of spot orders over the orders matched (kindWaits.ts), hours (NaN before 0.14.0 or with none matched). */
  onDemandWaitH: number;
  spotWaitH: number;
}

export function spotOutcome(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): SpotOutcome | null {
  const hours = data.spot_gpu_hours_served;
  const price = data.spot_price_usd_per_gpu_h;
  if (!hours || !price || !data.gpu_hours_served || !data.on_demand_price_usd_per_gpu_h || !data.leases_preempted) return null;
  let spot = 0;
  let served = 0;
  let usd = 0;
  let preempted = 0;
  for (let i = lo; i <= hi; i++) {
    const h = finite(hours, i);
    spot += h;
    served += finite(data.gpu_hours_served, i);
    if (h > 0) usd += h * price[i];
    preempted += finite(data.leases_preempted, i);
  }
  if (!(spot > 0)) return null;
  const waits = kindWaits(data, lo, hi);
  return {
    spotGpuHours: spot,
    share: spot / served,
    spotUsdPerGpuHour: usd / spot,
    onDemandUsdPerGpuHour: onDemandUsdPerGpuHour(data, lo, hi),
    preempted,
    onDemandWaitH: waits.onDemandH,
    spotWaitH: waits.spotH,
  };
}
