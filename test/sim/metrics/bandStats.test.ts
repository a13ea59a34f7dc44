import { describe, expect, it } from 'vitest';
import { bandCells, bandColumns, bandStats } from '../../../src/sim/metrics/bandStats.ts';
import { BAND_LEVELS, type BandLevel } from '../../../src/sim/metrics/bandLevel.ts';

const COLUMNS = [
  { name: 'day', unit: 'day', description: 'Day of the run' },
  { name: 'utilization', unit: 'share', description: 'Busy GPUs over online GPUs' },
];

describe('band statistics at a band level', () => {
  it('at the default 80: mean, p10, p50, p90, as before the level was a choice', () => {
    expect(bandStats()).toEqual([
      { suffix: 'mean', p: NaN, what: 'Mean across seeds of' },
      { suffix: 'p10', p: 0.1, what: '10th percentile across seeds of' },
      { suffix: 'p50', p: 0.5, what: 'Median across seeds of' },
      { suffix: 'p90', p: 0.9, what: '90th percentile across seeds of' },
    ]);
    expect(bandStats(80)).toBe(bandStats());
    expect(bandColumns(COLUMNS)).toEqual(bandColumns(COLUMNS, 80));
    const v = [0.31, NaN, 0.12, 0.5, 0.27];
    expect(bandCells(v, v.length, new Float64Array(v.length))).toEqual(bandCells(v, v.length, new Float64Array(v.length), 80));
  });

  it('each level names its ends by their percentiles, the median always p50', () => {
    const names = (level: BandLevel) => bandStats(level).map((s) => s.suffix);
    expect(names(50)).toEqual(['mean', 'p25', 'p50', 'p75']);
    expect(names(90)).toEqual(['mean', 'p5', 'p50', 'p95']);
    expect(names(95)).toEqual(['mean', 'p2_5', 'p50', 'p97_5']);
    expect(bandStats(90)[1].what).toBe('5th percentile across seeds of');
    expect(bandStats(95).map((s) => s.p)).toEqual([NaN, 0.025, 0.5, 0.975]);
    expect(bandStats(95)[3].what).toBe('97.5th percentile across seeds of');
    for (const level of BAND_LEVELS) {
      const [, lo, mid, hi] = bandStats(level);
      expect(hi.p - lo.p).toBeCloseTo(level / 100, 12);
      expect(mid.p).toBe(0.5);
    }
    expect(() => bandStats(85 as BandLevel)).toThrow(/expected one of 50, 80, 90, 95, got 85/);
  });

  it('at 50: the cells are the mean and type-7 25th, 50th and 75th percentiles of the runs with a value', () => {
    // four values (NaN left out), sorted 10, 20, 40, 80: h = 3p, so p25 at 0.75 from 10 to 20,
    // p50 halfway from 20 to 40, p75 at 0.25 from 40 to 80
    const v = [40, NaN, 10, 80, 20];
    expect(bandCells(v, v.length, new Float64Array(v.length), 50)).toEqual(['37.5', '17.5', '30', '50']);
    // the same runs at 80: p10 at 0.3 from 10 to 20, p90 at 0.7 from 40 to 80
    expect(bandCells(v, v.length, new Float64Array(v.length))).toEqual(['37.5', '13', '30', '68']);
    // no run with a value: empty cells
    expect(bandCells([NaN, NaN], 2, new Float64Array(2), 50)).toEqual(['', '', '', '']);
  });

  it('at 50: the columns follow the runs\' columns, each with its mean, p25, p50 and p75', () => {
    const cols = bandColumns(COLUMNS, 50);
    expect(cols.map((c) => c.name)).toEqual(['day', 'utilization_mean', 'utilization_p25', 'utilization_p50', 'utilization_p75']);
    expect(cols[2]).toEqual({ name: 'utilization_p25', unit: 'share', description: '25th percentile across seeds of utilization: Busy GPUs over online GPUs' });
    expect(cols[4].description).toBe('75th percentile across seeds of utilization: Busy GPUs over online GPUs');
  });
});
