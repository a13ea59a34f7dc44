// A scenario opened from a file or a share link taken in as edits over a preset (lib/adoptScenario.ts):
// the page must then run exactly that scenario (same hash), and its controls read what the file says.
import { describe, expect, it } from 'vitest';
import { adoptScenario, flattenForEdits } from '../../src/ui/lib/adoptScenario.ts';
import { groupOn, valueOf } from '../../src/ui/lib/scenarioEdits.ts';
import { applyEdits } from '../../src/ui/lib/paths.ts';
import { presetByName } from '../../src/ui/lib/presets.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { scenarioHash } from '../../src/sim/scenario/hash.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';

function hashOf(raw: unknown): string {
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return scenarioHash(v.scenario);
}

/** Opens `raw` named `presetName`: the page's preset and edits, and the hash of what the page then runs. */
function open(raw: Record<string, unknown>, presetName: string) {
  const { preset, edits } = adoptScenario(raw, presetName);
  const v = validateScenario(preset.raw);
  const page = { edits, presetResolved: v.ok ? v.scenario : null };
  return { preset: preset.name, edits, page, runs: hashOf(applyEdits(preset.raw, edits)) };
}

const spot = presetByName('spot_market')!.raw;
const baseline = presetByName('baseline')!.raw;

describe('opening a scenario as edits over a preset', () => {
  it("a scenario file that leaves out its preset's group reads as that group switched off", () => {
    const withoutSpot = { ...spot, market: {} };
    const r = open(withoutSpot, 'spot_market');
    expect(r.preset).toBe('spot_market');
    // one edit leaves the group out (not one a field, which would leave the group there, on)
    expect('market.spot' in r.edits && r.edits['market.spot'] === undefined).toBe(true);
    expect(Object.keys(r.edits).filter((k) => k.startsWith('market.'))).toEqual(['market.spot']);
    expect(groupOn(r.page, 'market.spot')).toBe(false);
    expect(valueOf(r.page, 'market.spot.share')).toBeUndefined();
    expect(r.runs).toBe(hashOf(withoutSpot));
    expect(r.runs).not.toBe(hashOf(spot));
  });

  it('a file with no market at all leaves out only the preset\'s optional group: the other market fields read their defaults', () => {
    const { market: _m, ...noMarket } = spot;
    const r = open(noMarket, 'spot_market');
    expect(Object.keys(r.edits).filter((k) => k.startsWith('market'))).toEqual(['market.spot']);
    expect(groupOn(r.page, 'market.spot')).toBe(false);
    expect(valueOf(r.page, 'market.matcher')).toBe('spheron');
    expect(r.runs).toBe(hashOf(noMarket));
  });

  it('a preset opened as it is gives no edit, its control run included (whose set is keyed by dotted paths)', () => {
    for (const name of ['halving', 'spot_market', 'reserved_instances', 'token_crash']) {
      const raw = presetByName(name)!.raw;
      expect(raw.control).toBeDefined();
      expect(open(raw, name).edits).toEqual({});
    }
    // a file whose control differs keeps it whole, as one edit
    const halving = presetByName('halving')!.raw;
    const other = { ...halving, control: { name: 'other', set: { 'economy.emission.halvingDays': 0 } } };
    const r = open(other, 'halving');
    expect(r.edits).toEqual({ control: other.control });
  });

  it("a fully resolved scenario (a CLI sidecar's) gives edits only where it really differs from the preset", () => {
    const v = validateScenario(applyOverrides(baseline, ['horizonDays=20', 'market.matcher=auction']));
    if (!v.ok) throw new Error('does not validate');
    const resolved = JSON.parse(JSON.stringify(v.scenario)) as Record<string, unknown>;
    const r = open(resolved, 'baseline');
    expect(r.edits).toEqual({ horizonDays: 20, 'market.matcher': 'auction' });
    expect(r.runs).toBe(hashOf(resolved));
  });

  it("a field the preset sets and the file leaves out takes the schema's default, so the page runs the file's scenario", () => {
    const mmc = presetByName('mmc')!.raw;
    const { horizonDays: _h, ...noHorizon } = mmc;
    const r = open(noHorizon, 'mmc');
    expect(r.edits).toEqual({ horizonDays: 365 });
    expect(valueOf(r.page, 'horizonDays')).toBe(365);
    expect(r.runs).toBe(hashOf(noHorizon));
    expect(open(mmc, 'mmc').edits).toEqual({});
  });

  it('a preset the page does not know opens over baseline', () => {
    const raw = applyOverrides(baseline, ['horizonDays=15']);
    const r = open({ ...raw, name: 'my own' }, 'my own');
    expect(r.preset).toBe('baseline');
    expect(r.edits.horizonDays).toBe(15);
    expect(r.runs).toBe(hashOf(raw));
  });

  it('weight maps, lists and distributions are edit paths as a whole, other objects leaf by leaf', () => {
    const raw = { horizonDays: 9, supply: { regions: { na: 0.5, eu: 0.5 }, providers: 10 }, demand: { shocks: [{ startDay: 1 }], duration: { dist: 'exponential', mean: 2 } } };
    expect(flattenForEdits(raw)).toEqual({
      horizonDays: 9,
      'supply.regions': { na: 0.5, eu: 0.5 },
      'supply.providers': 10,
      'demand.shocks': [{ startDay: 1 }],
      'demand.duration': { dist: 'exponential', mean: 2 },
    });
  });
});
