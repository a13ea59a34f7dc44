/**
 * Waves of newcomers (supply.influxes) and the eth_merge preset, against a control run with the same
 * seed and no wave: identical until the wave starts; then 240 x scale farms join, evenly over 30 days
 * (counted as joins), consumer-card prices fall and more orders find a GPU, while the home gamers,
 * who rent out the same cards, are squeezed. Quarter scale.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, sum, expectSameUntil } from '../../economy/fixtures.ts';

const Q = { scale: 0.25 };

describe('eth_merge', () => {
  it('60 farms join over days 60-90 on their own stream; entry-tier prices fall, the fill rate rises, home gamers are squeezed', () => {
    const wave = runToEnd(scenarioFile('eth_merge', Q), 1);
    const ctrl = runToEnd(scenarioFile('eth_merge', { ...Q, supply: { influxes: [] } }), 1);
    expectSameUntil(wave, ctrl, 60, ['providers_active', 'gpus_total', 'utilization', 'price_usd_per_gpu_h']);
    // the wave is 240 x 0.25 = 60 farms, one every half day (the economy's own entrants come on top)
    const farmsIn = (r: typeof wave) => sum(col(r, 'providers_joined'), 60, 90);
    expect(farmsIn(wave) - farmsIn(ctrl)).toBeGreaterThanOrEqual(55);
    expect(col(wave, 'gpus_total_farm')[94]).toBeGreaterThan(1.4 * col(ctrl, 'gpus_total_farm')[94]);
    const after = (r: typeof wave, c: string) => mean(col(r, c), 95, 180);
    expect(after(wave, 'price_usd_per_gpu_h_entry')).toBeLessThan(0.9 * after(ctrl, 'price_usd_per_gpu_h_entry'));
    expect(after(wave, 'fill_rate')).toBeGreaterThan(after(ctrl, 'fill_rate') + 0.01);
    expect(col(wave, 'providers_active_home')[179]).toBeLessThan(col(ctrl, 'providers_active_home')[179]);
  }, 180_000);
});

describe('waves of newcomers', () => {
  it('n x scale providers of the type, at the middle of n equal slots of the wave; all at its start when it lasts 0 days', () => {
    const run = runToEnd(
      scenarioFile('baseline', {
        horizonDays: 5,
        scale: 0.5,
        economy: { enabled: false },
        supply: { influxes: [{ startDay: 2, durationDays: 1, providers: 8, archetype: 'datacenter' }, { startDay: 3, durationDays: 0, providers: 2, archetype: 'home' }] },
      }),
      1,
    );
    const late = run.model.providers.filter((p) => p.joinedAt > 0);
    // without the economy nobody else joins: the 4 + 1 newcomers only
    expect(late.map((p) => [p.joinedAt, p.archetype])).toEqual([
      [51, 2],
      [57, 2],
      [63, 2],
      [69, 2],
      [72, 0],
    ]);
  });
});
