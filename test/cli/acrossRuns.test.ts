// The median payback across seeds: a seed whose median provider never pays back is +Infinity, which a
// mean leaves out (and so understates the payback); the tables, sweeps and --cross take its median.
import { describe, expect, it } from 'vitest';
import { acrossRuns, acrossText, changeP, changeText, runFigureRecords, summaryRecords } from '../../src/cli/acrossRuns.ts';
import { medianCi95 } from '../../src/cli/confidence.ts';
import { crossRecords, parseCross } from '../../src/cli/crossSpec.ts';
import { FIGURES, runFigures } from '../../src/cli/replicaMessages.ts';
import { summaryTable } from '../../src/cli/replicate.ts';
import { spearman } from '../../src/cli/rankTable.ts';
import { crossLines, pairedTable } from '../../src/cli/sweep.ts';
import { binomialHalfCdf, medianRank, pairedChange, signTest } from '../../src/sim/metrics/significance.ts';

const payback = FIGURES.find((f) => f.key === 'payback_months')!;
const never = Infinity;

describe('medianCi95', () => {
  it('the median with the order statistics around it: none under 6 runs, where no pair of them reaches 95%', () => {
    expect(medianCi95([5, 1, 3, 2, 4])).toMatchObject({ n: 5, median: 3, never: 0 });
    expect(Number.isNaN(medianCi95([5, 1, 3, 2, 4]).lo)).toBe(true);
    // 6 runs: the lowest to the highest holds the median with 1 - 2/64 = 96.9%
    expect(medianCi95([6, 1, 3, 2, 5, 4])).toEqual({ n: 6, median: 3.5, lo: 1, hi: 6, never: 0 });
    // 20 runs: the 6th smallest to the 6th largest (P(Bin(20, 1/2) <= 5) = 2.07%)
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(medianCi95(twenty)).toMatchObject({ lo: 6, hi: 15 });
    expect(binomialHalfCdf(5, 20)).toBeCloseTo(0.0207, 4);
    // 10,000 runs: about 1.96 standard deviations (50) below the middle, in one pass
    expect(medianRank(10_000, 0.025)).toBeGreaterThan(4898);
    expect(medianRank(10_000, 0.025)).toBeLessThan(4904);
    expect([medianRank(5, 0.025), medianRank(6, 0.025)]).toEqual([0, 1]);
  });

  it('counts "never" as the longest payback, and NaN (no value) not at all', () => {
    expect(medianCi95([10, never, 20, NaN])).toMatchObject({ n: 3, median: 20, never: 1 });
    expect(medianCi95([10, never, never]).median).toBe(never);
  });
});

describe('the median payback in the tables', () => {
  it('is read from the last day with a value, "never" included', () => {
    const t = { rows: 3, data: { payback_months_median: new Float64Array([30, Infinity, NaN]) } };
    expect(runFigures(t as never).payback_months).toBe(Infinity);
  });

  it('says how many seeds never pay back, or that the median itself is never', () => {
    expect(acrossText(payback, acrossRuns(payback, [20, 24, 22, never, 21, never]))).toBe('23.0 months [20.0 months, never], never in 2 of 6');
    expect(acrossText(payback, acrossRuns(payback, [20, never, never]))).toBe('never (2 of 3)');
    expect(acrossText(payback, acrossRuns(payback, [never, never]))).toBe('never');
    expect(acrossText(payback, acrossRuns(payback, [never, never, never, never, never, never]))).toBe('never'); // not "never [never, never]"
    expect(changeText(payback, [never, never, never, never, never, never], false)).toBe('to never');
    const text = summaryTable([{ payback_months: 20 }, { payback_months: 30 }, { payback_months: never }]);
    expect(text).toContain('payback: median [its 95% interval from order statistics, from 6 runs], a run that never reaches it counted as the longest');
    expect(text).toMatch(/median provider payback \(last day with a value\)\s+30\.0 months, never in 1 of 3\n/);
  });

  it('a change to "never" counts by its sign; both "never" is no change', () => {
    expect(pairedChange(never, 20)).toBe(Infinity);
    expect(pairedChange(never, never)).toBe(0);
    expect(pairedChange(0.5, 0.25)).toBe(0.25);
    expect(signTest([1, 2, Infinity, 0, -1]).n).toBe(4);
    expect(signTest([1, 1, 1, 1, 1, 1]).p).toBeCloseTo(2 / 64, 12);
    expect(changeP(payback, [1, 1, 1, 1, 1, 1])).toBeCloseTo(2 / 64, 12);
    expect(changeText(payback, [Infinity, Infinity, 5], false)).toBe('to never');
    const axes = [{ path: 'economy.emission.tokensPerDay', values: [0, 100] }];
    const base = [30, 40, 50, 60, 70, 80].map((p) => ({ payback_months: p }));
    const table = pairedTable(axes, [[0], [100]], [base, base.map((r, i) => ({ payback_months: i < 2 ? never : r.payback_months - 10 }))]);
    expect(table).toContain('payback: median change [95% interval from order statistics], sign test');
    expect(table).toMatch(/2\s+100\s+-10\.0 months \[-10\.0 months, to never\]/);
  });

  it('ranks "never" as the longest in the rank correlation of --sample', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, never]).rho).toBe(1);
    expect(spearman([1, 2, 3, 4], [never, 30, 20, 10])).toEqual({ rho: -1, n: 4 });
  });
});

