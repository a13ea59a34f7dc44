/**
 * Windows of days that move entry and exit (economy.participation): a rival network's offer
 * (competitors; research/dashboards.md's "vampire competitor") or an outside event such as a GPU
 * shortage (participationShocks; research §9 #3). For a while, each multiplies the exit hazard of the
 * providers it reaches and the number of latent providers looking at joining. Outside its days it
 * changes nothing.
 */

/** What both kinds share: their days, the types they reach and their two multipliers. */
export interface ParticipationWindow {
  startDay: number;
  durationDays: number;
  exitMultiplier: number;
  entryMultiplier: number;
  archetypes?: readonly string[];
}

/**
 * The product of the multipliers (`exitMultiplier` or `entryMultiplier`) of the windows active on
 * day `day` (counted from 1 at the end of the first day) that reach providers of type `archetype`;
 * 1 when none is.
 */
export function participationFactor(ws: readonly ParticipationWindow[], archetype: string, day: number, which: 'exitMultiplier' | 'entryMultiplier'): number {
  let f = 1;
  for (const w of ws) {
    if (day <= w.startDay || day > w.startDay + w.durationDays) continue;
    if (w.archetypes && !w.archetypes.includes(archetype)) continue;
    f *= w[which];
  }
  return f;
}
