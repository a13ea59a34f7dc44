/**
 * Electricity price shocks (supply.electricityShocks): the price of the regions and tariffs they
 * name moves from their day on; providers there pay it from the next daily tick, their running
 * costs follow and their asks are never under the new running cost; everyone else is untouched.
 */
import { describe, expect, it } from 'vitest';
import { createElectricityPrices } from '../../../src/sim/supply/electricityPrices.ts';
import { parseScenario, validateScenario } from '../../../src/sim/scenario/validate.ts';
import { REGIONS } from '../../../src/sim/scenario/schema.ts';
import { createRun } from '../../../src/sim/run.ts';

const H = 24;
const EU = REGIONS.indexOf('eu');
const NA = REGIONS.indexOf('na');

describe('electricity prices over time', () => {
  it('without shocks, the listed prices; a shock moves only the regions and tariffs it names, with its ramp', () => {
    const plain = createElectricityPrices(parseScenario({}));
    expect(plain.moves).toBe(false);
    const s = parseScenario({ supply: { electricityShocks: [{ startDay: 10, durationDays: 20, rampDays: 10, multiplier: 3, regions: ['eu'], tariffs: ['industrial'] }] } });
    const p = createElectricityPrices(s);
    const euInd = s.supply.electricity.eu.industrialUsdPerKwh;
    expect(p.moves).toBe(true);
    expect(p.price(EU, 'industrial', 9 * H)).toBe(euInd);
    expect(p.price(EU, 'industrial', 15 * H)).toBeCloseTo(2 * euInd, 12); // half-way up: 1 + (3 - 1) / 2
    expect(p.price(EU, 'industrial', 25 * H)).toBeCloseTo(3 * euInd, 12);
    expect(p.price(EU, 'industrial', 60 * H)).toBe(euInd);
    expect(p.price(EU, 'residential', 25 * H)).toBe(s.supply.electricity.eu.residentialUsdPerKwh);
    expect(p.price(NA, 'industrial', 25 * H)).toBe(s.supply.electricity.na.industrialUsdPerKwh);
  });

  it('providers pay the shocked price from the next daily tick: running cost up, asks at least that; others unchanged', () => {
    const s = parseScenario({
      horizonDays: 6,
      scale: 0.1,
      demand: { warmStart: true },
      supply: { electricityShocks: [{ startDay: 2, durationDays: 100, multiplier: 3, regions: ['eu'] }] },
    });
    const run = createRun(s, 1);
    const listed = (p: { region: number; archetype: number }) => {
      const el = s.supply.electricity[REGIONS[p.region]];
      const arch = Object.values(s.supply.archetypes)[p.archetype];
      return arch.tariff === 'residential' ? el.residentialUsdPerKwh : el.industrialUsdPerKwh;
    };
    run.advance(2 * H - 1);
    const before = run.model.providers.filter((p) => p.active).map((p) => ({ id: p.id, kwh: p.electricityUsdPerKwh, running: p.runningCostUsdPerGpuHour }));
    expect(run.model.providers.every((p) => p.electricityUsdPerKwh === listed(p))).toBe(true);
    run.advance(3 * H + 1); // past the tick at the start of day 3
    const eu = run.model.providers.filter((p) => p.active && p.region === EU);
    const others = run.model.providers.filter((p) => p.active && p.region !== EU);
    expect(eu.length).toBeGreaterThan(10);
    for (const p of eu) {
      expect(p.electricityUsdPerKwh).toBeCloseTo(3 * listed(p), 12);
      const was = before.find((b) => b.id === p.id);
      if (was) expect(p.runningCostUsdPerGpuHour).toBeGreaterThan(was.running);
      expect(p.askUsdPerGpuHour).toBeGreaterThanOrEqual(p.runningCostUsdPerGpuHour);
    }
    for (const p of others) expect(p.electricityUsdPerKwh).toBe(listed(p));
  });

  it('bad shocks are refused naming the field', () => {
    const bad = (shock: unknown) => {
      const v = validateScenario({ supply: { electricityShocks: [shock] } });
      return v.ok ? [] : v.issues.map((i) => i.path);
    };
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 2, regions: ['europe'] })).toEqual(['supply.electricityShocks.0.regions.0']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 2, tariffs: ['commercial'] })).toEqual(['supply.electricityShocks.0.tariffs.0']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 200 })).toEqual(['supply.electricityShocks.0.multiplier']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 2, regions: ['eu'], tariffs: ['residential'] })).toEqual([]);
  });
});
