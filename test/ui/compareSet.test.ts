// Compare scenarios: which runs can be kept, the KPI matrix against the baseline, the parameters
// that differ, a metric aligned by day, and the comparison's CSV files.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  alignedBands,
  alignedSeries,
  compareEntries,
  comparisonComments,
  keepRefusal,
  kpiMatrix,
  kpiMatrixCsv,
  longFormatCsv,
  MAX_KEPT,
  pairedKpis,
  parameterMatrix,
  withBaseline,
  type ComparedRun,
} from '../../src/ui/lib/compareSet.ts';
import { KPIS } from '../../src/ui/lib/chartDefs/kpiDefs.ts';

const kpi = (id: string) => KPIS.find((k) => k.id === id)!;

function run(over: Partial<ComparedRun> & { busy?: number[]; online?: number[]; gini?: number[] } = {}): ComparedRun {
  const busy = over.busy ?? [50, 60, 70];
  const online = over.online ?? busy.map(() => 100);
  const rows = busy.length;
  return {
    hash: 'h1',
    seed: 1,
    preset: 'baseline',
    scenario: { demand: { baseRateJobsPerHour: 120 }, market: { matcher: 'spheron' } },
    periodHours: 24,
    runs: [],
    seeds: [],
    table: {
      rows,
      data: {
        day: Float64Array.from({ length: rows }, (_, i) => i + 1),
        gpus_busy: Float64Array.from(busy),
        gpus_online: Float64Array.from(online),
        revenue_gini: Float64Array.from(over.gini ?? busy.map(() => 0.5)),
      },
    },
    ...over,
  };
}

describe('keeping runs to compare', () => {
  it('refuses a run already kept (naming its letter) and a fifth run; another seed of the same scenario is a new run', () => {
    const kept = [run(), run({ hash: 'h2' })];
    expect(keepRefusal(kept, run({ hash: 'h2' }))).toMatch(/already kept, as B/);
    expect(keepRefusal(kept, run({ seed: 2 }))).toBeNull();
    const full = Array.from({ length: MAX_KEPT }, (_, i) => run({ seed: i + 1 }));
    expect(keepRefusal(full, run({ seed: 99 }))).toMatch(/4 runs are kept already/);
  });

  it('making a run the baseline moves it first and keeps the others in order', () => {
    expect(withBaseline(['a', 'b', 'c', 'd'], 2)).toEqual(['c', 'a', 'b', 'd']);
    expect(withBaseline(['a', 'b'], 0)).toEqual(['a', 'b']);
  });

  it('lettered columns, the first the baseline, each with its own colour and dash; the run on screen last unless it is kept', () => {
    const kept = [run(), run({ hash: 'h2', preset: 'baseline (custom)', scenario: { demand: { baseRateJobsPerHour: 200 }, market: { matcher: 'spheron' } } })];
    const e = compareEntries(kept, run({ hash: 'h3', seed: 5 }));
    expect(e.map((x) => x.id)).toEqual(['A', 'B', 'now']);
    expect(e.map((x) => x.baseline)).toEqual([true, false, false]);
    expect(e[1].label).toBe('baseline (custom), seed 1');
    expect(e[1].change).toBe('baseRateJobsPerHour 200'); // what tells B from A
    expect(e[2].change).toBe('seed 5');
    expect(e[0].change).toBe('');
    expect(new Set(e.map((x) => x.color)).size).toBe(3);
    expect(new Set(e.map((x) => x.dash)).size).toBe(3);
    // the run on screen is B itself: not a column twice
    expect(compareEntries(kept, run({ hash: 'h2' })).map((x) => x.id)).toEqual(['A', 'B']);
  });
});

