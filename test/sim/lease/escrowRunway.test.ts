/**
 * Escrow runways (market.escrow): what a tenant's deposits pay for and when its lease is closed for
 * insufficient funds, drawn at the match from the top-up probability of each deposit's last day.
 */
import { describe, expect, it } from 'vitest';
import { EscrowRunway } from '../../../src/sim/lease/escrowRunway.ts';
import { blankLease } from '../../../src/sim/lease/pool.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import type { EscrowParams } from '../../../src/sim/scenario/escrowSchema.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import type { Lease } from '../../../src/sim/model/types.ts';

const DAY = 24;

function params(over: Partial<EscrowParams> = {}): EscrowParams {
  return { runwayDays: 7, topUpProbability: 0.8, detectionLagHours: 1, ...over };
}

function order(workHours: number, cancelAfterHours = Infinity): Lease {
  return { ...blankLease(), workHours, cancelAfterHours };
}

/** A stream that counts its draws and returns the given numbers in turn. */
function scripted(...xs: number[]) {
  const rng = Object.assign(() => {
    rng.calls++;
    return xs.shift() ?? 0.5;
  }, { calls: 0 });
  return rng;
}

describe('escrow runways', () => {
  it('a lease no longer than one deposit is paid in full at the match; every lease takes one draw, whatever its tenant decides', () => {
    const rng = scripted();
    const r = new EscrowRunway(params(), rng, 0.05);
    const l = order(7 * DAY);
    r.terms(l, 100);
    expect(l.fundedHours).toBe(Infinity);
    expect(l.overdrawAfterHours).toBe(Infinity);
    // a tenant who will close the lease within the first deposit never needs a top-up either
    r.terms(order(30 * DAY, 5 * DAY), 100);
    expect(rng.calls).toBe(2);
    // a lease with many decisions: still one draw
    r.terms(order(300 * DAY), 100);
    expect(rng.calls).toBe(3);
  });

  it('each deposit running out before the planned end is a top-up decision; the first refusal leaves the lease funded to there, closed within the lag after', () => {
    // 30 days: deposits run out on days 7, 14, 21 and 28
    for (const key of [0.1, 0.4, 0.7, 0.95]) {
      const l = order(30 * DAY);
      new EscrowRunway(params({ topUpProbability: 0.6, detectionLagHours: 2 }), scripted(key), 0).terms(l, 0);
      if (l.fundedHours === Infinity) expect(l.overdrawAfterHours).toBe(Infinity);
      else {
        expect([7, 14, 21, 28].map((d) => d * DAY)).toContain(l.fundedHours);
        // the provider's next withdrawal notices it within the 2-hour lag
        expect(l.overdrawAfterHours - l.fundedHours).toBeGreaterThanOrEqual(0);
        expect(l.overdrawAfterHours - l.fundedHours).toBeLessThan(2);
      }
    }
    // topped up each time: funded to the end
    const always = order(30 * DAY);
    new EscrowRunway(params({ topUpProbability: 1 }), scripted(0.999), 0).terms(always, 0);
    expect(always.fundedHours).toBe(Infinity);
    // never: one deposit
    const never = order(30 * DAY);
    new EscrowRunway(params({ topUpProbability: 0, detectionLagHours: 0 }), scripted(0.3), 0).terms(never, 0);
    expect([never.fundedHours, never.overdrawAfterHours]).toEqual([7 * DAY, 7 * DAY]);
  });

  it('common random numbers: the same lease is funded no longer at a lower top-up probability, and as long where the two agree', () => {
    const streams = createStreams(11);
    const a = streams.get('escrow');
    const keys = Array.from({ length: 2000 }, () => a());
    let shorter = 0;
    for (const key of keys) {
      const funded = (p: number) => {
        const l = order(60 * DAY);
        new EscrowRunway(params({ topUpProbability: p }), scripted(key), 0).terms(l, 0);
        return l.fundedHours;
      };
      const hi = funded(0.9);
      const lo = funded(0.5);
      expect(lo).toBeLessThanOrEqual(hi);
      if (lo < hi) shorter++;
    }
    expect(shorter).toBeGreaterThan(500);
  });

  it("a lease under way since before the run (the warm start) has its deposits counted from the job's start", () => {
    // 10 days run of 30: the tenant's deposits ran out on day 7 (topped up) and run out next on day 14, 4 days from now
    const l = order(20 * DAY);
    new EscrowRunway(params({ topUpProbability: 0, detectionLagHours: 0 }), scripted(0.9), 0).terms(l, 0, 10 * DAY);
    expect(l.fundedHours).toBe(4 * DAY);
    // on a deposit's last hour: the next deposit's end is a whole runway away
    const m = order(20 * DAY);
    new EscrowRunway(params({ topUpProbability: 0, detectionLagHours: 0 }), scripted(0.9), 0).terms(m, 0, 7 * DAY);
    expect(m.fundedHours).toBe(7 * DAY);
    // ends within the deposit it is in: nothing to decide
    const n = order(3 * DAY);
    new EscrowRunway(params({ topUpProbability: 0 }), scripted(), 0).terms(n, 0, 10 * DAY);
    expect(n.fundedHours).toBe(Infinity);
  });

  it('the warm start keeps a job under way since before the run only if its tenant topped up every deposit that ran out before', () => {
    const r = new EscrowRunway(params(), createStreams(3).get('escrow'), 0);
    const n = 20_000;
    const share = (ranHours: number) => {
      let kept = 0;
      for (let i = 0; i < n; i++) if (r.survivedTo0(ranHours)) kept++;
      return kept / n;
    };
    expect(share(6 * DAY)).toBe(1);
    // two deposits ran out (days 7 and 14): 0.8^2
    expect(Math.abs(share(20 * DAY) - 0.64)).toBeLessThan(4 * Math.sqrt((0.64 * 0.36) / n));
    expect(new EscrowRunway(params({ topUpProbability: 1 }), scripted(0.999), 0).survivedTo0(30 * DAY)).toBe(true);
    expect(new EscrowRunway(params({ topUpProbability: 0 }), scripted(0.5), 0).survivedTo0(7 * DAY)).toBe(false);
  });

  it('a lease of n deposits is funded to its end with probability p^(n-1)', () => {
    const r = new EscrowRunway(params(), createStreams(7).get('escrow'), 0.05);
    const n = 20_000;
    let full = 0;
    let one = 0;
    for (let i = 0; i < n; i++) {
      const l = order(30 * DAY);
      r.terms(l, 0);
      if (l.fundedHours === Infinity) full++;
      else if (l.fundedHours === 7 * DAY) one++;
      else expect([14 * DAY, 21 * DAY, 28 * DAY]).toContain(l.fundedHours);
      if (l.fundedHours < Infinity) expect(l.overdrawAfterHours - l.fundedHours).toBeGreaterThanOrEqual(0);
      if (l.fundedHours < Infinity) expect(l.overdrawAfterHours - l.fundedHours).toBeLessThan(1);
    }
    // binomial standard errors: 0.0035 and 0.0028
    expect(full / n).toBeCloseTo(0.8 ** 4, 1);
    expect(Math.abs(full / n - 0.8 ** 4)).toBeLessThan(4 * Math.sqrt((0.41 * 0.59) / n));
    expect(Math.abs(one / n - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / n));
  });

  it('a top-up shock moves the probability on its course, capped at 1, and a decision takes the probability of its own day', () => {
    const r = new EscrowRunway(params({ topUpShocks: [{ startDay: 10, durationDays: 10, rampDays: 4, multiplier: 0.375 }] }), scripted(), 0);
    expect(r.topUpProbability(5 * DAY)).toBe(0.8);
    expect(r.topUpProbability(12 * DAY)).toBeCloseTo(0.8 * (1 - 0.625 / 2), 12);
    expect(r.topUpProbability(16 * DAY)).toBeCloseTo(0.3, 12);
    expect(r.topUpProbability(40 * DAY)).toBe(0.8);
    expect(new EscrowRunway(params({ topUpShocks: [{ startDay: 0, durationDays: 99, rampDays: 0, multiplier: 2 }] }), scripted(), 0).topUpProbability(DAY)).toBe(1);
    // tenants always top up, except on days 10-15: a 30-day lease matched on day 0 (start 1 h later)
    // tops up on day 7 and runs dry on day 14; one matched on day 15 tops up all the way
    const gap = new EscrowRunway(params({ topUpProbability: 1, detectionLagHours: 0, topUpShocks: [{ startDay: 10, durationDays: 5, rampDays: 0, multiplier: 0 }] }), scripted(), 1);
    const early = order(30 * DAY);
    gap.terms(early, 0);
    expect(early.fundedHours).toBe(14 * DAY);
    const late = order(30 * DAY);
    gap.terms(late, 15 * DAY);
    expect(late.fundedHours).toBe(Infinity);
  });

  it('validation names the field and the range', () => {
    expect(() => parseScenario({ market: { escrow: { topUpProbability: 1.5 } } })).toThrow(/market\.escrow\.topUpProbability/);
    expect(() => parseScenario({ market: { escrow: { runwayDays: 0 } } })).toThrow(/market\.escrow\.runwayDays/);
    expect(() => parseScenario({ market: { escrow: { topUpShocks: [{ startDay: 1, durationDays: 1, multiplier: -1 }] } } })).toThrow(/market\.escrow\.topUpShocks\.0\.multiplier/);
    expect(() => parseScenario({ market: { escrow: { runway: 7 } } })).toThrow(/runway/);
    // defaults from research §8 #39-41
    expect(parseScenario({ market: { escrow: {} } }).market.escrow).toEqual({ runwayDays: 7, topUpProbability: 0.8, detectionLagHours: 1 });
    expect(parseScenario({}).market.escrow).toBeUndefined();
  });
});
