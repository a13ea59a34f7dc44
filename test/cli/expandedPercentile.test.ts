// The expanded percentile bootstrap behind --sobol's intervals: its tail levels, and the coverage it
// buys where the plain percentiles fall short.
import { describe, expect, it } from 'vitest';
import { expandedTail, t975 } from '../../src/sim/metrics/expandedPercentile.ts';
import { saltelliDesign, sobolIndices } from '../../src/sim/metrics/sobolIndices.ts';
import { sobolSequence } from '../../src/sim/rng/sobolSequence.ts';
import { createStreams } from '../../src/sim/rng/streams.ts';

describe('expanded percentile intervals', () => {
  it("take Student's t quantiles (SciPy's t.ppf(0.975, nu)) and tail levels that widen with fewer rows, the plain 2.5% in the limit", () => {
    for (const [nu, t] of [
      [1, 12.7062],
      [3, 3.1824],
      [4, 2.7764],
      [7, 2.3646],
      [30, 2.0423],
    ]) {
      expect(Math.abs(t975(nu) - t) / t, `nu = ${nu}`).toBeLessThan(0.003);
    }
    // SciPy: norm.cdf(-sqrt(n / (n - 1)) * t.ppf(0.975, n - 1))
    expect(expandedTail(8)).toBeCloseTo(0.00574, 4);
    expect(expandedTail(16)).toBeCloseTo(0.01386, 4);
    expect(expandedTail(32)).toBeCloseTo(0.01913, 4);
    expect(expandedTail(100_000)).toBeCloseTo(0.025, 4);
    expect(() => expandedTail(1)).toThrow(/at least 2 rows/);
  });

  it("hold the Ishigami function's true indices at least 90% of the time from 8 rows of --sobol's design (plain percentiles: 86-89%)", () => {
    const truth = [
      [0.3139, 0.5576],
      [0.4424, 0.4424],
      [0, 0.2437],
    ];
    const f = (q: number[]) => {
      const x = q.map((u) => -Math.PI + 2 * Math.PI * u);
      return Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
    };
    let held = 0;
    let all = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const s = createStreams(seed);
      const { points, roles } = saltelliDesign(sobolSequence(8, 6, s.get('design')), 3);
      const fA: number[] = [];
      const fB: number[] = [];
      const fAB: number[][] = [[], [], []];
      points.forEach((q, r) => {
        const { row, matrix } = roles[r];
        if (matrix === 'A') fA[row] = f(q);
        else if (matrix === 'B') fB[row] = f(q);
        else if (matrix !== 'R') fAB[matrix][row] = f(q);
      });
      sobolIndices(fA, fB, fAB, s.get('bootstrap')).indices.forEach((x, i) => {
        held += Number(x.s1Low <= truth[i][0] && truth[i][0] <= x.s1High) + Number(x.stLow <= truth[i][1] && truth[i][1] <= x.stHigh);
        all += 2;
      });
    }
    // 93% here; the plain 2.5th and 97.5th percentiles of the same resamples held 89%
    expect(held / all).toBeGreaterThanOrEqual(0.9);
  });
});
