// Monte Carlo bands in the dashboard: percentiles across runs, and their CSV (the CLI's --bands text).
import { describe, expect, it } from 'vitest';
import { bandsOf, spreadOf } from '../../src/ui/lib/bands.ts';
import { bandsToCsv } from '../../src/ui/lib/exporting.ts';
import { ensembleWorkers } from '../../src/ui/lib/ensembleWorkers.ts';

const run = (rows: number, u: number[], extra: Record<string, number[]> = {}) => ({
  rows,
  data: {
    day: Float64Array.from({ length: rows }, (_, i) => i + 1),
    utilization: Float64Array.from(u),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, Float64Array.from(v)])),
  },
});

describe('bandsOf', () => {
  it("per day, the 10th, 25th, 50th, 75th and 90th percentile of each column across the runs (numpy's default) at the default 80% band", () => {
    const b = bandsOf([run(2, [1, 10]), run(2, [2, 20]), run(2, [3, 30]), run(2, [4, 40]), run(2, [10, 100])], [1, 2, 3, 4, 5])!;
    expect(b.runs).toBe(5);
    expect(b.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(b.day)).toEqual([1, 2]);
    // numpy.percentile([1, 2, 3, 4, 10], [10, 50, 90]) = [1.4, 3, 7.6]
    expect(b.level).toBe(80);
    expect(b.lo.utilization[0]).toBeCloseTo(1.4, 12);
    expect(b.p50.utilization[0]).toBe(3);
    expect(b.hi.utilization[0]).toBeCloseTo(7.6, 12);
    expect(b.hi.utilization[1]).toBeCloseTo(76, 10);
    // numpy.percentile([1, 2, 3, 4, 10], [25, 75]) = [2, 4]: the fan's darker middle
    expect(b.p25.utilization[0]).toBe(2);
    expect(b.p75.utilization[0]).toBe(4);
    expect(b.lo.day).toBeUndefined(); // the day is the axis, not a band
  });

  it('the band ends follow the level picked: 90% is the 5th to 95th percentile, 95% the 2.5th to 97.5th, 50% the quartiles', () => {
    const runs = [run(1, [1]), run(1, [2]), run(1, [3]), run(1, [4]), run(1, [10])];
    const seeds = [1, 2, 3, 4, 5];
    // numpy.percentile([1, 2, 3, 4, 10], [5, 95]) = [1.2, 8.8]; [2.5, 97.5] = [1.1, 9.4]
    const b90 = bandsOf(runs, seeds, undefined, 90)!;
    expect(b90.level).toBe(90);
    expect(b90.lo.utilization[0]).toBeCloseTo(1.2, 12);
    expect(b90.hi.utilization[0]).toBeCloseTo(8.8, 12);
    const b95 = bandsOf(runs, seeds, undefined, 95)!;
    expect(b95.lo.utilization[0]).toBeCloseTo(1.1, 12);
    expect(b95.hi.utilization[0]).toBeCloseTo(9.4, 12);
    const b50 = bandsOf(runs, seeds, undefined, 50)!;
    expect(b50.lo.utilization[0]).toBe(b50.p25.utilization[0]);
    expect(b50.hi.utilization[0]).toBe(b50.p75.utilization[0]);
    // the median and quartiles do not depend on the level
    expect(b90.p50.utilization[0]).toBe(3);
    expect(b95.p25.utilization[0]).toBe(2);
  });

  it('leaves out a run without a value that day, and a run that has not reached it; NaN where none has one', () => {
    const b = bandsOf([run(3, [0.2, NaN, NaN]), run(2, [0.4, 0.5]), run(3, [0.6, NaN, NaN])], [1, 2, 3])!;
    expect(b.rows).toBe(3);
    expect(b.p50.utilization[0]).toBeCloseTo(0.4, 12);
    expect(b.lo.utilization[1]).toBe(0.5); // only run 2 has day 2
    expect(b.p50.utilization[2]).toBeNaN();
  });

  it('only the columns every run has; none without runs', () => {
    const b = bandsOf([run(1, [0.5], { price: [1] }), run(1, [0.6])], [1, 2])!;
    expect(Object.keys(b.p50)).toEqual(['utilization']);
    // or those asked for
    expect(Object.keys(bandsOf([run(1, [0.5], { price: [1] }), run(1, [0.6], { price: [2] })], [1, 2], new Set(['price']))!.p50)).toEqual(['price']);
    expect(bandsOf([], [])).toBeNull();
  });
});

