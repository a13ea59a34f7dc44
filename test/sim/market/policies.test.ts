/**
 * Matcher policies, called directly with hand-made candidates and signals: each spheron criterion
 * must measurably change who gets picked when its weight is raised; the auction takes the cheapest
 * (reputable) bid; cheapest takes the minimum ask; random spreads its picks.
 */
import { describe, expect, test } from 'vitest';
import { createPolicy, MATCHER_NAMES } from '../../../src/sim/market/policies.ts';
import { blankLease } from '../../../src/sim/lease/pool.ts';
import { ASK, FREE, GPUS, ProviderSignals, REGION, REPUTATION, SLASHES, STAKE, UPTIME } from '../../../src/sim/market/signals.ts';
import type { Lease } from '../../../src/sim/model/types.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import type { Scenario } from '../../../src/sim/scenario/schema.ts';

/** What a policy can see of one provider (the signals table's columns). */
interface Cand {
  ask: number;
  region: number;
  gpus: number;
  gpusFree: number;
  uptime: number;
  reputation: number;
  stake: number;
  slashes: number;
}

function provider(_id: number, over: Partial<Cand> = {}): Cand {
  return { ask: 2, region: 0, gpus: 8, gpusFree: 8, uptime: 1, reputation: 0.5, stake: 0, slashes: 0, ...over };
}

/** The signals table for providers 0..n-1, as the model would fill it. */
function table(P: Cand[]): ProviderSignals {
  const t = new ProviderSignals();
  t.ensure(P.length);
  P.forEach((p, id) => {
    t.set(id, ASK, p.ask);
    t.set(id, REGION, p.region);
    t.set(id, GPUS, p.gpus);
    t.set(id, FREE, p.gpusFree);
    t.set(id, UPTIME, p.uptime);
    t.set(id, REPUTATION, p.reputation);
    t.set(id, STAKE, p.stake);
    t.set(id, SLASHES, p.slashes);
    t.windowEnd[id] = Infinity;
  });
  return t;
}

function order(over: Partial<Lease> = {}): Lease {
  return { ...blankLease(), id: 1, jobId: 1, region: 1, budgetUsdPerGpuHour: 10, cloudUsdPerGpuHour: 6.88, workHours: 1, orderedAt: 0, ...over };
}

const DEFAULTS = parseScenario({});

function market(over: Partial<Scenario['market']> = {}, weights: Partial<Scenario['market']['weights']> = {}): Scenario['market'] {
  return { ...DEFAULTS.market, ...over, weights: { ...DEFAULTS.market.weights, ...weights } };
}

/** Sets observed uptime and reputation by provider id. */
function signals(uptime: Record<number, number> = {}, reputation: Record<number, number> = {}) {
  return (P: Cand[]): Cand[] => P.map((p, id) => ({ ...p, uptime: uptime[id] ?? p.uptime, reputation: reputation[id] ?? p.reputation }));
}
type Sig = ReturnType<typeof signals>;

/** Share of `n` calls in which the policy picks provider `id`. */
function shareOf(id: number, name: (typeof MATCHER_NAMES)[number], m: Scenario['market'], P: Cand[], o: Lease, sig: Sig, n = 2000, seed = 1): number {
  const policy = createPolicy(name, m, createStreams(seed).get('matcher'));
  const cands = P.map((_, i) => i);
  const t = table(sig(P));
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const d = policy(o, cands, t);
    expect(d).not.toBeNull();
    if (d!.provider === id) hits++;
  }
  return hits / n;
}

type Criterion = keyof Scenario['market']['weights'];

/**
 * Per criterion: provider 0 is better on that criterion only; provider 1 is better on another
 * criterion by a margin that wins at the default weights (or at weight 0). Raising the criterion's
 * weight must move the picks to provider 0.
 */
