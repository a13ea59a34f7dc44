/**
 * Akash's collateral-ratio circuit breaker for burn-and-mint payments (AEP-76, research §1.6 [V]):
 *
 *   CR = (tokens in the vault) x token price / (compute credits outstanding)
 *
 * Tenants burn tokens for credits when a lease is escrowed; those tokens go to the vault. When a
 * provider is paid, or unused credits are redeemed, the tokens minted for it come out of the vault
 * first ("remint credits first"), and only what the vault lacks is new supply. So while the price
 * holds, the vault is worth what the credits outstanding are (CR = 1); when it falls between a
 * lease's escrow and its settlement, the vault is worth less, and settlements at the lower price
 * drain it faster. Below `haltRatio` no new credits are minted: the market model matches no order
 * (its escrow cannot be funded) until the ratio is back above it, while running leases settle as
 * usual. With no credits outstanding there is nothing to back and the breaker is off.
 *
 * The ledger still burns and mints as before (the supply columns are unchanged by the breaker): the
 * vault here is the count AEP-76 keeps of the burned tokens not yet reminted. Evaluated at every
 * change of the vault, of the credits outstanding and of the price (the chain checks at each mint
 * epoch of at least 10 blocks, about a minute); the warning band (mint epochs stretched below 0.95)
 * is not modelled.
 */
import { UNITS_PER } from './ledger.ts';

export class BmeBreaker {
  /** Token base units burned for credits and not yet reminted. */
  private vaultUnits = 0;
  /** Credit base units (USD base units) in escrow: minted for leases, not yet spent or redeemed. */
  private creditsUnits = 0;
  /** True while new credits cannot be minted (the model reads it before every match). */
  halted = false;
  /** Set when the breaker lifts: the model then serves the orders that waited (and clears it). */
  lifted = false;
  private haltedSince = 0;
  /** Hours halted in the current metrics period (up to the last change). */
  private haltedHours = 0;
  /** Times the breaker tripped in the current metrics period. */
  private trips = 0;

  constructor(readonly haltRatio: number) {}

  /** The collateral ratio at `price` (USD per token; Infinity with no credits outstanding). */
  ratio(price: number): number {
    return this.creditsUnits > 0 ? (this.vaultUnits * price) / this.creditsUnits : Infinity;
  }

  /** A tenant burned `tokenUnits` for `creditUnits` of credits (a lease escrowed). */
  minted(tokenUnits: number, creditUnits: number, now: number, price: number): void {
    this.vaultUnits += tokenUnits;
    this.creditsUnits += creditUnits;
    this.update(now, price);
  }

  /** `creditUnits` of credits were spent or redeemed, for which `tokenUnits` were minted (out of the vault first). */
  spent(creditUnits: number, tokenUnits: number, now: number, price: number): void {
    this.creditsUnits -= creditUnits;
    this.vaultUnits -= Math.min(this.vaultUnits, tokenUnits);
    this.update(now, price);
  }

  /** Re-evaluates the breaker at `now` (the price moved, or the vault or the credits did). */
  update(now: number, price: number): void {
    const halt = this.ratio(price) < this.haltRatio;
    if (halt === this.halted) return;
    if (halt) {
      this.haltedSince = now;
      this.trips++;
    } else {
      this.haltedHours += now - this.haltedSince;
      this.lifted = true;
    }
    this.halted = halt;
  }

  /** Writes the period's columns (BME_COLUMNS order) at `now` and starts the next period. */
  sample(now: number, price: number, out: number[], o: number): number {
    let h = this.haltedHours;
    if (this.halted) {
      h += now - this.haltedSince;
      this.haltedSince = now;
    }
    const cr = this.ratio(price);
    out[o++] = Number.isFinite(cr) ? cr : NaN;
    out[o++] = h;
    out[o++] = this.trips;
    out[o++] = this.creditsUnits / UNITS_PER;
    this.haltedHours = 0;
    this.trips = 0;
    return o;
  }
}
