/**
 * Akash's burn-and-mint collateral ratio and its circuit breaker (AEP-76; economy.bmeBreaker): the
 * vault's worth over the credits outstanding, 1 while the price holds; below haltRatio no order is
 * matched until the ratio is back, while the running leases settle as usual.
 */
import { describe, expect, it } from 'vitest';
import { BmeBreaker } from '../../src/sim/economy/bmeBreaker.ts';
import { UNITS_PER } from '../../src/sim/economy/ledger.ts';
import { parseScenario, ScenarioError } from '../../src/sim/scenario/validate.ts';
import type { ScenarioInput } from '../../src/sim/scenario/schema.ts';
import { col, runToEnd, small, sum } from './fixtures.ts';
import { bmeLine } from '../../src/cli/runCommand.ts';
import { runSummary } from '../../src/ui/lib/runSummary.ts';

describe('the collateral ratio and the breaker, by themselves', () => {
  it('is 1 while the price holds, follows the price down, and halts below the threshold until the credits are gone', () => {
    const b = new BmeBreaker(0.9);
    const U = UNITS_PER;
    expect(b.ratio(1)).toBe(Infinity); // nothing outstanding: nothing to back
    b.minted(100 * U, 100 * U, 0, 1); // 100 tokens burned at $1 for $100 of credits
    expect(b.ratio(1)).toBe(1);
    expect(b.ratio(0.95)).toBeCloseTo(0.95, 12);
    expect(b.halted).toBe(false);
    b.update(5, 0.85); // the price falls 15%
    expect(b.halted).toBe(true);
    // half the credits settle at $0.85: 58.8 tokens come out of the vault for $50, more than were burned for it
    b.spent(50 * U, Math.round((50 / 0.85) * U), 10, 0.85);
    expect(b.ratio(0.85)).toBeCloseTo(((100 - 50 / 0.85) * 0.85) / 50, 5);
    expect(b.halted).toBe(true);
    const out: number[] = [];
    b.sample(24, 0.85, out, 0);
    expect(out[1]).toBeCloseTo(19, 9); // halted from hour 5 to the sample at 24
    expect(out[2]).toBe(1); // one trip
    expect(out[3]).toBeCloseTo(50, 9); // USD of credits outstanding
    // the rest settles: no credits left, the breaker lifts and the model is told to serve the orders that waited
    b.spent(50 * U, Math.round((50 / 0.85) * U), 30, 0.85);
    expect(b.halted).toBe(false);
    expect(b.lifted).toBe(true);
    b.sample(48, 0.85, out, 0);
    expect(Number.isNaN(out[0])).toBe(true); // no ratio without credits
    expect(out[1]).toBeCloseTo(6, 9); // hours 24-30 of the second period
    expect(out[2]).toBe(0);
  });

  it('a scenario sets the breaker only for burn-and-mint with settlement mints, with an error naming the field otherwise', () => {
    const raw = (economy: Record<string, unknown>) => ({ name: 'x', horizonDays: 10, economy }) as unknown as ScenarioInput;
    expect(parseScenario(raw({ payment: 'burnMint', bmeBreaker: {} })).economy.bmeBreaker?.haltRatio).toBe(0.9);
    expect(() => parseScenario(raw({ payment: 'stablecoin', bmeBreaker: { haltRatio: 0.9 } }))).toThrow(/economy\.bmeBreaker/);
    expect(() => parseScenario(raw({ payment: 'burnMint', bmeBreaker: { haltRatio: 0 } }))).toThrow(ScenarioError);
    expect(() => parseScenario(raw({ payment: 'burnMint', bmeBreaker: { haltRatio: 0.9, warnRatio: 0.95 } }))).toThrow(/warnRatio/);
  });
});

