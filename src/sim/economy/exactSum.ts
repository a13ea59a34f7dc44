/**
 * Whether integers sum to exactly zero, each of them exact (|v| <= 2^53) but their running sum
 * perhaps not: two balances of 5e15 base units are each exact, their float sum is not, and a
 * balanced ledger then read as off by a unit or two (a token worth 400 times its start, 350 days,
 * found by `npm run fuzz -- --typical`). Each value is split at 2^26 into a high and a low part,
 * whose sums stay exact for up to 2^26 values, and the low sum's carry moves into the high one.
 */
const B = 67108864; // 2^26

/** The values' exact sum is 0. */
export function sumsToZero(values: ArrayLike<number>): boolean {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const h = Math.floor(v / B); // exact: a power of two divides an exact integer exactly
    hi += h;
    lo += v - h * B; // in [0, 2^26)
  }
  const carry = Math.floor(lo / B);
  return hi + carry === 0 && lo - carry * B === 0;
}
