/**
 * The state of a run: plain records with integer ids, kept in tables. Nothing here is a class
 * instance, so any of it can cross to the worker or be written out as it is.
 */
import type { TierIndex } from '../supply/catalogue.ts';

export const ARCHETYPE_INDEX = { home: 0, farm: 1, datacenter: 2, university: 3 } as const;

export interface Provider {
  id: number;
  archetype: number;
  region: number;
  model: number;
  tier: TierIndex;
  gpus: number;
  /** GPUs not held by a lease (matched or active). */
  gpusFree: number;
  /** Inside its daily sharing window (home providers share part of the day). */
  inWindow: boolean;
  /** In an unplanned outage. */
  failed: boolean;
  /** Still part of the network (false once it exits). */
  active: boolean;
  /** Price asked per GPU-hour, USD. */
  askUsdPerGpuHour: number;
  /** Running cost of a busy GPU-hour (energy at load + ops), USD: the floor for the ask. */
  runningCostUsdPerGpuHour: number;
  /** Full cost of a GPU-hour at the provider's target utilization, USD. */
  fullCostUsdPerGpuHour: number;
  /** Power drawn per online GPU when idle and when busy, kW (incl. PUE and host overhead share). */
  idleKwPerGpu: number;
  busyKwPerGpu: number;
  electricityUsdPerKwh: number;
  capexUsdPerGpuHour: number;
  opsUsdPerGpuHour: number;
  purchasePriceUsd: number;
  targetUtilization: number;
  /** Long-run share of time up (not failed), drawn per provider. */
  reliability: number;
  windowStartHour: number;
  windowHours: number;
  // observed record, read by the matcher (hours online: model/usage.ts)
  leasesCompleted: number;
  leasesFailed: number;
  /** Times a lease on it stalled in an outage and resumed within the outage grace. */
  leasesResumed: number;
  slashes: number;
  stakeTokens: number;
  /** GPUs running an active lease. */
  busyGpus: number;
  /** GPUs held by spot leases (matched, active or stalled): what an on-demand order may preempt. */
  spotGpus: number;
  /** Trailing emission reward per online GPU-hour, USD: lowers the floor of the ask (subsidized providers can undercut; 0 without an economy). */
  rewardCreditUsdPerGpuHour: number;
  /** Allowed to take leases (enough stake, not leaving); the matcher's index lists only these. */
  canServe: boolean;
  /** Ledger account of the provider. */
  account: number;
  /** Lists in the matcher's index (-1 when not listed): by (model, region), and by free-capacity level. */
  bucket: number;
  levelBucket: number;
  /** Generation for availability events: bumps when the provider exits, so stale events are ignored. */
  gen: number;
  joinedAt: number;
  exitedAt: number;
}

export function isOnline(p: Provider): boolean {
  return p.active && p.inWindow && !p.failed;
}

export const LEASE_STATES = ['ordered', 'matched', 'active', 'stalled', 'completed', 'failed', 'expired', 'cancelled', 'preempted'] as const;
export type LeaseState = (typeof LEASE_STATES)[number];

/** One order and the lease that serves it. A job that fails is re-ordered as a new lease for what remains. */
export interface Lease {
  id: number;
  jobId: number;
  /** 0 for a job's first order, 1+ for re-orders after failures. */
  attempt: number;
  jobClass: number;
  gpus: number;
  minVramGb: number;
  minTier: number;
  /** The tenant's region; `regionLocked` makes it a hard filter. */
  region: number;
  regionLocked: boolean;
  budgetUsdPerGpuHour: number;
  /** Cloud on-demand price of the cheapest GPU that fits: the outside option. */
  cloudUsdPerGpuHour: number;
  /** Hours of work still to do at the start of this lease. */
  workHours: number;
  /** If the tenant will close the lease early, after this many hours of running; else Infinity. */
  cancelAfterHours: number;
  /**
   * Run hours the tenant's escrow deposits pay for, top-ups included (Infinity: the whole run; set at
   * the match when the scenario has escrow runways, lease/escrowRunway.ts).
   */
  fundedHours: number;
  /** Run hours after which the lease is closed for insufficient funds (its deposits dry, then noticed); else Infinity. */
  overdrawAfterHours: number;
  checkpointHours: number;
  /** A spot lease: discounted, and preemptible by on-demand orders (scenario `market.spot`). */
  spot: boolean;
  /** A reservation (scenario `market.reserved`): booked for a term of months at a discount, never preempted. */
  reserved: boolean;
  /** A reservation's booking ends here (hours; NaN for other leases): a re-order after a failure runs only what is left of it. */
  termEndsAt: number;
  state: LeaseState;
  orderedAt: number;
  matchedAt: number;
  startedAt: number;
  endedAt: number;
  /** While active: the time from which its run hours count (the start, moved on by the stalls since). */
  runFrom: number;
  /** Hours run up to the last stop (a stall or the end); while active, runHours() counts from runFrom. */
  ranHours: number;
  /** When the stall in progress began (NaN when not stalled). */
  stalledAt: number;
  /** Hours spent stalled, provider down, before this stall (all of them once the lease has ended). */
  stalledHours: number;
  /** Why the lease stalled: its end reason if the retry grace runs out. */
  stallReason: string;
  provider: number;
  tier: number;
  priceUsdPerGpuHour: number;
  /** Escrow deposited and paid out so far, in ledger base units (exact). */
  escrowUnits: number;
  paidUnits: number;
  escrowUsd: number;
  endReason: string;
  // engine handles for lazy cancel
  patienceHandle: number;
  timerHandle: number;
  /** Slot in the model's running-bills table while active (-1 otherwise); paidUnits is current only when -1. */
  billSlot: number;
}
