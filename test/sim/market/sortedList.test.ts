/** The index's sorted list against a plain sorted array: same order after any inserts and removals. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { SortedList } from '../../../src/sim/market/sortedList.ts';

const byAskThenId = (a: [number, number], b: [number, number]) => a[1] - b[1] || a[0] - b[0];

describe('SortedList', () => {
  test('keeps (ask, id) order through inserts and removals, growing as needed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 150 }), fc.constantFrom(0.5, 1, 1.25, 2, 3)), { maxLength: 600 }),
        (ops) => {
          const list = new SortedList(1);
          const ref = new Map<number, number>(); // id -> ask
          for (const [add, id, ask] of ops) {
            if (add && !ref.has(id)) {
              list.insert(id, ask);
              ref.set(id, ask);
            } else if (!add && ref.has(id)) {
              expect(list.remove(id, ref.get(id)!)).toBe(true);
              ref.delete(id);
            }
          }
          const want = [...ref].sort(byAskThenId);
          expect(list.toArray()).toEqual(want.map(([id]) => id));
          expect(Array.from(list.asks.subarray(0, list.n))).toEqual(want.map(([, a]) => a));
          // the affordable prefix is every entry with ask <= budget
          for (const budget of [0, 1, 1.1, 2, 5]) expect(list.affordable(budget)).toBe(want.filter(([, a]) => a <= budget).length);
        },
      ),
    );
  });

  test('removing an id that is not there (or under another ask) changes nothing', () => {
    const list = new SortedList();
    list.insert(3, 1);
    list.insert(1, 2);
    expect(list.remove(3, 2)).toBe(false);
    expect(list.remove(7, 1)).toBe(false);
    expect(list.toArray()).toEqual([3, 1]);
  });
});
