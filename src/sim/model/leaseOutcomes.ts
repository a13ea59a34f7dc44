/**
 * What a lease's transitions count in the market metrics, beyond the running counts while it is
 * active (model/activeCounts.ts): its start or resume on entering 'active', and on ending, how it
 * ended (completed, expired, cancelled or overdrawn, failed, preempted), by provider type where the
 * metrics keep one. An ended lease passes the checks every ending must: it holds no escrow it
 * neither paid nor refunded, and the hours it ran beyond its funded deposits count as unpaid.
 *
 * Why a file of its own: the model's apply runs the transition and its effects; what the outcome
 * adds to the counts is bookkeeping beside it, plain functions over the metrics and the lease.
 */
import { UNITS_PER } from '../economy/ledger.ts';
import { INSUFFICIENT_FUNDS } from '../lease/machine.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import type { Lease, LeaseState, Provider } from './types.ts';

/** Whether a lease in `state` has ended (it leaves the live table). */
export function hasEnded(state: LeaseState): boolean {
  return state === 'completed' || state === 'failed' || state === 'expired' || state === 'cancelled' || state === 'preempted';
}

/** Counts lease l starting (a lease placed by the warm start is not counted: the caller skips it). */
export function countStarted(m: MarketMetrics, l: Lease): void {
  m.started++;
  if (l.reserved) m.startedReserved++;
}

/** Counts a stalled lease running again on provider p, back online. */
export function countResumed(m: MarketMetrics, p: Provider): void {
  m.resumed++;
  m.resumedByType[p.archetype]++;
  p.leasesResumed++;
}

/**
 * Counts how lease l ended (its state is one hasEnded accepts; `providers`: the model's table, for
 * its provider's type) and checks and counts what it paid: no escrow left, and its unpaid hours.
 */
export function countEnded(m: MarketMetrics, providers: readonly Provider[], l: Lease): void {
  switch (l.state) {
    case 'completed':
      m.completed++;
      m.completedByType[providers[l.provider].archetype]++;
      break;
    case 'expired':
      m.expired++;
      if (l.spot) m.expiredSpot++;
      else if (l.reserved) m.expiredReserved++;
      if (l.attempt === 0) m.expiredFirst++;
      break;
    case 'cancelled':
      m.cancelled++;
      if (l.endReason === INSUFFICIENT_FUNDS) m.overdrawn++;
      break;
    case 'failed':
      m.failed++;
      // a lease fails only once matched: it has a provider
      m.failedByType[providers[l.provider].archetype]++;
      break;
    case 'preempted':
      m.preempted++;
      break;
    default:
      break;
  }
  // a lease never ends holding escrow: what it did not pay went back to the tenant (FX_SETTLE)
  if (l.escrowUnits !== l.paidUnits) throw new Error(`lease ${l.id} ended '${l.state}' holding ${(l.escrowUnits - l.paidUnits) / UNITS_PER} USD of escrow it neither paid nor refunded`);
  // hours run after the tenant's deposits ran dry (until the close, or a failure or the tenant's own close first)
  if (l.ranHours > l.fundedHours) {
    const h = (l.ranHours - l.fundedHours) * l.gpus;
    m.unpaidGpuH += h;
    m.unpaidUsd += h * l.priceUsdPerGpuHour;
  }
}
