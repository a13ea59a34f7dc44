/**
 * The decimal form of a CSV number, computed with integer arithmetic instead of `toFixed` plus two
 * regular expressions: the lease export formats about eight numbers per lease, ten million a year at
 * 1x, and the string route made formatting and its garbage half the time of a run with `--leases`.
 *
 * The digits are exactly those of `v.toFixed(digits)` with trailing zeros trimmed. toFixed rounds
 * the double's exact value to `digits` decimals, ties away from zero. Here x = |v| x 10^digits is a
 * double product, within half an ulp (|x| 2^-53) of the exact one, so Math.round(x) is toFixed's
 * integer unless x sits within that error of a tie (.5): then, and for magnitudes beyond 2^53, the
 * caller falls back to toFixed. Tests compare both routes on millions of values, near-ties included.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`)); // exact up to 1e22
const NEG_POW10 = [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9];
const TWO_53 = 2 ** 53;

/**
 * Decimals a non-integer CSV number is written with: 6 for ordinary magnitudes, more for tiny ones
 * (6 + ceil(-log10 |v|), at most 15), found by comparison because Math.log10 may differ by engine.
 */
export function csvDecimals(a: number): number {
  let n = 0;
  while (n < 9 && a < NEG_POW10[n]) n++;
  return 6 + n;
}

/**
 * The parts of |v| rounded to `digits` decimals, into `out`: out[0] the integer part, out[1] the
 * fraction as an integer of `digits` digits (leading zeros implied). Returns false when this route
 * cannot guarantee toFixed's rounding (|v| x 10^digits beyond 2^53, or too close to a tie).
 */
export function fixedParts(a: number, digits: number, out: Float64Array): boolean {
  const p = POW10[digits];
  const x = a * p;
  if (!(x < TWO_53)) return false;
  const f = x - Math.floor(x);
  if (Math.abs(f - 0.5) <= x * 2 ** -50 + 2 ** -60) return false;
  const r = Math.round(x);
  // integer division without `%` (a library call on doubles); the quotient of two doubles may be
  // off by one below 2^53, which the remainder's range reveals
  let int = Math.floor(r / p);
  let frac = r - int * p;
  if (frac < 0) (int--, (frac += p));
  else if (frac >= p) (int++, (frac -= p));
  out[0] = int;
  out[1] = frac;
  return true;
}
