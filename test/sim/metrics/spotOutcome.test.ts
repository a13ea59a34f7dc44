import { describe, expect, it } from 'vitest';
import { spotOutcome } from '../../../src/sim/metrics/spotOutcome.ts';

const f = (...xs: number[]) => Float64Array.from(xs);

describe('spotOutcome: what spot leases did over some rows', () => {
  const data = {
    gpu_hours_served: f(100, 300, 80),
    spot_gpu_hours_served: f(50, 50, 80),
    spot_price_usd_per_gpu_h: f(0.4, 0.6, 1),
    on_demand_price_usd_per_gpu_h: f(1, 0.8, NaN),
    leases_preempted: f(2, 5, 1),
  };

  it("weights each day's prices by its GPU-hours, over the rows asked for only", () => {
    const o = spotOutcome(data, 0, 1)!;
    expect(o.spotGpuHours).toBe(100);
    expect(o.share).toBe(0.25);
    expect(o.spotUsdPerGpuHour).toBeCloseTo(0.5, 12);
    expect(o.onDemandUsdPerGpuHour).toBeCloseTo((50 * 1 + 250 * 0.8) / 300, 12);
    expect(o.preempted).toBe(7);
  });

  it('has no on-demand price when every GPU-hour was spot, and nothing to say without spot hours or columns', () => {
    expect(spotOutcome(data, 2, 2)!.onDemandUsdPerGpuHour).toBeNaN();
    expect(spotOutcome({ ...data, spot_gpu_hours_served: f(0, 0, 0) }, 0, 2)).toBeNull();
    expect(spotOutcome({ gpu_hours_served: f(1) }, 0, 0)).toBeNull();
  });
});
