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
import type { Lease, Provider } from '../model/types.ts';
import type { Rng } from '../rng/streams.ts';
import type { MatcherName, Scenario } from '../scenario/schema.ts';

export interface Decision {
  provider: number;
  priceUsdPerGpuHour: number;
}

export interface ProviderSignals {
  uptime(p: Provider): number;
  reputation(p: Provider): number;
}

export type Policy = (o: Lease, candidates: readonly number[], providers: readonly Provider[], signals: ProviderSignals) => Decision | null;

export function createPolicy(name: MatcherName, m: Scenario['market'], rng: Rng): Policy {
  const factory = POLICIES[name];
  if (!factory) throw new Error(`unknown matcher '${name}' (known: ${Object.keys(POLICIES).join(', ')})`);
  return factory(m, rng);
}

const POLICIES: Record<MatcherName, (m: Scenario['market'], rng: Rng) => Policy> = {
  spheron: (m, rng) => {
    const w = m.weights;
    return (o, cands, P, sig) => {
      let maxStake = 0;
      if (w.stake > 0) for (const id of cands) maxStake = Math.max(maxStake, P[id].stakeTokens);
      let best = -1;
      let bestScore = -Infinity;
      for (const id of cands) {
        const p = P[id];
        const score =
          w.region * (p.region === o.region ? 1 : 0) +
          w.price * Math.max(0, (o.budgetUsdPerGpuHour - p.askUsdPerGpuHour) / o.budgetUsdPerGpuHour) +
          (w.uptime > 0 ? w.uptime * sig.uptime(p) : 0) +
          (w.reputation > 0 ? w.reputation * sig.reputation(p) : 0) +
          w.availability * (p.gpusFree / p.gpus) +
          w.stake * (maxStake > 0 ? p.stakeTokens / maxStake : 0) -
          w.slashes * Math.min(1, p.slashes / 3) +
          (w.randomness > 0 ? w.randomness * rng() : 0);
        if (score > bestScore) {
          bestScore = score;
          best = id;
        }
      }
      return best < 0 ? null : { provider: best, priceUsdPerGpuHour: P[best].askUsdPerGpuHour };
    };
  },
  auction: (m, rng) => (o, cands, P, sig) => {
    const filters = rng() < m.auctionReputationFilterShare;
    let best = -1;
    let bestBid = Infinity;
    let bestRep = -1;
    let bestRepBid = Infinity;
    const n = Math.min(cands.length, m.auctionMaxBids);
    for (let i = 0; i < n; i++) {
      const p = P[cands[i]];
      const bid = p.askUsdPerGpuHour * (1 + m.auctionBidNoise * rng());
      if (bid > o.budgetUsdPerGpuHour) continue; // a bid may not exceed the tenant's maximum (Akash MsgCreateBid)
      if (bid < bestBid) {
        bestBid = bid;
        best = cands[i];
      }
      if (sig.reputation(p) >= m.auctionMinReputation && bid < bestRepBid) {
        bestRepBid = bid;
        bestRep = cands[i];
      }
    }
    if (filters && bestRep >= 0) return { provider: bestRep, priceUsdPerGpuHour: bestRepBid };
    return best < 0 ? null : { provider: best, priceUsdPerGpuHour: bestBid };
  },
  cheapest: () => (_o, cands, P) => {
    let best = -1;
    for (const id of cands) if (best < 0 || P[id].askUsdPerGpuHour < P[best].askUsdPerGpuHour) best = id;
    return best < 0 ? null : { provider: best, priceUsdPerGpuHour: P[best].askUsdPerGpuHour };
  },
  random: (_m, rng) => (_o, cands, P) => {
    if (cands.length === 0) return null;
    const id = cands[Math.floor(rng() * cands.length)];
    return { provider: id, priceUsdPerGpuHour: P[id].askUsdPerGpuHour };
  },
};

export const MATCHER_NAMES = Object.keys(POLICIES) as MatcherName[];
