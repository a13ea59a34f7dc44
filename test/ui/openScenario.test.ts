import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/ui/lib/openScenario.ts';
import { scenarioJson } from '../../src/ui/lib/exporting.ts';
import { findPreset } from '../../src/sim/scenario/presets.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { scenarioHash } from '../../src/sim/scenario/hash.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';

const baselineRaw = findPreset('baseline')!.raw;
const edited = applyOverrides(baselineRaw, ['horizonDays=20', 'market.matcher=auction']);
const resolved = parseScenario(edited);
const hash = scenarioHash(resolved);

describe('opening a scenario file in the dashboard', () => {
  it('a scenario file as the CLI takes it: the scenario, no seed', () => {
    const r = readScenarioFile(JSON.stringify(edited), 'mine.json');
    expect(r).toMatchObject({ ok: true, kind: 'scenario file', seed: null, hash, hashMismatch: null });
  });

  it("the dashboard's own JSON export: its scenario and seed", () => {
    const text = scenarioJson(resolved, edited, { version: '0.1.0', scenarioName: 'baseline', scenarioHash: hash, seed: 7, days: 20 });
    const r = readScenarioFile(text, 'export.json');
    expect(r).toMatchObject({ ok: true, kind: 'dashboard export', seed: 7, hash, hashMismatch: null });
    if (r.ok) expect(r.raw).toEqual(edited);
  });

  it("the CLI's provenance sidecar: the resolved scenario and seed, same hash as the CLI run", () => {
    const sidecar = { depinsim_version: '0.1.0', scenario: 'baseline', scenario_hash: hash, seed: 3, days: 20, scale: 1, columns: [], scenario_resolved: resolved };
    const r = readScenarioFile(JSON.stringify(sidecar, null, 2), 'base.csv.meta.json');
    expect(r).toMatchObject({ ok: true, kind: 'CLI provenance sidecar', seed: 3, hash, hashMismatch: null });
  });

  it('a replications sidecar (--seeds) opens its first seed', () => {
    const sidecar = { depinsim_version: '0.1.0', scenario: 'baseline', scenario_hash: hash, seeds: [4, 5, 6], days: 20, scale: 1, columns: [], scenario_resolved: resolved };
    const r = readScenarioFile(JSON.stringify(sidecar), 'all.csv.meta.json');
    expect(r).toMatchObject({ ok: true, kind: 'CLI provenance sidecar', seed: 4, seedsInFile: 3, hash });
  });

  it("a sweep sidecar (--sweep) opens point 1: the base scenario with that point's values, as --set gives it", () => {
    const base = parseScenario(applyOverrides(baselineRaw, ['horizonDays=20']));
    const points = [
      { point: 1, values: { 'market.matcher': 'auction' }, scenario_hash: hash },
      { point: 2, values: { 'market.matcher': 'cheapest' }, scenario_hash: 'x' },
    ];
    const sidecar = { depinsim_version: '0.1.0', scenario: 'baseline', scenario_hash: scenarioHash(base), sweep: [{ path: 'market.matcher', values: ['auction', 'cheapest'] }], seeds: [2], points, scenario_resolved: base };
    const r = readScenarioFile(JSON.stringify(sidecar), 'sweep.csv.meta.json');
    expect(r).toMatchObject({ ok: true, kind: 'CLI provenance sidecar', seed: 2, hash, hashMismatch: null, sweep: { points: 2, opened: 'market.matcher=auction' } });
    // a point the base cannot take is refused, naming it
    const broken = readScenarioFile(JSON.stringify({ ...sidecar, points: [{ point: 1, values: { 'horizonDays.x': 1 } }] }), 'sweep.csv.meta.json');
    expect(broken).toMatchObject({ ok: false });
    expect(!broken.ok && broken.reason).toMatch(/sweep\.csv\.meta\.json: point 1 of the sweep cannot be set: .*horizonDays/);
    // a crafted sidecar whose point sets a path through a prototype is refused and pollutes nothing
    const crafted = readScenarioFile(JSON.stringify({ ...sidecar, points: [{ point: 1, values: { '__proto__.polluted': 'yes' } }] }), 'crafted.meta.json');
    expect(!crafted.ok && crafted.reason).toMatch(/crafted\.meta\.json: point 1 of the sweep cannot be set: .*names an object's prototype/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a file edited after it was saved opens, and says its recorded hash no longer matches', () => {
    const text = scenarioJson(resolved, { ...edited, horizonDays: 25 }, { version: '0.1.0', scenarioName: 'baseline', scenarioHash: hash, seed: 1, days: 20 });
    const r = readScenarioFile(text, 'export.json');
    expect(r.ok && r.hashMismatch).toBe(hash);
  });

  it('refuses with a reason naming the file and the field: malformed, not an object, invalid scenario, bad seed', () => {
    const cases: [string, RegExp][] = [
      ['{"horizonDays": 3', /^x\.json: \(file\): malformed JSON/],
      ['', /the file is empty/],
      ['[1, 2]', /expected a JSON object holding a scenario, got an array/],
      ['{"horizonDays": -1, "scale": 0, "nope": 1, "market": {"matcher": "x"}}', /^x\.json is not a valid scenario: .*horizonDays: expected value >= 1, got -1.*\(and 1 more\)$/],
      ['{"depinsim_version": "0.1.0", "scenario": 5, "seed": 1}', /dashboard export holds no scenario object/],
      [JSON.stringify({ scenario_resolved: resolved, seed: -2 }), /seed should be a whole number >= 0, got -2/],
    ];
    for (const [text, re] of cases) {
      const r = readScenarioFile(text, 'x.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(re);
    }
  });
});
