/**
 * Deterministic elementary functions: log, exp, pow, sin, cos built only from +, -, *, / and bit
 * manipulation, which IEEE 754 makes identical on every engine.
 *
 * Why: the engines' own Math.log, Math.exp, Math.pow, Math.sin and Math.cos are not specified to the
 * last bit, and they do differ: Node 20 (V8 11.3) and Chromium 156 disagree on about 5-10% of random
 * arguments, by an ulp. A run seeded alike in the CLI and in the browser drew event times that differ
 * in the last bit, and a CSV value near a rounding boundary printed differently. The core uses these
 * instead, so the same seed gives the same bytes in Node and in the browser.
 *
 * Method: range reduction by powers of two (exp, log) or multiples of pi/2 (sin, cos) with
 * constants split into a high part with trailing zero bits and a low part, then Taylor or atanh
 * series on the small reduced argument, summed in a fixed order. Accuracy is a few ulp over the
 * ranges the simulation uses (tested against Math); exactness is not the aim, reproducibility is.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian hosts (all that run this): word 1 is the high word with sign and exponent.
const HI = 1;
const LO = 0;

// ln 2 = 0.693147180559945309417232121458176568... split as LN2_HI (its low 21 mantissa bits zero, so
// k * LN2_HI is exact for |k| < 2^21) + LN2_LO (the rest, rounded); likewise pi / 2 =
// 1.570796326794896619231321691639751442... in three parts. Computed with 80-digit decimals.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487959506e-21;
const INV_PIO2 = 0.6366197723675814;

/** c[0] x^(n-1) + ... + c[n-1], by Horner's rule (highest power first: a fixed order of operations). */
function horner(c: readonly number[], x: number): number {
  let s = c[0];
  for (let i = 1; i < c.length; i++) s = s * x + c[i];
  return s;
}

// Series coefficients, highest power first.
/** exp: 1/14!, 1/13!, ..., 1/2! (times r^2, plus r, plus 1). */
const EXP_TAIL = [87178291200, 6227020800, 479001600, 39916800, 3628800, 362880, 40320, 5040, 720, 120, 24, 6, 2].map((f) => 1 / f);
/** log: atanh series 1/23, 1/21, ..., 1/3 in z = s^2. */
const ATANH_TAIL = [23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3].map((n) => 1 / n);
/** sin: Q(z) = 1/3! - z/5! + ... - z^9/21!, highest power first. */
const SIN_TAIL = [-1 / 51090942171709440000, 1 / 121645100408832000, -1 / 355687428096000, 1 / 1307674368000, -1 / 6227020800, 1 / 39916800, -1 / 362880, 1 / 5040, -1 / 120, 1 / 6];
/** cos: P(z) = 1/4! - z/6! + ... - z^9/22!, highest power first. */
const COS_TAIL = [-1 / 1124000727777607680000, 1 / 2432902008176640000, -1 / 6402373705728000, 1 / 20922789888000, -1 / 87178291200, 1 / 479001600, -1 / 3628800, 1 / 40320, -1 / 720, 1 / 24];

/**
 * 2^k for the normal exponents k in [-1022, 1023], by table: powers of two are exact in binary, and
 * a lookup spares exp() writing the two halves of a double and reading it back whole (a store the
 * processor cannot forward to the load, a stall on every call).
 */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let k = 1; k <= 1023; k++) POW2[1022 + k] = POW2[1021 + k] * 2;
for (let k = 1; k <= 1022; k++) POW2[1022 - k] = POW2[1023 - k] / 2;

/** 2^k exactly, for integer k in [-1074, 1023]. */
function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k >= -1022) return POW2[k + 1022];
  // subnormal: 2^-1022 * 2^(k + 1022)
  if (k < -1074) return 0;
  f64[0] = 0;
  const shift = k + 1074; // bit position in the 52-bit mantissa
  if (shift >= 32) u32[HI] = 1 << (shift - 32);
  else u32[LO] = 2 ** shift;
  return f64[0];
}

