// --sample: uncertain parameters drawn by a Latin hypercube, and the rank correlations that say which matters.
import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/sim/rng/latinHypercube.ts';
import { createStreams } from '../../src/sim/rng/streams.ts';
import { parseSample } from '../../src/cli/sampleSpec.ts';
import { samplePoints } from '../../src/sim/metrics/sampleDesign.ts';
import { rankTable, ranks, spearman, spearmanP } from '../../src/cli/rankTable.ts';

describe('latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    const n = 37;
    const pts = latinHypercube(n, 4, createStreams(9).get('x'));
    expect(pts).toHaveLength(n);
    for (let d = 0; d < 4; d++) {
      const strata = pts.map((p) => Math.floor(p[d] * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const p of pts) expect(p[d] >= 0 && p[d] < 1).toBe(true);
    }
    // the pairing across dimensions is random: not the diagonal
    expect(pts.every((p) => Math.floor(p[0] * n) === Math.floor(p[1] * n))).toBe(false);
    expect(() => latinHypercube(0, 2, createStreams(1).get('x'))).toThrow(/at least one point/);
  });
});

describe('--sample ranges', () => {
  it('parses path=low:high, knows integer fields, and refuses what cannot be sampled in one line naming it', () => {
    expect(parseSample('demand.baseRateJobsPerHour=100:140')).toEqual({ path: 'demand.baseRateJobsPerHour', lo: 100, hi: 140, integer: false, log: false });
    expect(parseSample('economy.emission.tokensPerDay=1e4:1e6:log')).toEqual({ path: 'economy.emission.tokensPerDay', lo: 1e4, hi: 1e6, integer: false, log: true });
    expect(parseSample('supply.providers=1500:2500').integer).toBe(true);
    expect(parseSample('demand.levelVolatility=0:0.5').integer).toBe(false); // an optional field too
    // a parameter of a distribution (one of its shapes'), as --set and --sweep take it
    expect(parseSample('demand.classes.training.durationHours.median=10:40')).toEqual({ path: 'demand.classes.training.durationHours.median', lo: 10, hi: 40, integer: false, log: false });
    for (const [spec, msg] of [
      ['demand.baseRateJobsPerHour=140:100', /high end must be above the low end/],
      ['demand.baseRateJobsPerHour=100', /two numbers, low:high/],
      ['demand.baseRateJobsPerHour=a:b', /two numbers/],
      ['demand.baseRateJobsPerHour=1:2:3', /the only scale after low:high is 'log'/],
      ['demand.baseRateJobsPerHour=1:2:log:log', /two numbers/],
      ['demand.baseRateJobsPerHour=0:2:log', /a log range needs a low end above 0/],
      ['demand.baseRatJobsPerHour=1:2', /demand\.baseRatJobsPerHour is not a field of the scenario schema \(did you mean demand\.baseRateJobsPerHour\?\)/],
      ['demand.classes.training.durationHours=1:2', /demand\.classes\.training\.durationHours is not a number \(it is object\)/],
      ['market.matcher=1:2', /market\.matcher is not a number/],
      ['demand=1:2', /demand is not a number/],
      ['=1:2', /expected path=low:high/],
    ] as const) {
      expect(() => parseSample(spec), spec).toThrow(msg);
    }
  });

  it('draws the same points for the same seed, every range covered evenly, integers whole and in range', () => {
    const ranges = [parseSample('demand.baseRateJobsPerHour=100:140'), parseSample('supply.providers=1500:2500')];
    const a = samplePoints(ranges, 20, 7);
    expect(samplePoints(ranges, 20, 7)).toEqual(a);
    expect(samplePoints(ranges, 20, 8)).not.toEqual(a);
    const rate = a.map((p) => p[0]).sort((x, y) => x - y);
    rate.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(100 + 2 * i);
      expect(v).toBeLessThanOrEqual(100 + 2 * (i + 1));
    });
    for (const p of a) {
      expect(Number.isInteger(p[1])).toBe(true);
      expect(p[1] >= 1500 && p[1] <= 2500).toBe(true);
    }
  });
});

