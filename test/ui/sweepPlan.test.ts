// The dashboard's parameter sweep: its values, the KPIs per point across seeds, and its CSV.
import { describe, expect, it } from 'vitest';
import { kpiOfRun, sweepCsv, sweepCsvComment, sweepSummary, sweepValues } from '../../src/ui/lib/sweepPlan.ts';
import { KPIS } from '../../src/ui/lib/chartDefs/kpiDefs.ts';

describe('sweepValues', () => {
  it('evenly spaced, both ends included, without floating-point residue', () => {
    expect(sweepValues(60, 180, 5, false)).toEqual([60, 90, 120, 150, 180]);
    expect(sweepValues(0.1, 0.3, 3, false)).toEqual([0.1, 0.2, 0.3]);
    expect(sweepValues(1, 0, 3, false)).toEqual([1, 0.5, 0]);
  });

  it('whole numbers for an integer field, repeats dropped', () => {
    expect(sweepValues(1, 3, 5, true)).toEqual([1, 2, 3]); // 1, 1.5, 2, 2.5, 3 rounded
    expect(sweepValues(500, 3000, 3, true)).toEqual([500, 1750, 3000]);
  });

  it('nothing for a range it cannot space', () => {
    expect(sweepValues(NaN, 1, 3, false)).toEqual([]);
    expect(sweepValues(0, 1, 1, false)).toEqual([]);
  });
});

// a run with a given utilization every day: busy / online GPUs
const run = (u: number, rows = 4) => ({
  rows,
  data: {
    day: Float64Array.from({ length: rows }, (_, i) => i + 1),
    gpus_busy: new Float64Array(rows).fill(100 * u),
    gpus_online: new Float64Array(rows).fill(100),
    fill_rate: new Float64Array(rows).fill(0.8),
  },
});
const utilization = KPIS.find((k) => k.id === 'utilization')!;
/** Point 0 with seeds 1-3 (0.3, 0.4, 0.5), point 1 with seeds 1-2 only, each 5 pp busier on its seed. */
const twoPoints = () =>
  new Map([
    ['0/1', run(0.3)],
    ['0/2', run(0.4)],
    ['0/3', run(0.5)],
    ['1/1', run(0.35)],
    ['1/2', run(0.45)],
  ]);

describe('sweepSummary', () => {
  it('per point, each KPI over the whole run: median and 10th/90th percentile across the seeds finished', () => {
    const tables = new Map([
      ['0/1', run(0.3)],
      ['0/2', run(0.4)],
      ['0/3', run(0.5)],
      ['1/1', run(0.6)],
    ]);
    const rows = sweepSummary([60, 120], [1, 2, 3], (p, s) => tables.get(`${p}/${s}`), () => 24);
    expect(rows[0].value).toBe(60);
    expect(rows[0].done).toBe(3);
    expect(rows[0].kpis.utilization.p50).toBeCloseTo(0.4, 12);
    expect(rows[0].kpis.utilization.lo).toBeCloseTo(0.32, 12);
    expect(rows[0].kpis.utilization.hi).toBeCloseTo(0.48, 12);
    expect(rows[0].kpis.utilization.level).toBe(80); // the default: the 10th and 90th percentile
    expect(rows[1]).toMatchObject({ value: 120, done: 1 });
    expect(rows[1].kpis.utilization).toMatchObject({ n: 1 });
    expect(rows[1].kpis.utilization.p50).toBeCloseTo(0.6, 12);
    // a KPI whose columns the runs lack has no value, not a zero
    expect(rows[0].kpis['burn-mint']).toMatchObject({ n: 0 });
    expect(rows[0].kpis['burn-mint'].p50).toBeNaN();
  });

  it('at another level, the ends of its band: the 5th and 95th percentile at 90%, the 2.5th and 97.5th at 95%', () => {
    const tables = twoPoints();
    const at = (level: 90 | 95) => sweepSummary([60, 120], [1, 2, 3], (p, s) => tables.get(`${p}/${s}`), () => 24, undefined, level);
    const u90 = at(90)[0].kpis.utilization;
    expect(u90).toMatchObject({ n: 3, level: 90 });
    expect(u90.lo).toBeCloseTo(0.31, 12); // type 7 over 0.3, 0.4, 0.5: 0.3 + 0.05 x 2 x 0.1
    expect(u90.p50).toBeCloseTo(0.4, 12);
    expect(u90.hi).toBeCloseTo(0.49, 12);
    const u95 = at(95)[0].kpis.utilization;
    expect(u95.lo).toBeCloseTo(0.305, 12);
    expect(u95.hi).toBeCloseTo(0.495, 12);
    // the change seed by seed follows the level too
    expect(at(95)[1].change.utilization).toMatchObject({ n: 2, level: 95 });
  });

  it('a payback never reached: the median of seeds counts it, and "never" at both points is no change (not a dropped seed)', () => {
    const months = (m: number) => ({ rows: 1, data: { day: Float64Array.of(1), payback_months_median: Float64Array.of(m) } });
    // seed 1 never pays back at either point; seeds 2 and 3 pay back 10 months sooner at the second
    const at: Record<string, number> = { '0/1': Infinity, '0/2': 40, '0/3': 30, '1/1': Infinity, '1/2': 30, '1/3': 20 };
    const rows = sweepSummary([0, 100], [1, 2, 3], (p, s) => months(at[`${p}/${s}`]), () => 24);
    expect(rows[0].kpis.payback).toMatchObject({ p50: 40, n: 3, hi: Infinity });
    expect(rows[1].change.payback).toMatchObject({ n: 3, p50: -10, hi: -2 }); // the changes -10, -10 and 0: the 90th percentile interpolates
  });

  it('the change against the first point seed by seed, over the seeds both finished: narrow where the seeds move both alike', () => {
    // each seed's luck moves both points alike; the second point is 5 pp busier on every seed
    const tables = twoPoints();
    const rows = sweepSummary([60, 120], [1, 2, 3], (p, s) => tables.get(`${p}/${s}`), () => 24);
    expect(rows[0].change.utilization).toMatchObject({ lo: 0, p50: 0, hi: 0, n: 3 }); // the first point against itself
    const c = rows[1].change.utilization;
    expect(c.n).toBe(2); // seed 3 of point 2 not finished
    expect(c.lo).toBeCloseTo(0.05, 12);
    expect(c.hi).toBeCloseTo(0.05, 12);
    expect(rows[1].kpis.utilization.hi - rows[1].kpis.utilization.lo).toBeGreaterThan(0.05); // the point's own spread is wide
    const [head, , line2] = sweepCsv('x', rows, (v) => (Number.isNaN(v) ? '' : String(Number(v.toFixed(6))))).trim().split('\n');
    const h = head.split(',');
    const at = (name: string) => h.indexOf(name);
    expect(at('utilization_change_p50')).toBeGreaterThan(at('gini_n')); // after every existing column
    expect(line2.split(',')[at('utilization_change_p50')]).toBe('0.05');
    expect(line2.split(',')[at('utilization_change_n')]).toBe('2');
  });

  it('a KPI over the whole run is the card\'s over a window covering every day', () => {
    const t = run(0.5, 3);
    t.data.gpus_busy[2] = 100; // the last day full
    expect(kpiOfRun(utilization, t, 24)).toBeCloseTo(2 / 3, 12);
  });
});