describe('spreadOf', () => {
  it('the p10 and p90 of a KPI computed on each run by default, leaving out runs where it is undefined', () => {
    expect(spreadOf([1, 2, 3, 4, 10, NaN])).toMatchObject({ n: 5, lo: 1.4, level: 80 });
    expect(spreadOf([1, 2, 3, 4, 10]).hi).toBeCloseTo(7.6, 12);
  });

  it('the ends of the band at the level asked for', () => {
    const s = spreadOf([1, 2, 3, 4, 10], 90);
    expect(s).toMatchObject({ n: 5, level: 90 });
    expect(s.lo).toBeCloseTo(1.2, 12);
    expect(s.hi).toBeCloseTo(8.8, 12);
  });

  it('counts a payback never reached (Infinity) as the longest, not as missing: the median of seeds is not made shorter', () => {
    // 3 seeds pay back in 20-30 months, 2 never: the median is 30 months (leaving "never" out said 25)
    const s = spreadOf([20, 25, 30, Infinity, Infinity]);
    expect(s).toMatchObject({ n: 5, p50: 30, hi: Infinity });
    expect(spreadOf([Infinity, Infinity, 12]).p50).toBe(Infinity);
  });
});

describe('bandsToCsv', () => {
  const columns = [
    { name: 'day', unit: 'day', description: 'd' },
    { name: 'utilization', unit: 'share', description: 'u' },
  ];
  const p = { version: '0.1.0', scenarioName: 'baseline', scenarioHash: 'abc', seed: 1, days: 2 };

  it('provenance with every seed, then mean, p10, p50, p90 per column and day, in seed order whatever the order given', () => {
    const text = bandsToCsv(columns, [run(2, [0.3, NaN]), run(2, [0.1, NaN]), run(2, [0.2, 0.5])], [3, 1, 2], p);
    const lines = text.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# depinsim_version: 0.1.0',
      '# scenario: baseline',
      '# scenario_hash: abc',
      '# seeds: 1,2,3',
      '# days: 2',
      expect.stringMatching(/^# statistics: mean, and percentiles .*type 7/),
      '# band_level: 80',
    ]);
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(body).toEqual(['day,utilization_mean,utilization_p10,utilization_p50,utilization_p90', '1,0.2,0.12,0.2,0.28', '2,0.5,0.5,0.5,0.5']);
  });

  it('at another band level, the ends at its percentiles, named after them, and the level in the provenance', () => {
    const text = bandsToCsv(columns, [run(1, [0.3]), run(1, [0.1]), run(1, [0.2])], [3, 1, 2], p, 90);
    const lines = text.trim().split('\n');
    expect(lines).toContain('# band_level: 90');
    // numpy.percentile([0.1, 0.2, 0.3], [5, 95]) = [0.11, 0.29]
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual(['day,utilization_mean,utilization_p5,utilization_p50,utilization_p95', '1,0.2,0.11,0.2,0.29']);
  });
});

describe('ensembleWorkers', () => {
  it('while the page run goes, two cores are left to it and to drawing it; on 2 cores the batch waits', () => {
    expect(ensembleWorkers(9, 1, 8, true)).toBe(6);
    expect(ensembleWorkers(4, 1, 8, true)).toBe(4);
    expect(ensembleWorkers(9, 1, 2, true)).toBe(0);
    expect(ensembleWorkers(9, 1, 1, true)).toBe(0);
  });

  it('once the page run is done, every core, at most one per job, at least one', () => {
    expect(ensembleWorkers(9, 1, 8)).toBe(8);
    expect(ensembleWorkers(4, 1, 8)).toBe(4);
    expect(ensembleWorkers(9, 1, 2)).toBe(2);
    expect(ensembleWorkers(9, 1, 1)).toBe(1);
  });

  it('no more runs at once than 2 GB holds: a 50x network (about 1 GB a run) gets one worker, whatever the cores', () => {
    expect(ensembleWorkers(19, 50, 16)).toBe(1);
    expect(ensembleWorkers(19, 50, 16, true)).toBe(1);
    expect(ensembleWorkers(19, 10, 16)).toBe(6); // 308 MB a run
  });
});
