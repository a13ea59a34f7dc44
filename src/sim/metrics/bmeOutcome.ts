/**
 * What the burn-and-mint collateral ratio and its breaker (economy.bmeBreaker, BME_COLUMNS) did over
 * rows [lo, hi] of a run's table: the hours new leases were halted, the times the breaker tripped,
 * the lowest ratio of a period's end and the last. The CLI's summary and the dashboard's word it each
 * their own way. Null when the run has no ratio there (no burn-and-mint settlement mints, or a run
 * from before 0.15.0).
 */
export interface BmeOutcome {
  haltedHours: number;
  trips: number;
  /** Lowest and last ratio at a period's end (NaN when no credits were outstanding then). */
  lowestRatio: number;
  lastRatio: number;
}

export function bmeOutcome(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): BmeOutcome | null {
  const ratio = data.bme_collateral_ratio;
  const halted = data.bme_mint_halted_h;
  const trips = data.bme_breaker_trips;
  if (!ratio || !halted || !trips) return null;
  let h = 0;
  let n = 0;
  let lowest = Infinity;
  let seen = false;
  for (let i = lo; i <= hi; i++) {
    if (Number.isFinite(halted[i])) {
      h += halted[i];
      seen = true;
    }
    if (Number.isFinite(trips[i])) n += trips[i];
    if (Number.isFinite(ratio[i])) lowest = Math.min(lowest, ratio[i]);
  }
  if (!seen) return null;
  return { haltedHours: h, trips: n, lowestRatio: lowest === Infinity ? NaN : lowest, lastRatio: ratio[hi] };
}
