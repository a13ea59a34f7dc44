// The random-scenario tool (npm run fuzz): its values stay in the schema's ranges, it tells a fault
// from a value that may be missing or infinite, and a few trials of the current core find nothing.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { drawValue, dropRefused, fuzzableControls, fuzzScenarios, structuredEdits, structuredPools, valueFaults } from '../../scripts/fuzz/scenarioFuzz.ts';
import { drawDistribution, drawSchedule, drawWeightMap } from '../../scripts/fuzz/structuredEdits.ts';
import type { MetricTable } from '../../src/sim/run.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';

/** The validator's verdict on the baseline with these `path=value` edits, as the fuzzer applies them. */
const onBaseline = (sets: string[]) => validateScenario(applyOverrides(findPreset('baseline')!.raw, sets));

describe('scenario fuzzing', () => {
  it('draws every parameter within its range (ends, whole numbers and open lower bounds kept)', () => {
    const rng = seedrandom('range');
    const controls = fuzzableControls();
    expect(controls.length).toBeGreaterThan(200);
    for (const c of controls) {
      for (let i = 0; i < 40; i++) {
        const text = drawValue(c, rng);
        if (c.kind === 'boolean') expect(['true', 'false']).toContain(text);
        else if (c.kind === 'choice') expect(c.options).toContain(text);
        else {
          const v = Number(text);
          expect(v, c.path).not.toBeNaN();
          if (c.min !== undefined) expect(c.exclusiveMin ? v > c.min : v >= c.min, `${c.path} = ${v}`).toBe(true);
          if (c.max !== undefined) expect(v, c.path).toBeLessThanOrEqual(c.max);
          if (c.kind === 'integer') expect(Number.isInteger(v), c.path).toBe(true);
        }
      }
    }
  });

  it('typical values stay in each slider\'s range (where users mostly are)', () => {
    const rng = seedrandom('typical');
    for (const c of fuzzableControls()) {
      if (c.kind !== 'number' && c.kind !== 'integer') continue;
      for (let i = 0; i < 10; i++) {
        const v = Number(drawValue(c, rng, true));
        const lo = Math.max(c.min ?? -Infinity, c.sliderMin ?? -Infinity);
        const hi = Math.min(c.max ?? Infinity, c.sliderMax ?? Infinity);
        // an integer may round to the nearest whole number just outside a fractional slider end
        const slack = c.kind === 'integer' ? 0.5 : 1e-9 * Math.max(1, Math.abs(hi));
        expect(v, c.path).toBeGreaterThanOrEqual(lo - slack);
        expect(v, c.path).toBeLessThanOrEqual(hi + slack);
        if (c.exclusiveMin) expect(v, c.path).toBeGreaterThan(c.min!);
      }
    }
  });

  it('switches distributions to every shape the schema takes, within its ranges, most of them accepted on the baseline', () => {
    const rng = seedrandom('dists');
    const { dists } = structuredPools();
    expect(dists.length).toBeGreaterThanOrEqual(10);
    const shapes = new Set<string>();
    for (const c of dists) {
      let valid = 0;
      for (let i = 0; i < 30; i++) {
        const d = drawDistribution(c, rng);
        shapes.add(d.dist as string);
        const shape = c.dists!.find((x) => x.dist === d.dist)!;
        for (const p of shape.params) {
          const v = d[p.key] as number;
          if (p.min !== undefined) expect(p.exclusiveMin ? v > p.min : v >= p.min, `${c.path}.${p.key} = ${v}`).toBe(true);
          if (p.max !== undefined) expect(v).toBeLessThanOrEqual(p.max);
        }
        // the rules across fields may still refuse one (a patience of a fixed 0 h)
        if (onBaseline([`${c.path}=${JSON.stringify(d)}`]).ok) valid++;
      }
      expect(valid, c.path).toBeGreaterThanOrEqual(24);
    }
    expect([...shapes].sort()).toEqual(['exponential', 'fixed', 'lognormal', 'uniform', 'weibull']);
  });

  it('redraws a weight map whole, over its own keys', () => {
    const rng = seedrandom('maps');
    const { weightMaps } = structuredPools();
    const regions = weightMaps.find((m) => m[0].weightMapParent === 'supply.regions')!;
    const map = drawWeightMap(regions, rng);
    expect(Object.keys(map).sort()).toEqual(['asia', 'eu', 'na', 'other']);
    for (const w of Object.values(map)) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('adds scheduled events of every kind, most of them valid on the baseline as drawn', () => {
    const rng = seedrandom('events');
    const { schedules } = structuredPools();
    expect(schedules.map((k) => k.path)).toContain('demand.shocks');
    for (const k of schedules) {
      let valid = 0;
      for (let i = 0; i < 20; i++) {
        const items = drawSchedule(k, 30, rng);
        expect(items.length).toBeGreaterThanOrEqual(1);
        for (const it of items) for (const f of k.fields.filter((f) => f.required)) expect(it, `${k.path}.${f.key}`).toHaveProperty(f.key);
        if (onBaseline([`${k.path}=${JSON.stringify(items)}`]).ok) valid++;
      }
      expect(valid, k.path).toBeGreaterThanOrEqual(10);
    }
  });

  it('a trial with whole-value edits writes them as the CLI takes them (path=JSON)', () => {
    const rng = seedrandom('whole');
    const pools = structuredPools();
    const all = Array.from({ length: 40 }, () => structuredEdits(pools, 20, rng)).flat();
    expect(all.length).toBeGreaterThan(20);
    for (const x of all) expect(() => JSON.parse(x.slice(x.indexOf('=') + 1)), x).not.toThrow();
  });

  it('drops a refused edit, an event whose field was refused, and the siblings a refused field clashes with', () => {
    const sets = ['horizonDays=10', 'scale=0.1', 'supply.archetypes.home.onlineHoursMax=2', 'demand.shocks=[{"startDay":1}]', 'market.matcher="auction"'];
    // the mean was named for the new maximum below it: the maximum goes, the matcher stays
    expect(dropRefused(sets, [{ path: 'supply.archetypes.home.onlineHoursMean', message: 'expected between onlineHoursMin and onlineHoursMax' }], 2)).toEqual([
      'horizonDays=10',
      'scale=0.1',
      'demand.shocks=[{"startDay":1}]',
      'market.matcher="auction"',
    ]);
    expect(dropRefused(sets, [{ path: 'demand.shocks.0.multiplier', message: 'Required' }], 2)).not.toContain('demand.shocks=[{"startDay":1}]');
    // the fixed edits (horizon and scale) are never dropped
    expect(dropRefused(sets, [{ path: 'horizonDays', message: 'x' }], 2)).toHaveLength(5);
  });

  it('calls an infinite price or a missing count a fault, not a payback never reached or a ratio of nothing', () => {
    const table = (data: Record<string, number[]>): MetricTable =>
      ({ columns: Object.keys(data).map((name) => ({ name, unit: '', description: '' })), rows: 2, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Float64Array.from(v)])) }) as unknown as MetricTable;
    expect(valueFaults(table({ payback_months_median: [Infinity, 30], utilization: [NaN, 0.5], wait_p95_h: [Infinity, 1] }))).toEqual([]);
    expect(valueFaults(table({ price_usd_per_gpu_h: [0.5, Infinity], jobs_arrived: [NaN, 3] }))).toEqual(['price_usd_per_gpu_h is Infinity on row 2', 'jobs_arrived is NaN on row 1']);
  });

  it('a few random scenarios run without a fault, and the ones the validator refuses are counted', { timeout: 120_000 }, () => {
    const t = fuzzScenarios({ trials: 12, seed: 3, seconds: 30 });
    expect(t.trials).toBe(12);
    expect(t.ran + t.refused + t.tooLarge).toBe(12);
    expect(t.ran).toBeGreaterThan(0);
    expect(t.findings.filter((f) => f.kind !== 'slow' && f.kind !== 'stopped')).toEqual([]);
  });
});