const CASES: Record<Exclude<Criterion, 'randomness'>, { P: Cand[]; sig: Sig; o?: Partial<Lease> }> = {
  region: {
    // tenant in region 1: provider 0 is there; provider 1 is 20% cheaper of the budget
    P: [provider(0, { region: 1, ask: 4 }), provider(1, { region: 2, ask: 2 })],
    sig: signals(),
  },
  price: {
    // provider 0 asks less; provider 1 has the better observed uptime
    P: [provider(0, { ask: 3 }), provider(1, { ask: 6 })],
    sig: signals({ 0: 0.5, 1: 1 }),
  },
  uptime: {
    P: [provider(0, { ask: 4 }), provider(1, { ask: 2 })],
    sig: signals({ 0: 1, 1: 0.5 }),
  },
  reputation: {
    P: [provider(0, { ask: 4 }), provider(1, { ask: 2 })],
    sig: signals({}, { 0: 0.95, 1: 0.2 }),
  },
  availability: {
    // provider 0 has all 8 GPUs free, provider 1 only 1 of 8
    P: [provider(0, { ask: 4, gpusFree: 8 }), provider(1, { ask: 2, gpusFree: 1 })],
    sig: signals(),
  },
  slashes: {
    P: [provider(0, { ask: 4, slashes: 0 }), provider(1, { ask: 2, slashes: 3 })],
    sig: signals(),
  },
  stake: {
    P: [provider(0, { ask: 4, stake: 10_000 }), provider(1, { ask: 2, stake: 1_000 })],
    sig: signals(),
  },
};

describe('spheron scorer: each criterion changes who gets picked when its weight is raised', () => {
  test.each(Object.keys(CASES) as (keyof typeof CASES)[])('%s', (criterion) => {
    const { P, sig, o } = CASES[criterion];
    const ord = order(o);
    const shares = [0, DEFAULTS.market.weights[criterion], 1, 5].map((w) => shareOf(0, 'spheron', market({}, { [criterion]: w }), P, ord, sig));
    // monotone in the weight, and from (almost) never to (almost) always
    for (let i = 1; i < shares.length; i++) expect(shares[i], `shares ${shares}`).toBeGreaterThanOrEqual(shares[i - 1]);
    expect(shares[0], `shares ${shares}`).toBeLessThan(0.05);
    expect(shares[3], `shares ${shares}`).toBeGreaterThan(0.95);
  });

  test('randomness: a larger weight spreads picks away from the best-scoring provider', () => {
    // provider 1 is cheaper (better score by 0.35 x 0.2 = 0.07); only noise can make provider 0 win
    const P = [provider(0, { ask: 4 }), provider(1, { ask: 2 })];
    const shares = [0, 0.05, 0.5, 10].map((w) => shareOf(0, 'spheron', market({}, { randomness: w }), P, order(), signals()));
    expect(shares[0]).toBe(0);
    for (let i = 1; i < shares.length; i++) expect(shares[i], `shares ${shares}`).toBeGreaterThanOrEqual(shares[i - 1]);
    expect(shares[3], `shares ${shares}`).toBeGreaterThan(0.4); // nearly a coin flip
    expect(shares[3], `shares ${shares}`).toBeLessThan(0.5);
  });

  test('with every weight zero but one, the best provider on that criterion wins every time', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULTS.market.weights).map((k) => [k, 0])) as Scenario['market']['weights'];
    for (const criterion of Object.keys(CASES) as (keyof typeof CASES)[]) {
      const { P, sig, o } = CASES[criterion];
      // put the better provider last, so a tie-breaking default of "first" cannot pass the test
      const rev = sig(P).reverse();
      const m = { ...DEFAULTS.market, weights: { ...zero, [criterion]: 1 } };
      expect(shareOf(1, 'spheron', m, rev, order(o), (x) => x, 50), criterion).toBe(1);
    }
  });

  test('the price paid is the winner\'s ask', () => {
    const P = [provider(0, { ask: 3.25 }), provider(1, { ask: 5 })];
    const d = createPolicy('spheron', market(), createStreams(1).get('m'))(order(), [0, 1], table(P));
    expect(d).toEqual({ provider: 0, priceUsdPerGpuHour: 3.25 });
  });
});

