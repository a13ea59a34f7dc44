/**
 * The matcher's index of providers with free capacity, so a candidate set is never a scan of every
 * provider. Providers that share only part of the day (home GPUs) and always-on providers are kept
 * apart ("shift" 1 and 0), so an order too long for any sharing window never looks at the former.
 * Within each, two families of buckets, each a list sorted by (ask, id) so the providers an order can
 * afford are a prefix found by binary search and a bucket's cheapest provider is its head:
 *  - by (GPU model, region): every listed provider (at least one free GPU); single-GPU orders, the
 *    vast majority, look only here;
 *  - by (GPU model, region, free-capacity level) for providers with 2+ free GPUs, level L holding
 *    2^L..2^(L+1)-1 free GPUs (the last level open-ended), for multi-GPU orders.
 */
import type { Provider } from '../model/types.ts';
import { isOnline } from '../model/types.ts';
import { ASK, type ProviderSignals } from './signals.ts';
import { SortedList } from './sortedList.ts';

export const LEVELS = 7; // 1, 2-3, 4-7, 8-15, 16-31, 32-63, 64+

export function levelOf(free: number): number {
  return Math.min(LEVELS - 1, 31 - Math.clz32(free));
}

export class ProviderIndex {
  /** Sorted lists by (model, region). */
  readonly any: SortedList[];
  /** Sorted lists by (model, region, level); level 0 is unused (single free GPUs live only in `any`). */
  readonly levels: SortedList[];
  readonly nModels: number;
  readonly nRegions: number;
  /** Lists per shift: model x region. */
  readonly perShift: number;
  /** Per (shift, model, region): bit L set when that level's list is non-empty. */
  readonly levelMask: Uint8Array;
  /**
   * Ask of each list's first and last provider (Infinity when empty), kept beside the lists: most
   * lists are wholly affordable or wholly not, and this answers that without touching the list.
   */
  readonly anyFirst: Float64Array;
  readonly anyLast: Float64Array;
  readonly levelFirst: Float64Array;
  readonly levelLast: Float64Array;
  /**
   * Per (shift, model): the lowest first ask of its `any` lists over all regions (Infinity when all
   * are empty), so a single-GPU order skips a model it cannot afford anywhere in one comparison.
   * The lists of (shift, model) are numbers g * nRegions .. g * nRegions + nRegions - 1, g = shift * nModels + model.
   */
  readonly anyModelFirst: Float64Array;

  /** The signals table gets each provider's ask as it is listed. */
  constructor(
    nModels: number,
    nRegions: number,
    private sig: ProviderSignals,
  ) {
    this.nModels = nModels;
    this.nRegions = nRegions;
    this.perShift = nModels * nRegions;
    this.any = Array.from({ length: 2 * this.perShift }, () => new SortedList());
    this.levels = Array.from({ length: 2 * this.perShift * LEVELS }, () => new SortedList());
    this.levelMask = new Uint8Array(2 * this.perShift);
    this.anyFirst = new Float64Array(this.any.length).fill(Infinity);
    this.anyLast = new Float64Array(this.any.length).fill(Infinity);
    this.levelFirst = new Float64Array(this.levels.length).fill(Infinity);
    this.levelLast = new Float64Array(this.levels.length).fill(Infinity);
    this.anyModelFirst = new Float64Array(2 * nModels).fill(Infinity);
  }

