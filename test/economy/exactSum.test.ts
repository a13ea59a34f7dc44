// The ledger's balance check sums exactly: balances each within the exact range can have a float
// sum that is not (two of 6e15 units), and a balanced ledger read as off by a unit.
import { describe, expect, it } from 'vitest';
import { sumsToZero } from '../../src/sim/economy/exactSum.ts';
import { Ledger } from '../../src/sim/economy/ledger.ts';

describe('exact sums of balances', () => {
  it('a balanced set whose float sum is off reads as balanced; a unit off reads as off', () => {
    const big = [6e15 + 1, 6e15, -6e15, -6e15 - 1];
    expect(big.reduce((a, b) => a + b, 0)).not.toBe(0); // the float sum the check used to take
    expect(sumsToZero(big)).toBe(true);
    expect(sumsToZero([6e15 + 1, 6e15, -6e15, -6e15])).toBe(false);
    expect(sumsToZero([1, -2, 1])).toBe(true);
    expect(sumsToZero([1])).toBe(false);
    expect(sumsToZero([-1])).toBe(false);
    expect(sumsToZero([])).toBe(true);
    expect(sumsToZero([2 ** 53 - 1, 2 ** 53 - 1, -(2 ** 53 - 1), -(2 ** 53 - 1)])).toBe(true);
  });

  it("the ledger's own check holds for balances near the range's end", () => {
    const L = new Ledger();
    // two issuers (each within the range) ahead of the two holders: the float sum went -1.2e16 - 1, which rounds
    const issuerA = L.account('issuer a', ['usd']);
    const issuerB = L.account('issuer b', ['usd']);
    const a = L.account('a');
    const b = L.account('b');
    L.transferUnits('usd', issuerA, a, 6e15 + 1, 'x');
    L.transferUnits('usd', issuerB, b, 6e15, 'y');
    expect(() => L.assertBalanced()).not.toThrow();
  });
});
