/**
 * A rival network (economy.participation.competitors): while its offer lasts, providers leave more
 * often and fewer join; before it starts the run is the same as without it (same seed, same luck).
 */
import { describe, expect, test } from 'vitest';
import { participationFactor as competitorFactor } from '../../src/sim/economy/participationWindows.ts';
import { EXIT_CHURN, EXIT_LOSSES, EXIT_RIVAL, exitCause } from '../../src/sim/economy/exitCause.ts';
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

  test('an exit has one cause, each drawn with its share of the hazard', () => {
    // h = base (1 + L) R with base 0.01, L = 1, R = 4: churn 1/8, losses 1/8, rival 3/4
    const h = 0.01 * 2 * 4;
    const counts = [0, 0, 0];
    const n = 80_000;
    for (let i = 0; i < n; i++) counts[exitCause(((i + 0.5) / n) * h, h, 1, 4)]++;
    expect(counts[EXIT_CHURN] / n).toBeCloseTo(1 / 8, 3);
    expect(counts[EXIT_LOSSES] / n).toBeCloseTo(1 / 8, 3);
    expect(counts[EXIT_RIVAL] / n).toBeCloseTo(3 / 4, 3);
    // without losses or a rival every exit is churn; a certain exit (h >= 1) still splits by the shares
    expect(exitCause(0.009, 0.01, 0, 1)).toBe(EXIT_CHURN);
    expect(exitCause(0.6, 2, 0, 4)).toBe(EXIT_RIVAL);
    expect(exitCause(0.2, 2, 0, 4)).toBe(EXIT_CHURN);
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
    // why they left: each exit has one cause, the rival's with its share of the hazard (here 3/4,
    // its multiplier being 4), only on its days; whole providers, the causes summing to the exits
    const rivalExits = col(lured, 'providers_exited_rival');
    const n = sum(exits, 10, 20);
    const sd = Math.sqrt(n * 0.75 * 0.25);
    expect(Math.abs(sum(rivalExits, 10, 20) - 0.75 * n)).toBeLessThan(3 * sd);
    for (let d = 0; d < days; d++) {
      const causes = ['churn', 'losses', 'rival', 'banned'].map((c) => col(lured, `providers_exited_${c}`)[d]);
      for (const k of causes) expect(Number.isInteger(k)).toBe(true);
      expect(causes.reduce((a, b) => a + b, 0)).toBe(exits[d]);
    }
    expect(sum(rivalExits, 0, 10) + sum(rivalExits, 20, days)).toBe(0);
    expect(sum(col(quiet, 'providers_exited_rival'))).toBe(0);
  });
});
