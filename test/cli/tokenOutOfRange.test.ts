/**
 * What `depinsim run` does when a run's token economy leaves the ledger's range (a price path that
 * collapses under burn-and-mint: token_pump at 1000%/yr volatility, stopped on day 56 of seed 2, 55 days' rows written): the whole
 * days before it are written with a sidecar saying where it stopped, the message says the day,
 * the price and what keeps a run in range, and the exit code says the run did not finish.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess as run } from './cliInProcess.ts';
import { EXIT } from '../../src/cli/errors.ts';
import { runJob } from '../../src/cli/batchJob.ts';
import type { WorkerReply } from '../../src/cli/replicaMessages.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';

const dir = mkdtempSync(join(tmpdir(), 'depinsim-range-'));


describe('a run whose token leaves the ledger range', () => {
  it('writes the days before it, says why in the economy\'s terms, and exits 1', { timeout: 60_000 }, async () => {
    const out = join(dir, 'pump.csv');
    const r = await run(['run', 'token_pump', '--seed', '2', '--scale', '0.05', '--days', '365', '--set', 'economy.price.volatilityPerYear=10', '--out', out, '--quiet']);
    expect(r.code).toBe(EXIT.runFailed);
    const said = r.err.trim();
    expect(said).toMatch(/^depinsim: run stopped: the token economy left the range the ledger counts exactly on day 56: 'settlement mint' would take an account past 9\.0e\+11 tokens, with the token at \$[0-9.e-]+ \([0-9.e-]+ times its \$1 of day 0\)/);
    expect(said).toContain('burn-and-mint settlement mints the USD it pays at that price: a hyperinflation');
    expect(said).toContain('a circuit breaker (economy.bmeBreaker), a lower price volatility (economy.price.volatilityPerYear) or a shorter horizon keeps the token in range');
    expect(said).toContain(`The 55 whole days before it are the run's results, written to ${out} (each with .meta.json, whose stopped_on_day says so)`);
    // the days before the stop, a row each, the last one's price already far below its start
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 55);
    const header = lines[0].split(',');
    const price = (line: string) => Number(line.split(',')[header.indexOf('token_price_usd')]);
    expect(price(lines[55])).toBeLessThan(1e-3 * price(lines[1]));
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, 'utf8'));
    expect(meta.stopped_on_day).toBe(56);
    expect(meta.days).toBe(365);
    expect(meta.stopped_because).toContain('left the range the ledger counts exactly on day 56');
  });

  it("in a batch, the run reports itself failed with why, and that the batch writes nothing but the seed alone writes its days", { timeout: 60_000 }, () => {
    const scenario = parseScenario(applyOverrides(findPreset('token_pump')!.raw, ['scale=0.05', 'horizonDays=365', 'economy.price.volatilityPerYear=10']));
    const posted: WorkerReply[] = [];
    runJob({ run: 0, scenario, seed: 2 }, (m) => posted.push(m));
    const last = posted.at(-1)!;
    expect(last.type).toBe('failed');
    const message = (last as { message: string }).message;
    expect(message).toMatch(/^the token economy left the range the ledger counts exactly on day 56: /);
    expect(message).toMatch(/keeps the token in range\. A batch needs every run to reach the horizon, so nothing was written; this seed run alone \(--seed\) writes its 55 days$/);
  });
});
