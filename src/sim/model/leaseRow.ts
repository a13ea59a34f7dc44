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
}

export const LEASE_COLUMNS: (keyof LeaseRow)[] = [
  'lease_id', 'job_id', 'attempt', 'job_class', 'gpus', 'min_vram_gb', 'tenant_region', 'region_locked',
  'provider_id', 'archetype', 'gpu_model', 'tier', 'provider_region', 'ordered_h', 'matched_h', 'started_h',
  'ended_h', 'outcome', 'end_reason', 'budget_usd_per_gpu_h', 'price_usd_per_gpu_h', 'cloud_usd_per_gpu_h',
  'gpu_hours', 'billed_usd',
];
