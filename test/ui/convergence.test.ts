// "Is N enough?": the running median and percentiles of a KPI as Monte Carlo runs are added.
import { describe, expect, it } from 'vitest';
import { convergence, medianDrift } from '../../src/ui/lib/convergence.ts';
import { quantileType7 } from '../../src/sim/metrics/quantile.ts';

describe('convergence', () => {
  it('gives, after each run, the percentiles of the runs so far', () => {
    const values = [5, 1, 4, 2, 3];
    const pts = convergence(values);
    expect(pts.map((p) => p.n)).toEqual([1, 2, 3, 4, 5]);
    expect(pts.map((p) => p.p50)).toEqual([5, 3, 4, 3, 3]);
    for (const p of pts) {
      const first = values.slice(0, p.n).sort((a, b) => a - b);
      expect(p.lo).toBe(quantileType7(first, p.n, 0.1));
      expect(p.hi).toBe(quantileType7(first, p.n, 0.9));
      expect(p.lo).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.hi);
      expect(p.level).toBe(80); // the default: the 10th and 90th percentile
    }
  });

  it('at another level, the ends of its band: the 5th and 95th at 90%, the 2.5th and 97.5th at 95%, the quartiles at 50%', () => {
    const values = [5, 1, 4, 2, 3, 8, 7, 6, 10, 9];
    const sorted = [...values].sort((a, b) => a - b);
    const at90 = convergence(values, 90);
    const last = at90[at90.length - 1];
    expect(last).toMatchObject({ n: 10, level: 90, p50: 5.5 });
    expect(last.lo).toBeCloseTo(1.45, 12); // type 7: 1 + 0.05 x 9 x (2 - 1)
    expect(last.hi).toBeCloseTo(9.55, 12);
    expect(last.lo).toBe(quantileType7(sorted, 10, 0.05));
    const at95 = convergence(values, 95);
    expect(at95[9].lo).toBeCloseTo(1.225, 12);
    expect(at95[9].hi).toBeCloseTo(9.775, 12);
    const at50 = convergence(values, 50);
    expect([at50[9].lo, at50[9].hi]).toEqual([quantileType7(sorted, 10, 0.25), quantileType7(sorted, 10, 0.75)]);
    // the median does not depend on the level; a wider band holds a narrower one
    expect(at95.map((p) => p.p50)).toEqual(convergence(values).map((p) => p.p50));
    at95.forEach((p, i) => expect(p.lo).toBeLessThanOrEqual(at90[i].lo));
  });

  it('leaves out runs with no value and keeps an infinite one as the largest', () => {
    const pts = convergence([2, NaN, Infinity, 1]);
    expect(pts.map((p) => p.n)).toEqual([1, 2, 3]);
    expect(pts[2].p50).toBe(2);
    expect(pts[2].hi).toBe(Infinity);
  });

  it('settles as runs are added from a fixed distribution', () => {
    // a deterministic spread of values: the running median of many runs stays near the true one
    const values = Array.from({ length: 50 }, (_, i) => ((i * 37) % 50) / 50);
    const d = medianDrift(convergence(values))!;
    expect(d.fromN).toBe(25);
    expect(Math.abs(d.to - 0.49)).toBeLessThan(0.02);
    expect(Math.abs(d.to - d.from)).toBeLessThan(0.05);
    expect(medianDrift(convergence([1, 2, 3]))).toBeNull();
  });
});
