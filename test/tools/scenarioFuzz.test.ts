// The random-scenario tool (npm run fuzz): its values stay in the schema's ranges, it tells a fault
// from a value that may be missing or infinite, and a few trials of the current core find nothing.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { drawValue, fuzzableControls, fuzzScenarios, valueFaults } from '../../scripts/fuzz/scenarioFuzz.ts';
import type { MetricTable } from '../../src/sim/run.ts';

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
    expect(t.findings.filter((f) => f.kind !== 'slow')).toEqual([]);
  });
});
