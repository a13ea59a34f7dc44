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
  it('a lease no longer than one deposit is paid in full at the match and draws nothing', () => {
    const rng = scripted();
    const r = new EscrowRunway(params(), rng, 0.05);
    const l = order(7 * DAY);
    r.terms(l, 100);
    expect(l.fundedHours).toBe(Infinity);
    expect(l.overdrawAfterHours).toBe(Infinity);
    // a tenant who will close the lease within the first deposit never needs a top-up either
    r.terms(order(30 * DAY, 5 * DAY), 100);
    expect(rng.calls).toBe(0);
  });

  it('each deposit running out before the planned end is a top-up decision; the first refusal leaves the lease funded to there, closed within the lag after', () => {
    // 30 days: deposits run out on days 7, 14, 21 and 28; the tenant tops up twice, then lets it run dry
    const rng = scripted(0.1, 0.79, 0.8, 0.25);
    const r = new EscrowRunway(params({ detectionLagHours: 2 }), rng, 0);
    const l = order(30 * DAY);
    r.terms(l, 0);
    expect(l.fundedHours).toBe(21 * DAY);
    // the provider's next withdrawal notices it: a quarter of the way into the 2-hour lag
    expect(l.overdrawAfterHours).toBe(21 * DAY + 0.5);
    expect(rng.calls).toBe(4);
    // topped up each time: funded to the end
    const always = order(30 * DAY);
    new EscrowRunway(params({ topUpProbability: 1 }), scripted(0.999, 0.999, 0.999, 0.999), 0).terms(always, 0);
    expect(always.fundedHours).toBe(Infinity);
    // never: one deposit
    const never = order(30 * DAY);
    new EscrowRunway(params({ topUpProbability: 0, detectionLagHours: 0 }), scripted(0), 0).terms(never, 0);
    expect([never.fundedHours, never.overdrawAfterHours]).toEqual([7 * DAY, 7 * DAY]);
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
