/**
 * The daily epoch: at the end of each day, before the metrics sample of the same instant, everything
 * the economy does per provider or per day, never per market event.
 *
 *   1. pending entrants come online; stake released from cooldown goes back to exited providers, who sell it
 *   2. per provider: the day's online and busy GPU-hours -> costs; uptime gate -> availability weight;
 *      USD billed -> work weight
 *   3. emission of the day (schedule, cap) minted: availability pool, work pool, treasury, ecosystem
 *   4. per provider: rewards, P&L and trailing margins; sells its share of token income; tops up
 *      stake; cheaters face spot checks; exit hazard drawn
 *   5. fee buy-back and burn, staker fee shares; exits applied
 *   6. token price steps on the day's net buying; latent providers decide whether to join
 *
 * Steps 2 and 4 are providerDay.ts; this file orders the steps, mints the emission, applies the
 * exits, releases what vesting unlocks, steps the price, and schedules the next epoch.
 */
import { UNITS_PER } from './ledger.ts';
import { capped, emissionOnDay } from './emissions.ts';
import { stepPrice } from './tokenPrice.ts';
import { unlockedBy } from './vesting.ts';
import type { Economy } from './economy.ts';
import { EXIT_CHURN, EXIT_LOSSES } from './exitCause.ts';
import { ProviderDays } from './providerDay.ts';
import { buyBackAndBurn, payStakers } from './protocolFees.ts';
import { caughtCheating, exitProvider, releaseUnbonded } from './providerStake.ts';

const PRIO_EPOCH = 890; // before the metrics sample (900) and the daily repricing (910) of the same instant

export class DailyEpoch {
  /** The engine's event kind of the epoch. */
  private readonly kind: number;
  private readonly days = new ProviderDays();

  constructor(
    private eco: Economy,
    private horizonDays: number,
  ) {
    this.kind = eco.host.engine.register('epoch', () => this.run());
  }

  /** Schedules an epoch at hour `at`. */
  schedule(at: number): void {
    this.eco.host.engine.at(at, this.kind, 0, 0, PRIO_EPOCH);
  }

  private run(): void {
    const eco = this.eco;
    const host = eco.host;
    const now = host.engine.now;
    const e = eco.e;
    const day = eco.day;

    // 1. entrants whose lag is over; stake coming out of cooldown
    eco.entrants.admitDue(host, now);
    releaseUnbonded(eco, now);

    // 2. the day's hours, costs and reward weights
    const days = this.days;
    days.tally(eco, now, day);
    const { availW, workW } = days;

    // 3. the day's emission
    const cap = e.token.maxSupply * eco.scale * UNITS_PER;
    const E = capped(Math.round(emissionOnDay(e.emission, day) * eco.scale * UNITS_PER), eco.supplyUnits(), cap);
    const A = availW > 0 ? Math.floor(E * e.emission.availabilityShare) : 0;
    const W = workW > 0 ? Math.floor(E * e.emission.workShare) : 0;
    const T = Math.floor(E * e.emission.treasuryShare);
    const O = Math.max(0, Math.floor(E * (1 - e.emission.availabilityShare - e.emission.workShare - e.emission.treasuryShare)));
    eco.mint(eco.a.rewards, A + W, 'emission: provider rewards');
    eco.mint(host.acct.treasury, T, 'emission: treasury');
    eco.mint(eco.a.ecosystem, O, 'emission: ecosystem');
    if (availW > 0) eco.livenessRate = A / UNITS_PER / availW;
    eco.funding?.fund(eco, day + 1);

    // 4. per provider: rewards, books, sales, stake, spot checks, exit hazard
    const { exits, exitWhy, caught } = days.settle(eco, now, day, A, W);

    // 5. fees: buy back and burn; staker shares. Caught cheaters and exits.
    buyBackAndBurn(eco);
    payStakers(eco);
    for (const p of caught) caughtCheating(eco, p);
    exits.forEach((p, k) => {
      if (!p.active) return;
      exitProvider(eco, p, 'provider exit');
      const why = exitWhy[k];
      if (why === EXIT_CHURN) eco.counters.exitedChurn++;
      else if (why === EXIT_LOSSES) eco.counters.exitedLosses++;
      else eco.counters.exitedRival++;
    });

    // 6. unlocks and what their holders sell, then price, entry
    this.vest(day + 1);
    const supply = eco.supplyUnits() / UNITS_PER;
    eco.price = stepPrice(eco.price, e.price, day, eco.netBuyUsd, supply, eco.rngToken);
    eco.netBuyUsd = 0;
    // the vault's worth moves with the price: the circuit breaker may trip or lift
    eco.bme?.update(now, eco.price.price);
    if (e.participation.entry) eco.entrants.consider(now, eco.price.price, eco.day, eco.programs);

    eco.checkConservation();
    eco.day++;
    if (now + 24 <= this.horizonDays * 24) this.schedule(now + 24);
  }

  /** End of day `day`: releases what the schedule unlocks by then, and sells today's share of the unlocks. */
  private vest(day: number): void {
    const eco = this.eco;
    if (eco.lockedUnits <= 0) return;
    const L = eco.host.ledger;
    const released = eco.lockedUnits - L.balanceUnits('token', eco.a.locked);
    const due = unlockedBy(eco.e.vesting, eco.lockedUnits, day) - released;
    if (due > 0) {
      L.transferUnits('token', eco.a.locked, eco.a.unlocked, due, 'unlocked');
      eco.counters.unlockedUnits += due;
      eco.unlockSales.unlocked(due);
    }
    const sell = Math.min(eco.unlockSales.today(), L.balanceUnits('token', eco.a.unlocked));
    if (sell > 0) eco.counters.unlockSellUsd += eco.sell(eco.a.unlocked, eco.a.unlocked, sell, 'unlocked tokens sold') / UNITS_PER;
  }
}
