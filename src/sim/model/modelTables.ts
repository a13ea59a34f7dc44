/**
 * The model's tables its helpers read through their hosts (availability.ts, preemption.ts): one
 * declaration, so that each host lists only what is its own.
 */
import type { Engine } from '../core/engine.ts';
import type { IntMap } from '../core/intMap.ts';
import type { ProviderSignals } from '../market/signals.ts';
import type { ProviderLeases } from './providerLeases.ts';
import type { Lease, Provider } from './types.ts';

export interface ModelTables {
  readonly engine: Engine;
  readonly providers: readonly Provider[];
  /** Live leases by id. */
  readonly leases: IntMap<Lease>;
  /** The leases holding GPUs on each provider. */
  readonly held: ProviderLeases;
  /** What the matcher reads about each provider. */
  readonly sig: ProviderSignals;
}
