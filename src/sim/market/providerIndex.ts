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
import { ASK, ROW_SHIFT, type ProviderSignals } from './signals.ts';

export const LEVELS = 7; // 1, 2-3, 4-7, 8-15, 16-31, 32-63, 64+

export function levelOf(free: number): number {
  return Math.min(LEVELS - 1, 31 - Math.clz32(free));
}

export class ProviderIndex {
  /** Sorted lists by (model, region). */
  readonly any: number[][];
  /** Sorted lists by (model, region, level); level 0 is unused (single free GPUs live only in `any`). */
  readonly levels: number[][];
  readonly nModels: number;
  readonly nRegions: number;
  /** Lists per shift: model x region. */
  readonly perShift: number;
  /** Per (shift, model): bit r set when the `any` list of region r is non-empty, so lookups skip empty lists. */
  readonly regionMask: Uint8Array;
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

  /** Binary searches read asks from the signals table, not from provider records. */
  constructor(
    nModels: number,
    nRegions: number,
    private sig: ProviderSignals,
  ) {
    this.nModels = nModels;
    this.nRegions = nRegions;
    this.perShift = nModels * nRegions;
    this.any = Array.from({ length: 2 * this.perShift }, () => []);
    this.levels = Array.from({ length: 2 * this.perShift * LEVELS }, () => []);
    this.levelMask = new Uint8Array(2 * this.perShift);
    this.regionMask = new Uint8Array(2 * nModels);
    this.anyFirst = new Float64Array(this.any.length).fill(Infinity);
    this.anyLast = new Float64Array(this.any.length).fill(Infinity);
    this.levelFirst = new Float64Array(this.levels.length).fill(Infinity);
    this.levelLast = new Float64Array(this.levels.length).fill(Infinity);
    if (nRegions > 8) throw new Error('the region mask holds at most 8 regions');
  }

  /** Lists a provider where it belongs given its state, or unlists it. Call after any change. */
  update(p: Provider, canServe: boolean): void {
    const listed = canServe && isOnline(p) && p.gpusFree > 0;
    const mr = (p.windowHours < 24 ? this.perShift : 0) + p.model * this.nRegions + p.region;
    const wantAny = listed ? mr : -1;
    const wantLevel = listed && p.gpusFree >= 2 ? mr * LEVELS + levelOf(p.gpusFree) : -1;
    if (wantAny !== p.bucket) {
      if (p.bucket >= 0) {
        const list = this.any[p.bucket];
        this.takeAny(p.bucket, p);
        if (list.length === 0) this.regionMask[(p.bucket / this.nRegions) | 0] &= ~(1 << p.bucket % this.nRegions);
      }
      if (wantAny >= 0) {
        this.putAny(wantAny, p);
        this.regionMask[(wantAny / this.nRegions) | 0] |= 1 << wantAny % this.nRegions;
      }
      p.bucket = wantAny;
    }
    if (wantLevel !== p.levelBucket) {
      if (p.levelBucket >= 0) {
        const list = this.levels[p.levelBucket];
        this.takeLevel(p.levelBucket, p);
        if (list.length === 0) this.levelMask[(p.levelBucket / LEVELS) | 0] &= ~(1 << p.levelBucket % LEVELS);
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
    if (p.bucket >= 0) this.putAny(p.bucket, p);
    if (p.levelBucket >= 0) this.putLevel(p.levelBucket, p);
  }

  private putAny(k: number, p: Provider): void {
    this.put(this.any[k], p);
    this.ends(this.any[k], k, this.anyFirst, this.anyLast);
  }

  private takeAny(k: number, p: Provider): void {
    this.take(this.any[k], p);
    this.ends(this.any[k], k, this.anyFirst, this.anyLast);
  }

  private putLevel(k: number, p: Provider): void {
    this.put(this.levels[k], p);
    this.ends(this.levels[k], k, this.levelFirst, this.levelLast);
  }

  private takeLevel(k: number, p: Provider): void {
    this.take(this.levels[k], p);
    this.ends(this.levels[k], k, this.levelFirst, this.levelLast);
  }

  private ends(list: readonly number[], k: number, first: Float64Array, last: Float64Array): void {
    const n = list.length;
    first[k] = n === 0 ? Infinity : this.sig.get(list[0], ASK);
    last[k] = n === 0 ? Infinity : this.sig.get(list[n - 1], ASK);
  }

  private put(list: number[], p: Provider): void {
    this.sig.set(p.id, ASK, p.askUsdPerGpuHour);
    list.splice(this.lowerBound(list, p.askUsdPerGpuHour, p.id), 0, p.id);
  }

  private take(list: number[], p: Provider): void {
    const i = this.lowerBound(list, p.askUsdPerGpuHour, p.id);
    if (list[i] !== p.id) throw new Error(`provider index corrupt: provider ${p.id} not found in its list`);
    list.splice(i, 1);
  }

  /** First position in the list whose (ask, id) is not below (ask, id). */
  lowerBound(list: readonly number[], ask: number, id: number): number {
    const R = this.sig.row;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = list[mid];
      const a = R[(q << ROW_SHIFT) + ASK];
      if (a < ask || (a === ask && q < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Number of providers in list k of a family (any or levels, with its first/last asks) with
   * ask <= budget: the affordable prefix.
   */
  affordable(lists: readonly number[][], first: Float64Array, last: Float64Array, k: number, budget: number): number {
    if (first[k] > budget) return 0;
    const list = lists[k];
    const n = list.length;
    if (last[k] <= budget) return n;
    const R = this.sig.row;
    let lo = 1;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (R[(list[mid] << ROW_SHIFT) + ASK] <= budget) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of listed providers. */
  count(): number {
    let n = 0;
    for (const b of this.any) n += b.length;
    return n;
  }
}
