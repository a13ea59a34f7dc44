/**
 * The token's supply and its market, kept in the ledger: minting and burning, the only ways tokens
 * enter or leave the supply (with exact running totals for the conservation check), and trades with
 * the outside holders at the current price: what they hold is the float for sale, every purchase
 * takes at most that (a shortfall counted for the metrics), and the USD bought less sold is the
 * pressure on the next daily price step.
 *
 * The base class of Economy rather than a part it owns: payments, escrow and refunds trade and mint
 * per lease, and as inherited methods on the same object they cost no extra load per call.
 */
import { UNITS_PER } from './ledger.ts';
import { initialPrice, type PriceState } from './tokenPrice.ts';
import { EconomyCounters } from '../metrics/economyMetrics.ts';
import type { EconomyHost } from './economyHost.ts';
import { openEconomyAccounts, type EconomyAccounts } from './economyAccounts.ts';

export class TokenMarket {
  readonly counters = new EconomyCounters();
  price: PriceState;
  /** Accounts. */
  readonly a: EconomyAccounts;
  /** Exact running totals in base units (asserted against the ledger each epoch). */
  genesisUnits = 0;
  mintedUnits = 0;
  burnedUnits = 0;
  /** @internal USD of tokens bought less sold since the last epoch: the pressure on the next price step. */
  netBuyUsd = 0;
  /** @internal Tokens asked of the market in the current metrics period that it did not hold. */
  shortfallUnits = 0;

  constructor(
    /** @internal The market model, as the economy sees it. */
    readonly host: EconomyHost,
    initialPriceUsd: number,
  ) {
    this.a = openEconomyAccounts(host.ledger);
    this.price = initialPrice(initialPriceUsd);
  }

  get tokenPrice(): number {
    return this.price.price;
  }

  supplyUnits(): number {
    const L = this.host.ledger;
    // 0 - ...: a supply of nothing is 0, not -0 (a token launched with no supply and no emission)
    return 0 - L.balanceUnits('token', this.a.mint) - L.balanceUnits('token', this.a.burn);
  }

  /** @internal Mints `units` tokens to `to`; returns the units. */
  mint(to: number, units: number, memo: string): number {
    if (units <= 0) return 0;
    this.host.ledger.transferUnits('token', this.a.mint, to, units, memo);
    this.mintedUnits += units;
    this.counters.mintedUnits += units;
    return units;
  }

  /** @internal Burns `units` tokens of `from`. */
  burn(from: number, units: number, memo: string): void {
    if (units <= 0) return;
    this.host.ledger.transferUnits('token', from, this.a.burn, units, memo);
    this.burnedUnits += units;
    this.counters.burnedUnits += units;
  }

  /**
   * @internal Tokens for sale: the market's balance (the outside holders' float: the genesis supply
   * not locked, plus everything sold to it, less everything bought). No purchase takes more than this.
   */
  forSale(): number {
    return this.host.ledger.balanceUnits('token', this.a.market);
  }

  /** @internal Tokens `want` asked of the market, of which it held only `got`: counted for the period's shortfall column. */
  shortOf(want: number, got: number): void {
    if (got < want) this.shortfallUnits += want - got;
  }

  /**
   * @internal Buys tokens for `usdUnits` at the current price: USD from `payer` to the market, tokens
   * to `to`. Returns the token units. When the market holds fewer tokens than the USD buys at the
   * price, the buyer pays the USD and gets every token for sale (the slippage of a dried-up market;
   * its USD still counts as buying pressure, so the price climbs).
   */
  buy(payer: number, to: number, usdUnits: number, memo: string, pressure = true): number {
    if (usdUnits <= 0) return 0;
    const L = this.host.ledger;
    const want = Math.round(usdUnits / this.price.price);
    const tok = Math.min(want, this.forSale());
    this.shortOf(want, tok);
    L.transferUnits('usd', payer, this.a.market, usdUnits, memo);
    L.transferUnits('token', this.a.market, to, tok, memo);
    if (pressure) {
      this.netBuyUsd += usdUnits / UNITS_PER;
      this.counters.buyUsd += usdUnits / UNITS_PER;
    }
    return tok;
  }

  /** @internal Buys exactly `tokUnits` tokens; returns the USD units paid. */
  buyTokens(payer: number, to: number, tokUnits: number, memo: string, pressure = true): number {
    if (tokUnits <= 0) return 0;
    const L = this.host.ledger;
    const usd = Math.round(tokUnits * this.price.price);
    L.transferUnits('usd', payer, this.a.market, usd, memo);
    L.transferUnits('token', this.a.market, to, tokUnits, memo);
    if (pressure) {
      this.netBuyUsd += usd / UNITS_PER;
      this.counters.buyUsd += usd / UNITS_PER;
    }
    return usd;
  }

  /** @internal Sells `tokUnits` from `from` at the current price, USD to `usdTo`. Returns the USD units. */
  sell(from: number, usdTo: number, tokUnits: number, memo: string): number {
    if (tokUnits <= 0) return 0;
    const L = this.host.ledger;
    const usd = Math.round(tokUnits * this.price.price);
    L.transferUnits('token', from, this.a.market, tokUnits, memo);
    L.transferUnits('usd', this.a.market, usdTo, usd, memo);
    this.netBuyUsd -= usd / UNITS_PER;
    this.counters.sellUsd += usd / UNITS_PER;
    return usd;
  }
}
