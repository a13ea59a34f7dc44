/**
 * Named random streams. Each concern (supply, arrivals, sizes, failures, matcher, ...) draws from
 * its own generator seeded from `${seed}/${name}`, so adding or removing draws in one concern never
 * shifts the numbers another concern sees. Generator: seedrandom's alea (fast, 32-bit resolution;
 * `double()` for 53 bits where resolution matters).
 */
import alea from 'seedrandom/lib/alea.js';

/** A uniform source on [0, 1). Every distribution takes one of these (never the unseeded global generator). */
export type Rng = () => number;

export interface Streams {
  /** The stream for a concern; the same name always returns the same stream object. */
  get(name: string): Rng;
  readonly seed: number;
}

export function createStreams(seed: number): Streams {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const cache = new Map<string, Rng>();
  return {
    seed,
    get(name: string): Rng {
      let r = cache.get(name);
      if (!r) {
        const g = alea(`${seed}/${name}`);
        // double() gives 53-bit resolution: log(1-u) tails and tiny probabilities stay exact enough.
        r = g.double as Rng;
        cache.set(name, r);
      }
      return r;
    },
  };
}

/**
 * Independent seed for run i of a batch started from `seed`. Hashing (seed, i) means that
 * neighbouring seeds give unrelated batches (seed 42 and 43 share no runs), unlike seed + i.
 */
export function deriveSeed(seed: number, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  h = Math.imul(h ^ Math.floor(seed / 2 ** 32), 0x01000193);
  h = Math.imul(h ^ index, 0x01000193);
  // murmur3 finalizer for avalanche
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