describe('--sample log ranges', () => {
  it('cover every decade alike: one run per stratum of log(value), within the range, the narrow low end still told apart', () => {
    const n = 30;
    const r = parseSample('economy.emission.tokensPerDay=1000:1000000:log');
    const v = samplePoints([r], n, 11).map((p) => p[0]).sort((a, b) => a - b);
    // stratum i of log10 from 3 to 6 holds the i-th value
    v.forEach((x, i) => {
      expect(Math.log10(x)).toBeGreaterThanOrEqual(3 + (3 * i) / n - 1e-9);
      expect(Math.log10(x)).toBeLessThanOrEqual(3 + (3 * (i + 1)) / n + 1e-9);
    });
    // a third of the runs in each decade (a uniform draw would put 27 of 30 in the top one)
    for (const d of [3, 4, 5]) expect(v.filter((x) => Math.floor(Math.log10(x)) === d)).toHaveLength(10);
    expect(new Set(v).size).toBe(n);
    // a range that is not a round number keeps its ends: rounding never leaves it
    const odd = samplePoints([parseSample('demand.levelVolatility=0.0123456:1.23456789:log')], 50, 2).map((p) => p[0]);
    for (const x of odd) expect(x >= 0.0123456 && x <= 1.23456789, String(x)).toBe(true);
  });
});

describe('rank correlation', () => {
  it('ranks ties by their mean rank, and gives Spearman\'s rho as the correlation of the ranks', () => {
    expect(ranks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 8, 16, 32]).rho).toBeCloseTo(1, 12); // monotone, not linear
    expect(spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]).rho).toBeCloseTo(-1, 12);
    // a textbook case: rho = 1 - 6 sum d^2 / (n (n^2 - 1)) without ties
    const x = [86, 97, 99, 100, 101, 103, 106, 110, 112, 113];
    const y = [0, 20, 28, 27, 50, 29, 7, 17, 6, 12];
    expect(spearman(x, y).rho).toBeCloseTo(-29 / 165, 12);
    // pairs with a missing value are left out; a side that does not vary has no rho
    expect(spearman([1, 2, NaN, 4], [1, 2, 3, 4])).toEqual({ rho: 1, n: 3 });
    expect(spearman([1, 2, 3], [5, 5, 5]).rho).toBeNaN();
    expect(spearmanP(0, 20)).toBeCloseTo(1, 12);
    // few runs: exact over the orderings, so 4 runs in perfect order are 2 of 24 orderings, not 'p = 0'
    expect(spearmanP(1, 4)).toBeCloseTo(2 / 24, 12);
    expect(spearmanP(-1, 5)).toBeCloseTo(2 / 120, 12);
    expect(spearmanP(0, 6)).toBe(1);
    // the textbook two-sided 5% critical value at n = 6 is 0.886 (sum d^2 = 4); the next value down is not clear
    expect(spearmanP(1 - (6 * 4) / 210, 6)).toBeLessThan(0.05);
    expect(spearmanP(1 - (6 * 6) / 210, 6)).toBeGreaterThan(0.05);
    // the exact p-value and the t-test agree where both are fair (n = 9 and 10, a moderate rho)
    expect(spearmanP(0.6, 9)).toBeGreaterThan(0.05);
    expect(spearmanP(0.6, 9)).toBeLessThan(0.1);
    expect(spearmanP(0.6, 10)).toBeGreaterThan(0.05);
    expect(spearmanP(0.6, 10)).toBeLessThan(0.1);
    expect(spearmanP(0.9, 20)).toBeLessThan(1e-6);
    expect(spearmanP(0.5, 2)).toBeNaN();
  });

  it('marks a parameter that drives a figure, not one that does not, after Holm over the table', () => {
    const rng = createStreams(3).get('t');
    const n = 40;
    const values = Array.from({ length: n }, () => [rng(), rng()]);
    const perRun = values.map(([a]) => ({ utilization: a + 0.05 * rng(), fill_rate: rng() }));
    const text = rankTable(
      [
        { path: 'a.driver', lo: 0, hi: 1, integer: false, log: false },
        { path: 'b.noise', lo: 1, hi: 100, integer: false, log: true },
      ],
      values,
      perRun,
    );
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/across 40 runs.*Holm's correction over the table's 4 tests/);
    expect(lines[2]).toMatch(/^ {2}a\.driver \(0 to 1\)\s+\+0\.9\d \*/);
    expect(lines[3]).toMatch(/^ {2}b\.noise \(1 to 100, log\)/);
    expect(lines[3]).not.toContain('*');
  });
});
