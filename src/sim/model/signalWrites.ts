/**
 * What the model writes into the matcher's copy of a provider (market/signals.ts) from its record:
 * all of it when the provider joins, and its standing (stake, slashes, reputation) when the economy
 * or a lease's outcome changes it. The other writes live with what changes them: free GPUs in
 * gpuHolds.ts, observed uptime in availability.ts and repricing.ts, sharing windows in
 * availability.ts, asks in the provider index (market/providerIndex.ts).
 */
import { ASK, FREE, GPUS, REGION, REPUTATION, SLASHES, STAKE, UPTIME, type ProviderSignals } from '../market/signals.ts';
import type { Provider } from './types.ts';

/** A joining provider p's row (`providers`: how many the table holds, p among them): its record, a clean uptime, a neutral reputation, no window end. */
export function writeJoined(sig: ProviderSignals, p: Provider, providers: number): void {
  sig.ensure(providers);
  sig.set(p.id, ASK, p.askUsdPerGpuHour);
  sig.set(p.id, GPUS, p.gpus);
  sig.set(p.id, FREE, p.gpusFree);
  sig.set(p.id, REGION, p.region);
  sig.set(p.id, UPTIME, 1);
  sig.set(p.id, REPUTATION, 0.5);
  sig.set(p.id, STAKE, p.stakeTokens);
  sig.set(p.id, SLASHES, p.slashes);
  sig.windowEnd[p.id] = Infinity;
}

/** p's stake, slashes and reputation, after the economy changed them. */
export function writeStanding(sig: ProviderSignals, p: Provider): void {
  sig.set(p.id, STAKE, p.stakeTokens);
  sig.set(p.id, SLASHES, p.slashes);
  writeReputation(sig, p);
}

/** p's reputation: its leases completed and failed, with a prior of one each (Laplace's rule). */
export function writeReputation(sig: ProviderSignals, p: Provider): void {
  sig.set(p.id, REPUTATION, (p.leasesCompleted + 1) / (p.leasesCompleted + p.leasesFailed + 2));
}
