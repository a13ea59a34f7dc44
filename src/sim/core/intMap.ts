/**
 * A hash map from non-negative integer keys (ids) to values: open addressing with linear probing
 * over a typed key array, and backward-shift deletion (no tombstones).
 *
 * Why: the live leases are looked up by id on every event, inserted at every order and deleted at
 * every ending; over a run millions of ids pass through a table of a few thousand live ones. A JS Map
 * was a visible share of the run time on these three operations; this does each in a few probes of a
 * flat array. Iteration order is the slot order: deterministic, but not insertion order.
 */
export class IntMap<V> {
  private keys: Int32Array;
  private vals: (V | undefined)[];
  private mask: number;
  private shift: number;
  private n = 0;

  constructor(initialCapacity = 64) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Array<V | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.shift = Math.clz32(cap) + 1; // 32 - log2(cap)
  }

  get size(): number {
    return this.n;
  }

  private slot(key: number): number {
    // Fibonacci hashing: the high bits of key * 2^32/phi spread sequential ids over the table
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): V | undefined {
    const K = this.keys;
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const k = K[i];
      if (k === key) return this.vals[i];
      if (k === -1) return undefined;
    }
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  set(key: number, value: V): this {
    if (!(Number.isInteger(key) && key >= 0 && key <= 0x7fffffff)) throw new Error(`IntMap keys are integers in [0, 2^31), got ${key}`);
    if ((this.n + 1) * 2 > this.keys.length) this.grow();
    const K = this.keys;
    let i = this.slot(key);
    for (; K[i] !== -1; i = (i + 1) & this.mask) {
      if (K[i] === key) {
        this.vals[i] = value;
        return this;
      }
    }
    K[i] = key;
    this.vals[i] = value;
    this.n++;
    return this;
  }

  delete(key: number): boolean {
    const K = this.keys;
    const mask = this.mask;
    let i = this.slot(key);
    for (; K[i] !== key; i = (i + 1) & mask) if (K[i] === -1) return false;
    // Backward shift: move later members of the probe run into the hole when their home allows it.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = K[j];
      if (k === -1) break;
      const home = this.slot(k);
      // k may move to i if its home is not cyclically in (i, j]
      if (i <= j ? home <= i || home > j : home <= i && home > j) {
        K[i] = k;
        this.vals[i] = this.vals[j];
        i = j;
      }
    }
    K[i] = -1;
    this.vals[i] = undefined;
    this.n--;
    return true;
  }

  *values(): IterableIterator<V> {
    const K = this.keys;
    for (let i = 0; i < K.length; i++) if (K[i] !== -1) yield this.vals[i] as V;
  }

  /** Calls f for every value (no iterator object: for the per-period sweeps). */
  forEach(f: (value: V) => void): void {
    const K = this.keys;
    for (let i = 0; i < K.length; i++) if (K[i] !== -1) f(this.vals[i] as V);
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const cap = oldK.length * 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Array<V | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.shift = Math.clz32(cap) + 1; // 32 - log2(cap)
    this.n = 0;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] !== -1) this.set(oldK[i], oldV[i] as V);
  }
}