describe('the KPI matrix', () => {
  it("each KPI per run over the window, its change against A and whether that is better, by the KPI's direction", () => {
    const e = compareEntries([run({ busy: [50, 60, 70] }), run({ hash: 'h2', busy: [40, 40, 40], gini: [0.3, 0.3, 0.3] })], null);
    const rows = kpiMatrix([kpi('utilization'), kpi('gini'), kpi('inflation')], e, [0, 3]);
    const u = rows[0].cells;
    expect(u[0].value).toBeCloseTo(0.6, 12); // (50+60+70)/300
    expect(u[1].value).toBeCloseTo(0.4, 12);
    expect(u[1].delta).toBeCloseTo(-0.2, 12);
    expect(u[1].verdict).toBe('worse'); // utilization: up is better
    expect(rows[1].cells[1].verdict).toBe('better'); // a lower Gini is better
    expect(Number.isNaN(u[0].delta)).toBe(true); // A against itself: no change shown
    expect(rows[2].cells[1].value).toBeNaN(); // no supply column in these runs
    // over days 2-3 only
    expect(kpiMatrix([kpi('utilization')], e, [1, 3])[0].cells[0].value).toBeCloseTo(0.65, 12);
  });

  it('with Monte Carlo runs on both sides, says whether the 80% ranges overlap', () => {
    const mc = (busy: number) => [0.9, 0.95, 1, 1.05, 1.1].map((f) => run({ busy: [busy * f] }).table);
    const a = run({ busy: [50], runs: mc(50) });
    const near = run({ hash: 'h2', busy: [51], runs: mc(51) });
    const far = run({ hash: 'h3', busy: [80], runs: mc(80) });
    const alone = run({ hash: 'h4', busy: [80] });
    const cells = kpiMatrix([kpi('utilization')], compareEntries([a, near, far, alone], null), [0, 1])[0].cells;
    expect(cells.map((c) => c.overlap)).toEqual([null, true, false, null]);
    expect(cells[2].spread!.n).toBe(5);
    expect(cells[2].spread!.level).toBe(80); // the default: the 10th and 90th percentile
  });

  it('at another level, the spreads and the changes by seed are its band, and the overlap is judged on it', () => {
    // utilization over five runs: 0.40, 0.45, 0.50, 0.55, 0.60 (type 7: the 10th percentile 0.42, the 5th 0.41)
    const mc = (busy: number, first = 1) => ({ runs: [0.8, 0.9, 1, 1.1, 1.2].map((f) => run({ busy: [busy * f] }).table), seeds: [0, 1, 2, 3, 4].map((i) => first + i) });
    const a = run({ busy: [50], ...mc(50) });
    // B's runs are A's 1.2 times: 0.48 to 0.72
    const b = run({ hash: 'h2', busy: [60], ...mc(60) });
    const e = compareEntries([a, b], null);
    const at80 = kpiMatrix([kpi('utilization')], e, [0, 1])[0].cells;
    expect(at80[0].spread!.lo).toBeCloseTo(0.42, 12);
    expect(at80[0].spread!.hi).toBeCloseTo(0.58, 12);
    const at90 = kpiMatrix([kpi('utilization')], e, [0, 1], 90)[0].cells;
    expect(at90[0].spread).toMatchObject({ n: 5, level: 90 });
    expect(at90[0].spread!.lo).toBeCloseTo(0.41, 12);
    expect(at90[0].spread!.hi).toBeCloseTo(0.59, 12);
    expect(at90[1].spread!.lo).toBeCloseTo(0.492, 12);
    // B minus A on each seed: 0.08, 0.09, 0.10, 0.11, 0.12
    expect(at90[1].paired).toMatchObject({ n: 5, level: 90 });
    expect(at90[1].paired!.lo).toBeCloseTo(0.082, 12);
    expect(at90[1].paired!.hi).toBeCloseTo(0.118, 12);
    expect(at90[1].paired!.word).toBe(at80[1].paired!.word); // the test does not depend on the level
    const at95 = kpiMatrix([kpi('utilization')], e, [0, 1], 95)[0].cells;
    expect(at95[0].spread!.lo).toBeCloseTo(0.405, 12);
    expect(at95[0].spread!.hi).toBeCloseTo(0.595, 12);
    // C's runs are 0.512 to 0.768: its quartiles (from 0.576) miss A's (to 0.55), its 80% band (from 0.5376) meets A's (to 0.58)
    const ac = compareEntries([a, run({ hash: 'h3', busy: [64], ...mc(64) })], null);
    expect(kpiMatrix([kpi('utilization')], ac, [0, 1], 50)[0].cells[1].overlap).toBe(false);
    expect(kpiMatrix([kpi('utilization')], ac, [0, 1])[0].cells[1].overlap).toBe(true);
  });

  it('pairedKpis: the changes by seed at the level asked', () => {
    const mc = (busy: number) => ({ runs: [0.8, 0.9, 1, 1.1, 1.2].map((f) => run({ busy: [busy * f] }).table), seeds: [1, 2, 3, 4, 5], periodHours: 24 });
    const byDefault = pairedKpis([kpi('utilization')], mc(50), mc(60), [0, 1]).get('utilization')!;
    expect(byDefault.level).toBe(80);
    expect(byDefault.lo).toBeCloseTo(0.084, 12);
    expect(byDefault.hi).toBeCloseTo(0.116, 12);
    const wide = pairedKpis([kpi('utilization')], mc(50), mc(60), [0, 1], 95).get('utilization')!;
    expect(wide).toMatchObject({ n: 5, level: 95, word: byDefault.word, p: byDefault.p });
    expect(wide.lo).toBeCloseTo(0.081, 12);
    expect(wide.hi).toBeCloseTo(0.119, 12);
  });

  it('a payback that turns to "never" on a seed is an infinite change, judged by a sign test; both "never" is no change', () => {
    const payback = (months: number[]) => ({ runs: months.map((m) => ({ rows: 1, data: { day: Float64Array.of(1), payback_months_median: Float64Array.of(m) } })), seeds: [1, 2, 3, 4, 5, 6], periodHours: 24 });
    const a = payback([20, 22, 24, 26, 28, Infinity]);
    const b = payback([30, Infinity, 34, Infinity, 38, Infinity]);
    const c = pairedKpis([kpi('payback')], a, b, [0, 1]).get('payback')!;
    expect(c.test).toBe('sign');
    expect(c.n).toBe(6); // the seed never paying back on both sides counts, as no change
    expect(c.hi).toBe(Infinity);
    expect(c.p).toBeCloseTo(2 / 32, 12); // five seeds up, one unchanged: a t-test on the finite changes alone would say p < 0.001
    // five seeds that changed can never reach 5% by signs (at best 2 / 32): too few, not "within noise"
    expect(c.word).toBe('too few seeds');
    // a sixth seed that changes, up like the others: clear (2 / 64), and judged with the other KPIs
    const a7 = { ...payback([20, 22, 24, 26, 28, Infinity, 30]), seeds: [1, 2, 3, 4, 5, 6, 7] };
    const b7 = { ...payback([30, Infinity, 34, Infinity, 38, Infinity, 40]), seeds: [1, 2, 3, 4, 5, 6, 7] };
    const seven = pairedKpis([kpi('payback')], a7, b7, [0, 1]).get('payback')!;
    expect(seven.p).toBeCloseTo(2 / 64, 12);
    expect(seven.word).toBe('clear');
    expect(pairedKpis([kpi('utilization')], payback([1, 1, 1, 1, 1, 1]), payback([1, 1, 1, 1, 1, 1]), [0, 1]).get('utilization')).toBeNull();
  });

  it('on the seeds both ran, the change against A seed by seed: clear when its 80% range excludes zero, though the two ranges overlap', () => {
    // the seeds' luck moves both scenarios alike (common random numbers): B is 1 GPU busier on every seed
    const luck = [0.9, 0.95, 1, 1.05, 1.1];
    const mc = (busy: number, first = 1) => ({ runs: luck.map((f) => run({ busy: [50 * f + busy - 50] }).table), seeds: luck.map((_, i) => first + i) });
    const a = run({ busy: [50], ...mc(50) });
    const b = run({ hash: 'h2', busy: [51], ...mc(51) });
    const otherSeeds = run({ hash: 'h3', busy: [51], ...mc(51, 6) });
    const partly = run({ hash: 'h4', busy: [51], runs: [...mc(51).runs.slice(3), ...mc(51, 6).runs.slice(0, 3)], seeds: [4, 5, 6, 7, 8] });
    const cells = kpiMatrix([kpi('utilization')], compareEntries([a, b, otherSeeds, partly], null), [0, 1])[0].cells;
    expect(cells[1].overlap).toBe(true); // the ranges alone cannot tell
    expect(cells[1].paired!.n).toBe(5);
    expect(cells[1].paired!.lo).toBeCloseTo(0.01, 12);
    expect(cells[1].paired!.hi).toBeCloseTo(0.01, 12);
    expect(cells[1].paired!.word).toBe('clear');
    expect(cells[2].paired).toBeNull(); // seeds 6-10 against 1-5: nothing to pair
    expect(cells[3].paired!.n).toBe(2); // seeds 4 and 5 only
    expect(cells[3].paired!.word).toBe('too few seeds'); // its range, but no verdict
    expect(cells[0].paired).toBeNull();
    // a change that goes either way over the seeds is not clear
    const mixed = run({ hash: 'h5', busy: [50], runs: luck.map((f, i) => run({ busy: [50 * f + (i % 2 ? 1 : -1)] }).table), seeds: [1, 2, 3, 4, 5] });
    expect(kpiMatrix([kpi('utilization')], compareEntries([a, mixed], null), [0, 1])[0].cells[1].paired!.word).toBe('within noise');
  });

  it('judges every change by seed in the table together: one clear alone (p = 0.02) is within noise among three', () => {
    const luck = [0.9, 0.95, 1, 1.05, 1.1];
    const seeds = { seeds: [1, 2, 3, 4, 5] };
    const a = run({ busy: [50], runs: luck.map((f) => run({ busy: [50 * f] }).table), ...seeds });
    // busier by 1, 2.5, 0.2, 2 and 1.5 GPUs on the five seeds: t = 3.6 on 4 df
    const ups = [1, 2.5, 0.2, 2, 1.5];
    const b = run({ hash: 'h2', busy: [51], runs: luck.map((f, i) => run({ busy: [50 * f + ups[i]] }).table), ...seeds });
    const alone = kpiMatrix([kpi('utilization')], compareEntries([a, b], null), [0, 1])[0].cells[1].paired!;
    expect(alone.p).toBeCloseTo(0.0224, 3);
    expect(alone.word).toBe('clear');
    // the same change beside two entries that change nothing: three tests, 0.022 x 3 = 0.067
    const same = (hash: string) => run({ hash, busy: [50], runs: luck.map((f) => run({ busy: [50 * f] }).table), ...seeds });
    const three = kpiMatrix([kpi('utilization')], compareEntries([a, b, same('h3'), same('h4')], null), [0, 1])[0].cells[1].paired!;
    expect(three.p).toBe(alone.p);
    expect(three.pAdjusted).toBeCloseTo(3 * alone.p, 12);
    expect(three.word).toBe('within noise');
  });
});

