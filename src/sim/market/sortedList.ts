/**
 * A list of provider ids sorted by (ask, id), with the asks kept beside the ids: the matcher's
 * index is made of these. Each entry also carries a value the matcher filters on that does not
 * change while the provider is listed (its sharing window's end), so checking it reads along the
 * list instead of jumping to the provider's row. Typed arrays rather than JS arrays because an
 * insert or a removal then allocates nothing (Array.prototype.splice allocates the array of removed
 * items on every call) and a binary search over the asks reads contiguous doubles. Entries shift
 * by a plain loop when few move (a call to copyWithin costs more than moving a few dozen numbers)
 * and by copyWithin (a memmove) when many do, as in the long lists of a large network.
 */

import { grown } from '../core/grown.ts';

/** Above this many entries to move, copyWithin beats a loop. */
const LOOP_MAX = 48;
export class SortedList {
  /** ids[0..n) sorted by (asks[i], ids[i]). */
  ids: Int32Array;
  asks: Float64Array;
  /** The value carried with each entry (see above). */
  ends: Float64Array;
  n = 0;

  constructor(capacity = 4) {
    this.ids = new Int32Array(capacity);
    this.asks = new Float64Array(capacity);
    this.ends = new Float64Array(capacity);
  }

  /** Inserts id with its ask (and carried value); returns its position. */
  insert(id: number, ask: number, end = Infinity): number {
    if (this.n === this.ids.length) this.grow();
    const i = this.lowerBound(ask, id);
    const n = this.n;
    const ids = this.ids;
    const asks = this.asks;
    const ends = this.ends;
    if (n - i > LOOP_MAX) {
      ids.copyWithin(i + 1, i, n);
      asks.copyWithin(i + 1, i, n);
      ends.copyWithin(i + 1, i, n);
    } else {
      for (let j = n; j > i; j--) {
        ids[j] = ids[j - 1];
        asks[j] = asks[j - 1];
        ends[j] = ends[j - 1];
      }
    }
    ids[i] = id;
    asks[i] = ask;
    ends[i] = end;
    this.n = n + 1;
    return i;
  }

  /** Removes id, listed with `ask`; returns false (and changes nothing) if it is not there. */
  remove(id: number, ask: number): boolean {
    const i = this.lowerBound(ask, id);
    const n = this.n;
    if (i >= n || this.ids[i] !== id) return false;
    const ids = this.ids;
    const asks = this.asks;
    const ends = this.ends;
    if (n - 1 - i > LOOP_MAX) {
      ids.copyWithin(i, i + 1, n);
      asks.copyWithin(i, i + 1, n);
      ends.copyWithin(i, i + 1, n);
    } else {
      for (let j = i; j < n - 1; j++) {
        ids[j] = ids[j + 1];
        asks[j] = asks[j + 1];
        ends[j] = ends[j + 1];
      }
    }
    this.n = n - 1;
    return true;
  }

  /** Number of entries with ask <= budget (the affordable prefix). */
  affordable(budget: number): number {
    const asks = this.asks;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (asks[mid] <= budget) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The ids in order, as a plain array (tests, reports). */
  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.n));
  }

  /** First position whose (ask, id) is not below (ask, id). */
  private lowerBound(ask: number, id: number): number {
    const asks = this.asks;
    const ids = this.ids;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const a = asks[mid];
      if (a < ask || (a === ask && ids[mid] < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    this.ids = grown(this.ids, cap);
    this.asks = grown(this.asks, cap);
    this.ends = grown(this.ends, cap);
  }
}