describe('sweepCsv', () => {
  it('a row per point: the value, then each KPI\'s p10, p50, p90 and the seeds with a value', () => {
    const rows = sweepSummary([60], [1], () => run(0.5), () => 24);
    const [head, line] = sweepCsv('demand.baseRateJobsPerHour', rows, (v) => (Number.isNaN(v) ? '' : String(v))).trim().split('\n');
    expect(head.split(',').slice(0, 6)).toEqual(['point', 'demand.baseRateJobsPerHour', 'utilization_p10', 'utilization_p50', 'utilization_p90', 'utilization_n']);
    expect(line.split(',').slice(0, 6)).toEqual(['1', '60', '0.5', '0.5', '0.5', '1']);
    expect(head.split(',')).toContain('utilization_change_p10');
    expect(head.split(',')).toContain('utilization_change_p90');
    expect(sweepCsvComment()).toBe('# KPIs over the whole run; p10/p50/p90 across seeds (type 7)');
  });

  it("at another level, the columns name its percentiles: p5 and p95 at 90%, p2_5 and p97_5 at 95%; the comment line too", () => {
    const seeds = [0.3, 0.4, 0.5];
    const fmt = (v: number) => (Number.isNaN(v) ? '' : String(Number(v.toFixed(6))));
    const rows90 = sweepSummary([60], [1, 2, 3], (_, s) => run(seeds[s - 1]), () => 24, undefined, 90);
    const [head, line] = sweepCsv('demand.baseRateJobsPerHour', rows90, fmt, undefined, 90).trim().split('\n');
    const h = head.split(',');
    expect(h.slice(0, 6)).toEqual(['point', 'demand.baseRateJobsPerHour', 'utilization_p5', 'utilization_p50', 'utilization_p95', 'utilization_n']);
    expect(h).toContain('utilization_change_p5');
    expect(h).toContain('utilization_change_p95');
    expect(h.some((c) => /_p10$|_p90$/.test(c))).toBe(false);
    expect(line.split(',').slice(0, 6)).toEqual(['1', '60', '0.31', '0.4', '0.49', '3']);
    expect(sweepCsvComment(90)).toBe('# KPIs over the whole run; p5/p50/p95 across seeds (type 7)');
    const rows95 = sweepSummary([60], [1, 2, 3], (_, s) => run(seeds[s - 1]), () => 24, undefined, 95);
    const h95 = sweepCsv('x', rows95, fmt, undefined, 95).split('\n')[0].split(',');
    expect(h95.slice(2, 5)).toEqual(['utilization_p2_5', 'utilization_p50', 'utilization_p97_5']);
    expect(h95).toContain('utilization_change_p97_5');
    expect(sweepCsvComment(95)).toBe('# KPIs over the whole run; p2_5/p50/p97_5 across seeds (type 7)');
  });
});

describe('a grid of two parameters', () => {
  it('each point carries its second value, and the CSV a column for it after the first', () => {
    const rows = sweepSummary([60, 60], [1], (p) => run(p === 0 ? 0.4 : 0.3), () => 24, [1000, 2000]);
    expect(rows.map((r) => [r.value, r.value2])).toEqual([
      [60, 1000],
      [60, 2000],
    ]);
    const lines = sweepCsv('demand.baseRateJobsPerHour', rows, (v) => (Number.isNaN(v) ? '' : String(v)), 'supply.providers').trim().split('\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['point', 'demand.baseRateJobsPerHour', 'supply.providers', 'utilization_p10']);
    expect(lines[2].split(',').slice(0, 5)).toEqual(['2', '60', '2000', '0.3', '0.3']);
  });
});
