import { describe, expect, it } from 'vitest';
import { applyEdits, diffLeaves, flatten, getAt, setAt } from '../../src/ui/lib/paths.ts';

describe('path helpers', () => {
  it('setAt copies along the path and never mutates the input', () => {
    const a = { x: { y: 1, z: 2 }, w: 3 };
    const b = setAt(a, 'x.y', 5);
    expect(b).toEqual({ x: { y: 5, z: 2 }, w: 3 });
    expect(a.x.y).toBe(1);
    expect(setAt({}, 'p.q.r', 1)).toEqual({ p: { q: { r: 1 } } });
  });

  it('setAt goes through a list by index, as the CLI\'s --set: the list stays a list, copied', () => {
    const a = { demand: { shocks: [{ startDay: 5, multiplier: 2 }, { startDay: 9, multiplier: 4 }] } };
    const b = setAt(a, 'demand.shocks.1.multiplier', 3);
    expect(b).toEqual({ demand: { shocks: [{ startDay: 5, multiplier: 2 }, { startDay: 9, multiplier: 3 }] } });
    expect(Array.isArray(b.demand.shocks)).toBe(true);
    expect(a.demand.shocks[1].multiplier).toBe(4);
    // a sweep point over a list the page edited: the list's edit first, then the point's field
    expect(applyEdits({}, { 'demand.shocks': [{ startDay: 1, multiplier: 2 }], 'demand.shocks.0.multiplier': 5 })).toEqual({ demand: { shocks: [{ startDay: 1, multiplier: 5 }] } });
  });

  it('applyEdits puts each edit at its path over a copy of the base', () => {
    const base = { supply: { providers: 10 }, horizonDays: 5 };
    expect(applyEdits(base, { 'supply.providers': 20, 'demand.trendGrowthPerYear': 0 })).toEqual({
      supply: { providers: 20 },
      horizonDays: 5,
      demand: { trendGrowthPerYear: 0 },
    });
    expect(base.supply.providers).toBe(10);
  });

  it('getAt, flatten and diffLeaves', () => {
    expect(getAt({ a: { b: [1] } }, 'a.b')).toEqual([1]);
    expect(getAt({ a: 1 }, 'a.b.c')).toBeUndefined();
    expect(flatten({ a: { b: 1, c: [1, 2] }, d: 'x' })).toEqual({ 'a.b': 1, 'a.c': [1, 2], d: 'x' });
    expect(diffLeaves({ a: 1, b: { c: 2 }, n: 'x' }, { a: 1, b: { c: 3 }, n: 'y' }, (p) => p === 'n')).toEqual([{ path: 'b.c', a: 2, b: 3 }]);
  });

  it("a path through a prototype changes nothing, and only own fields are read", () => {
    const root = { a: { b: 1 } };
    expect(setAt(root, '__proto__.polluted', 1)).toEqual(root);
    expect(applyEdits(root, { 'a.__proto__.polluted': 1, 'constructor.prototype.polluted': 2 })).toEqual(root);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(getAt({}, 'toString')).toBeUndefined();
    expect(getAt(root, 'a.b')).toBe(1);
  });
});
