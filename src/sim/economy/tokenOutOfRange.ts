/**
 * A run whose token economy outgrew the ledger's exact range, said in the economy's terms. The
 * ledger counts exact integers of 1e-4 USD and token, up to 9e11 per account (ledger.ts); a
 * scenario starts well inside it (validate.ts refuses one that would leave it by its own schedule),
 * but a random price path can leave it: burn-and-mint settlement mints the USD it pays at the
 * token's price, so a price fallen a billionfold (a 250%/yr volatility over five years does it on
 * some seeds) mints a billionfold more tokens a day, the hyperinflation Terra's LUNA went through in
 * May 2022; a price soared as far makes a stake's purchase cost more USD than the range. The run
 * stops there: what a user needs is the day, the price, the supply, and what keeps a run in range.
 */
import { LEDGER_RANGE, type LedgerRangeError } from './ledger.ts';

/** What the stopped run's token looked like at the entry that left the range. */
export interface TokenState {
  /** Simulated day of the entry. */
  day: number;
  /** Whole days in the run's table by then (its rows: a day's row is written at its end). */
  daysDone: number;
  priceUsd: number;
  initialPriceUsd: number;
  supplyTokens: number;
  /** Whether settlements mint tokens for the USD they pay (payment burnMint, bmeProviderPay mint). */
  mintsSettlements: boolean;
  /** Whether the burn-and-mint circuit breaker is on (economy.bmeBreaker). */
  hasBreaker: boolean;
}

/** The run stopped: its token economy left the range the ledger counts in exactly. */
export class TokenOutOfRange extends Error {
  constructor(
    /** Why, without what the days before it are (a batch, which writes nothing of a stopped run, says its own). */
    readonly reason: string,
    /** The day the run stopped on. */
    readonly day: number,
    /** The whole days before it, in the run's table. */
    readonly daysDone: number,
    readonly ledgerError: LedgerRangeError,
  ) {
    super(`${reason}. ${daysDone === 1 ? 'The 1 whole day before it is' : `The ${daysDone} whole days before it are`} the run's results`);
    this.name = 'TokenOutOfRange';
  }
}

const ASSET_WORDS = { usd: 'USD', token: 'tokens', credit: 'credits' } as const;

/** A figure in a sentence: 3 significant digits from 0.001 to 10,000, else "2.2e-7". */
const num = (x: number) => (Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(1) : String(Number(x.toPrecision(3))));

/** The message for a ledger range error at state `t`: the day, the price against day 0, the supply, why, and what keeps a run in range. */
export function tokenOutOfRange(e: LedgerRangeError, t: TokenState): TokenOutOfRange {
  const day = Math.floor(t.day);
  const ratio = t.priceUsd / t.initialPriceUsd;
  const what = `'${e.entry.memo}' would take an account past ${LEDGER_RANGE.toExponential(1)} ${ASSET_WORDS[e.entry.asset]}`;
  const state = `the token at $${num(t.priceUsd)} (${num(ratio)} times its $${num(t.initialPriceUsd)} of day 0), ${num(t.supplyTokens)} tokens in supply`;
  let why: string;
  let keep: string;
  if (ratio < 1e-3) {
    why = t.mintsSettlements
      ? 'the price had collapsed, and burn-and-mint settlement mints the USD it pays at that price: a hyperinflation, as Terra\'s LUNA in May 2022'
      : 'the price had collapsed, and what is paid or bought in tokens at that price grew without bound';
    keep = `${t.mintsSettlements && !t.hasBreaker ? 'a circuit breaker (economy.bmeBreaker), ' : ''}a lower price volatility (economy.price.volatilityPerYear) or a shorter horizon keeps the token in range`;
  } else if (ratio > 1e3) {
    why = e.entry.memo.includes('stake')
      ? 'the price had soared, and stake bought at that price costs more USD than the ledger counts'
      : 'the price had soared, and tokens traded at that price are worth more USD than the ledger counts';
    keep = 'a lower price volatility or price impact (economy.price), or a shorter horizon, keeps the token in range';
  } else {
    why = "the run's amounts had outgrown it";
    keep = 'a smaller scale or token supply keeps the run in range';
  }
  return new TokenOutOfRange(`the token economy left the range the ledger counts exactly on day ${day}: ${what}, with ${state}; ${why}; ${keep}`, day, t.daysDone, e);
}
