/**
 * The orders waiting for a match, kept so that when a provider frees capacity the first order (in
 * arrival order) it can serve is found without walking the orders it cannot.
 *
 * Why: the waiting orders nobody can serve right now (budget below every feasible ask, a GPU model
 * that is all busy, a region with no free capacity) pile up in proportion to the network's size. A
 * single FCFS list made every release walk that pile, so the cost of an event grew with scale.
 *
 * How: orders are split into segments by what decides which providers can serve them: the VRAM and
 * tier minimum (as an eligibility class), the region lock, the GPU count's level (1, 2-3, 4-7, ...)
 * and the planned work's length band. Each provider (model, region) knows the segments it could serve.
 * Within a segment orders stay in arrival order, and a max-tree over their budgets finds the first
 * order whose budget covers the provider's ask in O(log n). The answer is the earliest such order
 * over the provider's segments; FCFS is kept across segments by a global sequence number.
 */
import type { Lease } from '../model/types.ts';
import { levelOf } from './providerIndex.ts';
import { IntMap } from '../core/intMap.ts';

/** Upper bounds of the planned-work bands, hours: a part-day provider skips the bands too long for its sharing window */
export const WORK_BANDS = [1, 4, 12, 24, Infinity] as const;

function workBand(hours: number): number {
  let b = 0;
  while (hours > WORK_BANDS[b]) b++;
  return b;
}

/** Hours of work an order plans to run: what must fit before a sharing window closes. */
export function plannedHours(l: Pick<Lease, 'workHours' | 'cancelAfterHours'>): number {
  return Math.min(l.workHours, l.cancelAfterHours);
}

/** One segment: orders of one (eligibility, region lock, GPU level, work band), in arrival order. */
class Segment {
  seq = new Float64Array(16);
  ids = new Int32Array(16);
  gpus = new Int32Array(16);
  work = new Float64Array(16);
  /** Max-tree over budgets: leaves at [cap, 2 cap); a removed or unused slot is -Infinity. */
  tree = new Float64Array(32).fill(-Infinity);
  cap = 16;
  head = 0;
  tail = 0;
  live = 0;
  /** Lowest planned hours this segment's band can hold (a window shorter than this fits none of it). */
  readonly minWork: number;

  constructor(
    /** Its number in the book. */
    readonly index: number,
    readonly level: number,
    band: number,
  ) {
    this.minWork = band === 0 ? 0 : WORK_BANDS[band - 1];
  }

  push(seq: number, id: number, gpus: number, budget: number, work: number): number {
    if (this.tail === this.cap) this.makeRoom();
    const i = this.tail++;
    this.seq[i] = seq;
    this.ids[i] = id;
    this.gpus[i] = gpus;
    this.work[i] = work;
    this.setLeaf(i, budget);
    this.live++;
    return i;
  }

  remove(i: number): void {
    this.setLeaf(i, -Infinity);
    this.ids[i] = -1;
    this.live--;
    if (this.live === 0) {
      this.head = this.tail = 0;
      return;
    }
    while (this.head < this.tail && this.ids[this.head] < 0) this.head++;
  }

  private setLeaf(i: number, v: number): void {
    const t = this.tree;
    let k = i + this.cap;
    t[k] = v;
    for (k >>= 1; k >= 1; k >>= 1) {
      const m = t[2 * k] > t[2 * k + 1] ? t[2 * k] : t[2 * k + 1];
      if (t[k] === m) break;
      t[k] = m;
    }
  }

  /** The highest budget waiting here (-Infinity when none). */
  maxBudget(): number {
    return this.tree[1];
  }

  /** First slot at or after `from` whose budget is at least `ask`, or -1. */
  private firstAffordable(from: number, ask: number): number {
    const t = this.tree;
    const cap = this.cap;
    if (from >= this.tail) return -1;
    let k = from + cap;
    for (;;) {
      if (t[k] >= ask) {
        while (k < cap) {
          k *= 2;
          if (t[k] < ask) k++;
        }
        return k - cap;
      }
      while (k & 1) k >>= 1; // a right child: climb until we can step to a right sibling
      if (k === 0) return -1;
      k++;
    }
  }

  /**
   * First order a provider with `free` GPUs at `ask` can take whose planned work fits in `workLimit`
   * hours; looks at no more than `maxTries` affordable orders that do not fit. Returns a slot or -1.
   */
  first(ask: number, free: number, workLimit: number, maxTries: number, skip: readonly number[]): number {
    let from = this.head;
    for (let tries = 0; tries < maxTries; tries++) {
      const i = this.firstAffordable(from, ask);
      if (i < 0) return -1;
      if (this.gpus[i] <= free && this.work[i] <= workLimit && (skip.length === 0 || !skip.includes(this.ids[i]))) return i;
      from = i + 1;
    }
    return -1;
  }

