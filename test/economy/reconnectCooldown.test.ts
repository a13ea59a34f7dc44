/**
 * Spheron's reconnect cooldown (economy.emission.reconnectCooldownHours): a provider's first hours
 * back online earn no availability reward, so the reward moves from providers that come and go (home
 * gamers with a daily sharing window, flaky farms) to those that stay up.
 */
import { describe, expect, test } from 'vitest';
import { ReconnectCooldown } from '../../src/sim/economy/reconnectCooldown.ts';
import { col, runToEnd, small, sum } from './fixtures.ts';

describe('reconnect cooldown on availability rewards', () => {
  test('counts the hours online within the cooldown, cut short by a disconnect, split at each take', () => {
    const c = new ReconnectCooldown(3);
    c.reconnect(0, 10);
    c.disconnect(0, 11.5); // down after 1.5 h of its 3 h cooldown
    c.reconnect(0, 20); // up again: 3 h from 20 to 23
    expect(c.take(0, 24)).toBeCloseTo(4.5, 12);
    expect(c.take(0, 48)).toBe(0);
    c.reconnect(1, 46); // across the day's end: 2 h today, 1 h tomorrow
    expect(c.take(1, 48)).toBeCloseTo(2, 12);
    expect(c.take(1, 72)).toBeCloseTo(1, 12);
    // a provider never seen has none
    expect(c.take(7, 72)).toBe(0);
  });

  test('moves the availability reward from home gamers to always-on data centres', () => {
    const days = 20;
    const share = (cooldown: number, type: string) => {
      const run = runToEnd(small(300, days, { economy: { emission: { reconnectCooldownHours: cooldown } } }), 3);
      const types = ['home', 'farm', 'datacenter', 'university'];
      const all = sum(types.map((t) => sum(col(run, `provider_rewards_usd_${t}`))));
      return sum(col(run, `provider_rewards_usd_${type}`)) / all;
    };
    const homeOff = share(0, 'home');
    const homeOn = share(6, 'home');
    expect(homeOn).toBeLessThan(0.9 * homeOff);
    expect(share(6, 'datacenter')).toBeGreaterThan(share(0, 'datacenter'));
  });
});
