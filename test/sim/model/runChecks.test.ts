/**
 * The run's checks (model/runChecks.ts): they hold on real runs with their figures, and each says
 * so when its identity breaks (fed broken figures: a real run cannot break them).
 */
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { capacityCheck, ledgerCheck, littleCheck, supplyCheck } from '../../../src/sim/model/runChecks.ts';
import type { MetricTable } from '../../../src/sim/metrics/table.ts';

describe('run checks', () => {
  it('all hold on a run with the economy, with the figures on both sides', () => {
    const s = parseScenario({ horizonDays: 10, scale: 0.05 });
    const run = createRun(s, 4);
    run.advance(run.horizonHours);
    const checks = run.checks();
    expect(checks.map((c) => c.id)).toEqual(['little', 'supply', 'ledger', 'capacity']);
    for (const c of checks) expect(c.holds, `${c.title}: ${c.detail}`).toBe(true);
    const little = checks[0].detail;
    // both sides are shown and equal to the digit shown
    const [, a, b] = little.match(/× hours: ([\d,.]+) order-hours; hours every order waited: ([\d,.]+) order-hours; (exactly equal|equal to 1\d significant digits)$/)!;
    expect(a).toBe(b);
    expect(Number(a.replace(/,/g, ''))).toBeGreaterThan(10);
    expect(checks[1].detail).toMatch(/^genesis 25,000,000 \+ minted [\d,.]+ − burned [\d,.]+ = [\d,.]+ tokens; supply at the end: [\d,.]+ tokens; exact, to the ledger's unit of 0\.0001 token$/);
    expect(checks[2].detail).toMatch(/^[\d,]+ entries; every asset's balances/);
    expect(checks[3].detail).toMatch(/^in all 10 periods; the busiest, day \d+, at \d+\.\d% utilization$/);
  });

  it('without the economy there is no token supply to check', () => {
    const run = createRun(parseScenario({ horizonDays: 3, scale: 0.05, economy: { enabled: false } }), 1);
    run.advance(run.horizonHours);
    expect(run.checks().map((c) => [c.id, c.holds])).toEqual([
      ['little', true],
      ['ledger', true],
      ['capacity', true],
    ]);
  });

  it('each says when its identity breaks', () => {
    const l = littleCheck(1000, 990);
    expect(l.holds).toBe(false);
    expect(l.detail).toContain('1.01% apart');
    expect(littleCheck(1000, 1000 * (1 + 1e-12)).holds).toBe(true);
    expect(littleCheck(NaN, 5).holds).toBe(false);
    const sp = supplyCheck(1_000_000_0000, 5_0000, 2_0000, 1_000_004_0000);
    expect(sp.holds).toBe(false);
    expect(sp.detail).toContain('off by 1 tokens');
    expect(supplyCheck(10, 5, 3, 12).holds).toBe(true);
    expect(ledgerCheck(7, 'ledger out of balance: usd balances sum to 1 after 7 entries')).toMatchObject({ holds: false, detail: 'ledger out of balance: usd balances sum to 1 after 7 entries' });
    const table = (busy: number[], online: number[]): MetricTable => ({
      columns: [],
      rows: busy.length,
      data: {
        day: Float64Array.from(busy, (_, i) => i + 1),
        gpus_busy: Float64Array.from(busy),
        gpus_online: Float64Array.from(online),
        utilization: Float64Array.from(busy, (b, i) => (online[i] > 0 ? b / online[i] : NaN)),
      },
    });
    expect(capacityCheck(table([5, 12, 3], [10, 10, 10]))).toMatchObject({ holds: false, detail: 'busy GPUs above online ones in 1 of 3 periods' });
    expect(capacityCheck(table([5, 9, 0], [10, 10, 0]))).toMatchObject({ holds: true, detail: 'in all 3 periods; the busiest, day 2, at 90.0% utilization' });
  });
});
