/**
 * Spot preemption (market.spot): an on-demand order that finds no free GPU takes the GPUs of spot
 * leases. Of the providers it could use with their spot leases' GPUs counted as free, the matcher's
 * policy chooses one, as among free providers and at its price; that provider preempts its most
 * recently matched spot leases until the order fits, and the order is matched there, to start after
 * the setup or the spot notice, whichever is longer. The preempted leases' remaining work is
 * re-ordered as spot once the on-demand order is matched (else they would take the GPUs back).
 *
 * Why the model's calls come through a host: preempting runs lease transitions, matches and places
 * orders, all the model's own (its apply, matchAfter, order and capacityFreed), as availability's
 * changes do (model/availability.ts).
 */
import type { BmeBreaker } from '../economy/bmeBreaker.ts';
import type { JobDraw } from '../demand/jobs.ts';
import type { LeaseEvent } from '../lease/machine.ts';
import type { CandidateFinder } from '../market/candidates.ts';
import { plannedHours } from '../market/orderBook.ts';
import type { Policy } from '../market/policies.ts';
import type { SpotHolders } from '../market/spotHolders.ts';
import type { SpotParams } from '../scenario/spotSchema.ts';
import type { ModelTables } from './modelTables.ts';
import { isOnline, type Lease, type Provider } from './types.ts';

const PREEMPT_KEEP: LeaseEvent = { type: 'preempt', keepProgress: true };
const PREEMPT_LOSE: LeaseEvent = { type: 'preempt', keepProgress: false };

/** A preempted spot lease's re-order, placed once the on-demand lease that took its GPUs is matched. */
interface DeferredOrder {
  d: JobDraw;
  jobId: number;
  attempt: number;
  workHours: number;
  cancelAfterHours: number;
}

/** What preemption reads from the model, and the model's calls it makes. */
export interface PreemptionHost extends ModelTables {
  readonly spot: SpotParams;
  readonly spotHolders: SpotHolders;
  readonly setupHours: number;
  readonly finder: CandidateFinder;
  readonly policy: Policy;
  /** The burn-and-mint circuit breaker, or null: while it is halted no order is matched. */
  readonly bme: BmeBreaker | null;
  /** Runs a lease transition and applies its effects. */
  apply(id: number, ev: LeaseEvent): void;
  /** Matches order l to p at `price`, to start `startDelay` hours from now. */
  matchAfter(l: Lease, p: Provider, price: number, startDelay: number): void;
  /** Places a spot order for a job's remaining work (a re-order: `attempt` > 0). */
  order(d: JobDraw, jobId: number, attempt: number, workHours: number, cancelAfterHours: number, spot: boolean): void;
  /** Lets p serve the waiting orders it can take. */
  capacityFreed(p: Provider): void;
}

export class Preemption {
  /** While a preemption frees GPUs: the preempted leases' re-orders, placed after the on-demand match; else null. */
  private deferred: DeferredOrder[] | null = null;
  /** The on-demand order preemptFits is asked about (while candidates are found). */
  private preemptFor: Lease | null = null;
  private victims: Lease[] = [];
  private cands: number[] = [];

  constructor(private h: PreemptionHost) {}

  /** Whether a preemption is freeing GPUs now: the preempted leases' GPUs go to the on-demand order first. */
  get freeing(): boolean {
    return this.deferred !== null;
  }

  /** While a preemption frees GPUs: keeps preempted lease l's re-order of `workHours` (job draw d) for after the match. */
  defer(d: JobDraw, l: Lease, workHours: number): void {
    this.deferred!.push({ d, jobId: l.jobId, attempt: l.attempt + 1, workHours, cancelAfterHours: l.cancelAfterHours - l.ranHours });
  }

  /**
   * Whether an on-demand order could run on p once its spot leases are gone: the hard filters, spot
   * GPUs counted as free, and its planned work done before p's sharing window closes counted from
   * its start after the notice (found by the hard-filter property test: a notice longer than the
   * setup ran leases past the window).
   */
  private preemptFits = (p: Provider): boolean =>
    isOnline(p) &&
    p.canServe &&
    p.gpusFree + p.spotGpus >= this.preemptFor!.gpus &&
    this.h.sig.windowEnd[p.id] >= this.h.engine.now + this.startDelay() + plannedHours(this.preemptFor!);

  /** Hours from a preempting match to its start: the setup, or the spot notice if longer. */
  private startDelay(): number {
    return Math.max(this.h.setupHours, this.h.spot.noticeMinutes / 60);
  }

  /**
   * The on-demand order l found no free GPU. Of the providers it could use with their spot leases'
   * GPUs counted as free (every hard filter; the cheapest of each GPU model and region,
   * SpotHolders.candidates), the matcher's policy chooses one, as it chooses among free providers,
   * and at its price. That provider preempts its most recently matched spot leases until l fits,
   * and l is matched there. The preempted leases' remaining work is re-ordered as spot after l's
   * match. l starts after the setup or the notice, whichever is longer. Returns false (nothing
   * changed) when no provider would do or the policy takes none (an auction whose bids all exceed
   * the budget).
   */
  tryPreempt(l: Lease): boolean {
    const h = this.h;
    if (this.deferred !== null || (h.bme !== null && h.bme.halted)) return false;
    this.preemptFor = l;
    const n = h.spotHolders.candidates(l, h.finder.eligibleModels(l.minVramGb, l.minTier), h.providers, this.preemptFits, this.cands);
    this.preemptFor = null;
    if (n === 0) return false;
    const d = h.policy(l, this.cands, h.sig, n);
    if (!d) return false;
    const pid = d.provider;
    const price = d.priceUsdPerGpuHour;
    const p = h.providers[pid];
    const victims = this.victims;
    victims.length = 0;
    for (const id of h.held.list(pid)) {
      const v = h.leases.get(id)!;
      if (v.spot && (v.state === 'active' || v.state === 'matched')) victims.push(v);
    }
    // the most recently matched first: the least run to lose, and those still in setup before any that runs
    victims.sort((a, b) => b.matchedAt - a.matchedAt || b.id - a.id);
    let free = p.gpusFree;
    let k = 0;
    while (free < l.gpus && k < victims.length) free += victims[k++].gpus;
    if (free < l.gpus) return false;
    const deferred: DeferredOrder[] = (this.deferred = []);
    const ev = h.spot.noticeMinutes > 0 ? PREEMPT_KEEP : PREEMPT_LOSE;
    for (let i = 0; i < k; i++) h.apply(victims[i].id, ev);
    victims.length = 0;
    if (!h.finder.passes(p, l) || !(price <= l.budgetUsdPerGpuHour)) throw new Error(`preemption chose provider ${p.id} for lease ${l.id}, which breaks a hard filter`);
    h.matchAfter(l, p, price, this.startDelay());
    this.deferred = null;
    for (const r of deferred) h.order(r.d, r.jobId, r.attempt, r.workHours, r.cancelAfterHours, true);
    if (p.bucket >= 0) h.capacityFreed(p);
    return true;
  }
}
