// The dashboard's editor of what a scenario schedules (lib/scheduleKinds.ts): every list of shocks
// or changes in the schema is editable, each new item is valid and marked on the charts, and the
// list edits keep what the user did not touch.
import { describe, expect, it } from 'vitest';
import schema from '../../scenarios/scenario.schema.json';
import { KIND_TEXT, scheduleControls, scheduleKindsFromJsonSchema, withCopiedItem, withField, withNewItem, withoutItem } from '../../src/ui/lib/scheduleKinds.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';
import { scheduledEvents } from '../../src/ui/lib/scheduledEvents.ts';

const kinds = scheduleKindsFromJsonSchema(schema);
const kind = (path: string) => kinds.find((k) => k.path === path)!;

describe('kinds of scheduled events', () => {
  it('every list of objects in the schema is a kind with a title and an example, and every titled kind is in the schema', () => {
    expect(kinds.map((k) => k.path).sort()).toEqual(Object.keys(KIND_TEXT).sort());
    expect(kinds.map((k) => k.path)).toEqual(Object.keys(KIND_TEXT)); // in the editor's order
  });

  it('fields come from the schema: required or optional, unit and range, choices', () => {
    const f = Object.fromEntries(kind('demand.shocks').fields.map((x) => [x.key, x]));
    expect(f.startDay).toMatchObject({ kind: 'number', required: true, unit: 'day', min: 0, max: 36500 });
    expect(f.rampDays).toMatchObject({ kind: 'number', required: false, default: 0 });
    expect(f.classes).toMatchObject({ kind: 'multi', required: false, options: ['inference', 'finetune', 'training', 'rendering', 'transcoding'] });
    expect(Object.fromEntries(kind('supply.influxes').fields.map((x) => [x.key, x])).archetype).toMatchObject({ kind: 'choice', required: true, options: ['home', 'farm', 'datacenter', 'university'] });
    expect(kind('supply.reliabilityShocks').fields.find((x) => x.key === 'multiplier')).toMatchObject({ min: 0.01, max: 1, unit: 'x reliability' });
  });

  it("each kind's new item is valid on the baseline, and the charts mark it", () => {
    for (const k of kinds) {
      const raw = k.path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), withNewItem([], k));
      const v = validateScenario(raw);
      expect(v.ok, `${k.path}: ${v.ok ? '' : JSON.stringify(v.issues)}`).toBe(true);
      if (v.ok) expect(scheduledEvents(v.scenario).length, k.path).toBeGreaterThan(0);
    }
  });
});

describe('editing a list', () => {
  const items = [{ startDay: 10, durationDays: 5, multiplier: 2, classes: ['training'] }, { startDay: 50, durationDays: 5, multiplier: 3 }];

  it('sets one field of one item; an empty value or an empty choice leaves the field out', () => {
    expect(withField(items, 1, 'multiplier', 4)).toEqual([items[0], { startDay: 50, durationDays: 5, multiplier: 4 }]);
    expect(withField(items, 0, 'classes', [])).toEqual([{ startDay: 10, durationDays: 5, multiplier: 2 }, items[1]]);
    expect(withField(items, 0, 'rampDays', undefined)[0]).not.toHaveProperty('rampDays');
    expect(items[1].multiplier).toBe(3); // the input is not changed
  });

  it('removes an item; adds a copy of the example, not the example itself', () => {
    expect(withoutItem(items, 0)).toEqual([items[1]]);
    const k = kind('demand.shocks');
    const added = withNewItem(items, k);
    expect(added.slice(0, 2)).toEqual(items);
    expect(added[2]).toEqual(k.template);
    (added[2] as { multiplier: number }).multiplier = 9;
    expect(k.template.multiplier).toBe(2);
  });

  it('copies an item right after it, a copy that changes on its own', () => {
    const copied = withCopiedItem(items, 0);
    expect(copied).toEqual([items[0], items[0], items[1]]);
    (copied[1] as { startDay: number }).startDay = 375;
    expect(items[0].startDay).toBe(10);
    expect(withCopiedItem(items, 1)).toEqual([items[0], items[1], items[1]]);
  });
});

describe('scheduled items as parameters to sweep', () => {
  it('each number field of each item the scenario has, by index, labelled by its kind (numbered when there are several)', () => {
    const lists: Record<string, unknown> = {
      'demand.shocks': [{ startDay: 5, durationDays: 10, multiplier: 2 }, { startDay: 50, durationDays: 10, multiplier: 3 }],
      'supply.influxes': [{ startDay: 60, durationDays: 30, providers: 240, archetype: 'farm' }],
    };
    const cs = scheduleControls(kinds, (p) => lists[p]);
    expect(cs.filter((c) => c.path.startsWith('demand.shocks.1.')).map((c) => c.path)).toEqual(['demand.shocks.1.startDay', 'demand.shocks.1.durationDays', 'demand.shocks.1.rampDays', 'demand.shocks.1.multiplier']);
    expect(cs.find((c) => c.path === 'demand.shocks.0.multiplier')).toMatchObject({ label: 'Demand shock 1: multiplier', unit: 'x arrival rate', group: 'demand', kind: 'number', min: 0, max: 100 });
    expect(cs.find((c) => c.path === 'supply.influxes.0.providers')).toMatchObject({ label: 'Wave of new providers: providers', kind: 'integer', group: 'supply' });
    // acronyms stay capitals, in the editor's field labels and in a sweep's
    const prog = scheduleControls(kinds, (p) => (p === 'economy.incentivePrograms' ? [{}] : undefined));
    expect(prog.map((c) => c.label)).toEqual(['Incentive program: start day', 'Incentive program: duration days', 'Incentive program: budget USD', 'Incentive program: USD per GPU hour', 'Incentive program: min VRAM GB']);
    expect(cs.some((c) => c.path.endsWith('archetype'))).toBe(false); // choices are not swept
  });
});
