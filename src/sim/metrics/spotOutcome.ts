/**
 * What spot leases (market.spot) did over rows [lo, hi] of a run's table: their share of the
 * GPU-hours served, the realized spot and on-demand prices (each day's price weighted by its
 * GPU-hours) and the leases preempted. The CLI's summary and the dashboard's word it each their own
 * way. Null when no spot lease ran there (or the run has no such columns: a run from before 0.12.0).
 */
export interface SpotOutcome {
  spotGpuHours: number;
  /** Of all GPU-hours served over the same rows. */
  share: number;
  spotUsdPerGpuHour: number;
  /** NaN when every GPU-hour served was spot. */
  onDemandUsdPerGpuHour: number;
  preempted: number;
}

export function spotOutcome(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): SpotOutcome | null {
  const spotH = data.spot_gpu_hours_served;
  const all = data.gpu_hours_served;
  const spotPrice = data.spot_price_usd_per_gpu_h;
  const odPrice = data.on_demand_price_usd_per_gpu_h;
  const preempted = data.leases_preempted;
  if (!spotH || !all || !spotPrice || !odPrice || !preempted) return null;
  let spot = 0;
  let served = 0;
  let spotUsd = 0;
  let odUsd = 0;
  let n = 0;
  for (let i = lo; i <= hi; i++) {
    const h = Number.isFinite(spotH[i]) ? spotH[i] : 0;
    const od = (Number.isFinite(all[i]) ? all[i] : 0) - h;
    spot += h;
    served += h + od;
    if (h > 0) spotUsd += h * spotPrice[i];
    if (od > 0 && Number.isFinite(odPrice[i])) odUsd += od * odPrice[i];
    if (Number.isFinite(preempted[i])) n += preempted[i];
  }
  if (!(spot > 0)) return null;
  return {
    spotGpuHours: spot,
    share: spot / served,
    spotUsdPerGpuHour: spotUsd / spot,
    onDemandUsdPerGpuHour: served > spot ? odUsd / (served - spot) : NaN,
    preempted: n,
  };
}