  /** Compacts live slots to the front, or doubles the capacity; returns nothing, calls `moved` per live order. */
  moved: (id: number, slot: number) => void = () => {};

  private makeRoom(): void {
    const budgets = new Float64Array(this.tail);
    for (let i = 0; i < this.tail; i++) budgets[i] = this.tree[this.cap + i];
    const cap = this.live * 2 <= this.cap ? this.cap : this.cap * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => (cap === this.cap ? a : make(cap));
    const seq = grow(this.seq, (n) => new Float64Array(n));
    const ids = grow(this.ids, (n) => new Int32Array(n));
    const gpus = grow(this.gpus, (n) => new Int32Array(n));
    const work = grow(this.work, (n) => new Float64Array(n));
    let w = 0;
    for (let r = this.head; r < this.tail; r++) {
      if (this.ids[r] < 0) continue;
      seq[w] = this.seq[r];
      ids[w] = this.ids[r];
      gpus[w] = this.gpus[r];
      work[w] = this.work[r];
      budgets[w] = budgets[r];
      this.moved(ids[w], w);
      w++;
    }
    this.seq = seq;
    this.ids = ids;
    this.gpus = gpus;
    this.work = work;
    this.cap = cap;
    this.tree = new Float64Array(2 * cap).fill(-Infinity);
    for (let i = 0; i < w; i++) this.tree[cap + i] = budgets[i];
    for (let k = cap - 1; k >= 1; k--) this.tree[k] = Math.max(this.tree[2 * k], this.tree[2 * k + 1]);
    this.head = 0;
    this.tail = w;
  }
}

export interface ServableQuery {
  model: number;
  region: number;
  /** GPUs the provider has free. */
  free: number;
  /** Its ask, USD per GPU-hour: orders with a lower budget are skipped. */
  ask: number;
  /** Hours until its sharing window closes, less setup (Infinity when always on). */
  workLimit: number;
}

export class OrderBook {
  private segments: Segment[] = [];
  /** Segment of each key (eligibility class, region lock, level, band). */
  private segmentOf = new Map<number, Segment>();
  /** Eligibility class of each (min VRAM, min tier) pair, and the models each class admits. */
  private classOf = new Map<string, number>();
  private classModels: boolean[][] = [];
  /** Segments (by number) a provider of (model, region) could serve. */
  private relevant: number[][];
  /**
   * Live orders, GPU level and lowest planned hours of each segment by number, in flat arrays: a
   * release checks dozens of segments, most of them empty, and this keeps that check off the records.
   */
  private segLive = new Int32Array(64);
  private segLevel = new Int32Array(64);
  private segMinWork = new Float64Array(64);
  /** The highest budget waiting in each segment: a provider asking more skips it without a search. */
  private segMaxBudget = new Float64Array(64).fill(-Infinity);
  /** Models each segment admits (bit m) and its region lock (nRegions when unlocked). */
  private segModels = new Uint32Array(64);
  private segRegion = new Int32Array(64);
  /**
   * Segments holding at least one order, and each segment's place in that list (-1 when empty). Few
   * segments are occupied at a time at small scale: a release then walks these instead of the
   * (model, region)'s relevant list, whichever is shorter.
   */
  private occupied: number[] = [];
  private occupiedAt = new Int32Array(64).fill(-1);
  /** Where each queued order is. */
  private where = new IntMap<{ seg: Segment; slot: number }>(256);
  private nextSeq = 0;

  /**
   * `eligible(minVram, minTier, model)` says whether a GPU model meets an order's VRAM and tier minimum.
   * `maxTries` bounds the affordable-but-unfitting orders looked at per segment and query.
   */
  constructor(
    private nModels: number,
    private nRegions: number,
    private eligible: (minVramGb: number, minTier: number, model: number) => boolean,
    private maxTries = 256,
  ) {
    this.relevant = Array.from({ length: nModels * nRegions }, () => []);
    if (nModels > 32) throw new Error('the order book admits at most 32 GPU models (a 32-bit mask per segment)');
  }

  get length(): number {
    return this.where.size;
  }

  has(id: number): boolean {
    return this.where.has(id);
  }

  push(l: Lease): void {
    if (this.where.has(l.id)) throw new Error(`order ${l.id} is already in the queue`);
    const seg = this.segmentFor(l);
    const slot = seg.push(this.nextSeq++, l.id, l.gpus, l.budgetUsdPerGpuHour, plannedHours(l));
    this.segMaxBudget[seg.index] = seg.maxBudget();
    if (this.segLive[seg.index]++ === 0) {
      this.occupiedAt[seg.index] = this.occupied.length;
      this.occupied.push(seg.index);
    }
    this.where.set(l.id, { seg, slot });
  }

