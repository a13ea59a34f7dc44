/**
 * The non-homogeneous Poisson arrival process: thinning must reproduce the rate function's daily
 * cycle, trend and shocks (counts against the integral of the rate), and the bound used for thinning
 * must really bound the rate.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createRateModel, nextArrival, shockFactor } from '../../../src/sim/demand/arrivals.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';

function arrivals(raw: Record<string, unknown>, seed = 1): { times: number[]; rates: ReturnType<typeof createRateModel>; H: number } {
  const s = parseScenario(raw);
  const rates = createRateModel(s);
  const H = s.horizonDays * 24;
  const rng = createStreams(seed).get('arrivals');
  const times: number[] = [];
  for (let t = 0; ; ) {
    t = nextArrival(rates, t, H, rng);
    if (t === Infinity) break;
    times.push(t);
  }
  return { times, rates, H };
}

/** Integral of the total rate over [a, b] (midpoint rule, fine steps). */
function integral(rates: ReturnType<typeof createRateModel>, a: number, b: number, steps = 200): number {
  const h = (b - a) / steps;
  let s = 0;
  for (let i = 0; i < steps; i++) s += rates.total(a + (i + 0.5) * h);
  return s * h;
}

function chi2Crit(df: number): number {
  const z = 3.719; // p = 1e-4
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

describe('arrival process (NHPP by thinning)', () => {
  test('homogeneous: the count over the horizon is Poisson(lambda T)', () => {
    const { times, H } = arrivals({ horizonDays: 200, demand: { baseRateJobsPerHour: 3, diurnalAmplitude: 0, trendGrowthPerYear: 0 } });
    const m = 3 * H;
    expect(Math.abs(times.length - m)).toBeLessThan(4.5 * Math.sqrt(m));
    // times strictly increasing, inside the horizon
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(times[times.length - 1]).toBeLessThan(H);
    // exponential gaps: coefficient of variation 1
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const mg = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mg) ** 2, 0) / gaps.length);
    expect(Math.abs(sd / mg - 1)).toBeLessThan(0.03);
  });

  test('daily cycle: counts by hour of day follow the integral of the rate (chi-square)', () => {
    const raw = { horizonDays: 300, demand: { baseRateJobsPerHour: 4, diurnalAmplitude: 0.6, diurnalPeakHour: 15, trendGrowthPerYear: 0 } };
    const { times, rates, H } = arrivals(raw, 2);
    const counts = new Array(24).fill(0);
    for (const t of times) counts[Math.floor(t % 24)]++;
    const days = H / 24;
    let chi = 0;
    for (let h = 0; h < 24; h++) {
      const e = days * integral(rates, h, h + 1);
      chi += (counts[h] - e) ** 2 / e;
    }
    expect(chi).toBeLessThan(chi2Crit(23));
    // the peak is at the configured hour and about 4:1 over the trough
    const peak = counts.indexOf(Math.max(...counts));
    expect(Math.abs(peak - 14.5)).toBeLessThanOrEqual(1.5);
    expect(Math.max(...counts) / Math.min(...counts)).toBeGreaterThan(3);
  });

  test('trend: the rate grows by (1 + g) per year', () => {
    const { times } = arrivals({ horizonDays: 730, demand: { baseRateJobsPerHour: 2, diurnalAmplitude: 0, trendGrowthPerYear: 1 } }, 3);
    const first = times.filter((t) => t < 30 * 24).length;
    const last = times.filter((t) => t >= 700 * 24).length;
    // expected ratio ~ (1+g)^(700/365 - 0 ... ): compare with the integrals
    const s = parseScenario({ horizonDays: 730, demand: { baseRateJobsPerHour: 2, diurnalAmplitude: 0, trendGrowthPerYear: 1 } });
    const rates = createRateModel(s);
    const e1 = integral(rates, 0, 30 * 24);
    const e2 = integral(rates, 700 * 24, 730 * 24);
    expect(e2 / e1).toBeGreaterThan(3.5); // ~ 2^(700/365)
    expect(Math.abs(first - e1)).toBeLessThan(4.5 * Math.sqrt(e1));
    expect(Math.abs(last - e2)).toBeLessThan(4.5 * Math.sqrt(e2));
  });

  test('a shock multiplies the rate of the classes it names, with linear ramps', () => {
    const sh = { startDay: 10, durationDays: 5, rampDays: 2, multiplier: 4 };
    expect(shockFactor(sh, 9 * 24)).toBe(1);
    expect(shockFactor(sh, 11 * 24)).toBeCloseTo(2.5, 12); // half-way up the ramp
    expect(shockFactor(sh, 13 * 24)).toBe(4);
    expect(shockFactor(sh, 17 * 24)).toBe(4);
    expect(shockFactor(sh, 18 * 24)).toBeCloseTo(2.5, 12); // half-way down
    expect(shockFactor(sh, 20 * 24)).toBe(1);
    const raw = {
      horizonDays: 30,
      demand: { baseRateJobsPerHour: 5, diurnalAmplitude: 0, trendGrowthPerYear: 0, shocks: [{ ...sh, classes: ['training'] }] },
    };
    const s = parseScenario(raw);
    const rates = createRateModel(s);
    const shareTraining = s.demand.classes.training.share / Object.values(s.demand.classes).reduce((a, c) => a + c.share, 0);
    expect(rates.ofClass(2, 14 * 24) / rates.ofClass(2, 5 * 24)).toBeCloseTo(4, 12);
    expect(rates.ofClass(0, 14 * 24)).toBeCloseTo(rates.ofClass(0, 5 * 24), 12);
    expect(rates.total(14 * 24)).toBeCloseTo(5 * (1 + 3 * shareTraining), 9);
    const { times } = arrivals(raw, 4);
    const inShock = times.filter((t) => t >= 12 * 24 && t < 17 * 24).length;
    const e = integral(rates, 12 * 24, 17 * 24);
    expect(Math.abs(inShock - e)).toBeLessThan(4.5 * Math.sqrt(e));
  });

  test('the thinning bound is never below the rate (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: -0.9, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.record({ startDay: fc.integer({ min: 0, max: 30 }), durationDays: fc.integer({ min: 0, max: 5 }), rampDays: fc.integer({ min: 0, max: 3 }), multiplier: fc.double({ min: 0, max: 10, noNaN: true }) }), { maxLength: 3 }),
        fc.double({ min: 0, max: 40 * 24, noNaN: true }),
        (base, g, amp, shocks, t0) => {
          const s = parseScenario({ horizonDays: 60, demand: { baseRateJobsPerHour: base, trendGrowthPerYear: g, diurnalAmplitude: amp, shocks } });
          const r = createRateModel(s);
          const t1 = (Math.floor(t0 / 24) + 1) * 24;
          const b = r.bound(t0, t1);
          for (let i = 0; i <= 50; i++) {
            const t = t0 + ((t1 - t0) * i) / 50;
            expect(r.total(t)).toBeLessThanOrEqual(b * (1 + 1e-12));
          }
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });

  test('zero rate: no arrivals at all', () => {
    expect(arrivals({ horizonDays: 30, demand: { baseRateJobsPerHour: 0 } }).times).toEqual([]);
  });
});
