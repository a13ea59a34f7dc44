/**
 * The market's float: the tokens outside holders have for sale. A purchase never takes more than
 * the market holds; a run whose float runs dry goes on (it used to stop with a ledger error) and
 * says so in token_for_sale_tokens and token_buy_shortfall_tokens.
 */
import { describe, expect, it } from 'vitest';
import { small, runToEnd, col, sum } from './fixtures.ts';
import { UNITS_PER } from '../../src/sim/economy/ledger.ts';

describe("the token market's float", () => {
  it('a network launched with no tokens for sale runs: no provider can buy its stake, so none serves, and the shortfall says why', () => {
    const run = runToEnd(small(40, 4, { economy: { token: { initialSupply: 0 } } }));
    run.model.ledger.assertBalanced();
    const economy = run.model.economy!;
    expect(economy.genesisUnits).toBe(0);
    // no stake, no leases: every job that arrived went unserved, and each day's purchases fell short
    expect(sum(col(run, 'jobs_arrived'))).toBeGreaterThan(0);
    expect(Array.from(col(run, 'jobs_started'))).toEqual([0, 0, 0, 0]);
    for (const x of col(run, 'token_buy_shortfall_tokens')) expect(x).toBeGreaterThan(0);
    for (const p of run.model.providers) if (p.active) expect(p.canServe).toBe(false);
    // the emission rewards the providers sell are all the market gets, and stake buys them the same day
    expect(Array.from(col(run, 'token_for_sale_tokens'))).toEqual([0, 0, 0, 0]);
    const staked = col(run, 'staked_tokens');
    for (let d = 1; d < staked.length; d++) expect(staked[d]).toBeGreaterThan(staked[d - 1]);
  });

  it('a float smaller than the stake the providers need is bought out: those with their whole stake serve, the rest wait', () => {
    // 40 providers at the default stake need tens of thousands of tokens; 20 000 for sale covers some
    const run = runToEnd(small(40, 3, { economy: { token: { initialSupply: 20_000 }, vesting: { lockedShare: 0 }, emission: { schedule: 'none' } } }));
    run.model.ledger.assertBalanced();
    const books = run.model.economy!.books.filter((b) => b && run.model.providers[b.id].active);
    const whole = books.filter((b) => b.stakeUnits >= b.requiredUnits);
    const short = books.filter((b) => b.stakeUnits < b.requiredUnits);
    expect(whole.length).toBeGreaterThan(0);
    expect(short.length).toBeGreaterThan(0);
    for (const b of whole) expect(run.model.providers[b.id].canServe).toBe(true);
    for (const b of short) expect(run.model.providers[b.id].canServe).toBe(false);
    // every token for sale went into stake on day 0, so the market held none at the end of day 1
    expect(col(run, 'token_for_sale_tokens')[0]).toBe(0);
    expect(sum(col(run, 'staked_tokens').slice(0, 1))).toBeCloseTo(20_000, 6);
    expect(col(run, 'jobs_started')[0]).toBeGreaterThan(0);
  });

  it('under burn-and-mint a dry market sells its last tokens for the USD paid: fewer burned, credits whole, the price pushed up', () => {
    const eco = (supply: number) => ({ economy: { payment: 'burnMint', token: { initialSupply: supply }, vesting: { lockedShare: 0 }, staking: { baseTokensPerGpu: 0 }, emission: { schedule: 'none' } } });
    const dry = runToEnd(small(40, 3, eco(100)));
    const deep = runToEnd(small(40, 3, eco(500e6)));
    dry.model.ledger.assertBalanced();
    // the same leases were ordered and paid in USD in both (credits are pegged to the dollar) ...
    expect(col(dry, 'gmv_usd')[0]).toBe(col(deep, 'gmv_usd')[0]);
    // ... but the dry market could not sell the tokens the USD would buy at the price
    expect(col(deep, 'token_buy_shortfall_tokens')[0]).toBe(0);
    expect(col(dry, 'token_buy_shortfall_tokens')[0]).toBeGreaterThan(0);
    expect(col(dry, 'bme_burned_tokens')[0]).toBeLessThan(col(deep, 'bme_burned_tokens')[0]);
    // day 1 burned the whole float of 100 tokens (what the market holds at day's end came from providers selling their pay)
    expect(col(dry, 'bme_burned_tokens')[0]).toBeCloseTo(100, 6);
    // the buying counts as pressure all the same: a market a millionth as deep moves much further
    expect(col(dry, 'token_price_usd')[0]).toBeGreaterThan(col(deep, 'token_price_usd')[0]);
  });

  it('in a deep market nothing is short and the float is the genesis supply not locked, less the stake bought, plus what is sold', () => {
    const run = runToEnd(small(40, 3, { economy: { vesting: { lockedShare: 0.5 } } }));
    expect(sum(col(run, 'token_buy_shortfall_tokens'))).toBe(0);
    const economy = run.model.economy!;
    const L = run.model.ledger;
    const floatEnd = col(run, 'token_for_sale_tokens').at(-1)!;
    expect(floatEnd).toBeCloseTo(L.balanceUnits('token', economy.a.market) / UNITS_PER, 6);
    const genesisFree = economy.genesisUnits / UNITS_PER / 2;
    expect(floatEnd).toBeLessThan(genesisFree);
    expect(floatEnd).toBeGreaterThan(genesisFree * 0.9);
  });
});
