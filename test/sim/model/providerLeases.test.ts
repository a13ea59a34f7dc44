/** The per-provider lease table: blocks by provider, the order a failure walks, and its limits. */
import { describe, expect, test } from 'vitest';
import { ProviderLeases } from '../../../src/sim/model/providerLeases.ts';

describe('provider lease table', () => {
  test('keeps each provider apart, in the order of a swap-remove array', () => {
    const t = new ProviderLeases();
    t.open(0, 4);
    t.open(1, 2);
    for (const id of [10, 11, 12, 13]) t.add(0, id);
    t.add(1, 20);
    t.remove(0, 11); // the last (13) takes its slot, as the array's swap-remove did
    expect(t.list(0)).toEqual([10, 13, 12]);
    expect(t.list(1)).toEqual([20]);
    t.add(0, 14);
    expect(t.list(0)).toEqual([10, 13, 12, 14]);
    expect(t.countOf(0)).toBe(4);
    // list() is a copy: ending leases while walking it is safe
    const walk = t.list(0);
    for (const id of walk) t.remove(0, id);
    expect(t.countOf(0)).toBe(0);
    expect(t.list(1)).toEqual([20]);
  });

  test('grows past its initial size; refuses more leases than GPUs and unknown leases', () => {
    const t = new ProviderLeases();
    for (let p = 0; p < 1000; p++) t.open(p, 8);
    t.add(999, 5);
    expect(t.list(999)).toEqual([5]);
    t.open(1000, 1);
    t.add(1000, 1);
    expect(() => t.add(1000, 2)).toThrow(/more leases than GPUs/);
    expect(() => t.remove(999, 6)).toThrow(/does not hold lease 6/);
  });
});
