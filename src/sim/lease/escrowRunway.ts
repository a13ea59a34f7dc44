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
 *
 * Each lease takes one draw from the stream, a key, and its decisions are uniforms keyed by it
 * (keyedUniform): the stream moves the same whatever the tenant decides, so a run with a top-up
 * shock and its control are the same lease for lease until the shock's first decision, and after
 * it a tenant who tops up in the shock's run would in the control too (common random numbers:
 * the difference between the two is the shock's, not the draws').
 */
import type { Lease } from '../model/types.ts';
import { keyedUniform, type Rng } from '../rng/streams.ts';
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
   * Whether a job that has run `ranHours` by t = 0 is still funded: its tenant topped up each deposit
   * that ran out before (at the probability of the days before the run, where no shock reaches). The
   * warm start keeps only those, so the run opens with the leases escrow runways would have left.
   */
  survivedTo0(ranHours: number): boolean {
    const key = this.key();
    let k = 1;
    for (let funded = this.runwayHours; funded <= ranHours; funded += this.runwayHours) {
      if (keyedUniform(key, k++) >= this.topUpProbability(funded - ranHours)) return false;
    }
    return true;
  }

  /**
   * Sets the lease's funded run hours and, if its escrow will run dry before its planned end, the run
   * hours after which it is closed; called when it is matched at `now`, before the escrow deposit.
   * `ranBefore`: hours the job had already run when the lease was placed (the warm start's leases,
   * under way since before t = 0, whose tenants made their first deposit then and have topped up
   * since: their next deposit runs out at the next multiple of the runway, not a runway from now).
   */
  terms(l: Lease, now: number, ranBefore = 0): void {
    l.fundedHours = Infinity;
    l.overdrawAfterHours = Infinity;
    const key = this.key();
    const planned = Math.min(l.workHours, l.cancelAfterHours);
    const runway = this.runwayHours;
    let funded = (Math.floor(ranBefore / runway) + 1) * runway - ranBefore;
    // a top-up decision at the end of each deposit that falls before the planned end (uniform k of
    // the key for the k-th; 0 for the detection lag)
    for (let k = 1; funded < planned; k++) {
      if (keyedUniform(key, k) >= this.topUpProbability(now + this.setupHours + funded)) {
        l.fundedHours = funded;
        l.overdrawAfterHours = funded + keyedUniform(key, 0) * this.p.detectionLagHours;
        return;
      }
      funded += runway;
    }
  }

  /** One draw from the stream, as a 32-bit key for a lease's decisions. */
  private key(): number {
    return Math.floor(this.rng() * 4294967296) >>> 0;
  }
}
