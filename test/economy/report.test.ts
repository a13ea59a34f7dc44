/** The per-provider export and determinism of the economy (whole run = sliced run). */
import { describe, expect, it } from 'vitest';
import { small, runToEnd } from './fixtures.ts';
import { providerRows, providerRowsToCsv, PROVIDER_COLUMNS } from '../../src/sim/economy/providerReport.ts';
import { createRun } from '../../src/sim/run.ts';
import { tableToCsv, formatCsvNumber } from '../../src/sim/metrics/csv.ts';

describe('provider report', () => {
  it('has one row per provider with consistent P&L', () => {
    const run = runToEnd(small(40, 20), 2);
    const rows = providerRows(run.model);
    expect(rows.length).toBe(run.model.providers.length);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(PROVIDER_COLUMNS.map((c) => c.name).sort());
      expect(r.costs_usd).toBeCloseTo(r.energy_usd + r.ops_usd + r.capex_usd + r.stake_cost_usd, 9);
      expect(r.profit_usd).toBeCloseTo(r.revenue_usd + r.rewards_usd - r.costs_usd, 9);
      if (r.active) expect(r.stake_tokens).toBeGreaterThan(0);
    }
    const csv = providerRowsToCsv(rows, formatCsvNumber);
    expect(csv.split('\n')[0]).toBe(PROVIDER_COLUMNS.map((c) => c.name).join(','));
    // without an economy the report still lists providers
    const off = runToEnd(small(20, 3, { economy: { enabled: false } }), 2);
    expect(providerRows(off.model).every((r) => Number.isNaN(r.rewards_usd))).toBe(true);
    expect(off.table().columns.some((c) => c.name === 'token_price_usd')).toBe(false);
  });

  it('a run in slices equals the run whole, economy included', () => {
    const s = small(40, 12, { economy: { payment: 'token', slashing: { cheatShare: 0.2 } } });
    const whole = tableToCsv(runToEnd(s, 9).table());
    const run = createRun(s, 9);
    for (let t = 7.3; t < run.horizonHours; t += 7.3) run.advance(t);
    run.advance(run.horizonHours);
    expect(tableToCsv(run.table())).toBe(whole);
  });
});
