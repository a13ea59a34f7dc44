// One row of the per-provider report (test code): a European home gamer of a year's run, to override.
import type { ProviderRecord } from '../../src/ui/lib/providerStats.ts';

export function provider(over: ProviderRecord): ProviderRecord {
  return {
    archetype: 'home',
    region: 'eu',
    active: 1,
    gpus: 1,
    joined_day: 0,
    exited_day: NaN,
    busy_gpu_hours: 500,
    online_gpu_hours: 1000,
    leases_completed: 9,
    leases_failed: 1,
    leases_resumed: 2,
    revenue_usd: 300,
    rewards_usd: 100,
    energy_usd: 60,
    profit_usd: 50,
    payback_months: 20,
    ...over,
  };
}
