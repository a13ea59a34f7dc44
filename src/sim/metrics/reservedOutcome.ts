/**
 * What reservations (market.reserved) did over rows [lo, hi] of a run's table: their share of the
 * GPU-hours served, the realized reserved and on-demand prices (each day's price weighted by its
 * GPU-hours), the reservation leases started, the jobs they took over, and how long reservation and
 * on-demand orders waited. The CLI's summary and the dashboard's word it each their own way. Null
 * when no reservation ran there (or the run has no such columns: a run from before 0.13.0).
 */
import { finite, onDemandUsdPerGpuHour } from './onDemandPrice.ts';
import { kindWaits } from './kindWaits.ts';

export interface ReservedOutcome {
  reservedGpuHours: number;
  /** Of all GPU-hours served over the same rows. */
  share: number;
  reservedUsdPerGpuHour: number;
  /** On-demand leases only (neither spot nor reserved); NaN when none ran. */
  onDemandUsdPerGpuHour: number;
  /** Reservation leases started, re-orders after failures included. */
  started: number;
  /** New jobs that ran inside their tenants' reservations instead of being ordered. */
  takenOver: number;
  /** Mean waits for a match of on-demand and of reservation orders over the orders matched (kindWaits.ts), hours (NaN before 0.14.0 or with none matched). */
  onDemandWaitH: number;
  reservedWaitH: number;
}

export function reservedOutcome(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): ReservedOutcome | null {
  const hours = data.reserved_gpu_hours_served;
  const price = data.reserved_price_usd_per_gpu_h;
  if (!hours || !price || !data.gpu_hours_served || !data.reservations_started || !data.jobs_taken_over) return null;
  let reserved = 0;
  let served = 0;
  let usd = 0;
  let started = 0;
  let takenOver = 0;
  for (let i = lo; i <= hi; i++) {
    const h = finite(hours, i);
    reserved += h;
    served += finite(data.gpu_hours_served, i);
    if (h > 0) usd += h * price[i];
    started += finite(data.reservations_started, i);
    takenOver += finite(data.jobs_taken_over, i);
  }
  if (!(reserved > 0)) return null;
  const waits = kindWaits(data, lo, hi);
  return {
    reservedGpuHours: reserved,
    share: reserved / served,
    reservedUsdPerGpuHour: usd / reserved,
    onDemandUsdPerGpuHour: onDemandUsdPerGpuHour(data, lo, hi),
    started,
    takenOver,
    onDemandWaitH: waits.onDemandH,
    reservedWaitH: waits.reservedH,
  };
}
