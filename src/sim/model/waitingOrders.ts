/**
 * The orders waiting for a match: the on-demand order book and, with spot leases, the spot one
 * (market/orderBook.ts), with the queue lengths the metrics keep. When a provider has free GPUs
 * again it serves the waiting orders it can take, first come first served, the on-demand ones
 * before the spot ones: the order book hands over the earliest order the provider passes every
 * hard filter for, so orders it cannot serve cost nothing however many wait; at most
 * queueScanDepth orders per book and release.
 *
 * Why the model's call comes through a host: an order is matched by the model's tryMatch (the
 * matcher's policy, and the lease transition that follows).
 */
import type { Engine } from '../core/engine.ts';
import type { IntMap } from '../core/intMap.ts';
import type { CandidateFinder } from '../market/candidates.ts';
import { OrderBook, type ServableQuery } from '../market/orderBook.ts';
import type { ProviderSignals } from '../market/signals.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import { REGIONS, type Scenario } from '../scenario/schema.ts';
import { GPU_CATALOGUE, gpuTier } from '../supply/catalogue.ts';
import type { Lease, Provider } from './types.ts';

/** What serving the waiting orders reads from the model, and its call to match one. */
export interface WaitingHost {
  readonly s: Scenario;
  readonly engine: Engine;
  /** Live leases by id. */
  readonly leases: IntMap<Lease>;
  readonly metrics: MarketMetrics;
  readonly sig: ProviderSignals;
  readonly finder: CandidateFinder;
  /** Matches order l if the matcher's policy takes a provider for it (false: it declined). */
  tryMatch(l: Lease): boolean;
}

export class WaitingOrders {
  private queue: OrderBook;
  /** The spot orders, with spot leases (`market.spot`); else null. */
  private spotQueue: OrderBook | null;
  private servable: ServableQuery = { model: 0, region: 0, free: 0, ask: 0, workLimit: 0 };
  private declined: number[] = [];

  constructor(
    private h: WaitingHost,
    spot: boolean,
  ) {
    const book = () =>
      new OrderBook(
        GPU_CATALOGUE.length,
        REGIONS.length,
        (minVram, minTier, m) => GPU_CATALOGUE[m].vramGb >= minVram && gpuTier(GPU_CATALOGUE[m]) >= minTier,
        h.s.market.queueScanDepth,
      );
    this.queue = book();
    this.spotQueue = spot ? book() : null;
  }

  /** Puts order l in its book, to wait for a provider. */
  push(l: Lease): void {
    const m = this.h.metrics;
    (l.spot ? this.spotQueue! : this.queue).push(l);
    m.queueLen++;
    if (l.spot) m.queueLenSpot++;
    else if (l.reserved) m.queueLenReserved++;
  }

  /** Takes an order out of its book, if it was there (an order matched on arrival never was). */
  remove(l: Lease): void {
    const id = l.id;
    const book = this.queue.has(id) ? this.queue : this.spotQueue?.has(id) ? this.spotQueue : null;
    if (!book) return;
    const m = this.h.metrics;
    m.queueLen--;
    if (l.spot) m.queueLenSpot--;
    else if (l.reserved) m.queueLenReserved--;
    book.remove(id);
  }

  /** Provider p serves the waiting orders it can take: the on-demand ones, then the spot ones (which take what those leave). */
  serve(p: Provider): void {
    this.serveBook(this.queue, p);
    if (this.spotQueue) this.serveBook(this.spotQueue, p);
  }

  private serveBook(book: OrderBook, p: Provider): void {
    if (book.length === 0) return;
    const h = this.h;
    const q = this.servable;
    q.model = p.model;
    q.region = p.region;
    const declined = this.declined;
    // (setting an array's length calls into the runtime, 0.4% of the year: skip it when already empty, as nearly always)
    if (declined.length !== 0) declined.length = 0;
    const depth = h.s.market.queueScanDepth;
    for (let looked = 0; looked < depth && p.gpusFree > 0 && p.bucket >= 0; looked++) {
      q.free = p.gpusFree;
      q.ask = p.askUsdPerGpuHour;
      q.workLimit = h.sig.windowEnd[p.id] - h.engine.now - h.s.market.setupHours;
      const id = book.firstServable(q, declined);
      if (id < 0) return;
      const l = h.leases.get(id)!;
      if (!h.finder.passes(p, l)) throw new Error(`order book offered lease ${id} to provider ${p.id}, which fails a hard filter`);
      // The matcher may decline (an auction whose bids all exceed the budget): pass over it this time.
      if (!h.tryMatch(l)) declined.push(id);
    }
  }
}
