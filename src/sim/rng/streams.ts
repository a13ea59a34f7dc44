/**
 * Named random streams. Each concern (supply, arrivals, sizes, failures, matcher, ...) draws from
 * its own generator seeded from `${seed}/${name}`, so adding or removing draws in one concern never
 * shifts the numbers another concern sees. Generator: seedrandom's alea, in its 53-bit `double()`
 * form. seedrandom seeds it; the draws then come from `aleaDouble`, the same arithmetic on a
 * Float64Array state (seedrandom keeps the state in object fields and returns each draw from a
 * separate call, which costs a heap number per draw: a tenth of all the run's allocation).
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
        // double() gives 53-bit resolution: log(1-u) tails and tiny probabilities stay exact enough.
        r = aleaDouble(alea(`${seed}/${name}`, { state: true }).state() as AleaState);
        cache.set(name, r);
      }
      return r;
    },
  };
}

interface AleaState {
  s0: number;
  s1: number;
  s2: number;
  c: number;
}

/**
 * seedrandom's alea `double()` continued from a state: bit for bit the numbers seedrandom would give
 * (tested), two steps of Baagoe's generator per draw.
 */
export function aleaDouble(st: AleaState): Rng {
  const S = new Float64Array([st.s0, st.s1, st.s2, st.c]);
  return () => {
    let t = 2091639 * S[0] + S[3] * 2.3283064365386963e-10; // 2^-32
    S[0] = S[1];
    S[1] = S[2];
    S[3] = t | 0;
    const hi = (S[2] = t - S[3]);
    t = 2091639 * S[0] + S[3] * 2.3283064365386963e-10;
    S[0] = S[1];
    S[1] = S[2];
    S[3] = t | 0;
    const lo = (S[2] = t - S[3]);
    return hi + ((lo * 0x200000) | 0) * 1.1102230246251565e-16; // 2^-53
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
  return fmix32(h);
}

/** murmur3's 32-bit finalizer: a bijection on 32-bit integers in which every input bit flips about half the output bits. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The i-th of a family of uniforms on [0, 1) keyed by one 32-bit draw `key`: fmix32(key + i) / 2^32.
 * Distinct i give distinct values (fmix32 is a bijection), and each is as uniform as the key. For
 * many cheap draws at once (a jitter per candidate) where one generator call each would cost more
 * than the work they serve.
 */
export function keyedUniform(key: number, i: number): number {
  return fmix32(key + i) * 2.3283064365386963e-10; // 2^-32
}
