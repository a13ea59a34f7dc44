import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { advance, copyLease, decodeEffects, EffectBuffer, FX_DEQUEUE, ForbiddenTransition, runHours, transition, TRANSITIONS, workLeft, type Effect, type LeaseEvent, type LeaseEventType } from '../../../src/sim/lease/machine.ts';
import { LEASE_STATES, type Lease, type LeaseState } from '../../../src/sim/model/types.ts';
import { blankLease } from '../../../src/sim/lease/pool.ts';

const EVENT_TYPES: LeaseEventType[] = ['match', 'start', 'complete', 'expire', 'cancel', 'overdraw', 'preempt', 'fail', 'stall', 'resume'];

/** An order as the model places it (a blank record with the order's fields set). */
function lease(over: Partial<Lease> = {}): Lease {
  return {
    ...blankLease(),
    id: 17,
    jobId: 4,
    jobClass: 1,
    gpus: 2,
    minVramGb: 24,
    region: 1,
    budgetUsdPerGpuHour: 3,
    cloudUsdPerGpuHour: 4,
    workHours: 10,
    orderedAt: 1,
    patienceHandle: 5,
    ...over,
  };
}

/** A lease that has reached `state` the way the model gets it there. */
function leaseIn(state: LeaseState, over: Partial<Lease> = {}): Lease {
  const matched = { provider: 9, tier: 3, priceUsdPerGpuHour: 1.5, matchedAt: 2, escrowUsd: 30 };
  switch (state) {
    case 'ordered':
      return lease(over);
    case 'matched':
      return lease({ state, ...matched, ...over });
    case 'active':
      return lease({ state, ...matched, startedAt: 2.5, runFrom: 2.5, ...over });
    case 'stalled':
      // ran 1.5 h from 2.5, stalled at 4 (after an earlier stall of 0.25 h), with its grace timer pending
      return lease({ state, ...matched, startedAt: 2.25, runFrom: 2.5, ranHours: 1.5, stalledAt: 4, stalledHours: 0.25, stallReason: 'provider offline', timerHandle: 12, ...over });
    default:
      return lease({ state, ...matched, startedAt: 2.5, runFrom: 2.5, ranHours: 0.5, endedAt: 3, ...over });
  }
}

const EVENTS: Record<LeaseEventType, LeaseEvent> = {
  match: { type: 'match', provider: 9, tier: 3, priceUsdPerGpuHour: 1.5 },
  start: { type: 'start' },
  complete: { type: 'complete' },
  expire: { type: 'expire' },
  cancel: { type: 'cancel' },
  overdraw: { type: 'overdraw' },
  preempt: { type: 'preempt', keepProgress: true },
  fail: { type: 'fail', reason: 'provider failure' },
  stall: { type: 'stall', reason: 'provider failure' },
  resume: { type: 'resume' },
};

