// Why a chart or card has no columns: still to come, never (no token economy), or not in this run.
import { describe, expect, it } from 'vitest';
import { whyMissing } from '../../src/ui/lib/missingColumns.ts';
import { columnsFor, ECONOMY_ONLY_COLUMNS } from '../../src/sim/run.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';

const shown = (preset: string) => {
  const scenario = parseScenario(findPreset(preset)!.raw);
  return { scenario, columns: columnsFor(scenario) };
};

describe('missing columns', () => {
  it('the economy-only columns are exactly those a run without the economy leaves out', () => {
    const on = columnsFor(parseScenario(findPreset('baseline')!.raw)).map((c) => c.name);
    const off = new Set(columnsFor(parseScenario(findPreset('mmc')!.raw)).map((c) => c.name));
    expect(new Set(on.filter((n) => !off.has(n)))).toEqual(ECONOMY_ONLY_COLUMNS);
    expect(ECONOMY_ONLY_COLUMNS.has('token_price_usd')).toBe(true);
    expect(ECONOMY_ONLY_COLUMNS.has('utilization')).toBe(false);
  });

  it('no run shown: pending; the mmc queue: no token economy, for good; an economy run without a column: absent', () => {
    expect(whyMissing(null, ['token_price_usd'])).toBe('pending');
    expect(whyMissing(shown('mmc'), ['token_price_usd', 'supply_tokens'])).toBe('economy-off');
    // listed in the run's columns but no row yet
    expect(whyMissing(shown('baseline'), ['token_price_usd'])).toBe('pending');
    // a column the run does not have although its economy is on (a run stored before the column came)
    expect(whyMissing(shown('baseline'), ['a_column_from_the_future'])).toBe('absent');
    expect(whyMissing(shown('mmc'), ['a_column_from_the_future'])).toBe('absent');
  });
});
