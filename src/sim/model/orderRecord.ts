/**
 * A new order's lease record: what the job asks for (from its draw), the order's terms, and every
 * field of a later stage (match, run, stall, payment, end) reset to what an order not yet matched
 * holds. The record comes from the pool of ended leases (lease/pool.ts), so nothing of the lease it
 * last held may remain: every field of Lease is set here.
 */
import type { JobDraw } from '../demand/jobs.ts';
import type { Lease } from './types.ts';

/**
 * Fills record l as order `id` of job `jobId` (attempt 0 for a job's first order) for job draw d,
 * with `workHours` of work and `cancelAfterHours` to the tenant's close left, placed `now`;
 * `termEndsAt`: a reservation's booking end (NaN for other leases).
 */
export function fillOrder(l: Lease, id: number, jobId: number, attempt: number, d: JobDraw, workHours: number, cancelAfterHours: number, spot: boolean, reserved: boolean, termEndsAt: number, now: number): void {
  l.id = id;
  l.jobId = jobId;
  l.attempt = attempt;
  l.jobClass = d.jobClass;
  l.gpus = d.gpus;
  l.minVramGb = d.minVramGb;
  l.minTier = d.minTier;
  l.region = d.region;
  l.regionLocked = d.regionLocked;
  l.budgetUsdPerGpuHour = d.budgetUsdPerGpuHour;
  l.cloudUsdPerGpuHour = d.cloudUsdPerGpuHour;
  l.workHours = workHours;
  l.cancelAfterHours = cancelAfterHours;
  l.fundedHours = Infinity;
  l.overdrawAfterHours = Infinity;
  l.checkpointHours = d.checkpointHours;
  l.spot = spot;
  l.reserved = reserved;
  l.termEndsAt = termEndsAt;
  l.state = 'ordered';
  l.orderedAt = now;
  l.matchedAt = NaN;
  l.startedAt = NaN;
  l.endedAt = NaN;
  l.runFrom = NaN;
  l.ranHours = 0;
  l.stalledAt = NaN;
  l.stalledHours = 0;
  l.stallReason = '';
  l.provider = -1;
  l.tier = -1;
  l.priceUsdPerGpuHour = NaN;
  l.escrowUnits = 0;
  l.paidUnits = 0;
  l.escrowUsd = 0;
  l.endReason = '';
  l.patienceHandle = -1;
  l.timerHandle = -1;
  l.billSlot = -1;
}