/** The specification, written out independently of the implementation. */
const SPEC: Record<string, { to: LeaseState; fx: (l: Lease, now: number) => Effect[]; check?: (next: Lease, prev: Lease, now: number) => void }> = {
  'ordered/match': {
    to: 'matched',
    fx: (l) => [{ type: 'dequeue' }, { type: 'reserve', provider: 9, gpus: l.gpus }, { type: 'escrow', usd: 1.5 * l.gpus * l.workHours }],
    check: (n, _p, now) => {
      expect(n.provider).toBe(9);
      expect(n.tier).toBe(3);
      expect(n.priceUsdPerGpuHour).toBe(1.5);
      expect(n.matchedAt).toBe(now);
      expect(n.escrowUsd).toBe(1.5 * 2 * 10);
    },
  },
  'ordered/expire': {
    to: 'expired',
    fx: () => [{ type: 'dequeue' }],
    check: (n, _p, now) => {
      expect(n.endedAt).toBe(now);
      expect(n.endReason).toBe('patience');
    },
  },
  'ordered/cancel': { to: 'cancelled', fx: () => [{ type: 'dequeue' }], check: (n) => expect(n.endReason).toBe('tenant') },
  'matched/start': {
    to: 'active',
    fx: (l) => [{ type: 'scheduleEnd', afterHours: l.workHours, cancel: false }],
    check: (n, _p, now) => expect(n.startedAt).toBe(now),
  },
  'matched/fail': {
    to: 'failed',
    fx: (l) => [
      { type: 'settle', runHours: 0 },
      { type: 'release', provider: 9, gpus: l.gpus },
      { type: 'reputation', provider: 9, good: false },
      { type: 'requeue', workHours: l.workHours },
    ],
    check: (n, _p, now) => {
      expect(n.endReason).toBe('provider failure');
      expect(n.endedAt).toBe(now);
    },
  },
  'matched/cancel': {
    to: 'cancelled',
    fx: (l) => [
      { type: 'settle', runHours: 0 },
      { type: 'release', provider: 9, gpus: l.gpus },
    ],
  },
  'active/complete': {
    to: 'completed',
    fx: (l, now) => [
      { type: 'settle', runHours: now - 2.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
      { type: 'reputation', provider: 9, good: true },
    ],
    check: (n, _p, now) => {
      expect(n.endedAt).toBe(now);
      expect(n.endReason).toBe('completed');
    },
  },
  'active/fail': {
    to: 'failed',
    fx: (l, now) => [
      { type: 'settle', runHours: now - 2.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
      { type: 'reputation', provider: 9, good: false },
      { type: 'requeue', workHours: l.workHours - (now - 2.5) },
    ],
  },
  'active/cancel': {
    to: 'cancelled',
    fx: (l, now) => [
      { type: 'settle', runHours: now - 2.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
    ],
  },
  'active/overdraw': {
    to: 'cancelled',
    // closed for insufficient funds: paid what the escrow holds, the GPUs freed; no mark on the provider, nothing re-ordered
    fx: (l, now) => [
      { type: 'settle', runHours: now - 2.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
    ],
    check: (n, _p, now) => {
      expect(n.endReason).toBe('insufficient_funds');
      expect(n.endedAt).toBe(now);
      expect(n.ranHours).toBe(now - 2.5);
    },
  },
  'matched/preempt': {
    to: 'preempted',
    // a spot lease still in setup: nothing run, its start void, the GPUs freed, all its work re-ordered; no mark on the provider
    fx: (l) => [
      { type: 'cancelTimer' },
      { type: 'settle', runHours: 0 },
      { type: 'release', provider: 9, gpus: l.gpus },
      { type: 'requeue', workHours: l.workHours },
    ],
    check: (n, _p, now) => {
      expect(n.endReason).toBe('preempted');
      expect(n.endedAt).toBe(now);
    },
  },
  'active/preempt': {
    to: 'preempted',
    // paid for the run so far; with a notice the tenant checkpoints: all progress kept
    fx: (l, now) => [
      { type: 'cancelTimer' },
      { type: 'settle', runHours: now - 2.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
      { type: 'requeue', workHours: l.workHours - (now - 2.5) },
    ],
    check: (n, _p, now) => {
      expect(n.endReason).toBe('preempted');
      expect(n.ranHours).toBe(now - 2.5);
    },
  },
  'active/stall': {
    to: 'stalled',
    // the end waits, the run so far is paid, the grace starts; the GPUs stay held
    fx: (_l, now) => [{ type: 'cancelTimer' }, { type: 'pay', runHours: now - 2.5 }, { type: 'scheduleGrace' }],
    check: (n, _p, now) => {
      expect(n.ranHours).toBe(now - 2.5);
      expect(n.stalledAt).toBe(now);
      expect(n.stallReason).toBe('provider failure');
      expect(Number.isNaN(n.endedAt)).toBe(true);
    },
  },
  'stalled/resume': {
    to: 'active',
    // ran 1.5 of 10 h: the end comes after the 8.5 h of work left
    fx: () => [{ type: 'cancelTimer' }, { type: 'scheduleEnd', afterHours: 8.5, cancel: false }],
    check: (n, _p, now) => {
      expect(n.stalledHours).toBe(0.25 + (now - 4));
      expect(Number.isNaN(n.stalledAt)).toBe(true);
      // run hours count on from 1.5
      expect(runHours(n, now)).toBe(1.5);
      expect(runHours(n, now + 2)).toBe(3.5);
      expect(n.startedAt).toBe(2.25);
    },
  },
  'stalled/fail': {
    to: 'failed',
    fx: (l) => [
      { type: 'settle', runHours: 1.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
      { type: 'reputation', provider: 9, good: false },
      { type: 'requeue', workHours: l.workHours - 1.5 },
    ],
    check: (n, _p, now) => {
      expect(n.endedAt).toBe(now);
      expect(n.ranHours).toBe(1.5);
      expect(n.stalledHours).toBe(0.25 + (now - 4));
    },
  },
  'stalled/complete': {
    to: 'completed',
    // a reservation whose booking ends while its provider is down: paid its run before the stall,
    // done, and no reputation mark either way (the host missed the last hours but has not failed)
    fx: (l) => [
      { type: 'settle', runHours: 1.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
    ],
    check: (n, _p, now) => {
      expect(n.endedAt).toBe(now);
      expect(n.endReason).toBe('completed');
      expect(n.ranHours).toBe(1.5);
      expect(n.stalledHours).toBe(0.25 + (now - 4));
      expect(Number.isNaN(n.stalledAt)).toBe(true);
    },
  },
  'stalled/cancel': {
    to: 'cancelled',
    fx: (l) => [
      { type: 'settle', runHours: 1.5 },
      { type: 'release', provider: 9, gpus: l.gpus },
    ],
    check: (n) => expect(n.endReason).toBe('tenant'),
  },
};

describe('lease state machine', () => {
  test('the transition table is exactly the specified one', () => {
    const allowed = LEASE_STATES.flatMap((s) => EVENT_TYPES.filter((e) => TRANSITIONS[s][e]).map((e) => `${s}/${e}`));
    expect(allowed.sort()).toEqual(Object.keys(SPEC).sort());
    for (const [k, v] of Object.entries(SPEC)) {
      const [s, e] = k.split('/') as [LeaseState, LeaseEventType];
      expect(TRANSITIONS[s][e]).toBe(v.to);
    }
  });

  test.each(Object.keys(SPEC))('%s: next state and effects', (key) => {
    const [state, ev] = key.split('/') as [LeaseState, LeaseEventType];
    const spec = SPEC[key];
    const before = leaseIn(state);
    const frozen = structuredClone(before);
    const now = 6.25;
    const [next, fx] = transition(before, EVENTS[ev], now);
    expect(next.state).toBe(spec.to);
    expect(fx).toEqual(spec.fx(before, now));
    spec.check?.(next, before, now);
    // pure: the input is untouched and the output is a new object
    expect(before).toEqual(frozen);
    expect(next).not.toBe(before);
    // identity fields carried over
    expect(next.id).toBe(before.id);
    expect(next.jobId).toBe(before.jobId);
    expect(next.gpus).toBe(before.gpus);
    // the in-place form the engine uses gives the same lease and effects
    const inPlace = leaseIn(state);
    // a nested transition appends above the effects its caller is still applying, leaving them intact
    const fx2 = new EffectBuffer();
    for (let i = 0; i < 40; i++) fx2.push(FX_DEQUEUE, i);
    advance(inPlace, EVENTS[ev], now, fx2);
    expect(inPlace).toEqual(next);
    expect(decodeEffects(inPlace, fx2, 40)).toEqual(fx);
    expect(Array.from(fx2.arg.subarray(0, 40))).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  test('start schedules an early close when the tenant cancels before the work is done', () => {
    const [next, fx] = transition(leaseIn('matched', { cancelAfterHours: 3 }), EVENTS.start, 4);
    expect(next.state).toBe('active');
    expect(fx).toEqual([{ type: 'scheduleEnd', afterHours: 3, cancel: true }]);
    // escrow covers only the planned run up to the close
    const [m] = transition(lease({ cancelAfterHours: 3 }), EVENTS.match, 1);
    expect(m.escrowUsd).toBe(1.5 * 2 * 3);
  });

  test('escrow runways: the deposits pay for the funded hours only, and the close for insufficient funds comes first', () => {
    // funded for 4 of 10 h of work, closed at 4.5 run hours (the withdrawal that notices it)
    const [m] = transition(lease({ fundedHours: 4, overdrawAfterHours: 4.5 }), EVENTS.match, 1);
    expect(m.escrowUsd).toBe(1.5 * 2 * 4);
    const [, fx] = transition(leaseIn('matched', { fundedHours: 4, overdrawAfterHours: 4.5 }), EVENTS.start, 4);
    expect(fx).toEqual([{ type: 'scheduleOverdraw', afterHours: 4.5 }]);
    // the tenant's own close, or the end of the work, when it comes before
    expect(transition(leaseIn('matched', { fundedHours: 4, overdrawAfterHours: 4.5, cancelAfterHours: 3 }), EVENTS.start, 4)[1]).toEqual([{ type: 'scheduleEnd', afterHours: 3, cancel: true }]);
    expect(transition(leaseIn('matched', { fundedHours: 4, overdrawAfterHours: 4.5, workHours: 4.2 }), EVENTS.start, 4)[1]).toEqual([{ type: 'scheduleEnd', afterHours: 4.2, cancel: false }]);
    // after a stall, counted in run hours: 1.5 run, 3 to go
    const [, fx2] = transition(leaseIn('stalled', { fundedHours: 4, overdrawAfterHours: 4.5 }), EVENTS.resume, 9);
    expect(fx2).toEqual([{ type: 'cancelTimer' }, { type: 'scheduleOverdraw', afterHours: 3 }]);
  });

  test('a resumed lease closes early after the run hours the tenant wanted, counting those before the stall', () => {
    const [next, fx] = transition(leaseIn('stalled', { cancelAfterHours: 3 }), EVENTS.resume, 9);
    expect(next.state).toBe('active');
    expect(fx).toEqual([{ type: 'cancelTimer' }, { type: 'scheduleEnd', afterHours: 1.5, cancel: true }]);
  });

  test('a lease stalled at the very time its run was due to end resumes with an end now, never in the past', () => {
    // 0.3 h of work started at 0.7, due to end at 0.7 + 0.3: stalled then, it has run (0.7 + 0.3) - 0.7 = 0.30000000000000004 h
    const l = leaseIn('active', { workHours: 0.3, startedAt: 0.7, runFrom: 0.7 });
    const fx = new EffectBuffer();
    advance(l, { type: 'stall', reason: 'provider failure' }, 0.7 + 0.3, fx);
    expect(l.ranHours).toBeGreaterThan(l.workHours);
    fx.n = 0;
    advance(l, EVENTS.resume, 2, fx);
    expect(decodeEffects(l, fx).at(-1)).toEqual({ type: 'scheduleEnd', afterHours: 0, cancel: false });
  });

  test('a reservation resumes to the end of its term: the stall comes off its run, not onto its end', () => {
    // booked until t = 12: ran 1.5 h from 2.5, stalled at 4, back at 9: it ends at 12 having run 1.5 + 3 h
    const [next, fx] = transition(leaseIn('stalled', { reserved: true, termEndsAt: 12, workHours: 9.5 }), EVENTS.resume, 9);
    expect(fx).toEqual([{ type: 'cancelTimer' }, { type: 'scheduleEnd', afterHours: 3, cancel: false }]);
    expect(next.workHours).toBe(4.5);
    // (the model completes a reservation whose term ends during the stall then; resumed after it, it ends at once)
    const [late, fx2] = transition(leaseIn('stalled', { reserved: true, termEndsAt: 8, workHours: 5.5 }), EVENTS.resume, 9);
    expect(fx2).toEqual([{ type: 'cancelTimer' }, { type: 'scheduleEnd', afterHours: 0, cancel: false }]);
    expect(late.workHours).toBe(1.5);
    // any other lease still runs all its work (the end moves by the stall)
    expect(transition(leaseIn('stalled', { termEndsAt: 12, workHours: 9.5 }), EVENTS.resume, 9)[1].at(-1)).toEqual({ type: 'scheduleEnd', afterHours: 8, cancel: false });
  });

  test('a lease that stalls, resumes and completes is settled for its run hours only', () => {
    const fx = new EffectBuffer();
    const l = leaseIn('active', { workHours: 4 }); // started at 2.5
    advance(l, { type: 'stall', reason: 'provider failure' }, 3.5, fx); // ran 1 h
    advance(l, EVENTS.resume, 5, fx); // down 1.5 h
    expect(decodeEffects(l, fx).at(-1)).toEqual({ type: 'scheduleEnd', afterHours: 3, cancel: false });
    fx.n = 0;
    advance(l, EVENTS.complete, 8, fx);
    expect(decodeEffects(l, fx)[0]).toEqual({ type: 'settle', runHours: 4 });
    expect(l.stalledHours).toBe(1.5);
    expect(l.ranHours).toBe(4);
  });

  test('a failure keeps only checkpointed work', () => {
    const l = leaseIn('active', { checkpointHours: 1, workHours: 10, startedAt: 2, runFrom: 2 });
    const [, fx] = transition(l, EVENTS.fail, 4.7); // ran 2.7 h: 2 h checkpointed
    expect(fx.find((f) => f.type === 'requeue')).toEqual({ type: 'requeue', workHours: 8 });
  });

  test('a preemption without notice keeps only checkpointed work, as a failure; with one, all of it', () => {
    const l = leaseIn('active', { checkpointHours: 1, workHours: 10, startedAt: 2, runFrom: 2, spot: true });
    const requeued = (keepProgress: boolean) => transition(l, { type: 'preempt', keepProgress }, 4.7)[1].find((f) => f.type === 'requeue');
    expect(requeued(false)).toEqual({ type: 'requeue', workHours: 8 });
    expect(requeued(true)).toEqual({ type: 'requeue', workHours: 10 - 2.7 });
  });

  const forbidden = LEASE_STATES.flatMap((s) => EVENT_TYPES.filter((e) => !TRANSITIONS[s][e]).map((e) => [s, e] as const));

  test('there are forbidden pairs in every state', () => {
    expect(forbidden.length).toBe(LEASE_STATES.length * EVENT_TYPES.length - Object.keys(SPEC).length);
    // terminal states accept nothing
    for (const s of ['completed', 'failed', 'expired', 'cancelled', 'preempted'] as const) expect(Object.keys(TRANSITIONS[s])).toEqual([]);
  });

  test.each(forbidden)('forbidden: %s --%s--> throws ForbiddenTransition naming both', (state, ev) => {
    const l = leaseIn(state);
    let err: unknown;
    try {
      transition(l, EVENTS[ev], 7);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ForbiddenTransition);
    const f = err as ForbiddenTransition;
    expect(f.message).toContain(`'${state}'`);
    expect(f.message).toContain(`'${ev}'`);
    expect(f.message).toContain(`lease ${l.id}`);
    expect(f.from).toBe(state);
    expect(f.event).toBe(ev);
    // in place: throws the same and leaves the lease as it was
    const frozen = structuredClone(l);
    const fx = new EffectBuffer();
    expect(() => advance(l, EVENTS[ev], 7, fx)).toThrow(ForbiddenTransition);
    expect(l).toEqual(frozen);
    expect(fx.n).toBe(0);
  });

  test('runHours counts only while active', () => {
    expect(runHours(leaseIn('active'), 5)).toBe(2.5);
    expect(runHours(leaseIn('matched'), 5)).toBe(0);
    expect(runHours(leaseIn('ordered'), 5)).toBe(0);
    // a stalled lease's run hours stand still
    expect(runHours(leaseIn('stalled'), 5)).toBe(1.5);
    expect(runHours(leaseIn('stalled'), 50)).toBe(1.5);
  });

  test('copyLease copies every field (no field forgotten when Lease grows)', () => {
    const l = leaseIn('active', { endReason: 'x', escrowUnits: 3, paidUnits: 2, timerHandle: 8 });
    const c = copyLease(l);
    expect(Object.keys(c).sort()).toEqual(Object.keys(l).sort());
    expect(c).toEqual(l);
    expect(c).not.toBe(l);
  });
});

describe('workLeft', () => {
  test('no checkpoints (0): all progress is kept', () => {
    expect(workLeft(lease({ workHours: 10, checkpointHours: 0 }), 3.3)).toBeCloseTo(6.7, 12);
  });

  test('checkpoints: progress rounds down to the last checkpoint', () => {
    const l = lease({ workHours: 10, checkpointHours: 1 });
    expect(workLeft(l, 0.99)).toBe(10);
    expect(workLeft(l, 2.5)).toBe(8);
    expect(workLeft(l, 3)).toBe(7);
  });

  test('a run that ends exactly on a checkpoint keeps it despite float error', () => {
    const l = lease({ workHours: 1, checkpointHours: 0.1 });
    expect(workLeft(l, 0.1 + 0.2)).toBeCloseTo(0.7, 12); // 0.30000000000000004
    expect(workLeft(l, 0.7)).toBeCloseTo(0.3, 12); // 0.7 / 0.1 = 6.999999999999999
  });

  test('never negative, never more than the work, even past the end', () => {
    expect(workLeft(lease({ workHours: 2, checkpointHours: 0 }), 5)).toBe(0);
    expect(workLeft(lease({ workHours: 2, checkpointHours: 0.5 }), 5)).toBe(0);
    expect(workLeft(lease({ workHours: 2, checkpointHours: 5 }), 4)).toBe(2);
  });

  test('properties: bounded, monotone in time run, loses less than one checkpoint interval', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (work, cp, ran, more) => {
          const l = lease({ workHours: work, checkpointHours: cp });
          const w = workLeft(l, ran);
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(work);
          expect(w).toBeGreaterThanOrEqual(Math.max(0, work - ran) - 1e-9 * work);
          if (cp > 0) expect(w).toBeLessThanOrEqual(Math.max(0, work - ran) + cp + 1e-9);
          expect(workLeft(l, ran + more)).toBeLessThanOrEqual(w + 1e-9);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});
