/**
 * The providers' economics by provider type (home, farm, datacenter, university), one row per
 * period, appended after the market's per-type columns: what each type earned in leases and rewards
 * and what it spent in the period, and the median payback of its providers. Each flow sums over the
 * types to its network-wide column (provider_revenue_usd, provider_rewards_usd, provider_costs_usd).
 *
 * The flows are the growth of the per-provider books since the last sample, summed by type: the
 * books only ever grow, and a provider that left keeps its (frozen) book, so nothing is counted twice
 * or lost when providers come and go.
 */
import { ARCHETYPES } from '../scenario/schema.ts';
import type { ColumnDef } from '../metrics/table.ts';
import { median } from '../metrics/economyMetrics.ts';
import type { Provider } from '../model/types.ts';

const NA = ARCHETYPES.length;

export const TYPE_ECONOMY_COLUMNS: ColumnDef[] = [
  ...ARCHETYPES.map((a) => ({ name: `provider_revenue_usd_${a}`, unit: 'USD', description: `Lease income of type-${a} providers in the period, net of fees (as provider_revenue_usd)` })),
  ...ARCHETYPES.map((a) => ({ name: `provider_rewards_usd_${a}`, unit: 'USD', description: `Emission rewards of type-${a} providers in the period, valued at the price of the day they were paid` })),
  ...ARCHETYPES.map((a) => ({ name: `provider_costs_usd_${a}`, unit: 'USD', description: `Costs of type-${a} providers in the period: energy, operations, hardware amortization and the opportunity cost of stake` })),
  ...ARCHETYPES.map((a) => ({ name: `payback_months_median_${a}`, unit: 'months', description: `Median payback of the active type-${a} providers at the end of the period (as payback_months_median); empty when none is active` })),
];

/** What a provider's book holds, cumulative since it joined. */
export interface TypeBookSource {
  revenueUsd(p: Provider): number;
  rewardsUsd(p: Provider): number;
  costsUsd(p: Provider): number;
  paybackMonths(p: Provider): number;
}

export class TypeBooks {
  /** Revenue, rewards and costs summed by type at the last sample (NA each). */
  private seen = new Float64Array(3 * NA);
  private now = new Float64Array(3 * NA);
  private paybacks: number[][] = ARCHETYPES.map(() => []);

  /** Writes the period's TYPE_ECONOMY_COLUMNS into `out` from `offset`; returns the next offset. */
  sample(providers: readonly Provider[], src: TypeBookSource, out: number[], offset: number): number {
    const cum = this.now;
    cum.fill(0);
    for (const pb of this.paybacks) pb.length = 0;
    for (const p of providers) {
      const a = p.archetype;
      cum[a] += src.revenueUsd(p);
      cum[NA + a] += src.rewardsUsd(p);
      cum[2 * NA + a] += src.costsUsd(p);
      if (p.active) this.paybacks[a].push(src.paybackMonths(p));
    }
    let o = offset;
    for (let k = 0; k < 3 * NA; k++) out[o++] = cum[k] - this.seen[k];
    for (let a = 0; a < NA; a++) out[o++] = median(Float64Array.from(this.paybacks[a]));
    this.seen.set(cum);
    return o;
  }
}
