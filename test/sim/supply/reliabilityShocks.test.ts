/**
 * Stretches of lower reliability (supply.reliabilityShocks): the schedule of their starts and ends,
 * and in a run, the reached providers online less of the time from the stretch's first hours to its
 * end, then back; the university_terms preset against its control.
 */
import { describe, expect, it } from 'vitest';
import { ReliabilityShocks } from '../../../src/sim/supply/reliabilityShocks.ts';
import { ARCHETYPES, REGIONS } from '../../../src/sim/scenario/schema.ts';
import { col, mean, runToEnd, scenarioFile, expectSameUntil } from '../../economy/fixtures.ts';
import { validateScenario } from '../../../src/sim/scenario/validate.ts';

const at = (a: string, r: string) => ARCHETYPES.indexOf(a as never) * REGIONS.length + REGIONS.indexOf(r as never);

describe('the schedule of reliability stretches', () => {
  it('a yearly stretch starts and ends each year inside the horizon; the multipliers reach only its types and regions', () => {
    const rs = new ReliabilityShocks([{ startDay: 90, durationDays: 90, multiplier: 0.5, archetypes: ['university'], regions: ['eu'], repeatEveryDays: 365 }]);
    const b = rs.boundaries(800 * 24);
    expect(b.map((x) => [x.hour / 24, x.on])).toEqual([
      [90, true],
      [180, false],
      [455, true],
      [545, false],
    ]);
    expect(rs.set(0, true)).toBe(true);
    expect(rs.factor[at('university', 'eu')]).toBe(0.5);
    expect(rs.factor[at('university', 'na')]).toBe(1);
    expect(rs.factor[at('home', 'eu')]).toBe(1);
    expect(rs.set(0, true)).toBe(false); // already on
    rs.set(0, false);
    expect([...rs.factor].every((f) => f === 1)).toBe(true);
  });

  it('one on at day 0 is switched on at once; overlapping stretches multiply; one of 0 days has no switch; an end past the horizon is left out', () => {
    const rs = new ReliabilityShocks([
      { startDay: 0, durationDays: 10, multiplier: 0.5 },
      { startDay: 5, durationDays: 100, multiplier: 0.8, archetypes: ['home'] },
      { startDay: 3, durationDays: 0, multiplier: 0.1 },
    ]);
    const b = rs.boundaries(30 * 24);
    expect(b.map((x) => [x.hour / 24, x.shock, x.on])).toEqual([
      [5, 1, true],
      [10, 0, false],
    ]);
    expect(rs.factor[at('farm', 'asia')]).toBe(0.5);
    rs.set(1, true);
    expect(rs.factor[at('home', 'asia')]).toBeCloseTo(0.4, 12);
    expect(rs.factor[at('farm', 'asia')]).toBe(0.5);
  });

  it('validation: a stretch that would come back before it has ended, or a multiplier above 1, is refused naming the field', () => {
    const bad = (sh: object) => validateScenario({ supply: { reliabilityShocks: [sh] } });
    const r1 = bad({ startDay: 10, durationDays: 90, multiplier: 0.6, repeatEveryDays: 60 });
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.issues.map((i) => i.path)).toEqual(['supply.reliabilityShocks.0.repeatEveryDays']);
    const r2 = bad({ startDay: 10, durationDays: 90, multiplier: 1.5 });
    expect(!r2.ok && r2.issues.map((i) => i.path)).toEqual(['supply.reliabilityShocks.0.multiplier']);
    expect(bad({ startDay: 10, durationDays: 90, multiplier: 0.6, repeatEveryDays: 365 }).ok).toBe(true);
  });
});

describe('a reliability stretch in a run', () => {
  it('takes hold in its first days, not at the reached providers\' next outage, and lets go when it ends', () => {
    // data centres are up ~0.995 of the time in spells of ~600 h: without moving the spells under
    // way, a stretch of 10 days would barely show; at 0.5 they are online about half the time
    const over = { scale: 0.25, horizonDays: 30 };
    const shocked = runToEnd(scenarioFile('baseline', { ...over, supply: { reliabilityShocks: [{ startDay: 10, durationDays: 10, multiplier: 0.5, archetypes: ['datacenter'] }] } }), 3);
    const ctrl = runToEnd(scenarioFile('baseline', over), 3);
    expectSameUntil(shocked, ctrl, 10, ['gpus_online', 'leases_failed', 'utilization']);
    const share = (r: typeof ctrl, d0: number, d1: number) => mean(col(r, 'gpus_online_datacenter'), d0, d1) / mean(col(ctrl, 'gpus_online_datacenter'), d0, d1);
    expect(share(shocked, 11, 19)).toBeGreaterThan(0.4);
    expect(share(shocked, 11, 19)).toBeLessThan(0.62);
    expect(share(shocked, 22, 30)).toBeGreaterThan(0.93);
    // the other types are not reached (their own outages run on the same draws as before)
    expect(mean(col(shocked, 'gpus_online_farm'), 11, 19) / mean(col(ctrl, 'gpus_online_farm'), 11, 19)).toBeGreaterThan(0.97);
    expect(mean(col(shocked, 'leases_failed'), 11, 19)).toBeGreaterThan(1.5 * mean(col(ctrl, 'leases_failed'), 11, 19));
  }, 60_000);

  it('university_terms: the same run until day 90, then universities online about 0.6 / 0.95 of the time, more leases fail; back after the term', () => {
    const over = { scale: 0.25, horizonDays: 240 };
    const terms = runToEnd(scenarioFile('university_terms', over), 1);
    const ctrl = runToEnd(scenarioFile('university_terms', { ...over, supply: { reliabilityShocks: [] } }), 1);
    expectSameUntil(terms, ctrl, 90, ['gpus_online', 'leases_failed', 'utilization', 'price_usd_per_gpu_h', 'providers_active']);
    const online = (r: typeof ctrl, d0: number, d1: number) => mean(col(r, 'gpus_online_university'), d0, d1) / mean(col(r, 'gpus_total_university'), d0, d1);
    // the stretch multiplies each university's reliability by 0.63: the type's online share falls about as much
    const ratio = online(terms, 100, 180) / online(ctrl, 100, 180);
    expect(ratio).toBeGreaterThan(0.55);
    expect(ratio).toBeLessThan(0.72);
    expect(mean(col(terms, 'leases_failed_university'), 100, 180)).toBeGreaterThan(2 * mean(col(ctrl, 'leases_failed_university'), 100, 180));
    expect(online(terms, 200, 240) / online(ctrl, 200, 240)).toBeGreaterThan(0.95);
  }, 120_000);
});
