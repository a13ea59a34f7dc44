// A run whose token economy leaves the ledger's exact range stops with the day, the price against
// day 0, the supply, why in the economy's terms and what keeps a run in range; the days before it
// stay in the run's table (the dashboard shows them, the CLI writes them).
import { describe, expect, it } from 'vitest';
import { LedgerRangeError } from '../../src/sim/economy/ledger.ts';
import { TokenOutOfRange, tokenOutOfRange, type TokenState } from '../../src/sim/economy/tokenOutOfRange.ts';
import { createRun } from '../../src/sim/run.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';

const entry = (memo: string, asset: 'usd' | 'token') => new LedgerRangeError('range', { seq: 9, asset, from: 'a', to: 'b', amount: 1, memo });
const state = (o: Partial<TokenState>): TokenState => ({ day: 40.5, daysDone: 40, priceUsd: 1, initialPriceUsd: 2, supplyTokens: 3e8, mintsSettlements: false, hasBreaker: false, ...o });

describe('a token economy out of the ledger range', () => {
  it('a collapsed price under burn-and-mint reads as a hyperinflation, the breaker offered when it is off', () => {
    const e = tokenOutOfRange(entry('settlement mint', 'token'), state({ priceUsd: 2e-9, mintsSettlements: true }));
    expect(e).toBeInstanceOf(TokenOutOfRange);
    expect(e.name).toBe('TokenOutOfRange');
    expect(e.day).toBe(40);
    expect(e.daysDone).toBe(40);
    expect(e.message).toBe(
      "the token economy left the range the ledger counts exactly on day 40: 'settlement mint' would take an account past 9.0e+11 tokens, with the token at $2.0e-9 (1.0e-9 times its $2 of day 0), 3.0e+8 tokens in supply; the price had collapsed, and burn-and-mint settlement mints the USD it pays at that price: a hyperinflation, as Terra's LUNA in May 2022; a circuit breaker (economy.bmeBreaker), a lower price volatility (economy.price.volatilityPerYear) or a shorter horizon keeps the token in range. The 40 whole days before it are the run's results",
    );
    expect(tokenOutOfRange(entry('settlement mint', 'token'), state({ priceUsd: 2e-9, mintsSettlements: true, hasBreaker: true })).message).not.toContain('circuit breaker');
  });

  it('a soared price reads as stake bought at it, in USD; a price near its start as amounts outgrown', () => {
    const up = tokenOutOfRange(entry('stake purchase', 'usd'), state({ priceUsd: 5.6e5, daysDone: 1 }));
    expect(up.message).toContain("'stake purchase' would take an account past 9.0e+11 USD, with the token at $5.6e+5 (2.8e+5 times its $2 of day 0)");
    expect(up.message).toContain('the price had soared, and stake bought at that price costs more USD than the ledger counts');
    expect(up.message).toContain("The 1 whole day before it is the run's results");
    expect(tokenOutOfRange(entry('provider sells token income', 'usd'), state({ priceUsd: 5.6e5 })).message).toContain('the price had soared, and tokens traded at that price are worth more USD than the ledger counts');
    expect(tokenOutOfRange(entry('stake purchase', 'usd'), state({ priceUsd: 3 })).message).toContain("the run's amounts had outgrown it; a smaller scale or token supply keeps the run in range");
  });

  it('a run stops with it, its table holding the whole days before', () => {
    const v = validateScenario(applyOverrides(findPreset('token_pump')!.raw, ['scale=0.05', 'horizonDays=365', 'economy.price.volatilityPerYear=10']));
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const run = createRun(v.scenario, 2);
    let stop: unknown = null;
    try {
      while (!run.done()) run.advance(run.now() + 24);
    } catch (e) {
      stop = e;
    }
    expect(stop).toBeInstanceOf(TokenOutOfRange);
    const t = stop as TokenOutOfRange;
    expect(t.day).toBe(56);
    expect(run.table().rows).toBe(t.daysDone);
    expect(t.message).toMatch(/^the token economy left the range the ledger counts exactly on day 56: 'settlement mint'/);
  });
});
