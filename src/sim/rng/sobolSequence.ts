/**
 * A scrambled Sobol sequence: n points in [0, 1)^dims that fill the cube more evenly than random or
 * Latin hypercube points do, in every dimension and every pair of them at once (a (t, m, s)-net in
 * base 2 for n a power of two). For Saltelli's design (sobolIndices.ts) that makes the indices
 * converge faster: the error of a Sobol-index estimate falls nearly as 1/n rather than 1/sqrt(n) on a
 * smooth model.
 *
 * Points are in Gray-code order (as SciPy's `qmc.Sobol` gives them), from Joe and Kuo's direction
 * numbers (sobolDirections.ts). The scramble is Matousek's (1998) random linear scramble with a
 * random digital shift, drawn from the given stream: it keeps the net's balance, makes every point
 * uniform on the cube (so the estimates are unbiased and other seeds give other designs), and moves
 * the first point off the cube's corner.
 */
import { SOBOL_DIRECTIONS } from './sobolDirections.ts';
import type { Rng } from './streams.ts';

/** Digits (bits) per coordinate: points are multiples of 2^-32. */
const BITS = 32;

/** The most dimensions the direction numbers cover. */
export const SOBOL_MAX_DIMS = SOBOL_DIRECTIONS.length + 1;

/** Dimension d's (0-based) 32 direction numbers as unsigned integers: v[k] = m_(k+1) / 2^(k+1) in 32-bit fixed point. */
function directions(d: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (d === 0) {
    // the van der Corput sequence: every m is 1
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [s, a, m] = SOBOL_DIRECTIONS[d - 1];
  for (let k = 0; k < s; k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
  // the recurrence of the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1 (Bratley and Fox 1988)
  for (let k = s; k < BITS; k++) {
    let x = v[k - s] ^ (v[k - s] >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[k - i];
    v[k] = x >>> 0;
  }
  return v;
}

/** The parity of a 32-bit integer's set bits. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** A uniform unsigned 32-bit integer from the stream. */
const bits32 = (rng: Rng) => Math.floor(rng() * 2 ** 32) >>> 0;

/**
 * Dimension d's direction numbers under a random lower-triangular binary matrix with a unit
 * diagonal: output digit r is input digit r plus (mod 2) a random choice of the more significant ones.
 */
function scrambled(v: Uint32Array, rng: Rng): Uint32Array {
  // rows[r]: the input digits output digit r sums, as a bit mask (digit r is bit 31 - r)
  const rows = new Uint32Array(BITS);
  for (let r = 0; r < BITS; r++) {
    const above = r === 0 ? 0 : (0xffffffff << (BITS - r)) >>> 0;
    rows[r] = ((bits32(rng) & above) | (1 << (BITS - 1 - r))) >>> 0;
  }
  return v.map((x) => {
    let y = 0;
    for (let r = 0; r < BITS; r++) if (parity(x & rows[r])) y |= 1 << (BITS - 1 - r);
    return y >>> 0;
  });
}

/**
 * The first n points of the dims-dimensional Sobol sequence, scrambled with draws from rng, or
 * unscrambled (the textbook sequence, its first point at the origin) when rng is null.
 */
export function sobolSequence(n: number, dims: number, rng: Rng | null): number[][] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`a design needs at least one point, got ${n}`);
  if (n > 2 ** BITS) throw new Error(`a Sobol sequence has at most 2^${BITS} points, got ${n}`);
  if (!Number.isSafeInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMS) throw new Error(`the Sobol direction numbers cover 1 to ${SOBOL_MAX_DIMS} dimensions, got ${dims}`);
  const points = Array.from({ length: n }, () => new Array<number>(dims));
  for (let d = 0; d < dims; d++) {
    const v = rng ? scrambled(directions(d), rng) : directions(d);
    let x = rng ? bits32(rng) : 0;
    // point i is point i - 1 with one direction number added (mod 2): the one of i's lowest zero bit
    // before the increment, i.e. Gray code order
    for (let i = 0; i < n; i++) {
      if (i > 0) x = (x ^ v[31 - Math.clz32(~(i - 1) & i)]) >>> 0;
      points[i][d] = x / 2 ** BITS;
    }
  }
  return points;
}
