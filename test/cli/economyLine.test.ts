// A single run's economy line: the token economy's outcome on stderr, as the dashboard's cards give it first.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { economyLine } from '../../src/cli/economyLine.ts';

vi.setConfig({ testTimeout: 120_000 });
const BIN = join(__dirname, '../../bin/depinsim.js');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, err: r.stderr };
};

describe('economyLine', () => {
  const figures = { utilization: 0.5, token_price_usd: 0.878, provider_profit_usd: 86_100, emission_income_share: 0.248, payback_months: 35.14, providers_exited: 38 };

  it('says the token price against its start, the providers\' profit, the payback and the exits', () => {
    expect(economyLine(figures, 1)).toBe("economy: token price $0.878 on the last day (-12.2% from $1.000), providers' profit $86.1 k over the run (24.8% of their income from emissions), the median provider pays back its hardware in 35.1 months (last day), 38 providers left");
  });

  it('says so when the median provider does not pay back, and is absent without the economy', () => {
    expect(economyLine({ ...figures, payback_months: Infinity }, 1)).toContain('the median provider does not pay back its hardware (last day)');
    expect(economyLine({ utilization: 0.5 }, 1)).toBeNull();
  });

  it('is on stderr after a run with the economy on, not after one without', () => {
    const on = cli(['run', 'baseline', '--days', '3', '--scale', '0.1', '--out', '/dev/null']);
    expect(on.code).toBe(0);
    expect(on.err).toMatch(/^depinsim: economy: token price \$[\d.]+ on the last day \([+-][\d.]+% from \$1\.000\), providers' profit/m);
    const off = cli(['run', 'mmc', '--days', '1', '--out', '/dev/null']);
    expect(off.err).not.toContain('economy:');
  });
});
