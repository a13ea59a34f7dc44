import { describe, expect, test } from 'vitest';
import { applyOverride, applyOverrides, parseOverride } from '../../../src/sim/scenario/overrides.ts';
import { parseScenario, ScenarioError } from '../../../src/sim/scenario/validate.ts';

describe('--set overrides', () => {
  test('parseOverride: dotted path, JSON values, bare words as strings', () => {
    expect(parseOverride('demand.baseRateJobsPerHour=60')).toEqual({ path: ['demand', 'baseRateJobsPerHour'], value: 60 });
    expect(parseOverride('market.matcher=auction')).toEqual({ path: ['market', 'matcher'], value: 'auction' });
    expect(parseOverride('demand.classes.inference.unlimitedPatience=true')).toEqual({ path: ['demand', 'classes', 'inference', 'unlimitedPatience'], value: true });
    expect(parseOverride('demand.classes.inference.gpus={"1":1}').value).toEqual({ '1': 1 });
    expect(parseOverride('name="42"').value).toBe('42');
    expect(parseOverride('question=a=b').value).toBe('a=b'); // only the first '=' splits
    expect(parseOverride(' horizonDays =30').path).toEqual(['horizonDays']);
  });

  test('parseOverride refuses a missing "=" or empty path parts', () => {
    for (const bad of ['novalue', '=5', '']) expect(() => parseOverride(bad)).toThrow(ScenarioError);
    expect(() => parseOverride('novalue')).toThrow(/expected --set path=value/);
    expect(() => parseOverride('demand..x=1')).toThrow(/without empty parts/);
  });

  test('applyOverrides sets nested fields, creating objects from their defaults, without touching the input', () => {
    const raw = { horizonDays: 10, supply: { providers: 5 } };
    const out = applyOverrides(raw, ['supply.providers=7', 'market.weights.price=2', 'horizonDays=20']);
    // an object the input has is edited in place; one it lacks starts as the default
    expect(out.supply).toEqual({ providers: 7 });
    expect(out.horizonDays).toBe(20);
    expect(out.market).toEqual({ ...parseScenario({}).market, weights: { ...parseScenario({}).market.weights, price: 2 } });
    expect(raw).toEqual({ horizonDays: 10, supply: { providers: 5 } });
    const s = parseScenario(out);
    expect(s.market.weights.price).toBe(2);
    expect(s.market.weights.region).toBe(parseScenario({}).market.weights.region);
  });

  test('one field of a defaulted distribution can be set: the rest of the default stays', () => {
    // baseline gives no patience for inference: the default is an exponential with a 1 h mean
    const base = parseScenario({});
    expect(base.demand.classes.inference.patienceHours).toEqual({ dist: 'exponential', mean: 1 });
    const s = parseScenario(applyOverrides({}, ['demand.classes.inference.patienceHours.mean=2']));
    expect(s.demand.classes.inference.patienceHours).toEqual({ dist: 'exponential', mean: 2 });
    // and the other classes keep their own defaults
    expect(s.demand.classes.training).toEqual(base.demand.classes.training);
  });

  test('a field the file gives is overridden in place, not reset to the default', () => {
    const raw = { demand: { classes: { inference: { patienceHours: { dist: 'lognormal', median: 0.5, sigma: 1 } } } } };
    const s = parseScenario(applyOverrides(raw, ['demand.classes.inference.patienceHours.sigma=0.5']));
    expect(s.demand.classes.inference.patienceHours).toEqual({ dist: 'lognormal', median: 0.5, sigma: 0.5 });
  });

  test('an item of a list is set by its index; the next index adds an item, field by field', () => {
    const shock = ['demand.shocks.0.startDay=30', 'demand.shocks.0.durationDays=7', 'demand.shocks.0.multiplier=3'];
    // the baseline has no shocks: three --set build one, and the run sees it
    expect(parseScenario(applyOverrides({}, shock)).demand.shocks).toEqual([expect.objectContaining({ startDay: 30, durationDays: 7, multiplier: 3 })]);
    // an item the file has is edited in place; the next index appends a whole item given as JSON
    const file = { demand: { shocks: [{ startDay: 1, durationDays: 2, multiplier: 2 }] } };
    const out = applyOverrides(file, ['demand.shocks.0.multiplier=4', 'demand.shocks.1={"startDay":9,"durationDays":1,"multiplier":0.5}']);
    expect(parseScenario(out).demand.shocks.map((s) => [s.startDay, s.multiplier])).toEqual([
      [1, 4],
      [9, 0.5],
    ]);
    expect(file.demand.shocks).toHaveLength(1);
  });

  test('an index past the end of a list, or a name inside one, is refused with the indexes it takes', () => {
    expect(() => applyOverrides({}, ['demand.shocks.2.multiplier=2'])).toThrow(/demand\.shocks\.2: demand\.shocks has no items: expected an index \(0, to add the first item\)/);
    const file = { demand: { shocks: [{ startDay: 1, durationDays: 2, multiplier: 2 }] } };
    expect(() => applyOverrides(file, ['demand.shocks.5.multiplier=2'])).toThrow(/demand\.shocks has 1 item: expected an index \(0 to 0 for an item it has, 1 to add one\)/);
    expect(() => applyOverrides(file, ['demand.shocks.first.multiplier=2'])).toThrow(/demand\.shocks is a list, 'first' is not an index/);
    expect(() => applyOverrides(file, ['demand.shocks.x=2'])).toThrow(ScenarioError);
  });

  test('later overrides win', () => {
    expect(applyOverrides({}, ['horizonDays=5', 'horizonDays=6']).horizonDays).toBe(6);
  });

  test('a misspelled path fails validation as an unknown field naming it', () => {
    const raw = applyOverrides({}, ['demand.baseRateJobsPerHuor=5']);
    expect(() => parseScenario(raw)).toThrow(/demand\.baseRateJobsPerHuor: unknown field \(given 5\)/);
  });

  test('an override is validated like a field in a file (type and range)', () => {
    expect(() => parseScenario(applyOverrides({}, ['horizonDays=abc']))).toThrow(/horizonDays: expected number, got "abc"/);
    expect(() => parseScenario(applyOverrides({}, ['market.matcher=cheapst']))).toThrow(/market\.matcher: expected one of/);
    expect(() => parseScenario(applyOverrides({}, ['scale=0']))).toThrow(/scale: expected value >= 0\.01, got 0/);
  });

  test('setting inside a scalar is refused, naming the scalar', () => {
    expect(() => applyOverride({ horizonDays: 5 }, ['horizonDays', 'x'], 1)).toThrow(/horizonDays: is 5, not an object: cannot set horizonDays\.x/);
  });

  test("a path through an object's prototype is refused and writes nothing into Object.prototype", () => {
    for (const spec of ['__proto__.polluted=1', 'demand.__proto__.polluted=1', 'constructor.prototype.polluted=1']) {
      expect(() => applyOverrides({}, [spec]), spec).toThrow(ScenarioError);
      expect(() => applyOverrides({}, [spec])).toThrow(/is not a scenario field \('(__proto__|constructor)' names an object's prototype, not a field\)/);
    }
    // applyOverride is also called with paths from files (a sweep sidecar opened in the dashboard)
    expect(() => applyOverride({ demand: {} }, ['demand', '__proto__', 'polluted'], 1)).toThrow(ScenarioError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    // an inherited name is no field either: it becomes an own (unknown) field, which validation names
    const r = applyOverride({}, ['toString', 'x'], 1);
    expect(Object.hasOwn(r, 'toString')).toBe(true);
    expect(() => parseScenario(r)).toThrow(/toString/);
    expect(typeof Object.prototype.toString).toBe('function');
  });
});
