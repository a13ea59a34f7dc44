/**
 * What the matcher reads about providers, mirrored into typed arrays by provider id. Scoring 32
 * candidates out of 100,000 providers touches 32 random records; reading flat arrays instead keeps
 * that in cache (a record's double fields are separate heap objects). The model writes here at every
 * change point (ask, free GPUs, availability, lease outcomes, stake, slashes); provider records stay
 * the source of truth and the tests check the two agree.
 */
export class ProviderSignals {
  /** Asking price, USD per GPU-hour. */
  ask = new Float64Array(0);
  /** GPUs not held by a lease, and the provider's GPU count. */
  gpusFree = new Int32Array(0);
  gpus = new Int32Array(0);
  region = new Int32Array(0);
  /** Observed share of time online since joining (refreshed at availability changes and daily). */
  uptime = new Float64Array(0);
  /** Share of leases completed rather than failed, with a uniform prior: (ok + 1) / (ok + failed + 2). */
  reputation = new Float64Array(0);
  stake = new Float64Array(0);
  slashes = new Float64Array(0);
  /** When the provider's current sharing window ends, hours (Infinity when always on). */
  windowEnd = new Float64Array(0);

  /** Makes room for provider ids below n. */
  ensure(n: number): void {
    if (n <= this.ask.length) return;
    const cap = Math.max(n, this.ask.length * 2, 1024);
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.ask = f(this.ask);
    this.gpusFree = i(this.gpusFree);
    this.gpus = i(this.gpus);
    this.region = i(this.region);
    this.uptime = f(this.uptime);
    this.reputation = f(this.reputation);
    this.stake = f(this.stake);
    this.slashes = f(this.slashes);
    this.windowEnd = f(this.windowEnd);
  }
}