describe('the breaker in a run', () => {
  // a flat price, then a 40% fall over days 10-12 (no volatility, no impact): the vault is worth 60%
  // of the credits outstanding, and the breaker halts the market until they are settled. Jobs of at
  // most 3 days, so the credits escrowed before the fall are settled within the run (a lease's
  // escrow covers its whole planned run: with weeks-long jobs the halt lasts weeks)
  const classes = Object.fromEntries(['inference', 'finetune', 'training', 'rendering', 'transcoding'].map((c) => [c, { maxDurationHours: 72 }]));
  const over = (breaker: boolean) => ({
    demand: { classes },
    economy: {
      payment: 'burnMint',
      bmeProviderPay: 'mint',
      price: { volatilityPerYear: 0, impact: 0, shocks: [{ startDay: 10, durationDays: 2, multiplier: 0.6 }] },
      ...(breaker ? { bmeBreaker: { haltRatio: 0.9 } } : {}),
    },
  });
  const free = runToEnd(small(300, 40, over(false)), 4);
  const held = runToEnd(small(300, 40, over(true)), 4);

  it('the ratio is about 1 at a flat price and falls with the price; without the breaker the market goes on', () => {
    const cr = col(free, 'bme_collateral_ratio');
    for (let d = 1; d < 9; d++) expect(cr[d]).toBeGreaterThan(0.97);
    expect(Math.min(...Array.from(cr).slice(12, 20))).toBeLessThan(0.7);
    expect(sum(col(free, 'bme_mint_halted_h'))).toBe(0);
    expect(Math.min(...Array.from(col(free, 'jobs_started')).slice(12, 20))).toBeGreaterThan(0);
  });

  it('with the breaker, the days it is halted start no lease, fill no order, and the halted hours add up to those days', () => {
    // the same run until the fall
    for (let d = 0; d < 9; d++) expect(col(held, 'jobs_started')[d]).toBe(col(free, 'jobs_started')[d]);
    const h = col(held, 'bme_mint_halted_h');
    const started = col(held, 'jobs_started');
    const expired = col(held, 'jobs_expired');
    expect(sum(col(held, 'bme_breaker_trips'))).toBeGreaterThanOrEqual(1);
    let whole = 0;
    for (let d = 0; d < 40; d++) {
      expect(h[d]).toBeGreaterThanOrEqual(0);
      expect(h[d]).toBeLessThanOrEqual(24 + 1e-9);
      if (h[d] >= 24 - 1e-9) {
        whole++;
        expect(started[d]).toBe(0);
        expect(expired[d]).toBeGreaterThan(0); // the orders wait and give up
      }
    }
    expect(whole).toBeGreaterThan(0);
    // once the credits are settled the breaker lifts and leases start again
    let last = -1;
    for (let d = 0; d < 40; d++) if (h[d] > 0) last = d;
    expect(last).toBeLessThan(39);
    expect(sum(started, last + 1, 40)).toBeGreaterThan(0);
    // the running leases settled meanwhile: providers were paid while it was halted
    const firstWhole = Array.from(h).findIndex((x) => x >= 24 - 1e-9);
    expect(col(held, 'provider_revenue_usd')[firstWhole]).toBeGreaterThan(0);
  }, 120_000);

  it('the CLI line and the run summary say how long new leases were halted, and nothing is said without a halt', () => {
    const halted = sum(col(held, 'bme_mint_halted_h')) / 24;
    const data = held.table().data;
    expect(bmeLine(data, 0.9)).toContain(`halted new leases for ${halted.toFixed(1)} of 40 days`);
    const span = { from: 0, to: 40, whole: true, done: true };
    const said = runSummary({ data, lo: 0, hi: 39, periodHours: 24 }, span).find((x) => x.id === 'bme');
    expect(said?.text).toMatch(/^The burn-and-mint circuit breaker halted new leases for [\d.]+ days \(\d+ trips?\)/);
    expect(runSummary({ data: free.table().data, lo: 0, hi: 39, periodHours: 24 }, span).find((x) => x.id === 'bme')).toBeUndefined();
  });
});
