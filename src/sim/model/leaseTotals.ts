/**
 * What the leases ran and were billed, summed over every lease as the lease export would: the
 * ended ones as each ends (its row's gpu_hours and price x gpu_hours), the live ones at the moment
 * of asking. The lease side of the run's checks against the metrics' gpu_hours_served and gmv_usd
 * (runChecks.ts), which integrate busy GPUs and billing rates over time instead.
 */
import type { IntMap } from '../core/intMap.ts';
import { runHours } from '../lease/machine.ts';
import type { Lease } from './types.ts';

/** GPU-hours run and USD billed (price x GPU-hours) by the leases, ended and live. */
export interface LeaseRunTotals {
  /** GPU-hours by the ended leases: the sum of the lease export's gpu_hours. */
  ended: number;
  /** Their price x GPU-hours, USD (the export's price_usd_per_gpu_h x gpu_hours, summed). */
  endedUsd: number;
  /** Leases ended: the lease export's rows. */
  endedLeases: number;
  /** GPU-hours by the live leases so far (they have no row yet). */
  live: number;
  /** Their price x GPU-hours so far, USD. */
  liveUsd: number;
  /** Live leases that have run. */
  liveLeases: number;
}

export class LeaseTotals {
  private gpuHours = 0;
  private usd = 0;
  private count = 0;

  /** Leases ended so far: the lease export's rows. */
  get endedLeases(): number {
    return this.count;
  }

  /** Lease l has ended (its row is being written). */
  ended(l: Lease): void {
    this.count++;
    // (a lease that never ran has no price: an expired order's is NaN)
    if (l.ranHours > 0) {
      const h = l.gpus * l.ranHours;
      this.gpuHours += h;
      this.usd += l.priceUsdPerGpuHour * h;
    }
  }

  /** The totals now, the live leases' run so far included. */
  at(now: number, live: IntMap<Lease>): LeaseRunTotals {
    let gpuH = 0;
    let usd = 0;
    let n = 0;
    for (const l of live.values()) {
      const ran = runHours(l, now);
      if (!(ran > 0)) continue;
      n++;
      gpuH += l.gpus * ran;
      usd += l.priceUsdPerGpuHour * l.gpus * ran;
    }
    return { ended: this.gpuHours, endedUsd: this.usd, endedLeases: this.count, live: gpuH, liveUsd: usd, liveLeases: n };
  }
}
