import { describe, expect, it } from 'vitest';
import { CLEAR_LEVEL, holmAdjust, incompleteBeta, pairedTTest, SIGN_MIN_CHANGES, signTest, tTwoSidedP } from '../../../src/sim/metrics/significance.ts';
import { normal } from '../../../src/sim/rng/distributions.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';

describe('significance of paired changes', () => {
  it('the incomplete beta and Student t tails match the tables', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    // the 97.5% quantiles of t: two-sided p 0.05
    expect(tTwoSidedP(12.7062, 1)).toBeCloseTo(0.05, 5);
    expect(tTwoSidedP(2.776445, 4)).toBeCloseTo(0.05, 6);
    expect(tTwoSidedP(2.262157, 9)).toBeCloseTo(0.05, 6);
    expect(tTwoSidedP(-2.042272, 30)).toBeCloseTo(0.05, 6);
    // Cauchy (1 df): P(|T| >= 1) = 1/2
    expect(tTwoSidedP(1, 1)).toBeCloseTo(0.5, 12);
    expect(tTwoSidedP(0, 7)).toBeCloseTo(1, 12);
    expect(tTwoSidedP(Infinity, 3)).toBe(0);
  });

  it('paired t-test on per-seed differences', () => {
    // mean 3, sd 1.581, t = 4.243 on 4 df
    const r = pairedTTest([1, 2, 3, 4, 5]);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(3);
    expect(r.p).toBeCloseTo(0.01324, 4);
    // the same shift on every seed (to the last bit or not) is certain; no change at all is not a change
    expect(pairedTTest([0.52 - 0.5, 0.57 - 0.55, 0.62 - 0.6]).p).toBe(0);
    expect(pairedTTest([0, 0, 0]).p).toBe(1);
    // an undefined figure on one seed is left out; one value is no test
    expect(pairedTTest([1, NaN, 2, 3]).n).toBe(3);
    expect(pairedTTest([1]).p).toBeNaN();
  });

  it('Holm: the smallest of m p-values times m, the next times m - 1, never decreasing, NaN not counted', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, NaN])).toEqual([0.03, 0.06, 0.06, NaN]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('ten KPIs that did not change are all called noise 95% of the time; untested, one would look clear in a third of the tables', () => {
    const z = normal(createStreams(7).get('test'));
    const trials = 2000;
    let anyRaw = 0;
    let anyHolm = 0;
    for (let t = 0; t < trials; t++) {
      const ps = Array.from({ length: 10 }, () => pairedTTest(Array.from({ length: 5 }, z)).p);
      if (ps.some((p) => p < 0.05)) anyRaw++;
      if (holmAdjust(ps).some((p) => p < 0.05)) anyHolm++;
    }
    // 1 - 0.95^10 = 40% of tables flag a change that is not there; Holm keeps it under 5%
    expect(anyRaw / trials).toBeGreaterThan(0.33);
    expect(anyHolm / trials).toBeLessThan(0.06);
  });

  it('a real change of 1.5 standard deviations per seed is found with 10 seeds despite the correction', () => {
    const z = normal(createStreams(8).get('test'));
    let found = 0;
    for (let t = 0; t < 500; t++) {
      const ps = Array.from({ length: 10 }, (_, k) => pairedTTest(Array.from({ length: 10 }, () => z() + (k === 0 ? 1.5 : 0))).p);
      if (holmAdjust(ps)[0] < 0.05) found++;
    }
    expect(found / 500).toBeGreaterThan(0.6);
  });

  it('a sign test can find a change at 5% from 6 changed seeds, never from fewer', () => {
    expect(SIGN_MIN_CHANGES).toBe(6);
    const allUp = (n: number) => signTest(Array.from({ length: n }, () => 1));
    expect(allUp(SIGN_MIN_CHANGES - 1).p).toBeCloseTo(0.0625, 12);
    expect(allUp(SIGN_MIN_CHANGES - 1).p).toBeGreaterThanOrEqual(CLEAR_LEVEL);
    expect(allUp(SIGN_MIN_CHANGES).p).toBeCloseTo(0.03125, 12);
    // unchanged seeds do not count
    expect(signTest([1, 1, 1, 1, 1, 0, 0]).n).toBe(5);
  });
});
