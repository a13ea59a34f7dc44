/**
 * The lease state machine, as a pure function in the style of XState's transition():
 * transition(lease, event, now) returns the next lease and the effects to apply; it changes nothing.
 * advance() is the same table applied in place, for the engine's hot path.
 * A transition not in the table throws with the state and the event in the message.
 *
 *   ordered --match--> matched --start--> active --complete--> completed
 *   ordered --expire--> expired          (no match within the tenant's patience)
 *   ordered|matched|active|stalled --cancel--> cancelled   (the tenant withdraws or closes early)
 *   matched|active|stalled --fail--> failed      (provider down, or caught cheating: the rest is re-queued)
 *   active --stall--> stalled --resume--> active  (provider down, back within the retry grace)
 *   stalled --complete--> completed  (a reservation whose booking ends while its provider is down: no reputation mark)
 *   active --overdraw--> cancelled   (the tenant's escrow ran dry and the provider noticed: closed for insufficient funds)
 *   matched|active --preempt--> preempted   (a spot lease whose GPUs an on-demand order takes: the rest is re-queued)
 *
 * A stalled lease keeps its GPUs and its progress but neither runs nor bills: its end waits, the
 * provider is paid for the run so far, and a grace timer starts. If the provider is back before it
 * runs out the lease resumes where it stopped; otherwise it fails (Akash's provider monitor retries
 * a deployment for about 2 h, then closes the lease as Unstable: research §8 #42). A reservation
 * resumes to the end of its term instead (booked on the calendar, 0.14.0): its stall is run time lost.
 */
import type { Lease, LeaseState } from '../model/types.ts';

export type LeaseEvent =
  | { type: 'match'; provider: number; tier: number; priceUsdPerGpuHour: number }
  | { type: 'start' }
  | { type: 'complete' }
  | { type: 'expire' }
  | { type: 'cancel' }
  | { type: 'overdraw' }
  /** keepProgress: the notice let the tenant checkpoint (all progress kept); else only the last checkpoint's. */
  | { type: 'preempt'; keepProgress: boolean }
  | { type: 'fail'; reason: string }
  | { type: 'stall'; reason: string }
  | { type: 'resume' };

export type LeaseEventType = LeaseEvent['type'];

export type Effect =
  /** Take GPUs from the provider for this lease. */
  | { type: 'reserve'; provider: number; gpus: number }
  /** Give the lease's GPUs back to its provider. */
  | { type: 'release'; provider: number; gpus: number }
  /** Lock the tenant's payment for the planned run in escrow. */
  | { type: 'escrow'; usd: number }
  /** Pay the provider for the time run so far and refund what escrow holds beyond it. */
  | { type: 'settle'; runHours: number }
  /** Schedule the end of the run. */
  | { type: 'scheduleEnd'; afterHours: number; cancel: boolean }
  /** Schedule the close for insufficient funds, before the work is done or the tenant would close. */
  | { type: 'scheduleOverdraw'; afterHours: number }
  /** Record the outcome on the provider's reputation. */
  | { type: 'reputation'; provider: number; good: boolean }
  /** Re-order the work that remains (hours at full speed). */
  | { type: 'requeue'; workHours: number }
  /** The order leaves the queue. */
  | { type: 'dequeue' }
  /** The lease's pending timer (its end, or its retry grace) is void. */
  | { type: 'cancelTimer' }
  /** Pay the provider for the hours run so far (no refund: the lease goes on). */
  | { type: 'pay'; runHours: number }
  /** Start the retry grace: the lease fails if its provider is not back when it runs out. */
  | { type: 'scheduleGrace' };

export const TRANSITIONS: Record<LeaseState, Partial<Record<LeaseEventType, LeaseState>>> = {
  ordered: { match: 'matched', expire: 'expired', cancel: 'cancelled' },
  matched: { start: 'active', fail: 'failed', cancel: 'cancelled', preempt: 'preempted' },
  active: { complete: 'completed', fail: 'failed', cancel: 'cancelled', stall: 'stalled', overdraw: 'cancelled', preempt: 'preempted' },
  stalled: { resume: 'active', fail: 'failed', cancel: 'cancelled', complete: 'completed' },
  completed: {},
  failed: {},
  expired: {},
  cancelled: {},
  preempted: {},
};