describe('--cross payback', () => {
  const axis = { path: 'economy.emission.tokensPerDay', values: [0, 200_000, 400_000] };
  // three seeds per point: the medians are never, 30 and 18 months (a mean over the finite ones would say 12 at the first point)
  const perPoint = [
    [{ payback_months: never }, { payback_months: 12 }, { payback_months: never }],
    [{ payback_months: 28 }, { payback_months: 30 }, { payback_months: 40 }],
    [{ payback_months: 18 }, { payback_months: 15 }, { payback_months: 21 }],
  ];

  it("reads the median across seeds, in months, and a crossing beside 'never' without a place on the line", () => {
    const c = parseCross('payback=24');
    expect(c.figure.key).toBe('payback_months');
    expect(() => parseCross('payback=24%')).toThrow(/payback is not a share/);
    const lines = crossLines(axis, [c], perPoint).trimEnd().split('\n');
    expect(lines[1]).toBe('  The payback (the median of 3 seeds) falls below 24.0 months at about 300000 tokens/day at scale 1 (between the points 200000 and 400000 tokens/day at scale 1, taken as linear).');
    expect(crossLines(axis, [parseCross('payback=35')], perPoint)).toContain('falls below 35.0 months between 0 and 200000 tokens/day at scale 1.');
  });

  it('gives scripts the medians and, per point, the runs that never pay back', () => {
    expect(crossRecords([parseCross('payback=24')], axis.values, perPoint)).toEqual([
      { figure: 'payback_months', value: 24, medians: [null, 30, 18], never: [2, 0, 0], crossings: [{ at: expect.closeTo(300_000, 6), between: [200_000, 400_000], rising: false }], interval_holds: [] },
    ]);
  });
});

describe('the summary in a batch sidecar', () => {
  it('holds each figure as the table shows it, "inf" for never (as the CSV writes it) and null for no interval', () => {
    const runs = [
      { utilization: 0.5, payback_months: 20 },
      { utilization: 0.52, payback_months: never },
      { utilization: 0.54, payback_months: 30 },
    ];
    const records = summaryRecords(runs);
    expect(records.map((r) => r.figure)).toEqual(['utilization', 'payback_months']);
    expect(records[0]).toMatchObject({ across: 'mean', n: 3, value: expect.closeTo(0.52, 12), ci95_low: expect.closeTo(0.52 - 0.0497, 3) });
    expect(records[1]).toEqual({ figure: 'payback_months', across: 'median', n: 3, value: 30, ci95_low: null, ci95_high: null, never: 1 });
    expect(runFigureRecords(runs, (i) => ({ seed: 10 + i }))[1]).toEqual({ seed: 11, utilization: 0.52, payback_months: 'inf' });
    // JSON keeps it: Infinity would have become null, the same as a run without the figure
    expect(JSON.parse(JSON.stringify(records[1])).value).toBe(30);
    expect(JSON.parse(JSON.stringify(runFigureRecords(runs, () => ({}))))[1].payback_months).toBe('inf');
  });
});