describe('the parameters that differ', () => {
  it('lists every path where a run differs from A, with every run’s value, and the seed when seeds differ', () => {
    const e = compareEntries(
      [
        run(),
        run({ hash: 'h2', scenario: { demand: { baseRateJobsPerHour: 200 }, market: { matcher: 'spheron' } } }),
        run({ hash: 'h3', seed: 2, scenario: { demand: { baseRateJobsPerHour: 120 }, market: { matcher: 'auction' } } }),
      ],
      null,
    );
    const rows = parameterMatrix(e);
    expect(rows.map((r) => r.path)).toEqual(['seed', 'demand.baseRateJobsPerHour', 'market.matcher']);
    expect(rows[1].values).toEqual([120, 200, 120]);
    expect(rows[2].values).toEqual(['spheron', 'spheron', 'auction']);
    expect(parameterMatrix(compareEntries([run()], null))).toEqual([]);
  });
});

describe('a metric of every run by day', () => {
  it('lines up runs on the same days, NaN where a shorter run ends; as a difference A is zero', () => {
    const e = compareEntries([run({ busy: [50, 60, 70] }), run({ hash: 'h2', busy: [55, 65] })], null);
    const v = alignedSeries(e, 'gpus_busy', false);
    expect(Array.from(v.day)).toEqual([1, 2, 3]);
    expect(Array.from(v.values[1]).slice(0, 2)).toEqual([55, 65]);
    expect(v.values[1][2]).toBeNaN();
    const d = alignedSeries(e, 'gpus_busy', true);
    expect(Array.from(d.values[0])).toEqual([0, 0, 0]);
    expect(Array.from(d.values[1]).slice(0, 2)).toEqual([5, 5]);
  });

  it('as a difference, never (an infinite value) on both sides is no change; on one side an infinite change', () => {
    const e = compareEntries([run({ busy: [Infinity, Infinity, 10] }), run({ hash: 'h2', busy: [Infinity, 12, Infinity] })], null);
    const d = alignedSeries(e, 'gpus_busy', true);
    expect(Array.from(d.values[1])).toEqual([0, -Infinity, Infinity]);
  });
});