/** Natural exponential. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k ln2 + r, |r| <= ln2 / 2
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor to r^14 (|r| < 0.35: the remainder is below 1e-17 relative)
  const s = horner(EXP_TAIL, r) * r * r + r;
  const e = 1 + s;
  // scale by 2^k in two steps so neither factor overflows or flushes early
  const k1 = k >> 1;
  return e * pow2(k1) * pow2(k - k1);
}

/** Natural logarithm. */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    // subnormal: scale into the normal range first
    x *= 18014398509481984; // 2^54
    e = -54;
  }
  // x = m 2^e with m in [sqrt(1/2), sqrt(2))
  f64[0] = x;
  const xe = ((u32[HI] >>> 20) & 0x7ff) - 1023;
  e += xe;
  // m in [1, 2): x times 2^-xe, exact (only the exponent changes); by table rather than by writing
  // the high word back and reloading the double, which stalls (see POW2)
  let m: number;
  if (xe <= 1022) {
    m = x * POW2[1022 - xe];
  } else {
    u32[HI] = (u32[HI] & 0x000fffff) | 0x3ff00000;
    m = f64[0];
  }
  if (m > 1.4142135623730951) {
    m *= 0.5;
    e += 1;
  }
  // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716; series to s^23
  const f = m - 1;
  const s = f / (m + 1);
  const z = s * s;
  const t = horner(ATANH_TAIL, z);
  // 2 s (1 + z t) = f - f s + 2 s z t  (as f - s f keeps more bits than 2s)
  const logm = f - s * f + 2 * s * z * t;
  return e * LN2_HI + (logm + e * LN2_LO);
}

/** x^y. Integer powers up to 64 by repeated squaring; otherwise exp(y log x). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return NaN;
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let n = Math.abs(y);
    let b = x;
    let r = 1;
    while (n > 0) {
      if (n & 1) r *= b;
      b *= b;
      n >>= 1;
    }
    return y < 0 ? 1 / r : r;
  }
  if (x === 1) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const v = exp(y * log(-x));
    return y % 2 === 0 ? v : -v;
  }
  if (x === Infinity) return y > 0 ? Infinity : 0;
  if (y === Infinity) return x > 1 ? Infinity : 0;
  if (y === -Infinity) return x > 1 ? 0 : Infinity;
  return exp(y * log(x));
}

/** sin(r) and cos(r) for |r| <= pi/4 (Taylor to r^21 and r^22). */
function sinKernel(r: number): number {
  // sin r = r - r z Q(z), Q = 1/3! - z/5! + z^2/7! - ... - z^9/21!
  const z = r * r;
  const s = horner(SIN_TAIL, z);
  return r - r * z * s;
}

function cosKernel(r: number): number {
  const z = r * r;
  // cos r = 1 - z/2 + z^2 P(z), P = 1/4! - z/6! + z^2/8! - ... - z^9/22!
  const c = horner(COS_TAIL, z) * z * z;
  // 1 - z/2 + c, with 1 - z/2 formed so no bits of the small terms are lost
  const h = 0.5 * z;
  const w = 1 - h;
  return w + (1 - w - h + c);
}

/** x = q pi/2 + r with |r| <= pi/4 (about): returns r and sets `quadrant` to q mod 4. */
let quadrant = 0;
function reduce(x: number): number {
  const q = Math.round(x * INV_PIO2);
  quadrant = q & 3;
  return x - q * PIO2_1 - q * PIO2_2 - q * PIO2_3;
}

/** sin(x + shift pi/2): shift 0 is the sine, 1 the cosine (the quadrant moves by one). */
function sinShifted(x: number, shift: number): number {
  if (!Number.isFinite(x)) return NaN;
  let r = x;
  let q = shift;
  if (Math.abs(x) > 0.7853981633974483) {
    r = reduce(x);
    q += quadrant;
  }
  switch (q & 3) {
    case 0:
      return sinKernel(r);
    case 1:
      return cosKernel(r);
    case 2:
      return -sinKernel(r);
    default:
      return -cosKernel(r);
  }
}

/** Sine (accurate to a few ulp for |x| up to about 1e6; deterministic everywhere). */
export function sin(x: number): number {
  return x === 0 ? x : sinShifted(x, 0); // keeps the sign of -0
}

/** Cosine (accurate to a few ulp for |x| up to about 1e6; deterministic everywhere). */
export function cos(x: number): number {
  return sinShifted(x, 1);
}
