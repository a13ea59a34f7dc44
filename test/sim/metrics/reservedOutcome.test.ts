import { describe, expect, it } from 'vitest';
import { reservedOutcome } from '../../../src/sim/metrics/reservedOutcome.ts';

const f = (...xs: number[]) => Float64Array.from(xs);

describe('reservedOutcome: what reservations did over some rows', () => {
  const data = {
    gpu_hours_served: f(100, 300, 80),
    reserved_gpu_hours_served: f(30, 90, 40),
    spot_gpu_hours_served: f(20, 10, 40),
    reserved_price_usd_per_gpu_h: f(0.5, 0.7, 1),
    on_demand_price_usd_per_gpu_h: f(1, 0.9, NaN),
    reservations_started: f(2, 5, 1),
    jobs_taken_over: f(10, 20, 30),
  };

  it("weights each day's prices by its GPU-hours, over the rows asked for only; on-demand hours are those neither spot nor reserved", () => {
    const o = reservedOutcome(data, 0, 1)!;
    expect(o.reservedGpuHours).toBe(120);
    expect(o.share).toBe(0.3);
    expect(o.reservedUsdPerGpuHour).toBeCloseTo((30 * 0.5 + 90 * 0.7) / 120, 12);
    expect(o.onDemandUsdPerGpuHour).toBeCloseTo((50 * 1 + 200 * 0.9) / 250, 12);
    expect(o.started).toBe(7);
    expect(o.takenOver).toBe(30);
  });

  it('has no on-demand price when no on-demand lease ran, and nothing to say without reserved hours or columns', () => {
    expect(reservedOutcome(data, 2, 2)!.onDemandUsdPerGpuHour).toBeNaN();
    expect(reservedOutcome({ ...data, reserved_gpu_hours_served: f(0, 0, 0) }, 0, 2)).toBeNull();
    expect(reservedOutcome({ gpu_hours_served: f(1) }, 0, 0)).toBeNull();
  });
});