  /** Lists a provider where it belongs given its state, or unlists it. Call after any change. */
  update(p: Provider, canServe: boolean): void {
    const listed = canServe && isOnline(p) && p.gpusFree > 0;
    const mr = (p.windowHours < 24 ? this.perShift : 0) + p.model * this.nRegions + p.region;
    const wantAny = listed ? mr : -1;
    const wantLevel = listed && p.gpusFree >= 2 ? mr * LEVELS + levelOf(p.gpusFree) : -1;
    if (wantAny !== p.bucket) {
      if (p.bucket >= 0) this.takeAny(p.bucket, p);
      if (wantAny >= 0) this.putAny(wantAny, p);
      p.bucket = wantAny;
    }
    if (wantLevel !== p.levelBucket) {
      if (p.levelBucket >= 0) {
        const list = this.levels[p.levelBucket];
        this.takeLevel(p.levelBucket, p);
        if (list.n === 0) this.levelMask[(p.levelBucket / LEVELS) | 0] &= ~(1 << p.levelBucket % LEVELS);
      }
      if (wantLevel >= 0) {
        this.putLevel(wantLevel, p);
        this.levelMask[mr] |= 1 << wantLevel % LEVELS;
      }
      p.levelBucket = wantLevel;
    }
  }

  /** Changes a provider's ask, keeping its lists sorted. */
  setAsk(p: Provider, ask: number): void {
    if (p.bucket >= 0) this.takeAny(p.bucket, p);
    if (p.levelBucket >= 0) this.takeLevel(p.levelBucket, p);
    p.askUsdPerGpuHour = ask;
    // the signals mirror the ask even while p is not listed (no GPU free): a preempting order's
    // policy reads the asks of spot holders, which are often full
    this.sig.set(p.id, ASK, ask);
    if (p.bucket >= 0) this.putAny(p.bucket, p);
    if (p.levelBucket >= 0) this.putLevel(p.levelBucket, p);
  }

  private putAny(k: number, p: Provider): void {
    this.put(this.any[k], p);
    this.ends(this.any[k], k, this.anyFirst, this.anyLast);
    this.modelEnds(k);
  }

  private takeAny(k: number, p: Provider): void {
    this.take(this.any[k], p);
    this.ends(this.any[k], k, this.anyFirst, this.anyLast);
    this.modelEnds(k);
  }

  /** Refreshes the lowest first ask of the (shift, model) that `any` list k belongs to. */
  private modelEnds(k: number): void {
    const nr = this.nRegions;
    const g = (k / nr) | 0;
    let min = Infinity;
    for (let j = g * nr; j < g * nr + nr; j++) if (this.anyFirst[j] < min) min = this.anyFirst[j];
    this.anyModelFirst[g] = min;
  }

  private putLevel(k: number, p: Provider): void {
    this.put(this.levels[k], p);
    this.ends(this.levels[k], k, this.levelFirst, this.levelLast);
  }

  private takeLevel(k: number, p: Provider): void {
    this.take(this.levels[k], p);
    this.ends(this.levels[k], k, this.levelFirst, this.levelLast);
  }

  private ends(list: SortedList, k: number, first: Float64Array, last: Float64Array): void {
    const n = list.n;
    first[k] = n === 0 ? Infinity : list.asks[0];
    last[k] = n === 0 ? Infinity : list.asks[n - 1];
  }

  private put(list: SortedList, p: Provider): void {
    this.sig.set(p.id, ASK, p.askUsdPerGpuHour);
    // the window's end does not change while the provider is listed: it is set before it goes online
    list.insert(p.id, p.askUsdPerGpuHour, this.sig.windowEnd[p.id]);
  }

  private take(list: SortedList, p: Provider): void {
    if (!list.remove(p.id, p.askUsdPerGpuHour)) throw new Error(`provider index corrupt: provider ${p.id} not found in its list`);
  }

  /**
   * Number of providers in list k of a family (`any` or `levels`, with its first/last asks) with
   * ask <= budget: the affordable prefix. Most lists are wholly affordable or wholly not, which the
   * first and last asks answer without touching the list.
   */
  affordable(lists: readonly SortedList[], first: Float64Array, last: Float64Array, k: number, budget: number): number {
    if (first[k] > budget) return 0;
    const list = lists[k];
    if (last[k] <= budget) return list.n;
    return list.affordable(budget);
  }

  /** Number of listed providers. */
  count(): number {
    let n = 0;
    for (const b of this.any) n += b.n;
    return n;
  }
}
