/** The providers' usage table: GPU-hour integrals and online hours as the model accrues them. */
import { describe, expect, test } from 'vitest';
import { BUSY_TOTAL, BUSY_WINDOW, LAST_ACCRUE, ONLINE_TOTAL, ProviderUsage } from '../../../src/sim/model/usage.ts';

describe('provider usage table', () => {
  test('accrues busy and online GPU-hours between accruals; offline time adds no online hours', () => {
    const u = new ProviderUsage();
    u.open(3, 10);
    u.accrue(3, 12, 2, 4); // 2 h with 2 of 4 GPUs busy, online
    u.accrue(3, 15, 0, 0); // 3 h offline
    expect(u.get(3, BUSY_TOTAL)).toBe(4);
    expect(u.get(3, ONLINE_TOTAL)).toBe(8);
    expect(u.get(3, LAST_ACCRUE)).toBe(15);
    // the daily window: utilization busy / online, then reset; the totals stay
    expect(u.takeWindowUtilization(3)).toBe(0.5);
    expect(u.get(3, BUSY_WINDOW)).toBe(0);
    expect(Number.isNaN(u.takeWindowUtilization(3))).toBe(true);
    expect(u.get(3, BUSY_TOTAL)).toBe(4);
  });

  test('online hours count only the spans that were online, up to now', () => {
    const u = new ProviderUsage();
    u.open(0, 0);
    u.onlineChanged(0, 5, true); // online 0..5, then offline
    expect(u.onlineHours(0, 8, false)).toBe(5);
    u.onlineChanged(0, 8, false); // offline 5..8, then online
    expect(u.onlineHours(0, 10, true)).toBe(7);
  });

  test('grows for ids beyond its size and starts each row empty', () => {
    const u = new ProviderUsage();
    u.open(5000, 1);
    u.accrue(5000, 2, 1, 1);
    expect(u.get(5000, BUSY_TOTAL)).toBe(1);
    u.open(5000, 7); // a fresh row (the id is reused only by a new table)
    expect(u.get(5000, BUSY_TOTAL)).toBe(0);
    expect(u.onlineHours(5000, 9, true)).toBe(2);
  });
});
