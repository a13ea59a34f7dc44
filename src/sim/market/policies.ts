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
import type { ProviderSignals } from './signals.ts';
import type { Rng } from '../rng/streams.ts';
import type { MatcherName, Scenario } from '../scenario/schema.ts';

export interface Decision {
  provider: number;
  priceUsdPerGpuHour: number;
}

/** A policy reads candidates' signals (asks, uptime, reputation, stake...) from the typed-array table. */
export type Policy = (o: Lease, candidates: readonly number[], signals: ProviderSignals) => Decision | null;

export function createPolicy(name: MatcherName, m: Scenario['market'], rng: Rng): Policy {
  const factory = POLICIES[name];
  if (!factory) throw new Error(`unknown matcher '${name}' (known: ${Object.keys(POLICIES).join(', ')})`);
  return factory(m, rng);
}

const POLICIES: Record<MatcherName, (m: Scenario['market'], rng: Rng) => Policy> = {
  spheron: (m, rng) => {
    const w = m.weights;
    return (o, cands, sig) => {
      const { ask, uptime, reputation, gpusFree, gpus, stake, slashes, region } = sig;
      let maxStake = 0;
      if (w.stake > 0) for (const id of cands) maxStake = Math.max(maxStake, stake[id]);
      const budget = o.budgetUsdPerGpuHour;
      let best = -1;
      let bestScore = -Infinity;
      for (const id of cands) {
        const score =
          w.region * (region[id] === o.region ? 1 : 0) +
          w.price * Math.max(0, (budget - ask[id]) / budget) +
          w.uptime * uptime[id] +
          w.reputation * reputation[id] +
          w.availability * (gpusFree[id] / gpus[id]) +
          (maxStake > 0 ? (w.stake * stake[id]) / maxStake : 0) -
          w.slashes * Math.min(1, slashes[id] / 3) +
          (w.randomness > 0 ? w.randomness * rng() : 0);
        if (score > bestScore) {
          bestScore = score;
          best = id;
        }
      }
      return best < 0 ? null : { provider: best, priceUsdPerGpuHour: ask[best] };
    };
  },
  auction: (m, rng) => (o, cands, sig) => {
    const filters = rng() < m.auctionReputationFilterShare;
    let best = -1;
    let bestBid = Infinity;
    let bestRep = -1;
    let bestRepBid = Infinity;
    const n = Math.min(cands.length, m.auctionMaxBids);
    for (let i = 0; i < n; i++) {
      const id = cands[i];
      const bid = sig.ask[id] * (1 + m.auctionBidNoise * rng());
      if (bid > o.budgetUsdPerGpuHour) continue; // a bid may not exceed the tenant's maximum (Akash MsgCreateBid)
      if (bid < bestBid) {
        bestBid = bid;
        best = cands[i];
      }
      if (sig.reputation[id] >= m.auctionMinReputation && bid < bestRepBid) {
        bestRepBid = bid;
        bestRep = cands[i];
      }
    }
    if (filters && bestRep >= 0) return { provider: bestRep, priceUsdPerGpuHour: bestRepBid };
    return best < 0 ? null : { provider: best, priceUsdPerGpuHour: bestBid };
  },
  cheapest: () => (_o, cands, sig) => {
    let best = -1;
    for (const id of cands) if (best < 0 || sig.ask[id] < sig.ask[best] || (sig.ask[id] === sig.ask[best] && id < best)) best = id;
    return best < 0 ? null : { provider: best, priceUsdPerGpuHour: sig.ask[best] };
  },
  random: (_m, rng) => (_o, cands, sig) => {
    if (cands.length === 0) return null;
    const id = cands[Math.floor(rng() * cands.length)];
    return { provider: id, priceUsdPerGpuHour: sig.ask[id] };
  },
};

export const MATCHER_NAMES = Object.keys(POLICIES) as MatcherName[];
