/**
 * The take rate over time: economy.takeRate, then each scheduled change (economy.takeRateChanges)
 * from its day on (research §9 #10: switching a fee on, as Akash's AEP-23 did). A payment pays the
 * rate of the time it is settled; one settled at the very start of the change's day (the daily
 * settlement of the day before) still pays the old rate.
 */
import type { EconomyParams } from '../scenario/economySchema.ts';

/** The take rate (share of the payment) at time t (hours). */
export function takeRateSchedule(e: Pick<EconomyParams, 'takeRate' | 'takeRateChanges'>): (t: number) => number {
  const changes = [...(e.takeRateChanges ?? [])].map((c, i) => ({ ...c, i })).sort((a, b) => a.startDay - b.startDay || a.i - b.i);
  if (changes.length === 0) return () => e.takeRate;
  return (t) => {
    let k = e.takeRate;
    for (const c of changes) {
      if (c.startDay * 24 >= t) break;
      k = c.takeRate;
    }
    return k;
  };
}
