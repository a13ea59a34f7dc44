/**
 * Outside events that move entry and exit for a while (economy.participation.participationShocks,
 * the GPU shortage of research §9 #3): on their days, the providers they reach leave as much more or
 * less often as the exit multiplier says and latent providers of those types stop or start looking;
 * the exits keep their causes (no rival behind them). Before the shock the run is the one without it.
 */
import { describe, expect, test } from 'vitest';
import { ARCHETYPES } from '../../src/sim/scenario/schema.ts';
import { col, runToEnd, small, sum } from './fixtures.ts';
import type { Run } from '../../src/sim/run.ts';

const H = 24;
const HOME = ARCHETYPES.indexOf('home');
const shocked = (shock: Record<string, unknown>, days = 30) =>
  small(300, days, { economy: { participation: { participationShocks: [{ startDay: 10, durationDays: 10, ...shock }] } } });
/** Providers of type `a` that came online in (from, to] hours. */
const joinedBetween = (r: Run, a: number, from: number, to: number) => r.model.providers.filter((p) => p.archetype === a && p.joinedAt > from && p.joinedAt <= to).length;

describe('participation shocks', () => {
  const quiet = runToEnd(small(300, 30), 4);

  test('no exits and no new home gamers while a shock with both multipliers at 0 lasts; the same run before it', () => {
    const frozen = runToEnd(shocked({ exitMultiplier: 0, entryMultiplier: 0, archetypes: ['home'] }), 4);
    const exitsHome = (r: Run, from: number, to: number) => r.model.providers.filter((p) => p.archetype === HOME && p.exitedAt > from && p.exitedAt <= to).length;
    for (const c of ['providers_exited', 'providers_joined', 'utilization']) expect(Array.from(col(frozen, c).slice(0, 10)), c).toEqual(Array.from(col(quiet, c).slice(0, 10)));
    // days 11-20: no home gamer leaves on the hazard, none comes online but those who decided on day 10
    // (their lag is a day); other types go on as before
    expect(exitsHome(frozen, 10 * H, 20 * H)).toBe(0);
    expect(exitsHome(quiet, 10 * H, 20 * H)).toBeGreaterThan(3);
    expect(joinedBetween(frozen, HOME, 11 * H, 20 * H)).toBe(0);
    expect(joinedBetween(quiet, HOME, 11 * H, 20 * H)).toBeGreaterThan(3);
    // after it, home gamers join again
    expect(joinedBetween(frozen, HOME, 21 * H, 30 * H)).toBeGreaterThan(0);
  }, 120_000);

  test('a shock that raises exits keeps their causes: churn and losses, never a rival', () => {
    const pushed = runToEnd(shocked({ exitMultiplier: 4 }), 4);
    const exits = col(pushed, 'providers_exited');
    expect(sum(exits, 10, 20)).toBeGreaterThan(2 * sum(col(quiet, 'providers_exited'), 10, 20));
    expect(sum(col(pushed, 'providers_exited_rival'))).toBe(0);
    for (let d = 0; d < 30; d++) {
      const causes = ['churn', 'losses', 'rival', 'banned'].map((c) => col(pushed, `providers_exited_${c}`)[d]);
      expect(causes.reduce((a, b) => a + b, 0)).toBe(exits[d]);
    }
  }, 120_000);

  test('bad shocks are refused naming the field', async () => {
    const { validateScenario } = await import('../../src/sim/scenario/validate.ts');
    const bad = (shock: unknown) => {
      const v = validateScenario({ economy: { participation: { participationShocks: [shock] } } });
      return v.ok ? [] : v.issues.map((i) => i.path);
    };
    expect(bad({ startDay: 1, durationDays: 1, exitMultiplier: -1 })).toEqual(['economy.participation.participationShocks.0.exitMultiplier']);
    expect(bad({ startDay: 1, durationDays: 1, archetypes: ['miner'] })).toEqual(['economy.participation.participationShocks.0.archetypes.0']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 2 })).toEqual(['economy.participation.participationShocks.0.multiplier']);
    expect(bad({ startDay: 1, durationDays: 1 })).toEqual([]);
  });
});
