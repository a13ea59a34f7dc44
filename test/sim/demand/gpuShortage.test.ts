/**
 * The gpu_shortage preset (research §9 #3) against a control run with the same seed and none of its
 * shocks: identical until day 90; while the shortage lasts, more inference work arrives, tenants
 * of data-centre GPUs bring larger budgets and wait longer, and no data centre can join. Queues
 * and expiries roughly double, the top tier's price climbs and the data centres earn more. Quarter
 * scale; the margins below held on seeds 1-3 (ultra price x 1.35-1.71, queue x 1.8-2.3, expiries
 * x 1.7-1.9, fill rate x 0.87-0.88, data-centre revenue x 1.33-1.81 over days 105-270).
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, expectSameUntil } from '../../economy/fixtures.ts';
import { ARCHETYPES } from '../../../src/sim/scenario/schema.ts';

const Q = { scale: 0.25, horizonDays: 300 };
const H = 24;

describe('gpu_shortage', () => {
  it('the same run until day 90; then longer queues, dearer top tiers, richer data centres and none joining', () => {
    const short = runToEnd(scenarioFile('gpu_shortage', Q), 1);
    const ctrl = runToEnd(scenarioFile('gpu_shortage', { ...Q, demand: { shocks: [], cloudPriceShocks: [] }, economy: { participation: { participationShocks: [] } } }), 1);
    expectSameUntil(short, ctrl, 89, ['utilization', 'fill_rate', 'queue_len_mean', 'price_usd_per_gpu_h', 'providers_active']);
    // over the shortage at full strength (days 105-270)
    const during = (r: typeof short, c: string) => mean(col(r, c), 105, 270);
    expect(during(short, 'queue_len_mean')).toBeGreaterThan(1.4 * during(ctrl, 'queue_len_mean'));
    expect(during(short, 'jobs_expired')).toBeGreaterThan(1.4 * during(ctrl, 'jobs_expired'));
    expect(during(short, 'fill_rate')).toBeLessThan(during(ctrl, 'fill_rate') - 0.05);
    expect(during(short, 'price_usd_per_gpu_h_ultra')).toBeGreaterThan(1.2 * during(ctrl, 'price_usd_per_gpu_h_ultra'));
    expect(during(short, 'provider_revenue_usd_datacenter')).toBeGreaterThan(1.2 * during(ctrl, 'provider_revenue_usd_datacenter'));
    // no data centre decides to join from day 91 to day 300: with their 90-day lag, none comes online from day 182 on
    const dc = ARCHETYPES.indexOf('datacenter');
    expect(short.model.providers.filter((p) => p.archetype === dc && p.joinedAt > 181 * H).length).toBe(0);
  }, 180_000);
});
