/**
 * The realized on-demand price over rows [lo, hi] of a run's table: each day's
 * on_demand_price_usd_per_gpu_h weighted by that day's on-demand GPU-hours (those served less the
 * spot leases' and the reservations', where the run has such columns). NaN when no on-demand lease ran.
 * Shared by the spot and the reservation outcomes, which set their own price against it.
 */
export function onDemandUsdPerGpuHour(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): number {
  const all = data.gpu_hours_served;
  const price = data.on_demand_price_usd_per_gpu_h;
  if (!all || !price) return NaN;
  let usd = 0;
  let hours = 0;
  for (let i = lo; i <= hi; i++) {
    const od = finite(all, i) - finite(data.spot_gpu_hours_served, i) - finite(data.reserved_gpu_hours_served, i);
    if (od > 0 && Number.isFinite(price[i])) {
      usd += od * price[i];
      hours += od;
    }
  }
  return hours > 0 ? usd / hours : NaN;
}

/** Row i of a column, 0 when the column is missing or the cell empty. */
export function finite(c: ArrayLike<number> | undefined, i: number): number {
  return c && Number.isFinite(c[i]) ? c[i] : 0;
}
