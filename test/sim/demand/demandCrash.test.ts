/**
 * The demand_crash preset against a control run with the same seed and no crash: identical until
 * the crash starts (day 60), then idle GPUs, falling prices, providers leaving for losses and
 * entrants staying out; when demand is back (day 270) the smaller network runs hotter. Quarter
 * scale (seeds 1-3 at this scale: utilization 55-65% of the control's while demand is down, 13-25%
 * fewer providers on day 240 and 14-15% fewer at the end).
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, sum, expectSameUntil } from '../../economy/fixtures.ts';

const Q = { scale: 0.25 };

describe('demand_crash', () => {
  it('the same run until day 60; then idle GPUs, lower prices, loss exits and no entry; a smaller, busier network after', () => {
    const crash = runToEnd(scenarioFile('demand_crash', Q), 1);
    const ctrl = runToEnd(scenarioFile('demand_crash', { ...Q, demand: { shocks: [] } }), 1);
    expectSameUntil(crash, ctrl, 60, ['utilization', 'jobs_arrived', 'price_usd_per_gpu_h', 'providers_active']);
    const during = (r: typeof crash, c: string) => mean(col(r, c), 90, 240);
    // arrivals at 40%, once the 15-day ramp is done
    expect(sum(col(crash, 'jobs_arrived'), 90, 240) / sum(col(ctrl, 'jobs_arrived'), 90, 240)).toBeCloseTo(0.4, 1);
    expect(during(crash, 'utilization')).toBeLessThan(0.75 * during(ctrl, 'utilization'));
    expect(during(crash, 'price_usd_per_gpu_h')).toBeLessThan(0.8 * during(ctrl, 'price_usd_per_gpu_h'));
    expect(during(crash, 'emission_income_share')).toBeGreaterThan(during(ctrl, 'emission_income_share'));
    // providers leave for losses, would-be entrants stay out; home gamers go first
    expect(sum(col(crash, 'providers_exited_losses'), 60, 270)).toBeGreaterThan(1.15 * sum(col(ctrl, 'providers_exited_losses'), 60, 270));
    expect(sum(col(crash, 'providers_joined'), 60, 270)).toBeLessThan(0.8 * sum(col(ctrl, 'providers_joined'), 60, 270));
    expect(col(crash, 'providers_active')[239]).toBeLessThan(0.9 * col(ctrl, 'providers_active')[239]);
    expect(col(crash, 'providers_active_home')[239]).toBeLessThan(0.75 * col(ctrl, 'providers_active_home')[239]);
    // demand back: fewer providers than the control at the end, and they are busier
    expect(col(crash, 'providers_active')[364]).toBeLessThan(col(ctrl, 'providers_active')[364]);
    expect(mean(col(crash, 'utilization'), 300, 365)).toBeGreaterThan(mean(col(ctrl, 'utilization'), 300, 365));
  }, 180_000);
});