describe('Monte Carlo bands of the compared runs', () => {
  const three = (f: number, first: number) => ({ runs: [0, 1, 2].map((k) => run({ busy: [10 * f + k, 20 * f + k, 30 * f + k] }).table), seeds: [first, first + 1, first + 2] });
  it("each run's band over its own runs; as a difference, the change against A paired by seed, none for A or for runs of other seeds", () => {
    const e = compareEntries([run({ busy: [10, 20, 30], ...three(1, 1) }), run({ hash: 'h2', busy: [20, 40, 60], ...three(2, 1) }), run({ hash: 'h3', busy: [20, 40, 60], ...three(2, 7) }), run({ hash: 'h4' })], null);
    const v = alignedBands(e, 'gpus_busy', false);
    expect(v[3]).toBeNull(); // no Monte Carlo runs
    expect(Array.from(v[0]!.lo)).toEqual([10.2, 20.2, 30.2]); // 10th percentile of 10, 11, 12
    expect(Array.from(v[0]!.hi)).toEqual([11.8, 21.8, 31.8]);
    expect(v[0]!.level).toBe(80);
    expect(v[0]!.paired).toBe(false);
    const d = alignedBands(e, 'gpus_busy', true);
    expect(d[0]).toBeNull();
    expect(d[2]).toBeNull(); // seeds 7-9 against 1-3
    // B - A on each of seeds 1-3 is exactly 10, 20, 30 (the seeds' offsets cancel)
    expect(Array.from(d[1]!.lo)).toEqual([10, 20, 30]);
    expect(Array.from(d[1]!.hi)).toEqual([10, 20, 30]);
    expect(d[1]!.paired).toBe(true);
  });

  it('a run at "never" (an infinite value) counts in the band, as in the page\'s own bands; "never" on both sides of a seed is no change', () => {
    const inf = (busy: number[][]) => ({ runs: busy.map((b) => run({ busy: b }).table), seeds: [1, 2, 3] });
    const e = compareEntries([run({ ...inf([[10], [Infinity], [12]]) }), run({ hash: 'h2', ...inf([[20], [Infinity], [22]]) })], null);
    expect(alignedBands(e, 'gpus_busy', false)[0]!.hi[0]).toBe(Infinity); // leaving it out gave 11.8
    const d = alignedBands(e, 'gpus_busy', true)[1]!;
    expect([d.lo[0], d.hi[0]]).toEqual([2, 10]); // the changes 10, 0 and 10 on seeds 1-3
  });

  it('at another level, its band: the 5th and 95th percentile at 90%, the 2.5th and 97.5th at 95%', () => {
    const e = compareEntries([run({ busy: [10, 20, 30], ...three(1, 1) }), run({ hash: 'h2', busy: [20, 40, 60], ...three(2, 1) })], null);
    const at90 = alignedBands(e, 'gpus_busy', false, 90);
    expect(at90[0]!.level).toBe(90);
    // type 7 over 10, 11, 12: 10 + 0.05 x 2 and 10 + 0.95 x 2
    Array.from(at90[0]!.lo).forEach((v, i) => expect(v).toBeCloseTo([10.1, 20.1, 30.1][i], 12));
    Array.from(at90[0]!.hi).forEach((v, i) => expect(v).toBeCloseTo([11.9, 21.9, 31.9][i], 12));
    const at95 = alignedBands(e, 'gpus_busy', false, 95);
    Array.from(at95[0]!.lo).forEach((v, i) => expect(v).toBeCloseTo([10.05, 20.05, 30.05][i], 12));
    Array.from(at95[0]!.hi).forEach((v, i) => expect(v).toBeCloseTo([11.95, 21.95, 31.95][i], 12));
    const d = alignedBands(e, 'gpus_busy', true, 95);
    expect(d[1]).toMatchObject({ level: 95, paired: true });
    expect(Array.from(d[1]!.lo)).toEqual([10, 20, 30]);
  });
});