export class ForbiddenTransition extends Error {
  constructor(
    readonly from: LeaseState,
    readonly event: LeaseEventType,
    leaseId: number,
  ) {
    super(`lease ${leaseId}: forbidden transition '${event}' from state '${from}'`);
    this.name = 'ForbiddenTransition';
  }
}

/** Hours the lease has run by `now` (0 until it starts; a stall's hours are not run hours). */
export function runHours(l: Lease, now: number): number {
  return l.state === 'active' ? now - l.runFrom : l.ranHours;
}

/** Work left after a failure, keeping what the last checkpoint saved (0 interval: all progress kept). */
export function workLeft(l: Lease, ran: number): number {
  const kept = l.checkpointHours > 0 ? Math.floor(ran / l.checkpointHours + 1e-9) * l.checkpointHours : ran;
  return Math.max(0, l.workHours - Math.min(kept, l.workHours));
}

/** The pure form: the next lease and the effects to apply; `lease` is left unchanged. */
export function transition(lease: Lease, ev: LeaseEvent, now: number): [Lease, Effect[]] {
  const next = copyLease(lease);
  const fx = new EffectBuffer();
  advance(next, ev, now, fx);
  return [next, decodeEffects(next, fx)];
}

/**
 * Effect codes of the in-place form. The engine applies effects as soon as they are made, so
 * advance() writes them as (code, number) pairs into a reused buffer instead of an object each (a
 * lease makes seven or more in its life); what an effect refers to otherwise (provider, GPUs,
 * escrow amount) is on the lease. decodeEffects() turns them back into `Effect` objects.
 */
export const FX_DEQUEUE = 0;
export const FX_RESERVE = 1;
export const FX_ESCROW = 2;
/** arg: hours until the work is done (scheduleEnd, cancel false). */
export const FX_SCHEDULE_END = 3;
/** arg: hours until the tenant closes early (scheduleEnd, cancel true). */
export const FX_SCHEDULE_CLOSE = 4;
/** arg: hours run. */
export const FX_SETTLE = 5;
export const FX_RELEASE = 6;
export const FX_REPUTATION_GOOD = 7;
export const FX_REPUTATION_BAD = 8;
/** arg: hours of work left. */
export const FX_REQUEUE = 9;
export const FX_CANCEL_TIMER = 10;
/** arg: hours run. */
export const FX_PAY = 11;
export const FX_SCHEDULE_GRACE = 12;
/** arg: hours until the lease is closed for insufficient funds. */
export const FX_SCHEDULE_OVERDRAW = 13;

/** End reason of a lease closed because its escrow ran dry (Akash's lease close reason InsufficientFunds). */
export const INSUFFICIENT_FUNDS = 'insufficient_funds';
/** End reason of a spot lease an on-demand order took the GPUs of (also its outcome). */
export const PREEMPTED = 'preempted';

/** A growable stack of (code, arg) effect pairs; a nested transition appends above its caller's and truncates back. */
export class EffectBuffer {
  code = new Int32Array(32);
  arg = new Float64Array(32);
  n = 0;

  push(code: number, arg = 0): void {
    if (this.n === this.code.length) {
      const c = new Int32Array(this.n * 2);
      c.set(this.code);
      const a = new Float64Array(this.n * 2);
      a.set(this.arg);
      this.code = c;
      this.arg = a;
    }
    this.code[this.n] = code;
    this.arg[this.n++] = arg;
  }
}

