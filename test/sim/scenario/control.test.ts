/**
 * A scenario's control run (its "control": the same scenario without the shock, the run it is read
 * against): not a model parameter, so it leaves the hash alone; every bundled preset with a shock
 * names one, and applying it gives a valid scenario that differs from the preset only where it says.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { parseScenario, validateScenario } from '../../../src/sim/scenario/validate.ts';
import { scenarioHash } from '../../../src/sim/scenario/hash.ts';

type Control = { name: string; set: Record<string, unknown> };
const controlOf = (raw: Record<string, unknown>) => raw.control as Control | undefined;
const asSets = (c: Control) => Object.entries(c.set).map(([k, v]) => `${k}=${JSON.stringify(v)}`);

describe('control runs', () => {
  test('the control is not a model parameter: with or without it, the same hash', () => {
    const raw = PRESETS.find((p) => p.name === 'token_pump')!.raw;
    const { control: _c, ...bare } = raw;
    expect(scenarioHash(parseScenario(bare))).toBe(scenarioHash(parseScenario(raw)));
  });

  test('every preset with a shock names its control; each applies, validates and changes the hash', () => {
    const without = PRESETS.filter((p) => !controlOf(p.raw)).map((p) => p.name);
    // the baseline and the two queueing-theory checks are read against theory, not a control
    expect(without.sort()).toEqual(['baseline', 'erlang_a', 'mmc']);
    for (const p of PRESETS) {
      const c = controlOf(p.raw);
      if (!c) continue;
      expect(c.name.length, p.name).toBeGreaterThan(3);
      const s = parseScenario(applyOverrides(p.raw, asSets(c)));
      expect(scenarioHash(s), p.name).not.toBe(scenarioHash(parseScenario(p.raw)));
    }
    // bursty_demand's control is the baseline itself
    const bursty = PRESETS.find((p) => p.name === 'bursty_demand')!;
    const base = PRESETS.find((p) => p.name === 'baseline')!;
    expect(scenarioHash(parseScenario(applyOverrides(bursty.raw, asSets(controlOf(bursty.raw)!))))).toBe(scenarioHash(parseScenario(base.raw)));
  });

  test('a malformed control is refused naming the field', () => {
    const paths = (control: unknown) => {
      const v = validateScenario({ control });
      return v.ok ? [] : v.issues.map((i) => i.path);
    };
    expect(paths({ name: 'x', set: {} })).toEqual([]);
    expect(paths({ set: {} })).toEqual(['control.name']);
    expect(paths({ name: 'x', set: {}, extra: 1 })).toEqual(['control.extra']);
    expect(paths({ name: 'x', set: 'demand.shocks=[]' })).toEqual(['control.set']);
  });
});
