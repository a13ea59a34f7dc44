import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { IntMap } from '../../../src/sim/core/intMap.ts';

describe('IntMap', () => {
  test('behaves as a Map through inserts, overwrites, deletes and growth (property)', () => {
    const op = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constant('set' as const), fc.nat(3000), fc.integer()) },
      { weight: 2, arbitrary: fc.tuple(fc.constant('delete' as const), fc.nat(3000), fc.constant(0)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('get' as const), fc.nat(3000), fc.constant(0)) },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 50, maxLength: 4000 }), (ops) => {
        const m = new IntMap<number>(4);
        const ref = new Map<number, number>();
        for (const [kind, key, value] of ops) {
          if (kind === 'set') {
            m.set(key, value);
            ref.set(key, value);
          } else if (kind === 'delete') {
            expect(m.delete(key)).toBe(ref.delete(key));
          }
          expect(m.get(key)).toBe(ref.get(key));
          expect(m.has(key)).toBe(ref.has(key));
          expect(m.size).toBe(ref.size);
        }
        for (const [k, v] of ref) expect(m.get(k)).toBe(v);
        expect([...m.values()].sort((a, b) => a - b)).toEqual([...ref.values()].sort((a, b) => a - b));
        const seen: number[] = [];
        m.forEach((v) => seen.push(v));
        expect(seen).toEqual([...m.values()]);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  test('a sliding window of ids (as leases come and go) keeps every live one findable', () => {
    const m = new IntMap<number>();
    for (let id = 0; id < 200_000; id++) {
      m.set(id, id * 2);
      if (id >= 1000) expect(m.delete(id - 1000)).toBe(true);
    }
    expect(m.size).toBe(1000);
    for (let id = 199_000; id < 200_000; id++) expect(m.get(id)).toBe(id * 2);
    expect(m.get(198_999)).toBeUndefined();
  });

  test('refuses keys it cannot hold', () => {
    const m = new IntMap<number>();
    expect(() => m.set(-1, 0)).toThrow(/integers in \[0, 2\^31\)/);
    expect(() => m.set(1.5, 0)).toThrow(/got 1.5/);
    expect(() => m.set(2 ** 31, 0)).toThrow();
  });
});
