// A KPI card's sparkline (lib/kpiSeries.ts): the card's KPI over even stretches of the window, by
// the card's own definition; the pinned baseline's over the same days; the line in words.
import { describe, expect, it } from 'vitest';
import { KPIS } from '../../src/ui/lib/chartDefs/kpiDefs.ts';
import { SPARK_POINTS, kpiSpark, kpiSparkAlong, kpiSparkBand, neverRuns, sparkSummary, stretchLabel } from '../../src/ui/lib/kpiSeries.ts';
import { rowsInWindow } from '../../src/ui/lib/compareSet.ts';
import { spreadOf } from '../../src/ui/lib/bands.ts';
import seedrandom from 'seedrandom';

const kpi = (id: string) => KPIS.find((k) => k.id === id)!;
const days = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);

/** A year of days: 1,000 GPUs online, 300 busy until day 180 and 600 from day 181. */
function year(n = 365) {
  const online = new Float64Array(n).fill(1000);
  const busy = Float64Array.from({ length: n }, (_, i) => (i < 180 ? 300 : 600));
  return { day: days(n), gpus_online: online, gpus_busy: busy };
}

describe('a KPI card sparkline', () => {
  it('cuts a year into 60 stretches of 6 or 7 days, end to end, and shows a step on the day it came', () => {
    const data = year();
    const pts = kpiSpark(kpi('utilization'), data, 0, 364, 24);
    expect(pts).toHaveLength(SPARK_POINTS);
    expect(pts[0].from).toBe(1);
    expect(pts[pts.length - 1].to).toBe(365);
    for (let i = 1; i < pts.length; i++) expect(pts[i].from).toBe(pts[i - 1].to + 1);
    for (const p of pts) expect([6, 7]).toContain(p.to - p.from + 1);
    // before the step 30%, after it 60%; the stretch across day 180/181 in between, by its days
    const across = pts.find((p) => p.from <= 180 && p.to >= 181)!;
    const before = 181 - across.from;
    const after = across.to - 180;
    expect(across.value).toBeCloseTo((300 * before + 600 * after) / (1000 * (before + after)), 12);
    expect(pts.filter((p) => p.to <= 180).every((p) => p.value === 0.3)).toBe(true);
    expect(pts.filter((p) => p.from >= 181).every((p) => p.value === 0.6)).toBe(true);
  });

  it('gives a point per day in a short window, and only the window\'s rows', () => {
    const data = year(40);
    const pts = kpiSpark(kpi('utilization'), data, 10, 29, 24);
    expect(pts.map((p) => [p.from, p.to])).toEqual(Array.from({ length: 20 }, (_, i) => [i + 11, i + 11]));
    expect(stretchLabel(pts[0])).toBe('day 11');
    expect(stretchLabel({ from: 1, to: 6, value: 0 })).toBe('days 1-6');
    // a weekly row covers its week; a 6-hour row a quarter of a day
    expect(stretchLabel({ from: 14, to: 14, value: 0 }, 7)).toBe('days 8-14');
    expect(stretchLabel({ from: 7, to: 21, value: 0 }, 7)).toBe('days 1-21');
    expect(stretchLabel({ from: 2.5, to: 2.5, value: 0 }, 0.25)).toBe('days 2.25-2.5');
    expect(stretchLabel({ from: 2.5, to: 3, value: 0 }, 0.25)).toBe('days 2.25-3');
    // no line without the KPI's columns or a day column
    expect(kpiSpark(kpi('buyer-price'), data, 0, 39, 24)).toEqual([]);
    const { day: _, ...noDays } = data;
    expect(kpiSpark(kpi('utilization'), noDays, 0, 39, 24)).toEqual([]);
  });

  it('reads the pinned baseline over the same days, NaN where it has no rows', () => {
    const data = year();
    const pts = kpiSpark(kpi('utilization'), data, 0, 364, 24);
    // a baseline of 200 days at 50% busy
    const base = { rows: 200, data: { day: days(200), gpus_online: new Float64Array(200).fill(100), gpus_busy: new Float64Array(200).fill(50) } };
    const along = kpiSparkAlong(kpi('utilization'), base, 24, pts, 1);
    expect(along).toHaveLength(pts.length);
    pts.forEach((p, i) => {
      if (p.to <= 200) expect(along[i]).toBe(0.5);
      else if (p.from > 200) expect(along[i]).toBeNaN();
    });
    expect(kpiSparkAlong(kpi('buyer-price'), base, 24, pts, 1).every(Number.isNaN)).toBe(true);
  });

  it('says the line in words: its stretches, first and last, lowest and highest, and what it leaves out', () => {
    const pts = [
      { from: 1, to: 6, value: 30 },
      { from: 7, to: 12, value: Infinity },
      { from: 13, to: 19, value: 12.5 },
      { from: 20, to: 25, value: 40 },
    ];
    expect(sparkSummary('Median payback', 'months', pts, 1)).toBe(
      'Median payback over stretches of 6-7 days: 30 months (days 1-6) to 40 months (days 20-25); lowest 12.5 months (days 13-19), highest 40 months (days 20-25); 1 stretch at never (∞) left out',
    );
    const daily = [
      { from: 1, to: 1, value: 0.5 },
      { from: 2, to: 2, value: 0.25 },
    ];
    expect(sparkSummary('Utilization', 'share', daily, 1)).toBe('Utilization day by day: 50.0% (day 1) to 25.0% (day 2); lowest 25.0% (day 2), highest 50.0% (day 1)');
    expect(sparkSummary('Fill rate', 'share', [{ from: 1, to: 1, value: NaN }], 1)).toBe('Fill rate: no values in the window to draw');
    expect(sparkSummary('Fill rate', 'share', [...daily, { from: 3, to: 3, value: NaN }], 1)).toMatch(/; 1 stretch without a value left out$/);
    // a capped scale (the payback's, 120 months) says how many stretches it cuts above it, and how many at never (hatched)
    const capped = [{ from: 1, to: 6, value: 2400 }, ...pts.slice(1)];
    expect(sparkSummary('Median payback', 'months', capped, 1, 120)).toMatch(/highest 2,400 months \(days 1-6\); the line is cut at 120 months \(1 stretch above it; 1 stretch at never \(∞\), hatched\)$/);
    expect(sparkSummary('Median payback', 'months', pts, 1, 120)).toMatch(/\(days 20-25\); the line is cut at 120 months \(1 stretch at never \(∞\), hatched\)$/);
    expect(sparkSummary('Median payback', 'months', pts.slice(2), 1, 120)).not.toContain('cut');
  });

  it('finds the runs of stretches at never, the ones a capped sparkline hatches', () => {
    const v = (...xs: number[]) => xs.map((value, i) => ({ from: i + 1, to: i + 1, value }));
    expect(neverRuns(v(1, Infinity, Infinity, 2, Infinity))).toEqual([
      [1, 2],
      [4, 4],
    ]);
    expect(neverRuns(v(Infinity))).toEqual([[0, 0]]);
    // a value above any cap, or none, is not never
    expect(neverRuns(v(1e9, NaN, -Infinity))).toEqual([]);
  });

  it('finds the rows of a window of days by bisection, as a scan of the day column does (daily and 6-hourly periods)', () => {
    // the scan rowsInWindow was before it bisected: day in (a, b + 1e-9]
    const scan = (t: { rows: number; data: { day: Float64Array } }, a: number, b: number) => {
      let lo = -1;
      let hi = -1;
      for (let i = 0; i < t.rows; i++) if (t.data.day[i] > a && t.data.day[i] <= b + 1e-9) (lo = lo < 0 ? i : lo), (hi = i);
      return lo < 0 ? null : [lo, hi];
    };
    const rng = seedrandom('rows');
    for (const step of [1, 0.25]) {
      const day = Float64Array.from({ length: 200 }, (_, i) => (i + 1) * step);
      const t = { rows: 150, data: { day } }; // rows past `rows` are not the run's
      for (let n = 0; n < 300; n++) {
        const a = Math.floor(rng() * 60) * step - 3 + (rng() < 0.2 ? step / 2 : 0);
        const b = a + Math.floor(rng() * 30) * step;
        expect(rowsInWindow(t, [a, b])).toEqual(scan(t, a, b));
      }
      expect(rowsInWindow(t, [0, 1e9])).toEqual([0, 149]);
    }
    expect(rowsInWindow({ rows: 0, data: { day: new Float64Array(0) } }, [0, 10])).toBeNull();
  });

  it('shades the Monte Carlo band per stretch: the spread of the runs\' KPI over the same days, at the band level', () => {
    const data = year(30);
    const pts = kpiSpark(kpi('utilization'), data, 0, 29, 24);
    // three runs busy 20%, 40% and 90% of 1,000 GPUs, the last with no rows after day 10
    const run = (share: number, rows = 30) => ({ rows, data: { day: days(30), gpus_online: new Float64Array(30).fill(1000), gpus_busy: new Float64Array(30).fill(1000 * share) } });
    const runs = [run(0.2), run(0.4), run(0.9, 10)];
    const band = kpiSparkBand(kpi('utilization'), runs, 24, pts, 80)!;
    expect(band.runs).toBe(3);
    const three = spreadOf([0.2, 0.4, 0.9], 80);
    const two = spreadOf([0.2, 0.4], 80);
    expect(band.lo[0]).toBeCloseTo(three.lo, 12);
    expect(band.hi[0]).toBeCloseTo(three.hi, 12);
    expect(band.lo[20]).toBeCloseTo(two.lo, 12);
    expect(band.hi[20]).toBeCloseTo(two.hi, 12);
    // a wider level, a wider band
    const wide = kpiSparkBand(kpi('utilization'), runs, 24, pts, 95)!;
    expect(wide.hi[0] - wide.lo[0]).toBeGreaterThan(band.hi[0] - band.lo[0]);
    // one run with a value left: no band there; fewer than two runs with the columns: none at all
    const lone = kpiSparkBand(kpi('utilization'), [run(0.2), run(0.9, 10)], 24, pts, 80)!;
    expect(lone.lo[5]).toBeCloseTo(spreadOf([0.2, 0.9], 80).lo, 12);
    expect(lone.lo[20]).toBeNaN();
    expect(kpiSparkBand(kpi('utilization'), [run(0.2)], 24, pts, 80)).toBeNull();
    expect(kpiSparkBand(kpi('buyer-price'), runs, 24, pts, 80)).toBeNull();
  });
});
