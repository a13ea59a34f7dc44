/**
 * Emission schedules: tokens emitted on simulated day `day` (0-based), before the supply cap.
 * Pure functions of the parameters, so a test can sum them by hand.
 *   fixed    E0
 *   decay    E0 (1 - d)^(day/365)                      (io.net: hourly geometric decay [S])
 *   halving  E0 / 2^floor(day / halvingDays)            (Helium HIP-20 [S])
 *   table    yearlyTokens[y] / 365, then the last year x tailFactor^(years past the table) (Render [V])
 */
import type { EconomyParams } from '../scenario/economySchema.ts';
import { pow } from '../core/detMath.ts';

export function emissionOnDay(e: EconomyParams['emission'], day: number): number {
  switch (e.schedule) {
    case 'none':
      return 0;
    case 'fixed':
      return e.tokensPerDay;
    case 'decay':
      return e.tokensPerDay * pow(1 - e.decayPerYear, day / 365);
    case 'halving':
      return e.tokensPerDay / pow(2, Math.floor(day / e.halvingDays));
    case 'table': {
      const t = e.yearlyTokens;
      if (t.length === 0) return 0;
      const y = Math.floor(day / 365);
      if (y < t.length) return t[y] / 365;
      return (t[t.length - 1] * pow(e.tableTailFactor, y - t.length + 1)) / 365;
    }
  }
}

/** Caps an emission so supply never exceeds the cap: min(e, max(0, cap - supply)). */
export function capped(emission: number, supply: number, cap: number): number {
  return Math.max(0, Math.min(emission, cap - supply));
}
