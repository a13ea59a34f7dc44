/**
 * Rival networks (economy.participation.competitors; research/dashboards.md's "vampire competitor"):
 * for a while, a rival's offer multiplies the exit hazard of the providers it reaches and sends
 * away latent providers who would have joined. Outside its days it changes nothing.
 */
import type { EconomyParams } from '../scenario/economySchema.ts';

type Competitor = EconomyParams['participation']['competitors'][number];

/**
 * The product of the multipliers (`exitMultiplier` or `entryMultiplier`) of the competitors active
 * on day `day` (counted from 1 at the end of the first day) that reach providers of type
 * `archetype`; 1 when none is.
 */
export function competitorFactor(cs: readonly Competitor[], archetype: string, day: number, which: 'exitMultiplier' | 'entryMultiplier'): number {
  let f = 1;
  for (const c of cs) {
    if (day <= c.startDay || day > c.startDay + c.durationDays) continue;
    if (c.archetypes && !(c.archetypes as readonly string[]).includes(archetype)) continue;
    f *= c[which];
  }
  return f;
}
