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
import { FREE, ROW_SHIFT, type ProviderSignals } from './signals.ts';
import type { SortedList } from './sortedList.ts';

/** Per list in a call: which of the two per-candidate checks its members need (none for most). */
const CHECK_FREE = 1; // the lowest level list may hold providers with fewer free GPUs than the order needs
const CHECK_WINDOW = 2; // part-day providers: the window must outlast the planned work

/** What orders of one eligibility class (minimum VRAM and tier) may use. */
interface EligibleClass {
  /** The eligible GPU models. */
  models: number[];
  /**
   * For single-GPU orders: the (shift, model) groups of `any` lists they may use, per shift, as one
   * flat array of group numbers (so the search is one tight loop over them).
   */
  singleGroups: Int32Array[];
}

export class CandidateFinder {
  /** The ids arrays of the lists in the current call (the arrays themselves: one pointer less to chase per sample). */
  private lists: Int32Array[] = [];
  /** Their window ends, beside the ids (SortedList.ends). */
  private ends: Float64Array[] = [];
  private checks: Uint8Array;
  private prefix: Int32Array;
  private cum: Int32Array;
  /** Per eligibility class (minimum VRAM and tier): what its orders may use, built at its first order. */
  private classes = new Map<number, EligibleClass>();
  /** The class of the last search and its key (classOf). */
  private lastKey = -1;
  private lastClass: EligibleClass | null = null;
  /** Marks providers already in `out` (stamp per call) instead of a linear search. */
  private stamp: Uint32Array = new Uint32Array(1024);
  private call = 0;
  /**
   * The last candidate set: provider ids in out[0..count); valid until the next call. The array is
   * kept and overwritten, never emptied: `length = 0` would drop its storage and every call would
   * allocate it again.
   */
  readonly out: number[] = [];
  count = 0;

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
    this.cum = new Int32Array(n);
    this.checks = new Uint8Array(n);
  }

  /** The GPU models an order needing minVramGb and minTier may use. */
  eligibleModels(minVramGb: number, minTier: number): number[] {
    return this.classOf(minVramGb, minTier).models;
  }

  /** The eligibility class of orders needing minVramGb and minTier (one map lookup per search). */
  private classOf(minVramGb: number, minTier: number): EligibleClass {
    const key = minVramGb * 8 + minTier;
    // consecutive orders are often of one class: the last one answers without the map
    if (key === this.lastKey) return this.lastClass!;
    let c = this.classes.get(key);
    if (!c) {
      const models: number[] = [];
      GPU_CATALOGUE.forEach((g, i) => {
        if (g.vramGb >= minVramGb && gpuTier(g) >= minTier) models.push(i);
      });
      const singleGroups = [0, 1].map((sh) => Int32Array.from(models, (m) => sh * this.index.nModels + m));
      c = { models, singleGroups };
      this.classes.set(key, c);
    }
    this.lastKey = key;
    this.lastClass = c;
    return c;
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
    return this.sig.windowEnd[id] >= this.now() + this.setupHours + Math.min(o.workHours, o.cancelAfterHours);
  }

  /** Set by the model: the clock, and the setup delay between match and start. */
  now: () => number = () => 0;
  setupHours = 0;

  /** Number of lists in `lists` for the current call (the array is reused, never shrunk). */
  private nLists = 0;

  private add(list: SortedList, n: number, total: number, checks: number): number {
    const k = this.nLists++;
    this.lists[k] = list.ids;
    this.ends[k] = list.ends;
    this.prefix[k] = n;
    this.cum[k] = total + n;
    this.checks[k] = checks;
    return total + n;
  }

  private take(id: number): void {
    if (this.stamp[id] === this.call) return;
    this.stamp[id] = this.call;
    this.out[this.count++] = id;
  }

  /** Whether provider id, whose window ends at `end`, passes the per-candidate checks `checks` of its list. */
  private ok(id: number, end: number, checks: number, gpus: number, needUntil: number): boolean {
    return ((checks & CHECK_WINDOW) === 0 || end >= needUntil) && ((checks & CHECK_FREE) === 0 || this.sig.row[(id << ROW_SHIFT) + FREE] >= gpus);
  }

  /** Fills `out` with candidates for the order; returns their number. */
  find(o: Lease): number {
    this.count = 0;
    this.nLists = 0;
    if (this.stamp.length < this.providers.length) {
      const s = new Uint32Array(Math.max(this.providers.length, this.stamp.length * 2));
      s.set(this.stamp);
      this.stamp = s;
    }
    this.call = (this.call + 1) >>> 0 || 1;
    const idx = this.index;
    const cls = this.classOf(o.minVramGb, o.minTier);
    const r0 = o.regionLocked ? o.region : 0;
    const r1 = o.regionLocked ? o.region + 1 : idx.nRegions;
    const budget = o.budgetUsdPerGpuHour;
    const gpus = o.gpus;
    const heads = this.includeHeads;
    const now = this.now();
    const needUntil = now + this.setupHours + Math.min(o.workHours, o.cancelAfterHours);
    let total = 0;
    // Part-day providers only for work that can fit in a sharing window (at most 24 h).
    const shifts = needUntil - now <= 24 ? 2 : 1;
    // Providers in a level above the order's own have enough free GPUs; so do those in its own level
    // when the order needs no more than the level's floor (2^L: GPU counts are powers of two).
    const lowest = levelOf(gpus);
    const lowestChecks = gpus > 1 << lowest ? CHECK_FREE : 0;
    for (let sh = 0; sh < shifts; sh++) {
      const off = sh * idx.perShift;
      const window = sh === 1 ? CHECK_WINDOW : 0;
      if (gpus === 1) {
        const gs = cls.singleGroups[sh];
        const nr = idx.nRegions;
        for (let j = 0; j < gs.length; j++) {
          const g = gs[j];
          // a model whose every list starts above the budget has nothing affordable
          if (idx.anyModelFirst[g] > budget) continue;
          for (let k = g * nr + r0, kEnd = g * nr + r1; k < kEnd; k++) {
            const n = idx.affordable(idx.any, idx.anyFirst, idx.anyLast, k, budget);
            if (n === 0) continue;
            const list = idx.any[k];
            total = this.add(list, n, total, window);
            if (heads && this.ok(list.ids[0], list.ends[0], window, gpus, needUntil)) this.take(list.ids[0]);
          }
        }
      } else {
        const mask = (0xff << lowest) & 0xff;
        for (const m of cls.models) {
          for (let r = r0; r < r1; r++) {
            const mr = off + m * idx.nRegions + r;
            let bits = idx.levelMask[mr] & mask;
            while (bits !== 0) {
              const l = 31 - Math.clz32(bits & -bits);
              bits &= bits - 1;
              const k = mr * LEVELS + l;
              const n = idx.affordable(idx.levels, idx.levelFirst, idx.levelLast, k, budget);
              if (n === 0) continue;
              const list = idx.levels[k];
              const checks = window | (l === lowest ? lowestChecks : 0);
              total = this.add(list, n, total, checks);
              if (heads && this.ok(list.ids[0], list.ends[0], checks, gpus, needUntil)) this.take(list.ids[0]);
            }
          }
        }
      }
    }
    if (total === 0) return 0;
    const nb = this.nLists;
    if (total > this.sampleSize) {
      this.sampleSpread(total, gpus, needUntil);
      if (this.count > 0) return this.count;
    }
    // Small feasible set, or every draw failed a check (few pass it): when more than k pass, take k
    // of them by systematic sampling over the ones that pass, so the sample stays uniform; else all.
    let skip = 0;
    let step = 1;
    let next = 0;
    if (total > this.sampleSize) {
      const feasible = this.countFeasible(gpus, needUntil);
      if (feasible > this.sampleSize) {
        step = feasible / this.sampleSize;
        skip = this.rng() * step;
        next = Math.floor(skip);
      }
    }
    let rank = 0; // among the providers that pass
    for (let b = 0; b < nb && this.count < this.sampleSize; b++) {
      const ids = this.lists[b];
      const ends = this.ends[b];
      const n = this.prefix[b];
      const checks = this.checks[b];
      for (let i = 0; i < n && this.count < this.sampleSize; i++) {
        if (checks !== 0 && !this.ok(ids[i], ends[i], checks, gpus, needUntil)) continue;
        if (rank++ !== next) continue;
        this.take(ids[i]);
        if (step > 1) next = Math.floor((skip += step));
        else next = rank;
      }
    }
    return this.count;
  }

  /**
   * Systematic sample: k evenly spaced positions from one random offset over the concatenated
   * affordable prefixes. Each feasible provider has the same chance k/total, no draw repeats, and
   * the sample is spread over GPU models, regions and price ranks; one random number and one sweep
   * instead of k draws, each with its own search. Positions are distinct (the step exceeds 1) and
   * the lists are disjoint, so only the heads added by `find` can repeat. The call's arrays are
   * read into locals and positions kept as integers: this loop runs 32 times in most searches.
   */
  private sampleSpread(total: number, gpus: number, needUntil: number): void {
    const k = this.sampleSize;
    const cum = this.cum;
    const lists = this.lists;
    const step = total / k;
    let x = this.rng() * step;
    let b = 0;
    let start = 0; // the position of list b's first entry
    for (let s = 0; s < k; s++, x += step) {
      const pos = Math.min(total - 1, Math.floor(x)) | 0; // x < 2^31: the floor as an integer
      while (cum[b] <= pos) start = cum[b++];
      const i = pos - start;
      const id = lists[b][i];
      const checks = this.checks[b];
      if (checks !== 0 && !this.ok(id, this.ends[b][i], checks, gpus, needUntil)) continue;
      if (this.includeHeads) this.take(id);
      else this.out[this.count++] = id;
    }
  }

  /** Number of providers in the current call's prefixes that pass their list's checks. */
  private countFeasible(gpus: number, needUntil: number): number {
    let f = 0;
    for (let b = 0; b < this.nLists; b++) {
      const ids = this.lists[b];
      const ends = this.ends[b];
      const checks = this.checks[b];
      if (checks === 0) {
        f += this.prefix[b];
        continue;
      }
      for (let i = 0; i < this.prefix[b]; i++) if (this.ok(ids[i], ends[i], checks, gpus, needUntil)) f++;
    }
    return f;
  }
}
