// Exceedance probabilities across Monte Carlo runs, with the Wilson interval a handful of runs needs.
import { describe, expect, it } from 'vitest';
import { exceedance, lineFromText, lineText, lineUnit, wilson } from '../../src/ui/lib/exceedance.ts';

describe('wilson', () => {
  it("matches Newcombe's (1998) published 95% Wilson intervals", () => {
    const z = 1.959963984540054;
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilson(k, n, z);
      expect(w.lo).toBeCloseTo(lo, 4);
      expect(w.hi).toBeCloseTo(hi, 4);
    }
  });

  it('at 90% by default: 1 of 5 runs is anywhere from about 5% to 56%; none of 5 still allows 35%', () => {
    expect(wilson(1, 5).lo).toBeCloseTo(0.046, 3);
    expect(wilson(1, 5).hi).toBeCloseTo(0.5647, 4);
    expect(wilson(0, 5)).toEqual({ lo: 0, hi: expect.closeTo(0.3511, 4) });
    expect(wilson(0, 0).lo).toBeNaN();
  });
});

describe('exceedance', () => {
  it('counts the runs strictly past the threshold, on either side', () => {
    const v = [0.2, 0.3, 0.35, 0.5, 0.6];
    expect(exceedance(v, { kpi: 'utilization', cmp: '<', threshold: 0.3 })).toMatchObject({ k: 1, n: 5, p: 0.2 });
    expect(exceedance(v, { kpi: 'utilization', cmp: '>', threshold: 0.3 })).toMatchObject({ k: 3, n: 5, p: 0.6 });
  });

  it('an undefined KPI (NaN) counts neither way; an infinite payback is past any threshold', () => {
    const e = exceedance([NaN, Infinity, 12, 30], { kpi: 'payback', cmp: '>', threshold: 24 });
    expect(e).toMatchObject({ k: 2, n: 3 });
    expect(exceedance([NaN], { kpi: 'payback', cmp: '>', threshold: 24 }).p).toBeNaN();
  });
});

describe('a line as typed', () => {
  it('reads shares in percent and other units as they are; refuses what is not a number', () => {
    expect(lineFromText('30', 'share')).toBeCloseTo(0.3, 12);
    expect(lineFromText(' 24 ', 'months')).toBe(24);
    expect(lineFromText('', 'share')).toBeNull();
    expect(lineFromText('abc', 'months')).toBeNull();
    expect(lineText(0.3, 'share')).toBe('30');
    expect(lineText(0.073, 'share')).toBe('7.3'); // not 7.300000000000001
    expect(lineFromText(lineText(0.8, 'ratio'), 'ratio')).toBe(0.8);
    expect([lineUnit('share'), lineUnit('ratio'), lineUnit('index 0-1'), lineUnit('months')]).toEqual(['%', '', '', 'months']);
  });
});
