/**
 * The cloud_price_cut preset against a control run with the same seed and no cut: identical until
 * the cut's day (the same draws everywhere), then the jobs that need a data-centre GPU budget from
 * the cut price: the cloud reference of the work served falls by the cut, and the network's price
 * and its data-centre providers' revenue fall. Quarter scale.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFile, runToEnd, col, mean, expectSameUntil } from '../../economy/fixtures.ts';

const Q = { scale: 0.25, horizonDays: 240 };
const CUT_DAY = 90;

describe('cloud_price_cut', () => {
  it('the same run until day 90; then the data-centre jobs budget from the cut price and pay the network less', () => {
    const cut = runToEnd(scenarioFile('cloud_price_cut', Q), 1);
    const ctrl = runToEnd(scenarioFile('cloud_price_cut', { ...Q, demand: { cloudPriceShocks: [] } }), 1);

    expectSameUntil(cut, ctrl, CUT_DAY, ['utilization', 'fill_rate', 'price_usd_per_gpu_h', 'gmv_usd', 'cloud_price_usd_per_gpu_h_ultra']);
    const after = (r: typeof cut, c: string) => mean(col(r, c), CUT_DAY + 30, 240);
    // the ultra tier's work is data-centre GPUs, whose cloud price fell 45%
    expect(after(cut, 'cloud_price_usd_per_gpu_h_ultra') / after(ctrl, 'cloud_price_usd_per_gpu_h_ultra')).toBeCloseTo(0.55, 1);
    // the jobs served pay less: the ultra tier's price and the data centres' revenue fall (seeds 1-3
    // at this scale: by 13-34%). (Whether more of the big jobs leave unserved is within one quarter-
    // scale seed's noise: its few data-centre providers make their fill rate swing from seed to seed.)
    expect(after(cut, 'price_usd_per_gpu_h_ultra')).toBeLessThan(0.95 * after(ctrl, 'price_usd_per_gpu_h_ultra'));
    expect(after(cut, 'provider_revenue_usd_datacenter')).toBeLessThan(0.95 * after(ctrl, 'provider_revenue_usd_datacenter'));
    // consumer cards keep their cloud price
    expect(after(cut, 'cloud_price_usd_per_gpu_h_entry')).toBeCloseTo(after(ctrl, 'cloud_price_usd_per_gpu_h_entry'), 1);
  }, 180_000);
});
