/**
 * The money of the incentive programs (incentivePrograms.ts decides who is owed what): each epoch
 * raises the USD the programs pay that day into their pot, from a grant (outside money) or from the
 * treasury (its USD first, then its tokens sold at the day's price), and pays each provider its rate
 * for the day's online GPU-hours from the pot. Also the period's INCENTIVE_COLUMNS. Exists only when
 * the scenario has programs: a scenario without them keeps its ledger's accounts as they were.
 */
import { UNITS_PER, type Ledger } from './ledger.ts';
import type { Provider } from '../model/types.ts';
import type { Economy } from './economy.ts';
import { IncentivePrograms, type IncentiveProgram } from './incentivePrograms.ts';
import type { ProviderBook } from './providerBook.ts';

export class IncentiveFunding {
  readonly programs: IncentivePrograms;
  /** The grants' issuer (outside USD) and the day's pot the programs pay from: ledger accounts. */
  private readonly grants: number;
  private readonly pot: number;
  /** USD the programs paid since the last metrics sample (the counters are reset by sample(), which runs first). */
  private periodUsd = 0;

  constructor(params: readonly IncentiveProgram[], scale: number, L: Ledger) {
    this.programs = new IncentivePrograms(params, scale);
    this.grants = L.account('incentive grants', ['usd']);
    this.pot = L.account('incentive programs');
  }

  /**
   * Raises the USD the incentive programs pay today, after settling their claims: grants from
   * outside, treasury programs from the treasury's USD first, then its tokens sold at the day's price
   * (selling pressure on tomorrow's price, as any sale).
   */
  fund(eco: Economy, day: number): void {
    const L = eco.host.ledger;
    const treasury = eco.host.acct.treasury;
    const P = eco.price.price;
    const tUsd = L.balanceUnits('usd', treasury);
    const tTok = L.balanceUnits('token', treasury);
    const need = this.programs.settle(day, treasuryUsdValue(eco));
    const pot = this.pot;
    const grant = Math.round(need.grantUsd * UNITS_PER);
    if (grant > 0) L.transferUnits('usd', this.grants, pot, grant, 'incentive program grant');
    let fromTreasury = Math.round(need.treasuryUsd * UNITS_PER);
    const cash = Math.min(fromTreasury, tUsd);
    if (cash > 0) L.transferUnits('usd', treasury, pot, cash, 'treasury funds incentives');
    fromTreasury -= cash;
    if (fromTreasury > 0) eco.sell(treasury, pot, Math.min(tTok, Math.ceil(fromTreasury / P)), 'treasury sells for incentives');
  }

  /** Pays provider p its incentive for `onlineGpuHours` today from the day's pot; returns the USD. */
  pay(eco: Economy, p: Provider, b: ProviderBook, onlineGpuHours: number, day: number): number {
    const rate = this.programs.rateFor(p, day);
    if (!(rate > 0)) return 0;
    const L = eco.host.ledger;
    const pot = this.pot;
    const units = Math.min(Math.floor(rate * onlineGpuHours * UNITS_PER), L.balanceUnits('usd', pot));
    if (units <= 0) return 0;
    L.transferUnits('usd', pot, p.account, units, 'incentive program pay');
    const usd = units / UNITS_PER;
    b.incentiveUsd += usd;
    eco.addPeriodIncome(p.id, usd);
    eco.counters.incentiveUsd += usd;
    this.periodUsd += usd;
    return usd;
  }

  /** Writes the period's INCENTIVE_COLUMNS from `offset` (after sample() at the same instant); returns the next offset. */
  sample(eco: Economy, out: number[], offset: number): number {
    const g = this.programs;
    out[offset] = this.periodUsd;
    out[offset + 1] = g.budgetLeft(eco.day);
    out[offset + 2] = g.runwayDays(eco.day, treasuryUsdValue(eco));
    this.periodUsd = 0;
    return offset + 3;
  }
}

/** What the treasury could raise now, USD: its USD and its tokens at the current price. */
function treasuryUsdValue(eco: Economy): number {
  const L = eco.host.ledger;
  const t = eco.host.acct.treasury;
  return (L.balanceUnits('usd', t) + L.balanceUnits('token', t) * eco.price.price) / UNITS_PER;
}
