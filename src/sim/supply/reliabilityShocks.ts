/**
 * Stretches of days when providers of some types or regions are online less of the time
 * (supply.reliabilityShocks: university terms, heat waves). While one is on, each reached
 * provider's reliability is multiplied by its multiplier: the model's up spells shorten to
 * mean down x r / (1 - r) of the new r. This module holds the schedule (when each stretch starts
 * and ends) and the multiplier in force per (type, region); the model switches them at the
 * boundaries and rescales the up spells under way.
 */
import { ARCHETYPES, REGIONS, type Scenario } from '../scenario/schema.ts';

/** One switch of a stretch: shock `shock` turns on or off at `hour`. */
export interface ReliabilityBoundary {
  hour: number;
  shock: number;
  on: boolean;
}

export class ReliabilityShocks {
  /** The multiplier in force per (type, region): index archetype x REGIONS.length + region. */
  readonly factor: Float64Array;
  private on: boolean[];

  constructor(private shocks: NonNullable<Scenario['supply']['reliabilityShocks']>) {
    this.factor = new Float64Array(ARCHETYPES.length * REGIONS.length).fill(1);
    this.on = shocks.map(() => false);
  }

  get any(): boolean {
    return this.shocks.length > 0;
  }

  /**
   * Every start and end within (0, horizon) hours, in time order (a stretch's start before its
   * end; those of different stretches in any order: the multipliers multiply), and the stretches
   * already on at hour 0, switched on here. A stretch of 0 days changes nothing and has none.
   */
  boundaries(horizonHours: number): ReliabilityBoundary[] {
    const out: ReliabilityBoundary[] = [];
    this.shocks.forEach((sh, i) => {
      if (!(sh.durationDays > 0)) return;
      const every = sh.repeatEveryDays;
      for (let start = sh.startDay; start * 24 < horizonHours; start += every ?? Infinity) {
        const end = start + sh.durationDays;
        if (start === 0) this.set(i, true);
        else out.push({ hour: start * 24, shock: i, on: true });
        if (end * 24 < horizonHours) out.push({ hour: end * 24, shock: i, on: false });
        if (every === undefined) break;
      }
    });
    // stable: at one hour, each stretch's switches stay in the order pushed
    return out.sort((a, b) => a.hour - b.hour || a.shock - b.shock);
  }

  /** Switches shock i on or off; returns whether any multiplier changed. */
  set(i: number, on: boolean): boolean {
    if (this.on[i] === on) return false;
    this.on[i] = on;
    const sh = this.shocks[i];
    let changed = false;
    ARCHETYPES.forEach((a, ai) => {
      if (sh.archetypes && !sh.archetypes.includes(a)) return;
      REGIONS.forEach((r, ri) => {
        if (sh.regions && !sh.regions.includes(r)) return;
        changed = true;
        this.factor[ai * REGIONS.length + ri] = this.product(a, r);
      });
    });
    return changed;
  }

  /** The product of the multipliers of the stretches on that reach type a in region r (1 when none). */
  private product(a: string, r: string): number {
    let f = 1;
    this.shocks.forEach((sh, i) => {
      if (!this.on[i]) return;
      if (sh.archetypes && !sh.archetypes.includes(a as (typeof ARCHETYPES)[number])) return;
      if (sh.regions && !sh.regions.includes(r as (typeof REGIONS)[number])) return;
      f *= sh.multiplier;
    });
    return f;
  }
}
