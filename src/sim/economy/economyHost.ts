/**
 * What the token economy needs from the market model, and all it may touch of it: the engine, the
 * providers and their leases, the ledger and the core's accounts, the GPU-hour integrals, and the
 * calls that add, remove, re-list and fail. MarketModel implements it; the economy's files reach the
 * market only through it.
 */
import type { Engine } from '../core/engine.ts';
import type { ProviderIndex } from '../market/providerIndex.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import type { Lease, Provider } from '../model/types.ts';
import type { ProviderUsage } from '../model/usage.ts';
import type { Ledger } from './ledger.ts';

/** What the economy needs from the market model (implemented by MarketModel). */
export interface EconomyHost {
  readonly engine: Engine;
  readonly providers: Provider[];
  readonly leases: { get(id: number): Lease | undefined };
  readonly ledger: Ledger;
  readonly index: ProviderIndex;
  readonly metrics: MarketMetrics;
  readonly acct: { tenants: number; escrow: number; treasury: number };
  /** Providers' GPU-hour integrals (current after accrue(p)). */
  readonly usage: ProviderUsage;
  accrue(p: Provider): void;
  /** Removes a provider from the network now: its leases fail with `reason`. */
  removeProvider(p: Provider, reason: string): void;
  /** Adds a provider drawn elsewhere (an entrant) to the network now. */
  addProvider(now: number, archetype?: number, draft?: Provider): Provider;
  /** Ids of the leases holding GPUs on p (matched or active). */
  leasesOn(p: Provider): readonly number[];
  /** Fails a live lease (matched or active) with `reason`: its remaining work is re-ordered. */
  failLease(id: number, reason: string): void;
  /** Refreshes the matcher's copy of p's stake, slashes and reputation (when the model keeps one). */
  syncSignals?(p: Provider): void;
  /** Re-lists p in the matcher's index after p.canServe changed, and lets it serve waiting orders. */
  relist(p: Provider): void;
}
