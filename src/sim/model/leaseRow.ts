import { UNITS_PER } from '../economy/ledger.ts';
import type { CsvBytes } from '../metrics/csvBytes.ts';
import { ARCHETYPES, JOB_CLASSES, REGIONS } from '../scenario/schema.ts';
import { GPU_CATALOGUE, TIERS as TIER_NAMES } from '../supply/catalogue.ts';
import type { Lease, Provider } from './types.ts';

/** One row of the per-lease export (`--leases`): a public interface, documented in the README. */
export interface LeaseRow {
  lease_id: number;
  job_id: number;
  attempt: number;
  job_class: string;
  gpus: number;
  min_vram_gb: number;
  tenant_region: string;
  region_locked: number;
  provider_id: number;
  archetype: string;
  gpu_model: string;
  tier: string;
  provider_region: string;
  ordered_h: number;
  matched_h: number;
  started_h: number;
  ended_h: number;
  outcome: string;
  end_reason: string;
  budget_usd_per_gpu_h: number;
  price_usd_per_gpu_h: number;
  cloud_usd_per_gpu_h: number;
  gpu_hours: number;
  billed_usd: number;
  stalled_h: number;
  spot: number;
  reserved: number;
}

export const LEASE_COLUMNS: (keyof LeaseRow)[] = [
  'lease_id', 'job_id', 'attempt', 'job_class', 'gpus', 'min_vram_gb', 'tenant_region', 'region_locked',
  'provider_id', 'archetype', 'gpu_model', 'tier', 'provider_region', 'ordered_h', 'matched_h', 'started_h',
  'ended_h', 'outcome', 'end_reason', 'budget_usd_per_gpu_h', 'price_usd_per_gpu_h', 'cloud_usd_per_gpu_h',
  'gpu_hours', 'billed_usd', 'stalled_h', 'spot', 'reserved',
];

/** The export row of an ended lease l, served by provider p (null if it was never matched). */
export function leaseRowOf(l: Lease, p: Provider | null): LeaseRow {
  return {
    lease_id: l.id,
    job_id: l.jobId,
    attempt: l.attempt,
    job_class: JOB_CLASSES[l.jobClass],
    gpus: l.gpus,
    min_vram_gb: l.minVramGb,
    tenant_region: REGIONS[l.region],
    region_locked: l.regionLocked ? 1 : 0,
    provider_id: p ? p.id : -1,
    archetype: p ? ARCHETYPES[p.archetype] : '',
    gpu_model: p ? GPU_CATALOGUE[p.model].id : '',
    tier: p ? TIER_NAMES[p.tier] : '',
    provider_region: p ? REGIONS[p.region] : '',
    ordered_h: l.orderedAt,
    matched_h: l.matchedAt,
    started_h: l.startedAt,
    ended_h: l.endedAt,
    outcome: l.state,
    end_reason: l.endReason,
    budget_usd_per_gpu_h: l.budgetUsdPerGpuHour,
    price_usd_per_gpu_h: l.priceUsdPerGpuHour,
    cloud_usd_per_gpu_h: l.cloudUsdPerGpuHour,
    gpu_hours: l.ranHours * l.gpus,
    billed_usd: l.paidUnits / UNITS_PER,
    stalled_h: l.stalledHours,
    spot: l.spot ? 1 : 0,
    reserved: l.reserved ? 1 : 0,
  };
}

/**
 * Writes one row in LEASE_COLUMNS order, field by field: the export's hot path (a row per lease), where
 * reading the row by column name would be a dictionary lookup per cell. A test holds it to LEASE_COLUMNS.
 */
export function writeLeaseRow(w: CsvBytes, r: LeaseRow): void {
  w.num(r.lease_id);
  w.num(r.job_id);
  w.num(r.attempt);
  w.text(r.job_class);
  w.num(r.gpus);
  w.num(r.min_vram_gb);
  w.text(r.tenant_region);
  w.num(r.region_locked);
  w.num(r.provider_id);
  w.text(r.archetype);
  w.text(r.gpu_model);
  w.text(r.tier);
  w.text(r.provider_region);
  w.num(r.ordered_h);
  w.num(r.matched_h);
  w.num(r.started_h);
  w.num(r.ended_h);
  w.text(r.outcome);
  w.text(r.end_reason);
  w.num(r.budget_usd_per_gpu_h);
  w.num(r.price_usd_per_gpu_h);
  w.num(r.cloud_usd_per_gpu_h);
  w.num(r.gpu_hours);
  w.num(r.billed_usd);
  w.num(r.stalled_h);
  w.num(r.spot);
  w.num(r.reserved);
  w.endRow();
}

/** Unit and definition of each lease column, for the README. */
export const LEASE_DOCS: [keyof LeaseRow, string, string][] = [
  ['lease_id', 'id', 'Lease (order) id; a job re-ordered after a failure gets a new lease'],
  ['job_id', 'id', 'Job id, shared by all leases of one job'],
  ['attempt', 'count', '0 for the first order of a job, 1+ for re-orders after failures'],
  ['job_class', 'name', 'inference, finetune, training, rendering or transcoding'],
  ['gpus', 'GPUs', 'GPUs the lease holds, all on one provider'],
  ['min_vram_gb', 'GB', 'Minimum VRAM per GPU the job needs'],
  ['tenant_region', 'region', 'Region of the tenant (na, eu, asia, other)'],
  ['region_locked', '0/1', '1 when the job must run in its tenant region'],
  ['provider_id', 'id', 'Provider that served the lease, -1 if never matched'],
  ['archetype', 'name', 'home, farm, datacenter or university; empty if never matched'],
  ['gpu_model', 'id', 'GPU model of the provider (catalogue id)'],
  ['tier', 'name', 'Price tier of the GPU: entry, low, medium, high, ultra'],
  ['provider_region', 'region', 'Region of the provider'],
  ['ordered_h', 'h', 'Simulated time the order was placed'],
  ['matched_h', 'h', 'Time it was matched (empty if never)'],
  ['started_h', 'h', 'Time it started running (empty if never)'],
  ['ended_h', 'h', 'Time it ended'],
  ['outcome', 'state', 'Final state: completed, failed, expired, cancelled or preempted (a spot lease whose GPUs an on-demand order took, market.spot)'],
  ['end_reason', 'text', 'completed, patience, tenant, insufficient_funds (escrow ran dry, market.escrow), preempted (market.spot), provider offline, provider failure, ...'],
  ['budget_usd_per_gpu_h', 'USD/GPU-h', 'Most the tenant would pay'],
  ['price_usd_per_gpu_h', 'USD/GPU-h', "Price of the lease (empty if never matched); a spot lease's is its match price times market.spot.priceMultiplier"],
  ['cloud_usd_per_gpu_h', 'USD/GPU-h', 'Cloud on-demand price of the cheapest GPU that fits: the outside option'],
  ['gpu_hours', 'GPU-h', 'GPU-hours run (stalls not included)'],
  ['billed_usd', 'USD', 'USD paid for the lease'],
  ['stalled_h', 'h', 'Hours the lease spent stalled, its provider down, waiting within the outage grace (market.outageGraceHours)'],
  ['spot', '0/1', '1 for a spot lease: discounted and preemptible by on-demand orders (market.spot, 0.12.0; always 0 without it)'],
  ['reserved', '0/1', "1 for a reservation: booked for market.reserved's term of months at its discount, on an always-on provider (market.reserved, 0.13.0; always 0 without it)"],
];
