/**
 * Candidate sets for an order, from the index: the lists of eligible GPU models (enough VRAM, high
 * enough tier), regions (the tenant's own if region-locked, else all) and, for multi-GPU orders,
 * free-capacity levels, restricted to the affordable prefix of each list (asks within budget).
 * Every provider in those prefixes passes the hard filters but two, checked per candidate on the
 * signals table: the lowest level may hold providers with fewer free GPUs than the order needs, and a
 * provider whose sharing window closes before the planned work would finish is not a candidate.
 *
 * When the feasible set is larger than the sample size k, k members are taken by systematic sampling
 * (evenly spaced from a random offset): each feasible provider is equally likely to be in it. Policies that want the cheapest (cheapest, auction) also get each list's head,
 * so the cheapest feasible provider is always among their candidates.
 */
import type { Lease, Provider } from '../model/types.ts';
import { isOnline } from '../model/types.ts';
import type { Rng } from '../rng/streams.ts';
import { GPU_CATALOGUE, gpuTier } from '../supply/catalogue.ts';
import { LEVELS, levelOf, type ProviderIndex } from './providerIndex.ts';
import { FREE, ROW_SHIFT, WINDOW_END, type ProviderSignals } from './signals.ts';

export class CandidateFinder {
  private lists: number[][] = [];
  private prefix: Int32Array;
  private cum: Float64Array;
  private eligibleModelsCache = new Map<number, number[]>();
  /** Marks providers already in `out` (stamp per call) instead of a linear search. */
  private stamp: Uint32Array = new Uint32Array(1024);
  private call = 0;
  /** The last candidate set (provider ids); valid until the next call. */
  readonly out: number[] = [];

  constructor(
    private index: ProviderIndex,
    private providers: Provider[],
    private sig: ProviderSignals,
    private rng: Rng,
    private sampleSize: number,
    private includeHeads: boolean,
  ) {
    const n = index.levels.length;
    this.prefix = new Int32Array(n);
    this.cum = new Float64Array(n);
  }

  eligibleModels(minVramGb: number, minTier: number): number[] {
    const key = minVramGb * 8 + minTier;
    let m = this.eligibleModelsCache.get(key);
    if (!m) {
      m = [];
      GPU_CATALOGUE.forEach((g, i) => {
        if (g.vramGb >= minVramGb && gpuTier(g) >= minTier) m!.push(i);
      });
      this.eligibleModelsCache.set(key, m);
    }
    return m;
  }

  /** True if provider p passes every hard filter for the order. */
  passes(p: Provider, o: Lease): boolean {
    return (
      p.active &&
      isOnline(p) &&
      p.bucket >= 0 &&
      p.gpusFree >= o.gpus &&
      p.askUsdPerGpuHour <= o.budgetUsdPerGpuHour &&
      (!o.regionLocked || p.region === o.region) &&
      GPU_CATALOGUE[p.model].vramGb >= o.minVramGb &&
      p.tier >= o.minTier &&
      this.fitsWindow(p.id, o)
    );
  }

  /** The order's planned work must finish before the provider's sharing window closes. */
  fitsWindow(id: number, o: Lease): boolean {
    return this.sig.get(id, WINDOW_END) >= this.now() + this.setupHours + Math.min(o.workHours, o.cancelAfterHours);
  }

  /** Set by the model: the clock, and the setup delay between match and start. */
  now: () => number = () => 0;
  setupHours = 0;

  /** Number of lists in `lists` for the current call (the array is reused, never shrunk). */
  private nLists = 0;

  private add(list: readonly number[], n: number, total: number): number {
    const k = this.nLists++;
    this.lists[k] = list as number[];
    this.prefix[k] = n;
    this.cum[k] = total + n;
    return total + n;
  }

  private take(id: number): void {
    if (this.stamp[id] === this.call) return;
    this.stamp[id] = this.call;
    this.out.push(id);
  }