  remove(id: number): void {
    const w = this.where.get(id);
    if (!w) throw new Error(`order ${id} is not in the queue`);
    this.where.delete(id);
    w.seg.remove(w.slot);
    this.segMaxBudget[w.seg.index] = w.seg.maxBudget();
    const si = w.seg.index;
    if (--this.segLive[si] === 0) {
      // swap-remove from the occupied list
      const at = this.occupiedAt[si];
      const last = this.occupied.pop()!;
      if (last !== si) {
        this.occupied[at] = last;
        this.occupiedAt[last] = at;
      }
      this.occupiedAt[si] = -1;
    }
  }

  /**
   * The earliest waiting order (arrival order) that the described provider passes every filter for,
   * or -1. Orders in `skip` are passed over (the caller tried them and the matcher declined).
   */
  firstServable(q: ServableQuery, skip: readonly number[] = []): number {
    const relevant = this.relevant[q.model * this.nRegions + q.region];
    const segs = this.occupied.length < relevant.length ? this.occupied : relevant;
    const level = levelOf(q.free);
    const live = this.segLive;
    const modelBit = 1 << q.model;
    const unlocked = this.nRegions;
    let best: Segment | null = null;
    let bestSlot = -1;
    let bestSeq = Infinity;
    for (let s = 0; s < segs.length; s++) {
      const si = segs[s];
      if (live[si] === 0 || this.segMaxBudget[si] < q.ask || this.segLevel[si] > level || this.segMinWork[si] >= q.workLimit) continue;
      if ((this.segModels[si] & modelBit) === 0 || (this.segRegion[si] !== unlocked && this.segRegion[si] !== q.region)) continue;
      const seg = this.segments[si];
      const slot = seg.first(q.ask, q.free, q.workLimit, this.maxTries, skip);
      if (slot >= 0 && seg.seq[slot] < bestSeq) {
        bestSeq = seg.seq[slot];
        best = seg;
        bestSlot = slot;
      }
    }
    return best ? best.ids[bestSlot] : -1;
  }

  /** Ids of the queued orders in arrival order (for tests and checks; O(n log n)). */
  ids(): number[] {
    const all: [number, number][] = [];
    for (const seg of this.segments) for (let i = seg.head; i < seg.tail; i++) if (seg.ids[i] >= 0) all.push([seg.seq[i], seg.ids[i]]);
    return all.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  }

  private segmentFor(l: Lease): Segment {
    const ck = `${l.minVramGb}|${l.minTier}`;
    let c = this.classOf.get(ck);
    if (c === undefined) {
      c = this.classModels.length;
      this.classOf.set(ck, c);
      this.classModels.push(Array.from({ length: this.nModels }, (_, m) => this.eligible(l.minVramGb, l.minTier, m)));
    }
    const rc = l.regionLocked ? l.region : this.nRegions;
    const level = levelOf(l.gpus);
    const band = workBand(plannedHours(l));
    const key = (((c * (this.nRegions + 1) + rc) * 8 + level) * WORK_BANDS.length + band) | 0;
    let seg = this.segmentOf.get(key);
    if (!seg) {
      seg = new Segment(this.segments.length, level, band);
      if (seg.index === this.segLive.length) {
        const grow = <T extends Int32Array | Uint32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
        this.segLive = grow(this.segLive, new Int32Array(2 * seg.index));
        this.segLevel = grow(this.segLevel, new Int32Array(2 * seg.index));
        this.segMinWork = grow(this.segMinWork, new Float64Array(2 * seg.index));
        this.segMaxBudget = grow(this.segMaxBudget, new Float64Array(2 * seg.index).fill(-Infinity));
        this.segModels = grow(this.segModels, new Uint32Array(2 * seg.index));
        this.segRegion = grow(this.segRegion, new Int32Array(2 * seg.index));
        this.occupiedAt = grow(this.occupiedAt, new Int32Array(2 * seg.index).fill(-1));
      }
      this.segLevel[seg.index] = level;
      this.segMinWork[seg.index] = seg.minWork;
      this.segRegion[seg.index] = rc;
      let mask = 0;
      for (let m = 0; m < this.nModels; m++) if (this.classModels[c][m]) mask |= 1 << m;
      this.segModels[seg.index] = mask >>> 0;
      const made = seg;
      made.moved = (id, slot) => {
        this.where.get(id)!.slot = slot;
      };
      this.segmentOf.set(key, seg);
      this.segments.push(seg);
      const models = this.classModels[c];
      for (let m = 0; m < this.nModels; m++) {
        if (!models[m]) continue;
        if (rc === this.nRegions) for (let r = 0; r < this.nRegions; r++) this.relevant[m * this.nRegions + r].push(seg.index);
        else this.relevant[m * this.nRegions + rc].push(seg.index);
      }
    }
    return seg;
  }
}
