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
      expect(p.p10).toBe(quantileType7(first, p.n, 0.1));
      expect(p.p90).toBe(quantileType7(first, p.n, 0.9));
      expect(p.p10).toBeLessThanOrEqual(p.p50);
      expect(p.p50).toBeLessThanOrEqual(p.p90);
    }
  });

  it('leaves out runs with no value and keeps an infinite one as the largest', () => {
    const pts = convergence([2, NaN, Infinity, 1]);
    expect(pts.map((p) => p.n)).toEqual([1, 2, 3]);
    expect(pts[2].p50).toBe(2);
    expect(pts[2].p90).toBe(Infinity);
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
