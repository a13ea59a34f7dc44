// The page's scenario as edits over a preset (lib/scenarioEdits.ts): what a control shows, what
// counts as edited, when an optional group (market.spot) is on, and the edits after an edit or a reset.
import { describe, expect, it } from 'vitest';
import { groupOn, isEdited, valueOf, withEdit, withFieldReset, type EditedScenario } from '../../src/ui/lib/scenarioEdits.ts';
import { controlByPath } from '../../src/ui/lib/scenarioControls.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { presetByName } from '../../src/ui/lib/presets.ts';
import { applyOverrides } from '../../src/sim/scenario/overrides.ts';

/** The page on a preset (its name, or its raw scenario) with `edits`, as the dashboard holds it. */
function page(preset: string | Record<string, unknown>, edits: Record<string, unknown> = {}): EditedScenario {
  const v = validateScenario(typeof preset === 'string' ? presetByName(preset)!.raw : preset);
  return { edits, presetResolved: v.ok ? v.scenario : null };
}

const def = (path: string) => controlByPath(path)!.default;

describe('scenario edits over a preset', () => {
  it("a control shows the preset's value, else the user's edit even when it is not valid; a reset brings the preset's back", () => {
    expect(valueOf(page('spot_market'), 'market.spot.share')).toBe(0.3);
    const edited = page('spot_market', { 'market.spot.share': 'abc' });
    expect(valueOf(edited, 'market.spot.share')).toBe('abc');
    expect(isEdited(edited, 'market.spot.share')).toBe(true);
    expect(withFieldReset(edited, 'market.spot.share')).toEqual({});
  });

  it("a value set back to the preset's is no edit (the picker then names the preset, not custom)", () => {
    const s = page('spot_market', { horizonDays: 30 });
    expect(withEdit(s, 'market.spot.share', 0.3)).toEqual({ horizonDays: 30 });
    expect(withEdit(s, 'market.spot.share', 0.4)).toEqual({ horizonDays: 30, 'market.spot.share': 0.4 });
    expect(withEdit(page('spot_market', { horizonDays: 30 }), 'horizonDays', 365)).toEqual({});
  });

  it('a field of a weight map edits the whole map; its siblings read from it and count as edited', () => {
    const s = page('baseline');
    const na = def('supply.regions.na') as number;
    const edits = withEdit(s, 'supply.regions.na', na + 0.1);
    expect(Object.keys(edits)).toEqual(['supply.regions']);
    expect((edits['supply.regions'] as Record<string, number>).na).toBeCloseTo(na + 0.1);
    const after = page('baseline', edits);
    expect(valueOf(after, 'supply.regions.eu')).toBe(def('supply.regions.eu'));
    expect(isEdited(after, 'supply.regions.eu')).toBe(true);
    // back at the preset's map: no edit left
    expect(withEdit(after, 'supply.regions.na', na)).toEqual({});
    expect(withFieldReset(after, 'supply.regions.na')).toEqual({});
  });

  it("an optional group the scenario does not have reads off, and an edit of one of its fields turns it on with the others at their defaults", () => {
    const off = page('baseline');
    expect(groupOn(off, 'market.spot')).toBe(false);
    expect(valueOf(off, 'market.spot.priceMultiplier')).toBeUndefined();
    const on = page('baseline', withEdit(off, 'market.spot.share', 0.2));
    expect(groupOn(on, 'market.spot')).toBe(true);
    expect(valueOf(on, 'market.spot.share')).toBe(0.2);
    expect(valueOf(on, 'market.spot.priceMultiplier')).toBe(def('market.spot.priceMultiplier'));
  });

  it("a group an edit leaves out (a scenario file without the preset's market.spot) reads off, and on again at the defaults, not the preset's values", () => {
    // a preset whose spot leases are not at the defaults (spot_market's are)
    const preset = applyOverrides(presetByName('spot_market')!.raw, ['market.spot.priceMultiplier=0.8']);
    expect(valueOf(page(preset), 'market.spot.priceMultiplier')).toBe(0.8);
    const leftOut = page(preset, { 'market.spot': undefined });
    expect(groupOn(leftOut, 'market.spot')).toBe(false);
    expect(valueOf(leftOut, 'market.spot.share')).toBeUndefined();
    expect(valueOf(leftOut, 'market.spot.priceMultiplier')).toBeUndefined();
    // the preset's own share is an edit here: the preset's group is not there to give it
    const edits = withEdit(leftOut, 'market.spot.share', 0.3);
    expect(edits).toEqual({ 'market.spot': undefined, 'market.spot.share': 0.3 });
    const back = page(preset, edits);
    expect(groupOn(back, 'market.spot')).toBe(true);
    expect(valueOf(back, 'market.spot.priceMultiplier')).toBe(def('market.spot.priceMultiplier'));
  });

  it('a field inside an edited list reads from the list (a scheduled shock\'s multiplier)', () => {
    const s = page('baseline', { 'demand.shocks': [{ startDay: 3, durationDays: 5, multiplier: 3 }] });
    expect(valueOf(s, 'demand.shocks.0.multiplier')).toBe(3);
    expect(valueOf(s, 'demand.shocks.0.startDay')).toBe(3);
  });
});
