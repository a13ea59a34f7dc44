/**
 * Matching policies, chosen by name in the scenario. Each returns a decision (which provider, at
 * what price per GPU-hour) and changes nothing: the engine's handler applies it.
 *
 * - spheron: the multi-criteria score Spheron describes (region, price delta, uptime, reputation,
 *   resource availability, slash record, stake, randomness), each term in [0, 1] times its weight;
 *   the best score wins (research §2.2).
 * - auction: Akash's reverse auction: eligible providers bid their ask plus noise, up to maxBids;
 *   the tenant takes the cheapest bid, or the cheapest among reputable providers (research §1.4, §10).
 * - cheapest: the lowest ask. random: any eligible provider, uniformly.
 */
import type { Lease } from '../model/types.ts';
import { ASK, FREE, GPUS, REGION, REPUTATION, ROW_SHIFT, SLASHES, STAKE, UPTIME, type ProviderSignals } from './signals.ts';
import { keyedUniform, type Rng } from '../rng/streams.ts';
import type { MatcherName, Scenario } from '../scenario/schema.ts';

export interface Decision {
  provider: number;
  priceUsdPerGpuHour: number;
}

/**
 * A policy reads candidates' signals (asks, uptime, reputation, stake...) from the typed-array table.
 * The candidates are candidates[0..n) (n defaults to the array's length). The decision it returns is
 * its own object, reused by its next call (one match per order, so no object per match): read it
 * before calling again.
 */
export type Policy = (o: Lease, candidates: readonly number[], signals: ProviderSignals, n?: number) => Decision | null;

export function createPolicy(name: MatcherName, m: Scenario['market'], rng: Rng): Policy {
  const factory = POLICIES[name];
  if (!factory) throw new Error(`unknown matcher '${name}' (known: ${Object.keys(POLICIES).join(', ')})`);
  return factory(m, rng);
}

/** The reusable decision of one policy instance. */
function decider(): (provider: number, price: number) => Decision {
  const d: Decision = { provider: -1, priceUsdPerGpuHour: 0 };
  return (provider, price) => {
    d.provider = provider;
    d.priceUsdPerGpuHour = price;
    return d;
  };
}

const POLICIES: Record<MatcherName, (m: Scenario['market'], rng: Rng) => Policy> = {
  spheron: (m, rng) => {
    const w = m.weights;
    // The weights, read once: the scenario is fixed for the run, and locals keep the candidate loop
    // free of property loads. The sum below keeps the order of the terms (the same bits as ever).
    const wRegion = w.region;
    const wPrice = w.price;
    const wUptime = w.uptime;
    const wReputation = w.reputation;
    const wAvailability = w.availability;
    const wStake = w.stake;
    const wSlashes = w.slashes;
    const wRandom = w.randomness;
    const decide = decider();
    return (o, cands, sig, n = cands.length) => {
      const R = sig.row;
      // the random term: one draw per order keys a uniform per candidate (keyedUniform), not a generator call each
      const key = wRandom > 0 ? Math.floor(rng() * 2 ** 32) : 0;
      // The candidate loops below are the matcher's hottest: a field is read as r | FIELD (r's low
      // bits are zero, and an or cannot overflow, so no overflow check per read), and max/min are
      // comparisons (Math.max and Math.min also handle NaN and -0, which no signal here holds).
      let maxStake = 0;
      if (wStake > 0) {
        for (let i = 0; i < n; i++) {
          const stake = R[(cands[i] << ROW_SHIFT) | STAKE];
          if (stake > maxStake) maxStake = stake;
        }
      }
      const budget = o.budgetUsdPerGpuHour;
      const region = o.region;
      let best = -1;
      let bestScore = -Infinity;
      for (let i = 0; i < n; i++) {
        const id = cands[i];
        const r = id << ROW_SHIFT;
        const margin = (budget - R[r | ASK]) / budget;
        const slashes = R[r | SLASHES];
        const score =
          wRegion * (R[r | REGION] === region ? 1 : 0) +
          wPrice * (margin > 0 ? margin : 0) +
          wUptime * R[r | UPTIME] +
          wReputation * R[r | REPUTATION] +
          wAvailability * (R[r | FREE] / R[r | GPUS]) +
          (maxStake > 0 ? (wStake * R[r | STAKE]) / maxStake : 0) -
          (wSlashes > 0 ? wSlashes * (slashes < 3 ? slashes / 3 : 1) : 0) +
          (wRandom > 0 ? wRandom * keyedUniform(key, i) : 0);
        if (score > bestScore) {
          bestScore = score;
          best = id;
        }
      }
      return best < 0 ? null : decide(best, R[(best << ROW_SHIFT) + ASK]);
    };
  },
  auction: (m, rng) => {
    const decide = decider();
    return (o, cands, sig, count = cands.length) => {
      const filters = rng() < m.auctionReputationFilterShare;
      let best = -1;
      let bestBid = Infinity;
      let bestRep = -1;
      let bestRepBid = Infinity;
      const n = Math.min(count, m.auctionMaxBids);
      for (let i = 0; i < n; i++) {
        const id = cands[i];
        const bid = sig.get(id, ASK) * (1 + m.auctionBidNoise * rng());
        if (bid > o.budgetUsdPerGpuHour) continue; // a bid may not exceed the tenant's maximum (Akash MsgCreateBid)
        if (bid < bestBid) {
          bestBid = bid;
          best = cands[i];
        }
        if (sig.get(id, REPUTATION) >= m.auctionMinReputation && bid < bestRepBid) {
          bestRepBid = bid;
          bestRep = cands[i];
        }
      }
      if (filters && bestRep >= 0) return decide(bestRep, bestRepBid);
      return best < 0 ? null : decide(best, bestBid);
    };
  },
  cheapest: () => {
    const decide = decider();
    return (_o, cands, sig, n = cands.length) => {
      let best = -1;
      for (let i = 0; i < n; i++) {
        const id = cands[i];
        const a = sig.get(id, ASK);
        const b = best < 0 ? Infinity : sig.get(best, ASK);
        if (best < 0 || a < b || (a === b && id < best)) best = id;
      }
      return best < 0 ? null : decide(best, sig.get(best, ASK));
    };
  },
  random: (_m, rng) => {
    const decide = decider();
    return (_o, cands, sig, n = cands.length) => {
      if (n === 0) return null;
      const id = cands[Math.floor(rng() * n)];
      return decide(id, sig.get(id, ASK));
    };
  },
};

export const MATCHER_NAMES = Object.keys(POLICIES) as MatcherName[];
