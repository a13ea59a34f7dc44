// The take rate over time (economy.takeRateChanges): which rate a payment settled at time t pays.
import { describe, expect, it } from 'vitest';
import { takeRateSchedule } from '../../src/sim/economy/takeRate.ts';
import { validateScenario } from '../../src/sim/scenario/validate.ts';

const H = 24;

describe('take rate schedule', () => {
  it('the base rate until the first change, then the last change whose day has begun, in day order whatever the list order', () => {
    const at = takeRateSchedule({ takeRate: 0.05, takeRateChanges: [{ startDay: 200, takeRate: 0 }, { startDay: 90, takeRate: 0.2 }] });
    expect(at(0)).toBe(0.05);
    // the daily settlement at the very start of day 90 settles the day before: old rate
    expect(at(90 * H)).toBe(0.05);
    expect(at(90 * H + 0.01)).toBe(0.2);
    expect(at(199 * H)).toBe(0.2);
    expect(at(250 * H)).toBe(0);
    expect(takeRateSchedule({ takeRate: 0.1 })(1e6)).toBe(0.1);
    // two changes on one day: the later in the list wins
    expect(takeRateSchedule({ takeRate: 0, takeRateChanges: [{ startDay: 1, takeRate: 0.3 }, { startDay: 1, takeRate: 0.1 }] })(2 * H)).toBe(0.1);
  });

  it('a rate out of range is refused naming the field', () => {
    const v = validateScenario({ economy: { takeRateChanges: [{ startDay: 10, takeRate: 0.7 }] } });
    expect(v.ok ? [] : v.issues.map((i) => i.path)).toEqual(['economy.takeRateChanges.0.takeRate']);
  });
});
