/**
 * Whether each provider is online, and what follows when that changes. A provider is online while it
 * is in the network, inside its daily sharing window (home providers share part of the day) and not
 * in an outage (model/outageClock.ts draws when those begin and end). Going offline stalls its
 * running leases, to fail unless it is back within market.outageGraceHours (at once without a
 * grace), and fails those still being set up; coming back resumes the stalled ones and lets it serve
 * waiting orders. Here too: the network's online GPU counts and the observed uptime the matcher
 * reads. The model registers the 'window', 'failure' and 'grace' events and calls the handlers here.
 *
 * Why the model's calls come through a host: a change of availability runs lease transitions and
 * serves the order book, both the model's own (its apply and capacityFreed), as the warm start's
 * placing does (model/warmStart.ts).
 */
import type { Economy } from '../economy/economy.ts';
import type { LeaseEvent } from '../lease/machine.ts';
import type { ProviderIndex } from '../market/providerIndex.ts';
import { UPTIME } from '../market/signals.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { OutageClock } from './outageClock.ts';
import type { ModelTables } from './modelTables.ts';
import { isOnline, type Provider } from './types.ts';
import type { ProviderUsage } from './usage.ts';

/** Prior for observed uptime: a new provider starts with this many hours of clean record. */
const UPTIME_PRIOR_H = 24;

// Lease events without data, shared (one per kind rather than one per lease).
const COMPLETE: LeaseEvent = { type: 'complete' };
const RESUME: LeaseEvent = { type: 'resume' };

/** What availability reads from the model, and the model's calls it makes. */
export interface AvailabilityHost extends ModelTables {
  readonly s: Scenario;
  /** The engine's event kind for a sharing window opening or closing (registered by the model). */
  readonly windowKind: number;
  readonly metrics: MarketMetrics;
  readonly usage: ProviderUsage;
  readonly index: ProviderIndex;
  readonly outages: OutageClock;
  readonly economy: Economy | null;
  /** Accrues p's busy and online GPU-hours up to now. */
  accrue(p: Provider): void;
  /** Runs a lease transition and applies its effects. */
  apply(id: number, ev: LeaseEvent): void;
  /** Lets p serve the waiting orders it can take. */
  capacityFreed(p: Provider): void;
}

export class Availability {
  constructor(private h: AvailabilityHost) {}

  /**
   * A provider joins at `now`: whether it is inside its sharing window, when the window next opens
   * or closes (scheduled), its first outage (or, in a steady start, maybe its recovery), and its
   * GPUs in the online counts if it starts online.
   */
  join(p: Provider, now: number): void {
    const h = this.h;
    if (p.windowHours < 24) {
      // Is `now` inside today's window [start, start + hours) (mod 24)?
      const hour = (((now - p.windowStartHour) % 24) + 24) % 24;
      p.inWindow = hour < p.windowHours;
      const next = p.inWindow ? now + (p.windowHours - hour) : now + (24 - hour);
      h.sig.windowEnd[p.id] = p.inWindow ? next : now;
      h.engine.at(next, h.windowKind, p.id, p.gen);
    }
    if (p.reliability < 1) h.outages.scheduleFirst(p, now);
    if (isOnline(p)) this.onlineGpusChanged(p, p.gpus);
  }

  /** A provider leaves the network at `now` (before p.active is cleared): if it was online, its online hours end and its GPUs leave the counts. */
  leave(p: Provider, now: number): void {
    if (!isOnline(p)) return;
    this.h.usage.onlineChanged(p.id, now, true);
    this.onlineGpusChanged(p, -p.gpus);
  }

  /** p's observed uptime: its hours online over its hours in the network, both with UPTIME_PRIOR_H clean hours added. */
  uptime(p: Provider): number {
    const now = this.h.engine.now;
    const on = this.h.usage.onlineHours(p.id, now, isOnline(p));
    return (on + UPTIME_PRIOR_H) / (now - p.joinedAt + UPTIME_PRIOR_H);
  }

  /** A home provider's sharing window opens or closes; the next change is scheduled. */
  onWindow(pid: number, gen: number): void {
    const h = this.h;
    const p = h.providers[pid];
    if (p.gen !== gen || !p.active) return;
    const now = h.engine.now;
    h.sig.windowEnd[pid] = p.inWindow ? now : now + p.windowHours;
    this.setAvailability(p, true, 'provider offline');
    h.engine.after(p.inWindow ? p.windowHours : 24 - p.windowHours, h.windowKind, pid, gen);
  }

  /** An outage starts or ends; the next change is scheduled (model/outageClock.ts). */
  onFailure(pid: number, gen: number): void {
    const p = this.h.providers[pid];
    if (p.gen !== gen || !p.active) return;
    this.setAvailability(p, false, 'provider failure');
    this.h.outages.scheduleNext(p, this.h.engine.now);
  }

  /**
   * The retry grace of a stalled lease ran out: it fails with the reason it stalled for. A
   * reservation's timer runs to its booking's end when that comes first: it completes then.
   */
  onGrace(id: number): void {
    const h = this.h;
    const l = h.leases.get(id);
    if (!l || l.state !== 'stalled') return;
    l.timerHandle = -1; // this event was that timer
    if (l.reserved && h.engine.now >= l.termEndsAt - 1e-9) h.apply(id, COMPLETE);
    else h.apply(id, { type: 'fail', reason: l.stallReason });
  }

  /** Toggles a provider's sharing window (window true) or outage (false), then applies the consequences. */
  private setAvailability(p: Provider, window: boolean, reason: string): void {
    const h = this.h;
    const now = h.engine.now;
    const was = isOnline(p);
    h.accrue(p);
    if (window) p.inWindow = !p.inWindow;
    else p.failed = !p.failed;
    const is = isOnline(p);
    if (was === is) return;
    h.metrics.advance(now);
    this.onlineGpusChanged(p, was ? -p.gpus : p.gpus);
    h.usage.onlineChanged(p.id, now, was);
    h.sig.set(p.id, UPTIME, this.uptime(p));
    if (!is) {
      // Running leases stall, to fail if the provider is not back within the grace (at once when it
      // is 0); leases still being set up fail now. What remains of a failed lease's work is re-ordered.
      h.economy?.downtimeStart(p);
      const grace = h.s.market.outageGraceHours > 0;
      for (const id of h.held.list(p.id)) {
        const l = h.leases.get(id)!;
        h.apply(id, grace && l.state === 'active' ? { type: 'stall', reason } : { type: 'fail', reason });
      }
      h.index.update(p, p.canServe);
    } else {
      h.economy?.downtimeEnd(p);
      // back within the grace: its stalled leases run on (only stalled leases hold GPUs on a provider coming back)
      for (const id of h.held.list(p.id)) h.apply(id, RESUME);
      h.index.update(p, p.canServe);
      h.capacityFreed(p);
    }
  }

  /** GPUs of p going online (+) or offline (-), in the network's, its type's and its region's online counts. */
  private onlineGpusChanged(p: Provider, delta: number): void {
    const m = this.h.metrics;
    m.onlineGpus[p.tier] += delta;
    m.onlineByType[p.archetype] += delta;
    m.onlineByRegion[p.region] += delta;
  }
}