/** The effects in buf[from..] as objects, reading what they refer to from `l` as it is after the transition. */
export function decodeEffects(l: Lease, buf: EffectBuffer, from = 0): Effect[] {
  const out: Effect[] = [];
  for (let i = from; i < buf.n; i++) {
    const a = buf.arg[i];
    switch (buf.code[i]) {
      case FX_DEQUEUE:
        out.push({ type: 'dequeue' });
        break;
      case FX_RESERVE:
        out.push({ type: 'reserve', provider: l.provider, gpus: l.gpus });
        break;
      case FX_ESCROW:
        out.push({ type: 'escrow', usd: l.escrowUsd });
        break;
      case FX_SCHEDULE_END:
      case FX_SCHEDULE_CLOSE:
        out.push({ type: 'scheduleEnd', afterHours: a, cancel: buf.code[i] === FX_SCHEDULE_CLOSE });
        break;
      case FX_SCHEDULE_OVERDRAW:
        out.push({ type: 'scheduleOverdraw', afterHours: a });
        break;
      case FX_SETTLE:
        out.push({ type: 'settle', runHours: a });
        break;
      case FX_RELEASE:
        out.push({ type: 'release', provider: l.provider, gpus: l.gpus });
        break;
      case FX_REPUTATION_GOOD:
      case FX_REPUTATION_BAD:
        out.push({ type: 'reputation', provider: l.provider, good: buf.code[i] === FX_REPUTATION_GOOD });
        break;
      case FX_REQUEUE:
        out.push({ type: 'requeue', workHours: a });
        break;
      case FX_CANCEL_TIMER:
        out.push({ type: 'cancelTimer' });
        break;
      case FX_PAY:
        out.push({ type: 'pay', runHours: a });
        break;
      case FX_SCHEDULE_GRACE:
        out.push({ type: 'scheduleGrace' });
        break;
      default:
        throw new Error(`unknown effect code ${buf.code[i]}`);
    }
  }
  return out;
}

/**
 * The same transition applied in place: the lease becomes its next state and the effects are
 * appended to `fx`. The engine's hot path uses this (a lease changes state three times or more, and
 * a copy per change is most of the cost); on a forbidden transition it throws and changes nothing.
 */
export function advance(l: Lease, ev: LeaseEvent, now: number, fx: EffectBuffer): void {
  const to = TRANSITIONS[l.state][ev.type];
  if (!to) throw new ForbiddenTransition(l.state, ev.type, l.id);
  // Effects read the lease as it was (state, start time) before it moves on.
  switch (ev.type) {
    case 'match':
      l.provider = ev.provider;
      l.tier = ev.tier;
      l.priceUsdPerGpuHour = ev.priceUsdPerGpuHour;
      l.matchedAt = now;
      // the whole planned run, or what the tenant's deposits pay for when it has escrow runways
      l.escrowUsd = ev.priceUsdPerGpuHour * l.gpus * Math.min(l.workHours, l.cancelAfterHours, l.fundedHours);
      fx.push(FX_DEQUEUE);
      fx.push(FX_RESERVE);
      fx.push(FX_ESCROW);
      break;
    case 'start':
      l.startedAt = now;
      l.runFrom = now;
      scheduleEnd(l, fx);
      break;
    case 'stall':
      l.ranHours = now - l.runFrom;
      l.stalledAt = now;
      l.stallReason = ev.reason;
      fx.push(FX_CANCEL_TIMER);
      fx.push(FX_PAY, l.ranHours);
      fx.push(FX_SCHEDULE_GRACE);
      break;
    case 'resume':
      endStall(l, now);
      // run hours count on from where they stopped
      l.runFrom = now - l.ranHours;
      // a reservation is booked on the calendar (market.reserved): the stall comes off its run, it
      // still ends when its term does (a term that ends during the stall completes it then: the model's grace timer)
      if (l.reserved) l.workHours = l.ranHours + Math.max(0, l.termEndsAt - now);
      fx.push(FX_CANCEL_TIMER);
      scheduleEnd(l, fx);
      break;
    case 'complete':
      // (from a stall: the run stopped when the provider went down)
      if (l.state !== 'stalled') l.ranHours = now - l.runFrom;
      endStall(l, now);
      l.endedAt = now;
      l.endReason = 'completed';
      fx.push(FX_SETTLE, l.ranHours);
      fx.push(FX_RELEASE);
      // A booking that ends while its host is down earns no mark: the host did not deliver its last
      // hours, yet was back within the grace as far as anyone knows (neither done well nor failed).
      if (l.state !== 'stalled') fx.push(FX_REPUTATION_GOOD);
      break;
    case 'expire':
      l.endedAt = now;
      l.endReason = 'patience';
      fx.push(FX_DEQUEUE);
      break;
    case 'cancel':
      l.ranHours = runHours(l, now);
      endStall(l, now);
      l.endedAt = now;
      l.endReason = 'tenant';
      if (l.state === 'ordered') fx.push(FX_DEQUEUE);
      else {
        fx.push(FX_SETTLE, l.ranHours);
        fx.push(FX_RELEASE);
      }
      break;
    case 'overdraw':
      // the provider is paid what the deposits hold (the hours since they ran dry go unpaid)
      l.ranHours = now - l.runFrom;
      l.endedAt = now;
      l.endReason = INSUFFICIENT_FUNDS;
      fx.push(FX_SETTLE, l.ranHours);
      fx.push(FX_RELEASE);
      break;
    case 'preempt': {
      // the provider is paid the run so far; no mark on its record (it did what spot promises)
      const ran = runHours(l, now);
      l.ranHours = ran;
      l.endedAt = now;
      l.endReason = PREEMPTED;
      fx.push(FX_CANCEL_TIMER);
      fx.push(FX_SETTLE, ran);
      fx.push(FX_RELEASE);
      fx.push(FX_REQUEUE, ev.keepProgress ? Math.max(0, l.workHours - Math.min(ran, l.workHours)) : workLeft(l, ran));
      break;
    }
    case 'fail': {
      const ran = runHours(l, now);
      l.ranHours = ran;
      endStall(l, now);
      l.endedAt = now;
      l.endReason = ev.reason;
      fx.push(FX_SETTLE, ran);
      fx.push(FX_RELEASE);
      fx.push(FX_REPUTATION_BAD);
      fx.push(FX_REQUEUE, workLeft(l, ran));
      break;
    }
  }
  l.state = to;
}

