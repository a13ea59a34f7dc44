// What the dashboard saves, the CLI runs: its JSON export (and a CLI sidecar) as the scenario argument, with the seed it records.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scenarioJson } from '../../src/ui/lib/exporting.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { scenarioHash } from '../../src/sim/scenario/hash.ts';

vi.setConfig({ testTimeout: 120_000 });

const BIN = join(__dirname, '../../bin/depinsim.js');
const dir = mkdtempSync(join(tmpdir(), 'depinsim-saved-'));
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, err: r.stderr };
};
const bytes = (f: string) => readFileSync(join(dir, f), 'utf8');

const SETS = ['horizonDays=4', 'scale=0.1', 'market.matcher=auction'];
const raw = applyOverrides(findPreset('baseline')!.raw, SETS);
const resolved = parseScenario(raw);
const hash = scenarioHash(resolved);

describe('running a scenario the dashboard saved', () => {
  it("a dashboard export runs its scenario on its seed: the bytes of the run it recorded; --seed runs another; it says where the seed came from", () => {
    writeFileSync(join(dir, 'export.json'), scenarioJson(resolved, raw, { version: '0.1.0', scenarioName: 'baseline', scenarioHash: hash, seed: 9, days: 4 }));
    const direct = cli(['run', 'baseline', ...SETS.flatMap((s) => ['--set', s]), '--seed', '9', '--out', 'direct.csv']);
    expect(direct.code).toBe(0);
    const saved = cli(['run', 'export.json', '--out', 'saved.csv']);
    expect(saved.code).toBe(0);
    expect(saved.err).toContain('depinsim: seed 9, as export.json (dashboard export) records it (--seed to run another)');
    expect(saved.err).toContain(`hash ${hash}`);
    expect(bytes('saved.csv')).toBe(bytes('direct.csv'));
    const other = cli(['run', 'export.json', '--seed', '1', '--out', 'other.csv']);
    expect(other.err).not.toContain('records it');
    expect(bytes('other.csv')).not.toBe(bytes('direct.csv'));
    // validate reads it too
    const v = spawnSync(process.execPath, [BIN, 'validate', 'export.json'], { encoding: 'utf8', cwd: dir });
    expect(v.status).toBe(0);
    expect(v.stdout).toContain(hash);
  });

  it("a CLI run's sidecar runs again as the run it describes", () => {
    const sidecar = JSON.parse(bytes('direct.csv.meta.json'));
    expect(sidecar.seed).toBe(9);
    const again = cli(['run', 'direct.csv.meta.json', '--quiet', '--out', 'again.csv']);
    expect(again.code).toBe(0);
    expect(again.err).toBe('');
    expect(bytes('again.csv')).toBe(bytes('direct.csv'));
  });

  it('a saved file with no scenario in it is one line naming the file, exit 2', () => {
    writeFileSync(join(dir, 'empty.json'), JSON.stringify({ depinsim_version: '0.1.0', scenario: 'baseline', seed: 1 }));
    const r = cli(['run', 'empty.json']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual(['depinsim: empty.json: the dashboard export holds no scenario object']);
  });
});
