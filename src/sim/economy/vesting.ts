/**
 * Vesting (research/dashboards.md: the unlock schedule users expect to set; "unlock shock"): a share
 * of the initial supply is locked at genesis for the team and investors and released on a schedule,
 * a cliff then linear vesting; the holders sell a share of each unlock evenly over the following
 * days, which is sell pressure on the token price like any other sale.
 *
 * Pure arithmetic in exact token units: the economy moves the tokens in its ledger.
 */
import type { EconomyParams } from '../scenario/economySchema.ts';

type VestingParams = EconomyParams['vesting'];

/** Token units unlocked by the end of day `day` (day 1 is the first simulated day) out of `lockedUnits`. */
export function unlockedBy(v: VestingParams, lockedUnits: number, day: number): number {
  if (lockedUnits <= 0 || day < v.cliffDays || day <= 0) return 0;
  const vested = v.vestingDays > 0 ? Math.min(1, (day - v.cliffDays) / v.vestingDays) : 1;
  const share = v.cliffShare + (1 - v.cliffShare) * vested;
  return Math.min(lockedUnits, Math.floor(share * lockedUnits));
}

/**
 * The holders' sales: each unlock's sold share spread evenly over `sellDays` days from the day it
 * unlocked (whole units; what does not divide evenly is sold on the first day).
 */
export class UnlockSales {
  private plan: Float64Array;
  private at = 0;

  constructor(private v: VestingParams) {
    this.plan = new Float64Array(Math.max(1, v.sellDays));
  }

  /** Records `units` unlocked today. */
  unlocked(units: number): void {
    const sold = Math.floor(units * this.v.sellShare);
    if (sold <= 0) return;
    const n = this.plan.length;
    const each = Math.floor(sold / n);
    for (let k = 0; k < n; k++) this.plan[(this.at + k) % n] += each;
    this.plan[this.at] += sold - each * n;
  }

  /** Units to sell today; moves on to the next day. */
  today(): number {
    const u = this.plan[this.at];
    this.plan[this.at] = 0;
    this.at = (this.at + 1) % this.plan.length;
    return u;
  }
}
