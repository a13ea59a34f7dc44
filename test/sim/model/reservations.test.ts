import { describe, expect, it } from 'vitest';
import { blankDraw, createJobSampler } from '../../../src/sim/demand/jobs.ts';
import { ORDERED, RESERVATION, Reservations, TAKEN_OVER } from '../../../src/sim/model/reservations.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';

const params = (over: Record<string, unknown> = {}) => parseScenario({ market: { reserved: over } }).market.reserved!;

describe('Reservations: which new jobs become reservations', () => {
  it('takes over the share of the reserving classes; one in (mean term / hours) of those becomes a reservation order for a term', () => {
    const r = new Reservations(params({ share: 0.4, classes: ['training'], minTermMonths: 2, maxTermMonths: 2 }), createStreams(1).get('reserved'));
    expect(r.meanTermHours).toBe(1460);
    const n = 100_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const d = { ...blankDraw(), jobClass: 2, durationHours: 146 };
      const as = r.decide(d);
      counts[as]++;
      if (as === RESERVATION) {
        expect(d.durationHours).toBe(1460);
        expect(d.cancelAfterHours).toBe(Infinity);
        expect(d.checkpointHours).toBe(0);
        expect(d.patienceHours).toBe(24);
      } else expect(d.durationHours).toBe(146);
    }
    // 40% leave the market, a tenth of them (146 / 1,460 h) as reservation orders
    expect(Math.abs((counts[TAKEN_OVER] + counts[RESERVATION]) / n - 0.4)).toBeLessThan(0.01);
    expect(Math.abs(counts[RESERVATION] / n - 0.04)).toBeLessThan(0.003);
    // a class that does not reserve is always ordered (its draw is made all the same)
    for (let i = 0; i < 1000; i++) expect(r.decide({ ...blankDraw(), jobClass: 0, durationHours: 146 })).toBe(ORDERED);
  });

  it('terms are whole months, uniform from min to max', () => {
    const r = new Reservations(params({ minTermMonths: 3, maxTermMonths: 6 }), createStreams(2).get('reserved'));
    const rng = createStreams(3).get('x');
    const seen = new Map<number, number>();
    for (let i = 0; i < 40_000; i++) {
      const t = r.term(rng);
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6].map((m) => m * 730));
    for (const c of seen.values()) expect(Math.abs(c / 40_000 - 0.25)).toBeLessThan(0.015);
  });

  it('the warm start: reservations begun over the past maxTerm still running, their jobs biased toward long ones', () => {
    const s = parseScenario({ market: { reserved: { share: 0.3, minTermMonths: 1, maxTermMonths: 12 } } });
    const r = new Reservations(s.market.reserved!, createStreams(4).get('reserved'));
    const rng = createStreams(4).get('reserved-warmstart');
    const weights = [100, 0, 0, 0, 0]; // inference jobs per hour
    const warm = r.warmReservations(s, rng, createJobSampler(s, rng), weights);
    // about share x rate x E[min(1, h / E[T])] x (hours of the past year still running): hundreds here
    expect(warm.length).toBeGreaterThan(100);
    for (const w of warm) {
      expect(w.d.jobClass).toBe(0);
      expect(w.age).toBeGreaterThanOrEqual(0);
      expect(w.d.durationHours).toBeGreaterThan(w.age);
      expect(w.d.durationHours % 730).toBe(0);
    }
    // younger reservations outnumber older ones (the older ones' terms ran out)
    const young = warm.filter((w) => w.age < 4380).length;
    expect(young).toBeGreaterThan(1.5 * (warm.length - young));
  });
});
