/**
 * Provider incentive programs (economy.incentivePrograms): for a stretch of days, a budget in USD
 * pays the providers it reaches a rate per online GPU-hour, on top of leases and emissions: Akash's
 * Provider Incentives Pilot (AEP-26: $5M over ~120 days to bring A100s and H100s, research §1.8) is
 * the model. The budget comes from outside (a grant: the community pool voted it) or from the
 * treasury, which sells its tokens for the USD day by day. A program ends on its last day or when
 * its budget (or the treasury) runs dry, whichever comes first; the day it runs dry it pays the
 * claims pro rata to what is left.
 *
 * Days are counted as the epoch counts them: the epoch at the end of day d (d = 1 for the first
 * day) pays for that day when startDay < d <= startDay + durationDays.
 */
import type { Provider } from '../model/types.ts';
import { ARCHETYPES, REGIONS } from '../scenario/schema.ts';
import type { EconomyParams } from '../scenario/economySchema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';

export type IncentiveProgram = NonNullable<EconomyParams['incentivePrograms']>[number];

/** How far ahead a would-be provider looks when it counts a program's pay (days): its first year. */
export const ENTRY_LOOKAHEAD_DAYS = 365;

export class IncentivePrograms {
  /** USD left in each program's budget (x scale). */
  readonly left: Float64Array;
  /** USD each program paid on its last paying day (for the runway). */
  readonly lastPaid: Float64Array;
  /** Day each program's budget ran out (NaN while it has some). */
  readonly dryDay: Float64Array;
  /** Today's claims per program (USD at the full rate) and the share of them paid. */
  private claims: Float64Array;
  private factor: Float64Array;

  constructor(
    readonly programs: readonly IncentiveProgram[],
    scale: number,
  ) {
    const n = programs.length;
    this.left = Float64Array.from(programs, (g) => g.budgetUsd * scale);
    this.lastPaid = new Float64Array(n);
    this.dryDay = new Float64Array(n).fill(NaN);
    this.claims = new Float64Array(n);
    this.factor = new Float64Array(n);
  }

  get count(): number {
    return this.programs.length;
  }

  /** True when day `day` (counted from 1) is one of program j's days, whatever its budget. */
  private within(j: number, day: number): boolean {
    const g = this.programs[j];
    return day > g.startDay && day <= g.startDay + g.durationDays;
  }

  /** True when program j pays for day `day`: one of its days, and not run dry. */
  paysOn(j: number, day: number): boolean {
    return this.within(j, day) && this.left[j] > 0;
  }

  /** True when program j reaches provider (or would-be provider) p: its GPUs, type and region. */
  reaches(j: number, p: Provider): boolean {
    const g = this.programs[j];
    if (GPU_CATALOGUE[p.model].vramGb < g.minVramGb) return false;
    if (g.archetypes && !g.archetypes.includes(ARCHETYPES[p.archetype])) return false;
    if (g.regions && !g.regions.includes(REGIONS[p.region])) return false;
    return true;
  }

  /** Starts a day's accounting: no claims yet. */
  beginDay(): void {
    this.claims.fill(0);
  }

  /** Provider p was online `onlineGpuHours` GPU-hours on day `day`: it claims from every program paying that reaches it. */
  claim(p: Provider, onlineGpuHours: number, day: number): void {
    if (!(onlineGpuHours > 0)) return;
    for (let j = 0; j < this.programs.length; j++) {
      if (this.paysOn(j, day) && this.reaches(j, p)) this.claims[j] += this.programs[j].usdPerGpuHour * onlineGpuHours;
    }
  }

  /**
   * Settles the day's claims against each budget and, for treasury programs, against `treasuryUsd`
   * (the USD the treasury can raise today: its USD and its tokens at the day's price), in the order
   * the programs are listed. Returns the USD to raise from outside (grants) and from the treasury.
   */
  settle(day: number, treasuryUsd: number): { grantUsd: number; treasuryUsd: number } {
    let grant = 0;
    let treasury = 0;
    let canRaise = Math.max(0, treasuryUsd);
    for (let j = 0; j < this.programs.length; j++) {
      this.factor[j] = 0;
      const want = this.claims[j];
      if (!(want > 0) || !this.paysOn(j, day)) continue;
      const fromTreasury = this.programs[j].fundedBy === 'treasury';
      let pay = Math.min(want, this.left[j]);
      if (fromTreasury) pay = Math.min(pay, canRaise);
      this.factor[j] = pay / want;
      this.left[j] -= pay;
      this.lastPaid[j] = pay;
      // a budget under a cent is spent: the program ends rather than paying dust for days
      if (this.left[j] < 0.01 || (fromTreasury && pay < want)) {
        this.left[j] = 0;
        this.dryDay[j] = day;
      }
      if (fromTreasury) {
        treasury += pay;
        canRaise -= pay;
      } else grant += pay;
    }
    return { grantUsd: grant, treasuryUsd: treasury };
  }

  /** USD per online GPU-hour provider p is paid for day `day` after settle(): every program's rate x the share paid. */
  rateFor(p: Provider, day: number): number {
    let r = 0;
    for (let j = 0; j < this.programs.length; j++) {
      if (this.factor[j] > 0 && this.reaches(j, p)) r += this.programs[j].usdPerGpuHour * this.factor[j];
    }
    return r;
  }

  /**
   * The rate a would-be provider deciding on day `day` counts on, averaged over its first
   * ENTRY_LOOKAHEAD_DAYS from the day it would come online (after `lagDays`): each program that
   * reaches it, for the days it still has then, ended early by its runway at the last day's spend.
   */
  expectedRate(d: Provider, day: number, lagDays: number): number {
    let r = 0;
    const from = day + lagDays;
    for (let j = 0; j < this.programs.length; j++) {
      const g = this.programs[j];
      if (!(this.left[j] > 0) || !this.reaches(j, d)) continue;
      let end = g.startDay + g.durationDays;
      if (this.lastPaid[j] > 0 && day > g.startDay) end = Math.min(end, day + this.left[j] / this.lastPaid[j]);
      const covered = Math.max(0, Math.min(end, from + ENTRY_LOOKAHEAD_DAYS) - Math.max(from, g.startDay));
      r += (g.usdPerGpuHour * covered) / ENTRY_LOOKAHEAD_DAYS;
    }
    return r;
  }

  /** USD left in the budgets of programs not over at the end of day `day` (running, or still to come). */
  budgetLeft(day: number): number {
    let s = 0;
    for (let j = 0; j < this.programs.length; j++) {
      const g = this.programs[j];
      if (day < g.startDay + g.durationDays) s += this.left[j];
    }
    return s;
  }

  /**
   * Days the programs paying on day `day` can go on at that day's spend: the budget they have left
   * over what they paid that day, the treasury programs' budgets capped together by `treasuryUsd`
   * (what the treasury could raise now: a budget the treasury cannot pay is no runway; its daily
   * emission share coming in is not counted); NaN when none paid (Infinity cannot be told from
   * "not running").
   */
  runwayDays(day: number, treasuryUsd: number): number {
    let grants = 0;
    let fromTreasury = 0;
    let paid = 0;
    for (let j = 0; j < this.programs.length; j++) {
      if (!this.within(j, day) || !(this.factor[j] > 0)) continue;
      if (this.programs[j].fundedBy === 'treasury') fromTreasury += this.left[j];
      else grants += this.left[j];
      paid += this.lastPaid[j];
    }
    return paid > 0 ? (grants + Math.min(fromTreasury, Math.max(0, treasuryUsd))) / paid : NaN;
  }
}
