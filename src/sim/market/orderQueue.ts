/**
 * The FCFS queue of orders waiting for a match, as parallel typed arrays: when capacity frees, the
 * matcher scans it in arrival order, and the fields the hard filters need (GPUs, VRAM, tier, region
 * lock, budget) sit in flat arrays so skipping an order the provider cannot serve costs a few
 * nanoseconds, not a record lookup. Removal marks a slot dead; dead slots are compacted away.
 */
import type { Lease } from '../model/types.ts';

export class OrderQueue {
  ids = new Int32Array(256);
  gpus = new Int32Array(256);
  minVram = new Float64Array(256);
  minTier = new Int32Array(256);
  /** Region the order is locked to, or -1. */
  region = new Int32Array(256);
  budget = new Float64Array(256);
  alive = new Uint8Array(256);
  head = 0;
  tail = 0;
  live = 0;
  /** Slot of each queued lease id, for removal. */
  private slotOf = new Map<number, number>();

  get length(): number {
    return this.live;
  }

  push(l: Lease): void {
    if (this.tail === this.ids.length) this.makeRoom();
    const i = this.tail++;
    this.ids[i] = l.id;
    this.gpus[i] = l.gpus;
    this.minVram[i] = l.minVramGb;
    this.minTier[i] = l.minTier;
    this.region[i] = l.regionLocked ? l.region : -1;
    this.budget[i] = l.budgetUsdPerGpuHour;
    this.alive[i] = 1;
    this.slotOf.set(l.id, i);
    this.live++;
  }

  remove(leaseId: number): void {
    const i = this.slotOf.get(leaseId);
    if (i === undefined) throw new Error(`order ${leaseId} is not in the queue`);
    this.slotOf.delete(leaseId);
    this.alive[i] = 0;
    this.live--;
    while (this.head < this.tail && this.alive[this.head] === 0) this.head++;
    if (this.live === 0) this.head = this.tail = 0;
  }

  private makeRoom(): void {
    const n = this.tail - this.head;
    if (this.live * 2 < this.ids.length) {
      // compact live slots to the front
      let w = 0;
      for (let r = this.head; r < this.tail; r++) {
        if (!this.alive[r]) continue;
        this.ids[w] = this.ids[r];
        this.gpus[w] = this.gpus[r];
        this.minVram[w] = this.minVram[r];
        this.minTier[w] = this.minTier[r];
        this.region[w] = this.region[r];
        this.budget[w] = this.budget[r];
        this.alive[w] = 1;
        this.slotOf.set(this.ids[w], w);
        w++;
      }
      this.alive.fill(0, w);
      this.head = 0;
      this.tail = w;
      return;
    }
    const cap = Math.max(256, this.ids.length * 2);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, this.tail) as never);
      return b;
    };
    this.ids = grow(this.ids, (c) => new Int32Array(c));
    this.gpus = grow(this.gpus, (c) => new Int32Array(c));
    this.minVram = grow(this.minVram, (c) => new Float64Array(c));
    this.minTier = grow(this.minTier, (c) => new Int32Array(c));
    this.region = grow(this.region, (c) => new Int32Array(c));
    this.budget = grow(this.budget, (c) => new Float64Array(c));
    this.alive = grow(this.alive, (c) => new Uint8Array(c));
    void n;
  }
}
