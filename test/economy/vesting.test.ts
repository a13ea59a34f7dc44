/**
 * Token unlocks (economy.vesting): tokens locked at genesis come out on the schedule (a cliff, then
 * linear vesting), their holders sell a share of each unlock over the following days, and that sale
 * presses the price like any other. Supply is conserved throughout (the economy asserts it daily).
 */
import { describe, expect, test } from 'vitest';
import { UnlockSales, unlockedBy } from '../../src/sim/economy/vesting.ts';
import { col, runToEnd, small, sum } from './fixtures.ts';

const schedule = { lockedShare: 0.3, cliffDays: 10, cliffShare: 0.25, vestingDays: 20, sellShare: 0.5, sellDays: 4 };

describe('the vesting schedule', () => {
  test('nothing before the cliff, the cliff share on its day, then linear to all of it', () => {
    const L = 1_000_000;
    expect(unlockedBy(schedule, L, 9)).toBe(0);
    expect(unlockedBy(schedule, L, 10)).toBe(250_000);
    expect(unlockedBy(schedule, L, 20)).toBe(625_000); // half way through the 20 vesting days
    expect(unlockedBy(schedule, L, 30)).toBe(L);
    expect(unlockedBy(schedule, L, 400)).toBe(L);
    // no vesting period: everything on the cliff day
    expect(unlockedBy({ ...schedule, vestingDays: 0 }, L, 10)).toBe(L);
    expect(unlockedBy(schedule, 0, 100)).toBe(0);
  });

  test('holders sell their share of each unlock evenly over the selling days, in whole units, nothing lost', () => {
    // 1003 unlocked, half sold: 501 units over 4 days, 125 a day and the odd unit on the first
    const s = new UnlockSales(schedule);
    s.unlocked(1003);
    expect([s.today(), s.today(), s.today(), s.today(), s.today()]).toEqual([126, 125, 125, 125, 0]);
    // a second unlock while the first is being sold adds to the days ahead
    const t = new UnlockSales(schedule);
    t.unlocked(800); // 400: 100 a day
    t.today();
    t.unlocked(80); // 40: 10 a day from now
    expect([t.today(), t.today(), t.today(), t.today(), t.today()]).toEqual([110, 110, 110, 10, 0]);
  });
});

describe('unlocks in a run', () => {
  const days = 40;
  const over = { economy: { vesting: schedule } };
  const run = runToEnd(small(150, days, over), 2);
  const quiet = runToEnd(small(150, days), 2);

  test('the locked tokens leave the circulating supply at genesis and come back on the schedule', () => {
    const locked = col(run, 'locked_tokens');
    const unlocked = col(run, 'unlocked_tokens');
    const supply = col(run, 'supply_tokens');
    const initial = locked[0] + sum(unlocked, 0, 1);
    // 30% of the genesis supply (the supply before any emission)
    expect(initial / (supply[0] - sum(col(run, 'minted_tokens'), 0, 1) + sum(col(run, 'burned_tokens'), 0, 1))).toBeCloseTo(0.3, 6);
    expect(sum(unlocked, 0, 9)).toBe(0);
    expect(unlocked[9]).toBeCloseTo(0.25 * initial, 0); // the cliff, day 10
    expect(locked[days - 1]).toBeCloseTo(0, 3); // all of it out by day 30
    // every unlocked token came out of the lock
    for (let d = 1; d < days; d++) expect(locked[d - 1] - locked[d]).toBeCloseTo(unlocked[d], 3);
  });

  test('the holders\' sales are sell pressure: the price falls below the same seed\'s without the unlock', () => {
    const sold = col(run, 'unlock_sell_usd');
    expect(sum(sold, 0, 9)).toBe(0);
    expect(sum(sold)).toBeGreaterThan(0);
    const sells = col(run, 'token_sell_usd');
    sold.forEach((v, d) => expect(v).toBeLessThanOrEqual(sells[d] + 1e-9));
    const p = col(run, 'token_price_usd');
    const q = col(quiet, 'token_price_usd');
    // the same exogenous path until the cliff (common random numbers), lower after
    for (let d = 0; d < 9; d++) expect(p[d]).toBeCloseTo(q[d], 12);
    expect(p[15] / q[15]).toBeLessThan(0.97);
  });

  test('without a lock nothing is locked, unlocked or sold', () => {
    expect(sum(col(quiet, 'locked_tokens'))).toBe(0);
    expect(sum(col(quiet, 'unlocked_tokens'))).toBe(0);
    expect(sum(col(quiet, 'unlock_sell_usd'))).toBe(0);
  });
});
