/**
 * Double-entry ledger. Every movement of USD or tokens is one entry between two named accounts;
 * balances are derived from entries. Amounts are kept as integers of a base unit (1e-4 of a USD or
 * a token) stored in float64, exact below 2^53 units, so sums never drift and conservation holds
 * exactly: supply change = minted - burned, and the balances of every asset always sum to zero
 * (the issuer accounts hold the negative side).
 *
 * A transfer that would take an account negative (unless it is an issuer) or that is not a finite,
 * non-negative amount stops the run with an error naming the entry.
 */
import { sumsToZero } from './exactSum.ts';

/** usd and token; credit is the non-transferable USD-pegged compute credit of burn-and-mint (Akash ACT, Render credits). */
export const ASSETS = ['usd', 'token', 'credit'] as const;
export type Asset = (typeof ASSETS)[number];
// 1e-4: a hundredth of a cent and a ten-thousandth of a token. Finer units overflow the exact range
// (2^53) once supply is scaled up: 500 M tokens x 50 at 1e-6 would be 2.5e16 units.
export const UNITS_PER = 1e4;

export interface LedgerEntryInfo {
  seq: number;
  asset: Asset;
  from: string;
  to: string;
  amount: number;
  memo: string;
}

export class LedgerError extends Error {
  constructor(
    message: string,
    readonly entry: LedgerEntryInfo,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** An entry that would take a balance past the ledger's exact range (MAX_SAFE_INTEGER base units): the run's amounts outgrew it. */
export class LedgerRangeError extends LedgerError {
  constructor(message: string, entry: LedgerEntryInfo) {
    super(message, entry);
    this.name = 'LedgerRangeError';
  }
}

/** The most an account can hold of an asset (USD or tokens) and still be counted exactly. */
export const LEDGER_RANGE = Number.MAX_SAFE_INTEGER / UNITS_PER;

const ASSET_BIT: Record<Asset, number> = { usd: 1, token: 2, credit: 4 };

export class Ledger {
  private names: string[] = [];
  /** Per account: bit i set when it may go negative in ASSETS[i] (an issuer of that asset). */
  private issuer: number[] = [];
  private byName = new Map<string, number>();
  /** balances[asset][account] in base units (integers). */
  private bal: Record<Asset, number[]> = { usd: [], token: [], credit: [] };
  /** Number of entries posted. */
  entries = 0;
  /**
   * Totals by memo, in base units, for reports: one cell per memo, added to in place (a Map of plain
   * numbers would box a new heap number on every entry).
   */
  private flows: Record<Asset, Map<string, Float64Array>> = { usd: new Map(), token: new Map(), credit: new Map() };
  /** Optional observer of every entry (debugging, audits). */
  onEntry: ((e: LedgerEntryInfo) => void) | null = null;

  /**
   * Opens an account (or returns the existing one). Issuers (mint, outside world) may go negative:
   * `true` in every asset, or only in the assets listed (the token market issues USD, never tokens).
   */
  account(name: string, issuer: boolean | readonly Asset[] = false): number {
    const have = this.byName.get(name);
    if (have !== undefined) return have;
    const id = this.names.length;
    this.names.push(name);
    let mask = 0;
    ASSETS.forEach((a, i) => {
      if (issuer === true || (Array.isArray(issuer) && issuer.includes(a))) mask |= 1 << i;
    });
    this.issuer.push(mask);
    this.byName.set(name, id);
    for (const a of ASSETS) this.bal[a].push(0);
    return id;
  }

  name(id: number): string {
    return this.names[id];
  }

  /** Moves `amount` (USD or tokens, rounded to the base unit) from one account to another; returns the base units moved. */
  transfer(asset: Asset, from: number, to: number, amount: number, memo: string): number {
    return this.transferUnits(asset, from, to, Math.round(amount * UNITS_PER), memo, amount);
  }

  /** Moves an exact number of base units. */
  transferUnits(asset: Asset, from: number, to: number, units: number, memo: string, amount = units / UNITS_PER): number {
    const seq = ++this.entries;
    if (!Number.isFinite(amount) || !Number.isInteger(units) || units < 0) {
      throw new LedgerError(`ledger entry #${seq} '${memo}': amount ${amount} ${asset} from '${this.names[from]}' to '${this.names[to]}' is not a finite amount >= 0`, this.info(seq, asset, from, to, amount, memo));
    }
    if (units === 0) return 0;
    const b = this.bal[asset];
    if ((this.issuer[from] & ASSET_BIT[asset]) === 0 && b[from] < units) {
      throw new LedgerError(
        `ledger entry #${seq} '${memo}': '${this.names[from]}' holds ${b[from] / UNITS_PER} ${asset}, cannot pay ${units / UNITS_PER} to '${this.names[to]}'`,
        this.info(seq, asset, from, to, amount, memo),
      );
    }
    b[from] -= units;
    b[to] += units;
    if (Math.abs(b[from]) > Number.MAX_SAFE_INTEGER || Math.abs(b[to]) > Number.MAX_SAFE_INTEGER) {
      throw new LedgerRangeError(
        `ledger entry #${seq} '${memo}': a balance would pass the ledger's exact range (${LEDGER_RANGE.toExponential(1)} ${asset} per account): the run's amounts grew too large (a token price or supply far beyond any real network's)`,
        this.info(seq, asset, from, to, amount, memo),
      );
    }
    const f = this.flows[asset];
    let cell = f.get(memo);
    if (cell === undefined) f.set(memo, (cell = new Float64Array(1)));
    cell[0] += units;
    this.onEntry?.(this.info(seq, asset, from, to, units / UNITS_PER, memo));
    return units;
  }

  /** Balance in USD or tokens. */
  balance(asset: Asset, id: number): number {
    return this.bal[asset][id] / UNITS_PER;
  }

  /** Balance in base units (exact integer). */
  balanceUnits(asset: Asset, id: number): number {
    return this.bal[asset][id];
  }

  /** Number of accounts opened. */
  get accounts(): number {
    return this.names.length;
  }

  /** Total moved under a memo so far, in USD or tokens. */
  flow(asset: Asset, memo: string): number {
    return (this.flows[asset].get(memo)?.[0] ?? 0) / UNITS_PER;
  }

  /** Checks that every asset's balances sum to exactly zero; throws naming the asset otherwise. */
  assertBalanced(): void {
    for (const a of ASSETS) {
      // summed exactly: the float sum of balances near the range's end is off by a unit or two
      if (sumsToZero(this.bal[a])) continue;
      let s = 0;
      for (const v of this.bal[a]) s += v;
      throw new Error(`ledger out of balance: ${a} balances sum to about ${s / UNITS_PER} after ${this.entries} entries`);
    }
  }

  private info(seq: number, asset: Asset, from: number, to: number, amount: number, memo: string): LedgerEntryInfo {
    return { seq, asset, from: this.names[from], to: this.names[to], amount, memo };
  }
}
