import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/sim/scenario/schema.ts';
import { readFileSync } from 'node:fs';
import { controlsFromJsonSchema, GROUPS, labelFor, niceCeil, parseFieldText, primaryFor, PRIMARY, cleanDescription } from '../../src/ui/lib/schemaControls.ts';

const controls = controlsFromJsonSchema(z.toJSONSchema(scenarioSchema, { io: 'input' }));

describe('controls generated from the scenario schema', () => {
  it('are the same from the committed scenarios/scenario.schema.json, which the page reads, as from the zod schema', () => {
    const file = JSON.parse(readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8'));
    expect(controlsFromJsonSchema(file)).toEqual(controls);
  });

  it('finds every curated first-screen parameter in the schema (a rename breaks this test, not the page)', () => {
    const paths = new Set(controls.map((c) => c.path));
    for (const list of Object.values(PRIMARY)) for (const p of list) expect(paths.has(p), p).toBe(true);
    for (const g of GROUPS) expect(primaryFor(controls, g.name as 'supply').length).toBeGreaterThan(0);
  });

  it('gives every numeric control a unit, a range and a default inside it, and a slider inside the range', () => {
    const numeric = controls.filter((c) => c.kind === 'number' || c.kind === 'integer');
    expect(numeric.length).toBeGreaterThan(50);
    for (const c of numeric) {
      expect(c.unit, c.path).not.toBe('');
      expect(c.min, c.path).toBeTypeOf('number');
      expect(c.max, c.path).toBeTypeOf('number');
      expect(c.sliderMin!, c.path).toBeGreaterThanOrEqual(c.min!);
      expect(c.sliderMax!, c.path).toBeLessThanOrEqual(c.max!);
      expect(c.step!, c.path).toBeGreaterThan(0);
      if (typeof c.default === 'number') {
        expect(c.default, c.path).toBeGreaterThanOrEqual(c.min!);
        expect(c.default, c.path).toBeLessThanOrEqual(c.max!);
      }
      expect(c.description.length, c.path).toBeGreaterThan(3);
      expect(c.description, c.path).not.toMatch(/\[.*default.*\]$/);
    }
  });

  it('narrows a huge schema range around the default for the slider, keeps the full range for typing', () => {
    const providers = controls.find((c) => c.path === 'supply.providers')!;
    expect(providers.max).toBe(10_000_000);
    expect(providers.sliderMax).toBe(10_000);
    expect(providers.kind).toBe('integer');
  });

  it('marks members of weight maps so an edit writes the whole map', () => {
    const na = controls.find((c) => c.path === 'supply.regions.na')!;
    expect(na.weightMapParent).toBe('supply.regions');
    expect(na.default).toBe(0.35);
  });

  it("marks the fields of an optional group (a mechanism a scenario turns on by having it), and only those", () => {
    const grouped = controls.filter((c) => c.optionalGroup);
    expect(grouped.map((c) => c.path)).toEqual([
      'market.escrow.runwayDays', 'market.escrow.topUpProbability', 'market.escrow.detectionLagHours',
      'market.spot.share', 'market.spot.priceMultiplier', 'market.spot.addedDemand', 'market.spot.noticeMinutes',
      'market.reserved.share', 'market.reserved.discount', 'market.reserved.patienceHours', 'market.reserved.minTermMonths', 'market.reserved.maxTermMonths',
    ]);
    const titles: Record<string, string> = { 'market.escrow': 'Escrow runways', 'market.spot': 'Spot leases', 'market.reserved': 'Reserved instances' };
    for (const c of grouped) {
      const path = c.path.slice(0, c.path.lastIndexOf('.'));
      const title = titles[path];
      expect(c.optionalGroup).toEqual({ path, title });
      expect(c.group).toBe('market');
      expect(c.description).toMatch(new RegExp(`${title}: off unless the scenario has them; setting this turns them on`));
    }
    expect(grouped[0].default).toBe(7);
  });

  it('offers choices for enums', () => {
    const m = controls.find((c) => c.path === 'market.matcher')!;
    expect(m.kind).toBe('choice');
    expect(m.options).toContain('auction');
  });

  it('labels, nice numbers and field parsing', () => {
    expect(labelFor('demand.baseRateJobsPerHour')).toBe('Base rate jobs per hour');
    expect(labelFor('supply.archetypes.home.share')).toBe('Home: share');
    expect(niceCeil(230)).toBe(250);
    expect(niceCeil(0.3)).toBeCloseTo(0.5);
    expect(parseFieldText(' 1,500 ', 'integer')).toBe(1500);
    expect(parseFieldText('2.5e3', 'number')).toBe(2500);
    expect(parseFieldText('abc', 'number')).toBe('abc');
    expect(parseFieldText('', 'number')).toBe('');
    expect(cleanDescription('Simulated time [days; default 365; range 1..3650]')).toBe('Simulated time');
  });
});
