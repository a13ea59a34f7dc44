/**
 * The per-provider export (`depinsim run ... --providers providers.csv`): one row per provider that
 * was ever in the network, with its economics over the run so far. USD values of token income are
 * taken at the price of the day it was received; costs are energy (idle and busy), operations,
 * hardware amortization and the opportunity cost of stake (ASSUMPTIONS.md, "Provider P&L").
 */
import { ARCHETYPES, REGIONS } from '../scenario/schema.ts';
import { GPU_CATALOGUE, TIERS } from '../supply/catalogue.ts';
import type { Provider } from '../model/types.ts';
import { BUSY_TOTAL, ONLINE_TOTAL, type ProviderUsage } from '../model/usage.ts';
import type { Economy } from './economy.ts';
import { paybackMonths } from './providerBook.ts';

export interface ProviderRow {
  provider_id: number;
  archetype: string;
  gpus: number;
  gpu_model: string;
  tier: string;
  region: string;
  electricity_usd_per_kwh: number;
  ask_usd_per_gpu_h: number;
  joined_day: number;
  /** NaN while still active. */
  exited_day: number;
  active: number;
  cheater: number;
  caught_cheating: number;
  busy_gpu_hours: number;
  online_gpu_hours: number;
  leases_completed: number;
  leases_failed: number;
  leases_resumed: number;
  revenue_usd: number;
  rewards_tokens: number;
  rewards_usd: number;
  energy_usd: number;
  ops_usd: number;
  capex_usd: number;
  stake_cost_usd: number;
  costs_usd: number;
  profit_usd: number;
  hardware_usd: number;
  stake_tokens: number;
  stake_bought_usd: number;
  slashes: number;
  slashed_tokens: number;
  /** Trailing (30-day) daily cash profit, USD per day. */
  trailing_cash_profit_usd_per_day: number;
  /** USD paid by incentive programs. */
  incentive_usd: number;
  /** Months to recover hardware and stake at the trailing cash profit; Infinity when it never does. */
  payback_months: number;
}

