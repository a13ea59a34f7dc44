import { describe, expect, it } from 'vitest';
import { loadPersisted, savePersisted, STORAGE_KEY } from '../../src/ui/lib/persist.ts';
import { SPEEDS, offeredSpeed } from '../../src/ui/lib/speeds.ts';
import { defaultSensitivity } from '../../src/ui/lib/sensitivityChoices.ts';
import { defaultSweepChoices, rangeKey } from '../../src/ui/lib/sweepChoices.ts';

function store(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('persisted edits', () => {
  it('round-trips what it saves', () => {
    const s = store();
    const p = { preset: 'baseline', edits: { 'supply.providers': 500, 'demand.baseRateJobsPerHour': 'abc' }, seed: 3, speed: 5, autoRun: false, runs: 10 };
    savePersisted(s, p);
    expect(loadPersisted(s)).toEqual(p);
  });

  it('keeps an edit that leaves a field out (undefined, which JSON drops) over a reload', () => {
    const s = store({});
    // every job class ticked again over a list the scenario set, and an optional field cleared
    savePersisted(s, { preset: 'spot_market', edits: { 'market.spot.classes': undefined, 'demand.levelVolatility': undefined, 'supply.providers': 500 }, seed: 1, speed: 0, autoRun: true });
    const back = loadPersisted(s);
    expect(back.edits).toStrictEqual({ 'market.spot.classes': undefined, 'demand.levelVolatility': undefined, 'supply.providers': 500 });
    // the key is there, so the dashboard reads the field as edited (left out), not as the preset's
    expect('market.spot.classes' in back.edits!).toBe(true);
    // an object that only looks like the marker is a value like any other
    savePersisted(s, { preset: 'baseline', edits: { 'demand.shocks': [{ $leftOut: true }], x: { $leftOut: true, y: 1 } }, seed: 1, speed: 0, autoRun: true });
    expect(loadPersisted(s).edits).toEqual({ 'demand.shocks': [{ $leftOut: true }], x: { $leftOut: true, y: 1 } });
  });

  it("keeps the Sensitivity panel's form; a stored choice the form does not offer comes back as its default, the others as stored", () => {
    const s = store();
    const sensitivity = { method: 'sobol' as const, set: 'market' as const, fraction: 0.5, seedsPerEnd: 3, rows: 8, kpi: 'buyer-price', sobolKpi: 'payback' };
    savePersisted(s, { preset: 'baseline', edits: {}, seed: 1, speed: 0, autoRun: true, sensitivity });
    expect(loadPersisted(s).sensitivity).toEqual(sensitivity);
    const back = (v: unknown) => loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ sensitivity: v }) })).sensitivity;
    // 12 rows, a 30% spread, 2 seeds, an unknown KPI and set: not in the form's lists
    expect(back({ ...sensitivity, rows: 12, fraction: 0.3, seedsPerEnd: 2, kpi: 'nope', set: 'everything', method: 'both' })).toEqual({ ...defaultSensitivity(), sobolKpi: 'payback' });
    expect(back('sobol')).toBeUndefined();
    expect(back([1])).toBeUndefined();
    expect(back({})).toEqual(defaultSensitivity());
  });

  it("keeps the Sweep panel's form, typed ranges as typed; a choice the form does not offer comes back as its default", () => {
    const s = store();
    const sweep = { ...defaultSweepChoices(), path: 'market.takeRate', from: '0.05', to: '0.2', steps: 7, rangeFor: rangeKey('market.takeRate', 0.1), grid: true, path2: 'supply.providers', from2: '1000', to2: '3', steps2: 5, seeds: 3, kpi: 'payback', asChange: true, goalOn: true, goalCmp: '<' as const, goal: '24' };
    savePersisted(s, { preset: 'baseline', edits: {}, seed: 1, speed: 0, autoRun: true, sweep });
    expect(loadPersisted(s).sweep).toEqual(sweep);
    const back = (v: unknown) => loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ sweep: v }) })).sweep;
    // 4 points, 2 seeds, a path that is no path (or reaches the prototype), a cmp, a range that is not text
    expect(back({ ...sweep, steps: 4, steps2: 9, seeds: 2, path: 'a..b', path2: '__proto__.x', goalCmp: '=', from: 5, kpi: 'nope', grid: 'yes' })).toEqual({
      ...sweep,
      steps: 5,
      steps2: 3,
      seeds: 1,
      path: defaultSweepChoices().path,
      path2: defaultSweepChoices().path2,
      goalCmp: '>',
      from: '',
      kpi: 'utilization',
      grid: false,
    });
    expect(back(null)).toBeUndefined();
    expect(back({})).toEqual(defaultSweepChoices());
  });

  it('drops what is malformed instead of failing', () => {
    expect(loadPersisted(store({ [STORAGE_KEY]: '{not json' }))).toEqual({});
    expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ seed: -1, preset: 5, edits: { 'a..b': 1, ok: 2 }, speed: 'x' }) }))).toEqual({ edits: { ok: 2 } });
    // Monte Carlo runs: a whole number from 1 to 50 (a stored 1e6 would start a million runs)
    for (const runs of [0, 51, 1e6, 2.5, '5']) expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ runs }) }))).toEqual({});
    expect(loadPersisted(undefined)).toEqual({});
  });

  it('brings a stored speed back as one the speed selector offers (else it showed blank while the run went at it)', () => {
    const speedOf = (speed: unknown) => loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ speed }) })).speed;
    for (const s of SPEEDS) expect(speedOf(s.v)).toBe(s.v);
    // the nearest on a log scale: 10 d/s is twice 5 and half 20; 12 is nearer 20 (x1.67) than 5 (x2.4)
    expect(speedOf(12)).toBe(20);
    expect(speedOf(3)).toBe(5);
    expect(speedOf(0.2)).toBe(1);
    expect(speedOf(1e9)).toBe(100);
    expect(speedOf(Number.MAX_VALUE)).toBe(100);
    for (const v of [12, 3, 0.2, 1e9]) expect(SPEEDS.map((s) => s.v)).toContain(offeredSpeed(v));
  });

  it('keeps the exceedance rules as edited, and refuses a list with a broken rule as a whole', () => {
    const rules = [
      { kpi: 'utilization', cmp: '>' as const, threshold: 0.45 },
      { kpi: 'payback', cmp: '<' as const, threshold: 36 },
    ];
    const s = store();
    savePersisted(s, { preset: 'baseline', edits: {}, seed: 1, speed: 0, autoRun: true, rules, convergenceKpi: 'payback' });
    expect(loadPersisted(s)).toMatchObject({ rules, convergenceKpi: 'payback' });
    const bad = (r: unknown) => loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ rules: [rules[0], r] }) })).rules;
    expect(bad({ kpi: 'payback', cmp: '>=', threshold: 1 })).toBeUndefined();
    expect(bad({ kpi: 'payback', cmp: '>', threshold: 'x' })).toBeUndefined();
    expect(bad({ kpi: '<img src=x>', cmp: '>', threshold: 1 })).toBeUndefined();
    expect(bad(null)).toBeUndefined();
    expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ rules: Array(9).fill(rules[0]) }) })).rules).toBeUndefined();
    expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ convergenceKpi: 5 }) }))).toEqual({});
  });

  it('keeps the band level the user picked, and drops one the app does not offer (a hand-edited or older store)', () => {
    const s = store();
    savePersisted(s, { preset: 'baseline', edits: {}, seed: 1, speed: 0, autoRun: true, bandLevel: 95 });
    expect(loadPersisted(s).bandLevel).toBe(95);
    for (const bad of [85, '90', null, 0.9]) expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ bandLevel: bad }) })).bandLevel).toBeUndefined();
  });

  it('keeps the runs kept to compare as references (no numbers), and refuses a list with a broken or repeated one as a whole', () => {
    const ref = { preset: 'baseline (custom)', seed: 3, hash: '0123456789abcdef', scenario: { horizonDays: 30 }, seeds: [3, 4] };
    const other = { preset: 'halving', seed: 1, hash: 'fedcba9876543210', scenario: {} };
    const s = store();
    savePersisted(s, { preset: 'baseline', edits: {}, seed: 1, speed: 0, autoRun: true, compare: [ref, other] });
    expect(loadPersisted(s).compare).toEqual([ref, other]);
    const load = (compare: unknown) => loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ compare }) })).compare;
    expect(load([ref, { ...other, seed: 'x' }])).toBeUndefined();
    expect(load([ref, ref])).toBeUndefined(); // the same run twice
    expect(load([{ ...ref, seeds: [3] }])).toBeUndefined(); // Monte Carlo runs are two or more
    expect(load([])).toBeUndefined();
  });

  it("drops stored edits whose path goes through a prototype, keeps the rest", () => {
    const stored = JSON.stringify({ preset: 'baseline', edits: { '__proto__.polluted': 1, 'constructor.prototype.x': 2, 'demand.baseRateJobsPerHour': 90 } });
    expect(loadPersisted({ getItem: () => stored }).edits).toEqual({ 'demand.baseRateJobsPerHour': 90 });
  });

  it('survives a storage that throws (private mode, quota)', () => {
    expect(() => savePersisted({ setItem: () => { throw new Error('quota'); } }, { preset: 'b', edits: {}, seed: 1, speed: 0, autoRun: true })).not.toThrow();
  });
});