describe("the comparison's CSV files", () => {
  const e = compareEntries([run(), run({ hash: 'h2', busy: [1.5, 2, 2.25], scenario: { demand: { baseRateJobsPerHour: 200 }, market: { matcher: 'spheron' } } })], null);
  const cols = [
    { name: 'day', unit: 'day' },
    { name: 'gpus_busy', unit: 'GPUs' },
    { name: 'gpus_online', unit: 'GPUs' },
  ];

  it('long format: one line per scenario, day and metric, named and hashed, numbers as the core writes them', () => {
    const text = longFormatCsv(e, cols, comparisonComments('9.9.9', e));
    expect(text).toContain('# scenario A (baseline): baseline, seed 1 · hash h1 · seed 1');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, comments: '#', skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['scenario', 'scenario_name', 'params_hash', 'seed', 'day', 'metric', 'unit', 'value']);
    expect(parsed.data).toHaveLength(2 * 3 * 2);
    const b = parsed.data.filter((r) => r.scenario === 'B' && r.metric === 'gpus_busy');
    expect(b.map((r) => r.value)).toEqual(['1.5', '2', '2.25']);
    expect(b[0].scenario_name).toBe('baseline, seed 1: baseRateJobsPerHour 200'); // quoted in the file: it has a comma
    expect(b[0].params_hash).toBe('h2');
  });

  it('long format with every run: a line per seed of each Monte Carlo run, a run without them under its own seed', () => {
    const mc = { runs: [run({ busy: [1, 2, 3] }).table, run({ busy: [4, 5, 6] }).table], seeds: [1, 2] };
    const em = compareEntries([run(mc), e[1].run], null);
    const parsed = Papa.parse<Record<string, string>>(longFormatCsv(em, cols, '', true), { header: true, skipEmptyLines: true }).data;
    const a = parsed.filter((r) => r.scenario === 'A' && r.metric === 'gpus_busy');
    expect(a.map((r) => [r.seed, r.value])).toEqual([['1', '1'], ['1', '2'], ['1', '3'], ['2', '4'], ['2', '5'], ['2', '6']]);
    expect(parsed.filter((r) => r.scenario === 'B' && r.metric === 'gpus_busy').map((r) => r.seed)).toEqual(['1', '1', '1']);
    // without the flag, the run itself only
    expect(Papa.parse(longFormatCsv(em, cols, ''), { header: true, skipEmptyLines: true }).data).toHaveLength(2 * 3 * 2);
  });

  it('the KPI table: one line per KPI and scenario with the window and the change against A', () => {
    const rows = kpiMatrix([kpi('utilization')], e, [0, 3]);
    const text = kpiMatrixCsv(rows, e, [0, 3], comparisonComments('9.9.9', e, [0, 3]));
    expect(text).toContain('# window: days 0 to 3');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, comments: '#', skipEmptyLines: true });
    expect(parsed.data.map((r) => [r.kpi, r.scenario, r.from_day, r.to_day])).toEqual([
      ['utilization', 'A', '0', '3'],
      ['utilization', 'B', '0', '3'],
    ]);
    expect(parsed.data[0].delta_vs_baseline).toBe(''); // A against itself
    expect(Number(parsed.data[1].delta_vs_baseline)).toBeCloseTo(5.75 / 300 - 0.6, 6);
    expect(Number(parsed.data[1].value)).toBeCloseTo(5.75 / 300, 6);
    // no Monte Carlo runs: the ranges are empty
    expect([parsed.data[1].p10, parsed.data[1].delta_p10, parsed.data[1].paired_seeds]).toEqual(['', '', '']);
    expect(parsed.meta.fields!.slice(-3)).toEqual(['delta_p10', 'delta_p90', 'paired_seeds']);
    expect(parsed.meta.fields!.slice(10, 13)).toEqual(['p10', 'p90', 'runs']);
  });

  it("at another level, the KPI table's band columns name its percentiles: p5, p95, delta_p5, delta_p95 at 90%; p2_5 ... at 95%", () => {
    const mc = (busy: number) => ({ runs: [0.8, 0.9, 1, 1.1, 1.2].map((f) => run({ busy: [busy * f] }).table), seeds: [1, 2, 3, 4, 5] });
    const em = compareEntries([run({ busy: [50], ...mc(50) }), run({ hash: 'h2', busy: [60], ...mc(60) })], null);
    const csvAt = (level: 90 | 95) => Papa.parse<Record<string, string>>(kpiMatrixCsv(kpiMatrix([kpi('utilization')], em, [0, 1], level), em, [0, 1], '', level), { header: true, skipEmptyLines: true });
    const p90 = csvAt(90);
    expect(p90.meta.fields).toEqual(['kpi', 'unit', 'scenario', 'scenario_name', 'params_hash', 'seed', 'from_day', 'to_day', 'value', 'delta_vs_baseline', 'p5', 'p95', 'runs', 'delta_p5', 'delta_p95', 'paired_seeds']);
    expect(Number(p90.data[0].p5)).toBeCloseTo(0.41, 12);
    expect(Number(p90.data[0].p95)).toBeCloseTo(0.59, 12);
    expect(Number(p90.data[1].delta_p5)).toBeCloseTo(0.082, 12);
    expect(Number(p90.data[1].delta_p95)).toBeCloseTo(0.118, 12);
    expect(p90.data[1].paired_seeds).toBe('5');
    const p95 = csvAt(95);
    expect(p95.meta.fields!.slice(10, 15)).toEqual(['p2_5', 'p97_5', 'runs', 'delta_p2_5', 'delta_p97_5']);
    expect(Number(p95.data[0].p2_5)).toBeCloseTo(0.405, 12);
  });
});