/** Column names and units, in order, for the CSV header and the README. */
export const PROVIDER_COLUMNS: { name: keyof ProviderRow; unit: string; description: string }[] = [
  { name: 'provider_id', unit: 'id', description: 'Provider id (as in the leases export)' },
  { name: 'archetype', unit: 'name', description: 'home, farm, datacenter or university' },
  { name: 'gpus', unit: 'GPUs', description: 'GPUs of the provider (all one model, co-located)' },
  { name: 'gpu_model', unit: 'id', description: 'GPU model (catalogue id)' },
  { name: 'tier', unit: 'name', description: 'Tier by purchase price (entry, low, medium, high, ultra)' },
  { name: 'region', unit: 'name', description: 'Region of the provider' },
  { name: 'electricity_usd_per_kwh', unit: 'USD/kWh', description: 'Electricity price the provider pays, as of its last day in the run (electricity shocks move it day by day)' },
  { name: 'ask_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'Asking price at the end of the run (or at exit)' },
  { name: 'joined_day', unit: 'day', description: 'Day the provider joined (0 for the initial population)' },
  { name: 'exited_day', unit: 'day', description: 'Day the provider left; empty while active' },
  { name: 'active', unit: 'flag', description: '1 if still in the network' },
  { name: 'cheater', unit: 'flag', description: '1 if the provider claims work it does not run (and was not caught)' },
  { name: 'caught_cheating', unit: 'flag', description: '1 if a spot check caught it cheating' },
  { name: 'busy_gpu_hours', unit: 'GPU-h', description: 'GPU-hours leased and running' },
  { name: 'online_gpu_hours', unit: 'GPU-h', description: 'GPU-hours online (in the sharing window and up)' },
  { name: 'leases_completed', unit: 'leases', description: 'Leases completed on the provider (reset when caught cheating)' },
  { name: 'leases_failed', unit: 'leases', description: 'Leases that failed on the provider' },
  { name: 'leases_resumed', unit: 'resumes', description: 'Times a lease on the provider stalled in an outage and resumed because the provider was back within the outage grace' },
  { name: 'revenue_usd', unit: 'USD', description: 'Lease income net of protocol fees (tokens valued when received), plus staker fee shares' },
  { name: 'rewards_tokens', unit: 'tokens', description: 'Emission rewards received (availability + work)' },
  { name: 'rewards_usd', unit: 'USD', description: 'Rewards valued at the price of the day they were paid' },
  { name: 'energy_usd', unit: 'USD', description: 'Electricity: idle power while online, load power while busy' },
  { name: 'ops_usd', unit: 'USD', description: 'Operating cost per busy GPU-hour (bandwidth, colocation, staff)' },
  { name: 'capex_usd', unit: 'USD', description: 'Hardware amortization (purchase price / life), every day in the network' },
  { name: 'stake_cost_usd', unit: 'USD', description: 'Opportunity cost of the stake (value x rate)' },
  { name: 'costs_usd', unit: 'USD', description: 'energy + ops + capex + stake cost' },
  { name: 'profit_usd', unit: 'USD', description: 'revenue + rewards + incentive - costs' },
  { name: 'hardware_usd', unit: 'USD', description: 'Purchase price of the provider\'s GPUs' },
  { name: 'stake_tokens', unit: 'tokens', description: 'Tokens staked now (0 after exit: in cooldown or returned)' },
  { name: 'stake_bought_usd', unit: 'USD', description: 'USD spent buying stake (initial and top-ups after slashes)' },
  { name: 'slashes', unit: 'slashes', description: 'Times slashed' },
  { name: 'slashed_tokens', unit: 'tokens', description: 'Stake lost to slashing' },
  { name: 'trailing_cash_profit_usd_per_day', unit: 'USD/day', description: 'Trailing daily income - energy - ops (exponentially weighted, 30-day time constant by default)' },
  { name: 'payback_months', unit: 'months', description: '(hardware + stake bought) / trailing monthly cash profit; inf when it does not pay back' },
  { name: 'incentive_usd', unit: 'USD', description: 'Paid by incentive programs (economy.incentivePrograms; 0.10.0, after the columns before it): part of profit_usd and of the trailing cash profit' },
];

/** Minimal view of the model the report needs. */
export interface ReportSource {
  readonly providers: readonly Provider[];
  readonly economy: Economy | null;
  readonly usage: ProviderUsage;
}

/** One row per provider ever in the network, in id order. Without an economy, the token and P&L fields are NaN. */
export function providerRows(model: ReportSource): ProviderRow[] {
  const eco = model.economy;
  return model.providers.map((p) => {
    const b = eco ? eco.books[p.id] : undefined;
    const costs = b ? b.energyUsd + b.opsUsd + b.capexUsd + b.stakeCostUsd : NaN;
    const income = b && eco ? eco.revenueUsd(p.id) + b.rewardsUsd + b.incentiveUsd : NaN;
    return {
      provider_id: p.id,
      archetype: ARCHETYPES[p.archetype],
      gpus: p.gpus,
      gpu_model: GPU_CATALOGUE[p.model].id,
      tier: TIERS[p.tier],
      region: REGIONS[p.region],
      electricity_usd_per_kwh: p.electricityUsdPerKwh,
      ask_usd_per_gpu_h: p.askUsdPerGpuHour,
      joined_day: p.joinedAt / 24,
      exited_day: p.active ? NaN : p.exitedAt / 24,
      active: p.active ? 1 : 0,
      cheater: b?.cheater ? 1 : 0,
      caught_cheating: b?.caught ? 1 : 0,
      busy_gpu_hours: model.usage.get(p.id, BUSY_TOTAL),
      online_gpu_hours: model.usage.get(p.id, ONLINE_TOTAL),
      leases_completed: p.leasesCompleted,
      leases_failed: p.leasesFailed,
      leases_resumed: p.leasesResumed,
      revenue_usd: b && eco ? eco.revenueUsd(p.id) : NaN,
      rewards_tokens: b ? b.rewardsTokens : NaN,
      rewards_usd: b ? b.rewardsUsd : NaN,
      energy_usd: b ? b.energyUsd : NaN,
      ops_usd: b ? b.opsUsd : NaN,
      capex_usd: b ? b.capexUsd : NaN,
      stake_cost_usd: b ? b.stakeCostUsd : NaN,
      costs_usd: costs,
      profit_usd: income - costs,
      hardware_usd: b ? b.hardwareUsd : p.purchasePriceUsd * p.gpus,
      stake_tokens: p.stakeTokens,
      stake_bought_usd: b ? b.stakeBoughtUsd : NaN,
      slashes: p.slashes,
      slashed_tokens: b ? b.slashedTokens : NaN,
      trailing_cash_profit_usd_per_day: b ? b.trailCash : NaN,
      payback_months: b ? paybackMonths(b) : NaN,
      incentive_usd: b ? b.incentiveUsd : NaN,
    };
  });
}

/** The rows as CSV text (numbers formatted as in the metrics CSV). */
export function providerRowsToCsv(rows: readonly ProviderRow[], fmt: (v: number) => string): string {
  const names = PROVIDER_COLUMNS.map((c) => c.name);
  const lines = [names.join(',')];
  for (const r of rows) lines.push(names.map((n) => (typeof r[n] === 'number' ? fmt(r[n] as number) : String(r[n]))).join(','));
  return lines.join('\n') + '\n';
}
