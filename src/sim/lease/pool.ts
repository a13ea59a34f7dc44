/**
 * Recycled lease records. A year of the baseline opens over a million leases, each living for
 * hours to days of simulated time: long enough to be copied by the young-generation GC and promoted,
 * short enough to die soon after, and with a dozen number fields, each its own heap number. Reusing
 * the records of ended leases keeps the live set small and in place and allocates nothing per order.
 * A lease goes back to the pool only when it has ended and left every table, after its row was
 * reported; nothing may hold on to it after that (ids, not records, are what other tables keep).
 */
import type { Lease } from '../model/types.ts';

/** A lease record with every field present (one object shape for all leases). */
export function blankLease(): Lease {
  return {
    id: -1,
    jobId: -1,
    attempt: 0,
    jobClass: 0,
    gpus: 1,
    minVramGb: 0,
    minTier: 0,
    region: 0,
    regionLocked: false,
    budgetUsdPerGpuHour: NaN,
    cloudUsdPerGpuHour: NaN,
    workHours: NaN,
    cancelAfterHours: Infinity,
    fundedHours: Infinity,
    overdrawAfterHours: Infinity,
    checkpointHours: 0,
    spot: false,
    reserved: false,
    termEndsAt: NaN,
    state: 'ordered',
    orderedAt: NaN,
    matchedAt: NaN,
    startedAt: NaN,
    endedAt: NaN,
    runFrom: NaN,
    ranHours: 0,
    stalledAt: NaN,
    stalledHours: 0,
    stallReason: '',
    provider: -1,
    tier: -1,
    priceUsdPerGpuHour: NaN,
    escrowUnits: 0,
    paidUnits: 0,
    escrowUsd: 0,
    endReason: '',
    patienceHandle: -1,
    timerHandle: -1,
    billSlot: -1,
  };
}

export class LeasePool {
  private spare: Lease[] = [];

  /** A record to fill in: an ended lease's, or a new one. Every field must be set by the caller. */
  take(): Lease {
    return this.spare.pop() ?? blankLease();
  }

  /** Returns an ended lease's record for reuse. */
  give(l: Lease): void {
    l.id = -1; // a stale reference shows up as a lease with no id rather than as another lease
    this.spare.push(l);
  }

  get size(): number {
    return this.spare.length;
  }
}
