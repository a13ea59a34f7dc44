/**
 * The leases holding GPUs on each provider (matched or active), by provider id: one flat Int32Array
 * in which each provider has a block of as many slots as it has GPUs (every lease holds at least one
 * GPU, so a block never overflows), and a count per provider.
 *
 * Why not an array per provider: a JS array is an object and a separate elements store, two cache
 * misses per lease start and end on a cold provider, and 10^5 small arrays for the GC to trace at
 * 50x scale. Order is the array's: add appends, remove moves the block's last lease into the freed
 * slot, so a failure walks a provider's leases in the same order as before.
 */
import { grown } from '../core/grown.ts';

const NONE: readonly number[] = Object.freeze([]);

export class ProviderLeases {
  private ids = new Int32Array(1024);
  /** Per provider: first slot of its block, block size (its GPUs), leases held. */
  private start = new Int32Array(256);
  private cap = new Int32Array(256);
  private count = new Int32Array(256);
  private used = 0;

  /** Gives provider pid (ids are dense, in joining order) a block for `gpus` leases. */
  open(pid: number, gpus: number): void {
    if (pid >= this.start.length) {
      const n = Math.max(pid + 1, 2 * this.start.length);
      this.start = grown(this.start, n);
      this.cap = grown(this.cap, n);
      this.count = grown(this.count, n);
    }
    if (this.used + gpus > this.ids.length) this.ids = grown(this.ids, Math.max(this.used + gpus, 2 * this.ids.length));
    this.start[pid] = this.used;
    this.cap[pid] = gpus;
    this.count[pid] = 0;
    this.used += gpus;
  }

  add(pid: number, leaseId: number): void {
    const c = this.count[pid];
    if (c >= this.cap[pid]) throw new Error(`provider ${pid} would hold more leases than GPUs (${this.cap[pid]})`);
    this.ids[this.start[pid] + c] = leaseId;
    this.count[pid] = c + 1;
  }

  /** Removes a lease the provider holds (the block's last lease takes its slot). */
  remove(pid: number, leaseId: number): void {
    const s = this.start[pid];
    const last = s + this.count[pid] - 1;
    let i = s;
    while (i <= last && this.ids[i] !== leaseId) i++;
    if (i > last) throw new Error(`provider ${pid} does not hold lease ${leaseId}`);
    this.ids[i] = this.ids[last];
    this.count[pid]--;
  }

  countOf(pid: number): number {
    return this.count[pid];
  }

  /**
   * A copy of the provider's leases in order (callers end leases while they walk it). A provider
   * going offline usually holds none: then one shared empty array, nothing allocated.
   */
  list(pid: number): readonly number[] {
    const c = this.count[pid];
    if (c === 0) return NONE;
    const s = this.start[pid];
    return Array.from(this.ids.subarray(s, s + c));
  }
}
