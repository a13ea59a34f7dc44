/**
 * Escrow runways (scenario `market.escrow`, research §1.3 and §8 #37-41): a tenant deposits
 * `runwayDays` of a lease's price at a time; each time a deposit runs out it tops up with the day's
 * top-up probability, or lets the escrow run dry. A dry escrow is noticed at the provider's next
 * withdrawal, a uniform time up to `detectionLagHours` later, which closes the lease (the machine's
 * 'overdraw'); the hours in between are served unpaid.
 *
 * The tenant's decisions are drawn at the match, each with the probability of the day its deposit
 * would run out had the lease run without stopping from its start (an outage's stall pushes the real
 * day a little later): one place and one stream ('escrow') instead of a timer per deposit, so a run
 * without runways draws nothing and keeps every other stream's numbers. The deposits the tenant will
 * make are escrowed at the match with the first (economy.ts sees one deposit per lease); what a lease
 * pays the provider and when it closes are the same as with deposits made one by one.
 */
import type { Lease } from '../model/types.ts';
import type { Rng } from '../rng/streams.ts';
import { shockFactor } from '../demand/arrivals.ts';
import type { EscrowParams } from '../scenario/escrowSchema.ts';

export class EscrowRunway {
  private readonly runwayHours: number;

  constructor(
    private readonly p: EscrowParams,
    private readonly rng: Rng,
    /** Hours from a match to the start of the run. */
    private readonly setupHours: number,
  ) {
    this.runwayHours = p.runwayDays * 24;
  }

  /** The chance that a tenant whose deposit runs out at hour t tops it up (the base, moved by the shocks, at most 1). */
  topUpProbability(t: number): number {
    let q = this.p.topUpProbability;
    for (const sh of this.p.topUpShocks ?? []) q *= shockFactor(sh, t);
    return Math.min(1, q);
  }

  /**
   * Sets the lease's funded run hours and, if its escrow will run dry before its planned end, the run
   * hours after which it is closed; called when it is matched at `now`, before the escrow deposit.
   */
  terms(l: Lease, now: number): void {
    l.fundedHours = Infinity;
    l.overdrawAfterHours = Infinity;
    const planned = Math.min(l.workHours, l.cancelAfterHours);
    const runway = this.runwayHours;
    let funded = runway;
    // a top-up decision at the end of each deposit that falls before the planned end
    while (funded < planned) {
      if (this.rng() >= this.topUpProbability(now + this.setupHours + funded)) {
        l.fundedHours = funded;
        l.overdrawAfterHours = funded + this.rng() * this.p.detectionLagHours;
        return;
      }
      funded += runway;
    }
  }
}
