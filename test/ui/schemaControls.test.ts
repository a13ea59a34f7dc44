import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/sim/scenario/schema.ts';
import { readFileSync } from 'node:fs';
import { controlsFromJsonSchema, GROUPS, labelFor, niceCeil, rangeText, parseFieldText, primaryFor, PRIMARY, cleanDescription, tickedChoices, toggleChoice } from '../../src/ui/lib/schemaControls.ts';
import { JOB_CLASSES } from '../../src/sim/scenario/names.ts';

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
      // the job classes of spot and reserved instances: lists of choices, in their groups like the numbers
      'market.spot.share', 'market.spot.classes', 'market.spot.priceMultiplier', 'market.spot.addedDemand', 'market.spot.noticeMinutes',
      'market.reserved.share', 'market.reserved.classes', 'market.reserved.discount', 'market.reserved.patienceHours', 'market.reserved.minTermMonths', 'market.reserved.maxTermMonths',
      'economy.bmeBreaker.haltRatio',
    ]);
    const titles: Record<string, string> = { 'market.escrow': 'Escrow runways', 'market.spot': 'Spot leases', 'market.reserved': 'Reserved instances', 'economy.bmeBreaker': 'Burn-and-mint circuit breaker' };
    for (const c of grouped) {
      const path = c.path.slice(0, c.path.lastIndexOf('.'));
      const title = titles[path];
      expect(c.optionalGroup).toEqual({ path, title });
      expect(c.group).toBe(path.split('.')[0]);
      expect(c.description).toMatch(new RegExp(`${title}: off unless the scenario has them; setting this turns them on`));
    }
    expect(grouped[0].default).toBe(7);
  });

  it('offers choices for enums', () => {
    const m = controls.find((c) => c.path === 'market.matcher')!;
    expect(m.kind).toBe('choice');
    expect(m.options).toContain('auction');
  });

  it('offers the job classes of spot and reserved instances as lists of choices, in schema order, with no default (all if left out)', () => {
    const lists = controls.filter((c) => c.kind === 'multiChoice');
    expect(lists.map((c) => c.path)).toEqual(['market.spot.classes', 'market.reserved.classes']);
    for (const c of lists) {
      expect(c.options).toEqual(['inference', 'finetune', 'training', 'rendering', 'transcoding']);
      expect(c.options).toEqual([...JOB_CLASSES]);
      expect(c.default).toBeUndefined();
      expect(c.unit).toBe('');
      expect(c.description).toMatch(/^Job classes (that rent spot|whose tenants reserve) \(all if omitted\)/);
    }
    expect(lists.map((c) => c.label)).toEqual(['Spot: classes', 'Reserved: classes']);
    expect(lists.map((c) => c.optionalGroup?.path)).toEqual(['market.spot', 'market.reserved']);
  });

  it('ticks every option of a list left out (all), those of a list, none of anything else', () => {
    const opts = ['a', 'b', 'c'];
    expect(tickedChoices(opts, undefined)).toEqual(['a', 'b', 'c']);
    expect(tickedChoices(opts, ['c', 'a'])).toEqual(['a', 'c']); // in the options' order
    expect(tickedChoices(opts, ['a', 'zz'])).toEqual(['a']);
    expect(tickedChoices(opts, [])).toEqual([]);
    expect(tickedChoices(opts, 'a')).toEqual([]);
  });

  it('turns a tick into the list: all ticked leaves it out, the last ticked one cannot go, never an empty list', () => {
    const opts = ['a', 'b', 'c'];
    // unticking one of all: the others, explicitly
    expect(toggleChoice(opts, undefined, 'b', false)).toEqual(['a', 'c']);
    expect(toggleChoice(opts, ['c', 'a'], 'a', false)).toEqual(['c']);
    // ticking the last one missing: all again, left out
    expect(toggleChoice(opts, ['a', 'c'], 'b', true)).toBeUndefined();
    expect(toggleChoice(opts, ['a'], 'c', true)).toEqual(['a', 'c']);
    // the last ticked one stays
    expect(toggleChoice(opts, ['b'], 'b', false)).toEqual(['b']);
    expect(toggleChoice(['only'], undefined, 'only', false)).toBeUndefined();
    // an invalid value (an empty list from a file): ticking one mends it
    expect(toggleChoice(opts, [], 'a', true)).toEqual(['a']);
    // a tick that changes nothing
    expect(toggleChoice(opts, undefined, 'a', true)).toBeUndefined();
    expect(toggleChoice(opts, ['a'], 'b', false)).toEqual(['a']);
  });

  it('labels, nice numbers and field parsing', () => {
    expect(labelFor('demand.baseRateJobsPerHour')).toBe('Base rate jobs per hour');
    expect(labelFor('supply.archetypes.home.share')).toBe('Home: share');
    // units and acronyms as written, a region by its name, a GPU model by the catalogue's
    expect(labelFor('supply.electricity.na.residentialUsdPerKwh')).toBe('North America: residential USD per kWh');
    expect(labelFor('supply.electricity.other.industrialUsdPerKwh')).toBe('Elsewhere: industrial USD per kWh');
    expect(labelFor('supply.archetypes.home.gpusPerNodeMax')).toBe('Home: GPUs per node max');
    expect(labelFor('supply.archetypes.farm.models.rtx4090')).toMatch(/^Farm models: RTX 4090/);
    expect(labelFor('supply.archetypes.datacenter.pue')).toBe('Datacenter: PUE');
    expect(rangeText({ min: 0, max: 1 })).toBe('0 to 1');
    expect(rangeText({ min: 0, max: 5, exclusiveMin: true })).toBe('>0 to 5');
    expect(rangeText({ min: 0 })).toBe('');
    expect(niceCeil(230)).toBe(250);
    expect(niceCeil(0.3)).toBeCloseTo(0.5);
    expect(parseFieldText(' 1,500 ', 'integer')).toBe(1500);
    expect(parseFieldText('2.5e3', 'number')).toBe(2500);
    expect(parseFieldText('abc', 'number')).toBe('abc');
    expect(parseFieldText('', 'number')).toBe('');
    expect(cleanDescription('Simulated time [days; default 365; range 1..3650]')).toBe('Simulated time');
  });
});
