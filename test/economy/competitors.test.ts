/**
 * A rival network (economy.participation.competitors): while its offer lasts, providers leave more
 * often and fewer join; before it starts the run is the same as without it (same seed, same luck).
 */
import { describe, expect, test } from 'vitest';
import { competitorFactor } from '../../src/sim/economy/competitors.ts';
import { col, runToEnd, small, sum } from './fixtures.ts';

const rival = { startDay: 10, durationDays: 10, exitMultiplier: 4, entryMultiplier: 0, archetypes: undefined };

describe('a rival network luring providers away', () => {
  test('its multiplier applies on its days, to the types it reaches, and compounds with another', () => {
    expect(competitorFactor([rival], 'home', 10, 'exitMultiplier')).toBe(1); // starts after day 10
    expect(competitorFactor([rival], 'home', 11, 'exitMultiplier')).toBe(4);
    expect(competitorFactor([rival], 'home', 20, 'exitMultiplier')).toBe(4);
    expect(competitorFactor([rival], 'home', 21, 'exitMultiplier')).toBe(1);
    expect(competitorFactor([rival], 'farm', 15, 'entryMultiplier')).toBe(0);
    expect(competitorFactor([{ ...rival, archetypes: ['datacenter' as const] }], 'home', 15, 'exitMultiplier')).toBe(1);
    expect(competitorFactor([rival, { ...rival, exitMultiplier: 2 }], 'home', 15, 'exitMultiplier')).toBe(8);
    expect(competitorFactor([], 'home', 15, 'exitMultiplier')).toBe(1);
  });

  test('providers leave faster and none join while it lasts; before it the run is the one without it', () => {
    const days = 30;
    const over = { economy: { participation: { competitors: [rival] } } };
    const lured = runToEnd(small(300, days, over), 4);
    const quiet = runToEnd(small(300, days), 4);
    const exits = col(lured, 'providers_exited');
    const exitsQuiet = col(quiet, 'providers_exited');
    // identical up to the rival's start
    for (let d = 0; d < 10; d++) expect(exits[d]).toBe(exitsQuiet[d]);
    expect(Array.from(col(lured, 'utilization')).slice(0, 10)).toEqual(Array.from(col(quiet, 'utilization')).slice(0, 10));
    // over its ten days: several times the exits; no new decision to join (those who decided before
    // still come online after their lag), so fewer join
    expect(sum(exits, 10, 20)).toBeGreaterThan(2 * sum(exitsQuiet, 10, 20));
    expect(sum(col(lured, 'providers_joined'), 11, days)).toBeLessThan(sum(col(quiet, 'providers_joined'), 11, days));
    expect(col(lured, 'providers_active')[days - 1]).toBeLessThan(col(quiet, 'providers_active')[days - 1]);
    // why they left: the rival's share of each exit's hazard (here 3/4 of it, its multiplier being 4), only on its days
    const rivalExits = col(lured, 'providers_exited_rival');
    expect(sum(rivalExits, 10, 20)).toBeCloseTo(0.75 * sum(exits, 10, 20), 9);
    expect(sum(rivalExits, 0, 10) + sum(rivalExits, 20, days)).toBe(0);
    expect(sum(col(quiet, 'providers_exited_rival'))).toBe(0);
  });
});
