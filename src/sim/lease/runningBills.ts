/**
 * What each running lease has been paid, in flat arrays, for the periodic settlement. Every period
 * each running lease pays its provider for the hours run since the last one; walking the lease
 * records for that touches every live lease at random places in memory (at 50x scale, most of a
 * million records, each a cache miss). Here the few numbers settlement needs sit in typed arrays,
 * one slot per running lease, walked in order.
 *
 * While a lease runs its slot is the source of truth for the units paid; the lease record's
 * paidUnits is brought up to date when the lease stops running (close), before its final settlement.
 * Amounts are exact integers of the ledger's base unit, computed with the same arithmetic as the
 * per-lease settlement, so the two give identical payments.
 */
import type { Lease } from '../model/types.ts';
import { UNITS_PER } from '../economy/ledger.ts';
import { grown } from '../core/grown.ts';

export class RunningBills {
  private provider = new Int32Array(1024);
  /** Price x GPUs, USD per hour (the product the per-lease settlement forms first). */
  private rate = new Float64Array(1024);
  /** Where each lease's run hours count from (its start, moved on by the stalls since: Lease.runFrom). */
  private runFrom = new Float64Array(1024);
  private escrow = new Float64Array(1024);
  private paid = new Float64Array(1024);
  private live = new Uint8Array(1024);
  private free: number[] = [];
  /** Slots in use are below this. */
  private top = 0;
  /** Number of running leases. */
  size = 0;

  /** Starts billing a lease that just became active (started, or resumed after a stall); returns its slot. */
  open(l: Lease): number {
    const s = this.free.length > 0 ? this.free.pop()! : this.top++;
    if (s >= this.live.length) this.grow();
    this.provider[s] = l.provider;
    this.rate[s] = l.priceUsdPerGpuHour * l.gpus;
    this.runFrom[s] = l.runFrom;
    this.escrow[s] = l.escrowUnits;
    this.paid[s] = l.paidUnits;
    this.live[s] = 1;
    this.size++;
    return s;
  }

  /** Stops billing slot s; returns the units paid so far (for the lease record). */
  close(s: number): number {
    if (this.live[s] !== 1) throw new Error(`running bill ${s} is not open`);
    this.live[s] = 0;
    this.free.push(s);
    this.size--;
    return this.paid[s];
  }

  /** Units paid so far to the lease in slot s. */
  paidOf(s: number): number {
    return this.paid[s];
  }

  /**
   * Marks every running lease paid for its run up to `now` (never beyond its escrow) and adds what
   * each owes to owed[its provider], in base units.
   */
  settle(now: number, owed: Float64Array): void {
    const { provider, rate, runFrom, escrow, paid, live } = this;
    for (let s = 0; s < this.top; s++) {
      if (live[s] === 0) continue;
      const due = Math.min(escrow[s], Math.round(rate[s] * (now - runFrom[s]) * UNITS_PER));
      const pay = due - paid[s];
      if (pay <= 0) continue;
      paid[s] = due;
      owed[provider[s]] += pay;
    }
  }

  private grow(): void {
    const n = this.live.length * 2;
    this.provider = grown(this.provider, n);
    this.live = grown(this.live, n);
    this.rate = grown(this.rate, n);
    this.runFrom = grown(this.runFrom, n);
    this.escrow = grown(this.escrow, n);
    this.paid = grown(this.paid, n);
  }
}
