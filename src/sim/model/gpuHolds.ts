/**
 * A lease holding GPUs on its provider, from its match (the machine's reserve effect) until it ends
 * or fails (release): the provider's free GPUs and the matcher's copy of them, its listing in the
 * index (which lists providers by free GPUs), the leases it holds, and for a spot lease the spot
 * GPUs by which the provider is listed among those an on-demand order may preempt.
 *
 * Why one class for both: taking and giving back are mirror images, and a count changed by one and
 * not the other would drift; the model only decides what follows a release (serving waiting orders).
 */
import type { ProviderIndex } from '../market/providerIndex.ts';
import { FREE, type ProviderSignals } from '../market/signals.ts';
import type { SpotHolders } from '../market/spotHolders.ts';
import type { ProviderLeases } from './providerLeases.ts';
import type { Lease, Provider } from './types.ts';

export class GpuHolds {
  constructor(
    private sig: ProviderSignals,
    /** The leases holding GPUs on each provider. */
    private held: ProviderLeases,
    private index: ProviderIndex,
    /** The providers holding spot leases (null without spot leases, when no lease is spot). */
    private spotHolders: SpotHolders | null,
  ) {}

  /** Lease l, matched to p, takes its GPUs there. */
  take(p: Provider, l: Lease): void {
    p.gpusFree -= l.gpus;
    if (p.gpusFree < 0) throw new Error(`provider ${p.id} would lease more GPUs than it has (lease ${l.id})`);
    this.sig.set(p.id, FREE, p.gpusFree);
    this.held.add(p.id, l.id);
    this.index.update(p, p.canServe);
    if (l.spot) {
      p.spotGpus += l.gpus;
      this.spotHolders!.update(p);
    }
  }

  /** Lease l gives back its GPUs on p. */
  release(p: Provider, l: Lease): void {
    p.gpusFree += l.gpus;
    this.sig.set(p.id, FREE, p.gpusFree);
    this.held.remove(p.id, l.id);
    this.index.update(p, p.canServe);
    if (l.spot) {
      p.spotGpus -= l.gpus;
      this.spotHolders!.update(p);
    }
  }
}