/**
 * Schedules the end of the run from where it stands: the close for insufficient funds or the
 * tenant's close if one comes before the work is done, else the end of the work (all in run hours,
 * less those already run).
 */
function scheduleEnd(l: Lease, fx: EffectBuffer): void {
  // (never below 0: a stall at the very time the run was due to end leaves ran = work give or take
  // a rounding, and the engine refuses the past)
  if (l.overdrawAfterHours < l.workHours && l.overdrawAfterHours < l.cancelAfterHours) fx.push(FX_SCHEDULE_OVERDRAW, Math.max(0, l.overdrawAfterHours - l.ranHours));
  else if (l.cancelAfterHours < l.workHours) fx.push(FX_SCHEDULE_CLOSE, Math.max(0, l.cancelAfterHours - l.ranHours));
  else fx.push(FX_SCHEDULE_END, Math.max(0, l.workHours - l.ranHours));
}

/** Adds the stall in progress, if any, to the lease's stalled hours. */
function endStall(l: Lease, now: number): void {
  if (l.state !== 'stalled') return;
  l.stalledHours += now - l.stalledAt;
  l.stalledAt = NaN;
}

/** Field-by-field copy: one fixed object shape, much cheaper than a spread on the hot path. */
export function copyLease(l: Lease): Lease {
  return {
    id: l.id,
    jobId: l.jobId,
    attempt: l.attempt,
    jobClass: l.jobClass,
    gpus: l.gpus,
    minVramGb: l.minVramGb,
    minTier: l.minTier,
    region: l.region,
    regionLocked: l.regionLocked,
    budgetUsdPerGpuHour: l.budgetUsdPerGpuHour,
    cloudUsdPerGpuHour: l.cloudUsdPerGpuHour,
    workHours: l.workHours,
    cancelAfterHours: l.cancelAfterHours,
    fundedHours: l.fundedHours,
    overdrawAfterHours: l.overdrawAfterHours,
    checkpointHours: l.checkpointHours,
    spot: l.spot,
    reserved: l.reserved,
    termEndsAt: l.termEndsAt,
    state: l.state,
    orderedAt: l.orderedAt,
    matchedAt: l.matchedAt,
    startedAt: l.startedAt,
    endedAt: l.endedAt,
    runFrom: l.runFrom,
    ranHours: l.ranHours,
    stalledAt: l.stalledAt,
    stalledHours: l.stalledHours,
    stallReason: l.stallReason,
    provider: l.provider,
    tier: l.tier,
    priceUsdPerGpuHour: l.priceUsdPerGpuHour,
    escrowUnits: l.escrowUnits,
    paidUnits: l.paidUnits,
    escrowUsd: l.escrowUsd,
    endReason: l.endReason,
    patienceHandle: l.patienceHandle,
    timerHandle: l.timerHandle,
    billSlot: l.billSlot,
  };
}
