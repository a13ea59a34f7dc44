/**
 * How providers are paid for leases: out of the tenant's escrow, for the hours run, less the
 * protocol fee (or through the token economy when it is on, which prices, burns and mints). A
 * lease settles when it stops running (the machine's settle and pay effects) and, while it runs,
 * every metrics period, as providers withdraw on Akash (research §1.3): then one payment per
 * provider for all its running leases (a ledger entry per provider, not per lease), from the
 * running bills, except when leases are paid in tokens, whose escrow is held per lease.
 * Here too the two ends of a lease's escrow: the tenant's deposit at the match (the machine's escrow
 * effect) and, at the last settlement, the refund of what the run did not use.
 * Amounts are exact integers of the ledger's base unit.
 */
import type { Engine } from '../core/engine.ts';
import type { Economy } from '../economy/economy.ts';
import { UNITS_PER, type Ledger } from '../economy/ledger.ts';
import type { IntMap } from '../core/intMap.ts';
import { runHours } from '../lease/machine.ts';
import { forbidNonFinite } from './guards.ts';
import { RunningBills } from '../lease/runningBills.ts';
import type { Lease, Provider } from './types.ts';

export class Settlement {
  /**
   * Running leases' settlement state (lease/runningBills.ts), for one payment per provider per period;
   * null when leases are paid in tokens, whose escrow is held and settled per lease.
   */
  readonly bills: RunningBills | null;
  /** Units owed to each provider at a settlement (by provider id; zero between settlements). */
  private owed = new Float64Array(0);

  constructor(
    private engine: Engine,
    private ledger: Ledger,
    private acct: { tenants: number; escrow: number; treasury: number },
    private providers: readonly Provider[],
    private economy: Economy | null,
    /** The take rate at a time, without the token economy (with it, the economy pays; takeRate.ts). */
    private takeRate: (t: number) => number,
    paidInTokens: boolean,
  ) {
    this.bills = paidInTokens ? null : new RunningBills();
  }

  /** Base units paid so far for lease l (running leases are paid every period). */
  paidUnits(l: Lease): number {
    return l.billSlot >= 0 && this.bills ? this.bills.paidOf(l.billSlot) : l.paidUnits;
  }

  /** The tenant's deposit for lease l (l.escrowUsd) into escrow, at its match. */
  deposit(l: Lease): void {
    l.escrowUnits = this.ledger.transfer('usd', this.acct.tenants, this.acct.escrow, forbidNonFinite(l.escrowUsd, 'escrow', l.id), 'escrow deposit');
    this.economy?.escrowed(l);
  }

  /** Lease l's last settlement, for `runHours` in all, and the refund of what its escrow holds beyond the run. */
  settleAndRefund(l: Lease, runHours: number): void {
    this.settle(l, runHours);
    // refund what the escrow holds beyond the run
    if (this.economy) this.economy.refund(l, l.escrowUnits - l.paidUnits);
    else this.ledger.transferUnits('usd', this.acct.escrow, this.acct.tenants, l.escrowUnits - l.paidUnits, 'escrow refund');
    // what stays in escrow for this lease is exactly what was paid out of it
    l.escrowUnits = l.paidUnits;
  }

  /** Pays the provider for the hours run so far (escrow -> provider, less the protocol fee). */
  settle(l: Lease, runHours: number): void {
    const pay = this.due(l, runHours);
    if (pay > 0) this.payProvider(l, this.providers[l.provider], pay);
  }

  /** The period's settlement of every running lease (`leases`: the live ones). */
  settleRunning(now: number, leases: IntMap<Lease>): void {
    if (!this.bills) {
      leases.forEach((l) => {
        if (l.state === 'active') this.settle(l, runHours(l, now));
      });
      return;
    }
    const n = this.providers.length;
    if (this.owed.length < n) this.owed = new Float64Array(Math.max(n, 2 * this.owed.length));
    const owed = this.owed;
    this.bills.settle(now, owed);
    for (let i = 0; i < n; i++) {
      if (owed[i] === 0) continue;
      const total = owed[i];
      owed[i] = 0;
      this.payProvider(null, this.providers[i], total);
    }
  }

  /** Base units l owes its provider for `runHours` of run beyond what it has paid; marks them paid. */
  private due(l: Lease, runHours: number): number {
    const dueUnits = Math.min(l.escrowUnits, Math.round(l.priceUsdPerGpuHour * l.gpus * runHours * UNITS_PER));
    const pay = dueUnits - l.paidUnits;
    if (pay <= 0) return 0;
    l.paidUnits = dueUnits;
    return pay;
  }

  /** Moves `pay` units from escrow to provider p, less the fee (l: the lease paid, or null for a batch of leases). */
  private payProvider(l: Lease | null, p: Provider, pay: number): void {
    if (this.economy) {
      this.economy.pay(l, p, pay);
    } else {
      const L = this.ledger;
      const fee = Math.round(pay * this.takeRate(this.engine.now));
      L.transferUnits('usd', this.acct.escrow, p.account, pay - fee, 'lease payment');
      if (fee > 0) L.transferUnits('usd', this.acct.escrow, this.acct.treasury, fee, 'protocol fee');
    }
  }
}