describe('auction (Akash reverse auction)', () => {
  const P = [
    provider(0, { ask: 5 }),
    provider(1, { ask: 1 }), // cheapest, poorly reputed
    provider(2, { ask: 2 }), // cheapest reputable
    provider(3, { ask: 3 }),
  ];
  const sig = signals({}, { 0: 0.9, 1: 0.1, 2: 0.8, 3: 0.9 });
  const noNoise = { auctionBidNoise: 0, auctionMinReputation: 0.5 };

  test('without the reputation filter, the cheapest bid wins at its bid', () => {
    const pol = createPolicy('auction', market({ ...noNoise, auctionReputationFilterShare: 0 }), createStreams(2).get('m'));
    expect(pol(order(), [0, 1, 2, 3], table(sig(P)))).toEqual({ provider: 1, priceUsdPerGpuHour: 1 });
  });

  test('tenants who filter take the cheapest among the reputable', () => {
    const pol = createPolicy('auction', market({ ...noNoise, auctionReputationFilterShare: 1 }), createStreams(2).get('m'));
    expect(pol(order(), [0, 1, 2, 3], table(sig(P)))).toEqual({ provider: 2, priceUsdPerGpuHour: 2 });
  });

  test('the filter share is the share of tenants who filter', () => {
    const share = shareOf(2, 'auction', market({ ...noNoise, auctionReputationFilterShare: 0.7 }), P, order(), sig, 4000);
    expect(Math.abs(share - 0.7)).toBeLessThan(4.5 * Math.sqrt((0.7 * 0.3) / 4000));
  });

  test('with bid noise, the winner is the lowest bid, bids are within [ask, ask (1 + noise)] and within budget', () => {
    const noise = 0.5;
    const pol = createPolicy('auction', market({ auctionBidNoise: noise, auctionReputationFilterShare: 0 }), createStreams(3).get('m'));
    const close = [provider(0, { ask: 2 }), provider(1, { ask: 2.2 }), provider(2, { ask: 4 })];
    const wins = [0, 0, 0];
    for (let i = 0; i < 2000; i++) {
      const d = pol(order({ budgetUsdPerGpuHour: 3.5 }), [0, 1, 2], table(sig(close)))!;
      const ask = close[d.provider].ask;
      expect(d.priceUsdPerGpuHour).toBeGreaterThanOrEqual(ask);
      expect(d.priceUsdPerGpuHour).toBeLessThanOrEqual(Math.min(ask * (1 + noise), 3.5));
      wins[d.provider]++;
    }
    // the two close asks share the wins; the one above budget never wins
    expect(wins[2]).toBe(0);
    expect(wins[0]).toBeGreaterThan(wins[1]);
    expect(wins[1]).toBeGreaterThan(200);
  });

  test('only the first auctionMaxBids candidates bid', () => {
    const pol = createPolicy('auction', market({ ...noNoise, auctionReputationFilterShare: 0, auctionMaxBids: 2 }), createStreams(2).get('m'));
    expect(pol(order(), [0, 3, 1, 2], table(sig(P)))!.provider).toBe(3);
  });

  test('no bid within budget: no match', () => {
    const pol = createPolicy('auction', market({ ...noNoise }), createStreams(2).get('m'));
    expect(pol(order({ budgetUsdPerGpuHour: 0.5 }), [0, 1, 2, 3], table(sig(P)))).toBeNull();
  });
});

describe('cheapest and random', () => {
  const P = [provider(0, { ask: 3 }), provider(1, { ask: 1.5 }), provider(2, { ask: 2 }), provider(3, { ask: 1.5 })];

  test('cheapest picks the minimum ask (first among equals) at that ask', () => {
    const pol = createPolicy('cheapest', market(), createStreams(1).get('m'));
    expect(pol(order(), [0, 1, 2, 3], table(P))).toEqual({ provider: 1, priceUsdPerGpuHour: 1.5 });
    expect(pol(order(), [0, 2], table(P))).toEqual({ provider: 2, priceUsdPerGpuHour: 2 });
  });

  test('random spreads picks uniformly over the candidates', () => {
    const pol = createPolicy('random', market(), createStreams(4).get('m'));
    const n = 8000;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) counts[pol(order(), [0, 1, 2, 3], table(P))!.provider]++;
    const chi = counts.reduce((s, c) => s + (c - n / 4) ** 2 / (n / 4), 0);
    expect(chi, `counts ${counts}`).toBeLessThan(21.1); // chi-square(3) at p = 1e-4
  });

  test.each(MATCHER_NAMES)('%s looks only at the first n candidates (the finder reuses its array)', (name) => {
    const pol = createPolicy(name, market({ auctionReputationFilterShare: 0, auctionBidNoise: 0 }), createStreams(1).get('m'));
    // provider 1 is the cheapest and would win every policy but random; past n it must never be picked
    for (let i = 0; i < 200; i++) {
      const d = pol(order(), [0, 2, 1, 3], table(P), 2);
      expect([0, 2]).toContain(d!.provider);
    }
    expect(pol(order(), [0, 2, 1, 3], table(P), 0)).toBeNull();
  });

  test.each(MATCHER_NAMES)('%s returns null for no candidates', (name) => {
    expect(createPolicy(name, market(), createStreams(1).get('m'))(order(), [], table(P))).toBeNull();
  });

  test('an unknown matcher name is refused with the known names', () => {
    expect(() => createPolicy('greedy' as never, market(), createStreams(1).get('m'))).toThrow(/unknown matcher 'greedy' \(known: spheron, auction, cheapest, random\)/);
  });
});
