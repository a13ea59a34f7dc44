// A sweep or sensitivity batch keeps only the columns the KPI figures read: every figure must come out
// the same from the kept table as from the whole one, or a panel would show a figure the run did not give.
import { describe, expect, it, vi } from 'vitest';
import { KPIS } from '../../src/ui/lib/chartDefs/kpiDefs.ts';
import { deriveColumns } from '../../src/ui/lib/chartDefs/derivedColumns.ts';
import { KPI_COLUMNS, keepColumns, kpiColumns } from '../../src/ui/lib/kpiColumns.ts';
import type { RunTable } from '../../src/ui/lib/bands.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { runScenario } from '../../src/sim/run.ts';
import { FULL_TABLE_COLUMNS } from '../../src/ui/lib/batchMemory.ts';

// four short runs, simulated once for the file (about 2 s alone; a loaded CI machine takes longer)
vi.setConfig({ testTimeout: 60_000 });
const tables = new Map<string, { t: RunTable; periodHours: number }>();

/** A real run's table as the dashboard keeps it (the CSV's columns and the derived ones). */
function table(preset: string, sets: string[]): { t: RunTable; periodHours: number } {
  const key = `${preset} ${sets.join(' ')}`;
  const hit = tables.get(key);
  if (hit) return hit;
  const s = parseScenario(applyOverrides(findPreset(preset)!.raw, ['scale=0.1', 'horizonDays=25', ...sets]));
  const r = runScenario(s, 3).table;
  const out = { t: { rows: r.rows, data: { ...r.data, ...deriveColumns(r.data, r.rows, s.metrics.periodHours, 800e6) } }, periodHours: s.metrics.periodHours };
  tables.set(key, out);
  return out;
}

const RUNS = [
  ['baseline', []],
  ['incentive_pilot', []],
  ['spot_market', []],
  ['baseline', ['economy.enabled=false']],
] as const;
const windows = (rows: number) => [
  [0, rows - 1],
  [0, 0],
  [5, 20],
  [rows - 1, rows - 1],
];

describe('the columns a batch keeps of each run', () => {
  it('are every column a KPI figure reads, in whole runs of several kinds (economy on and off, incentives, spot) and over any window', () => {
    for (const [preset, sets] of RUNS) {
      const { t, periodHours } = table(preset, [...sets]);
      const read = new Set<string>();
      const data = new Proxy(t.data, { get: (o, k) => (typeof k === 'string' && read.add(k), Reflect.get(o, k)) });
      for (const k of KPIS) for (const [lo, hi] of windows(t.rows)) k.compute({ data, lo, hi, periodHours });
      expect([...read].filter((c) => !KPI_COLUMNS.includes(c)), `${preset} ${sets.join(' ')}`).toEqual([]);
    }
  });

  it('give every KPI figure of a kept table exactly as the whole table gives it', () => {
    for (const [preset, sets] of RUNS) {
      const { t, periodHours } = table(preset, [...sets]);
      const kept = keepColumns(t, KPI_COLUMNS);
      expect(Object.keys(kept.data).length).toBeLessThanOrEqual(KPI_COLUMNS.length);
      expect(Object.keys(t.data).length).toBeGreaterThan(5 * Object.keys(kept.data).length);
      // what the memory bound's words count on: a whole run with the economy keeps 245 columns, a kept one 19
      if (preset === 'baseline' && sets.length === 0) expect([Object.keys(t.data).length, Object.keys(kept.data).length]).toEqual([FULL_TABLE_COLUMNS, 19]);
      for (const k of KPIS) {
        for (const [lo, hi] of windows(t.rows)) {
          const whole = k.compute({ data: t.data, lo, hi, periodHours });
          expect(Object.is(k.compute({ data: kept.data, lo, hi, periodHours }), whole), `${preset} ${k.id} ${lo}-${hi}`).toBe(true);
        }
      }
    }
  });

  it('a figure that reads a column it does not list comes out wrong from a kept table (what the tests above guard)', () => {
    const { t, periodHours } = table('baseline', []);
    const fill = KPIS.find((k) => k.id === 'fill-rate')!;
    // without its listed reads, the fill rate falls back to the mean of the daily rates: another figure
    const partial = keepColumns(t, kpiColumns([{ ...fill, reads: [] }]));
    const w = { lo: 0, hi: t.rows - 1, periodHours };
    expect(fill.compute({ data: partial.data, ...w })).not.toBe(fill.compute({ data: t.data, ...w }));
  });

  it('shares the kept arrays rather than copying them, and keeps the row count', () => {
    const t: RunTable = { rows: 2, data: { gpus_busy: new Float64Array([1, 2]), gpus_online: new Float64Array([2, 2]), other: new Float64Array([9, 9]) } };
    const kept = keepColumns(t, ['gpus_busy', 'gpus_online', 'not_in_this_run']);
    expect(kept.rows).toBe(2);
    expect(Object.keys(kept.data)).toEqual(['gpus_busy', 'gpus_online']);
    expect(kept.data.gpus_busy).toBe(t.data.gpus_busy);
  });
});