  /** Fills `out` with candidates for the order; returns their number. */
  find(o: Lease): number {
    const out = this.out;
    out.length = 0;
    this.nLists = 0;
    if (this.stamp.length < this.providers.length) {
      const s = new Uint32Array(Math.max(this.providers.length, this.stamp.length * 2));
      s.set(this.stamp);
      this.stamp = s;
    }
    this.call = (this.call + 1) >>> 0 || 1;
    const idx = this.index;
    const models = this.eligibleModels(o.minVramGb, o.minTier);
    const r0 = o.regionLocked ? o.region : 0;
    const r1 = o.regionLocked ? o.region + 1 : idx.nRegions;
    const budget = o.budgetUsdPerGpuHour;
    const gpus = o.gpus;
    const R = this.sig.row;
    const needUntil = this.now() + this.setupHours + Math.min(o.workHours, o.cancelAfterHours);
    let total = 0;
    // Part-day providers only for work that can fit in a sharing window (at most 24 h).
    const shifts = needUntil - this.now() <= 24 ? 2 : 1;
    for (let sh = 0; sh < shifts; sh++) {
      const off = sh * idx.perShift;
      if (gpus === 1) {
        const regionBits = o.regionLocked ? 1 << o.region : 0xff;
        const nR = idx.nRegions;
        const shiftModels = sh * idx.nModels;
        for (const m of models) {
          let bits = idx.regionMask[shiftModels + m] & regionBits;
          while (bits !== 0) {
            const r = 31 - Math.clz32(bits & -bits);
            bits &= bits - 1;
            const k = off + m * nR + r;
            const n = idx.affordable(idx.anyAsks, idx.anyFirst, idx.anyLast, k, budget);
            if (n === 0) continue;
            const list = idx.any[k];
            total = this.add(list, n, total);
            if (this.includeHeads && R[(list[0] << ROW_SHIFT) + WINDOW_END] >= needUntil) this.take(list[0]);
          }
        }
      } else {
        const mask = (0xff << levelOf(gpus)) & 0xff;
        for (const m of models) {
          for (let r = r0; r < r1; r++) {
            const mr = off + m * idx.nRegions + r;
            let bits = idx.levelMask[mr] & mask;
            while (bits !== 0) {
              const l = 31 - Math.clz32(bits & -bits);
              bits &= bits - 1;
              const k = mr * LEVELS + l;
              const n = idx.affordable(idx.levelAsks, idx.levelFirst, idx.levelLast, k, budget);
              if (n === 0) continue;
              const list = idx.levels[k];
              total = this.add(list, n, total);
              if (this.includeHeads && R[(list[0] << ROW_SHIFT) + FREE] >= gpus && R[(list[0] << ROW_SHIFT) + WINDOW_END] >= needUntil) this.take(list[0]);
            }
          }
        }
      }
    }
    if (total === 0) return 0;
    const nb = this.nLists;
    if (total > this.sampleSize) {
      // Systematic sample: k evenly spaced positions from one random offset over the concatenated
      // affordable prefixes. Each feasible provider has the same chance k/total, no draw repeats, and
      // the sample is spread over GPU models, regions and price ranks; one random number and one
      // sweep instead of k draws, each with its own search.
      const k = this.sampleSize;
      const step = total / k;
      let x = this.rng() * step;
      let b = 0;
      for (let s = 0; s < k; s++, x += step) {
        const pos = Math.min(total - 1, Math.floor(x));
        while (this.cum[b] <= pos) b++;
        const id = this.lists[b][pos - (b === 0 ? 0 : this.cum[b - 1])];
        const r = id << ROW_SHIFT;
        if (R[r + FREE] >= gpus && R[r + WINDOW_END] >= needUntil) this.take(id);
      }
      if (out.length > 0) return out.length;
    }
    // Small feasible set, or every draw hit a provider with too few free GPUs: take the prefixes in order.
    for (let b = 0; b < nb && out.length < this.sampleSize; b++) {
      const list = this.lists[b];
      const n = this.prefix[b];
      for (let i = 0; i < n && out.length < this.sampleSize; i++) {
        const r = list[i] << ROW_SHIFT;
        if (R[r + FREE] >= gpus && R[r + WINDOW_END] >= needUntil) this.take(list[i]);
      }
    }
    return out.length;
  }
}
