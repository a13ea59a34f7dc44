/**
 * The daily tick of every provider in the network: what it pays for power from now on (the
 * electricity shocks of supply.electricityShocks), its observed uptime refreshed for the matcher, and
 * its ask moved toward its target utilization (supply/costs.ts' repricedAsk), never below what
 * staying costs. A provider that lowered its ask then serves the waiting orders now within budget.
 * The model registers the 'reprice' event and calls onReprice; this owns the electricity prices,
 * which nothing else reads.
 */
import type { Engine } from '../core/engine.ts';
import type { ProviderIndex } from '../market/providerIndex.ts';
import { UPTIME, type ProviderSignals } from '../market/signals.ts';
import type { SpotHolders } from '../market/spotHolders.ts';
import { ARCHETYPES, type Scenario } from '../scenario/schema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { providerCosts, repricedAsk } from '../supply/costs.ts';
import { createElectricityPrices, type ElectricityPrices } from '../supply/electricityPrices.ts';
import type { Provider } from './types.ts';
import type { ProviderUsage } from './usage.ts';

/**
 * Same-time ordering: after market events and the end of a metrics period (PRIO_SAMPLE 900,
 * model/sampling.ts), so a period ending at a day's boundary is sampled before the asks change.
 */
const PRIO_REPRICE = 910;

/** What the daily repricing reads from the model, and the model's calls it makes. */
export interface RepricingHost {
  readonly s: Scenario;
  readonly engine: Engine;
  /** The engine's event kind for the daily tick (registered by the model). */
  readonly kind: number;
  readonly horizonHours: number;
  readonly providers: readonly Provider[];
  readonly sig: ProviderSignals;
  readonly usage: ProviderUsage;
  readonly index: ProviderIndex;
  readonly spotHolders: SpotHolders | null;
  /** The take rate at a time, without the token economy (economy/takeRate.ts). */
  readonly takeRate: (t: number) => number;
  /** Accrues p's busy and online GPU-hours up to now. */
  accrue(p: Provider): void;
  /** p's observed uptime, for the matcher (model/availability.ts). */
  uptime(p: Provider): number;
  /** Lets p serve the waiting orders it can take. */
  capacityFreed(p: Provider): void;
}

export class DailyRepricing {
  /** Electricity prices over time (supply.electricityShocks), refreshed per provider daily. */
  private power: ElectricityPrices;

  constructor(private h: RepricingHost) {
    this.power = createElectricityPrices(h.s);
  }

  /** Schedules the first tick, a day in (none in a run of a day or less). */
  scheduleFirst(): void {
    if (this.h.horizonHours > 24) this.h.engine.at(24, this.h.kind, 0, 0, PRIO_REPRICE);
  }

  onReprice(): void {
    const h = this.h;
    const sp = h.s.supply;
    const cheaper: Provider[] = [];
    const now = h.engine.now;
    // A provider keeps (1 - take rate) of its ask: its floor, what staying costs, is grossed up for
    // the fee (above it, asks follow utilization, so the market decides who bears a fee)
    const keep = 1 - h.takeRate(now);
    for (const p of h.providers) {
      if (!p.active) continue;
      if (this.power.moves) this.repower(p, now);
      h.sig.set(p.id, UPTIME, h.uptime(p));
      h.accrue(p);
      const u = h.usage.takeWindowUtilization(p.id);
      const floor = Math.max(p.runningCostUsdPerGpuHour, p.runningCostUsdPerGpuHour + p.capexUsdPerGpuHour - p.rewardCreditUsdPerGpuHour) / keep;
      const ask = repricedAsk(p.askUsdPerGpuHour, u, p.targetUtilization, sp.priceAdjustBand, sp.priceAdjustPerDay, floor);
      if (ask < p.askUsdPerGpuHour && p.bucket >= 0) cheaper.push(p);
      if (ask !== p.askUsdPerGpuHour) {
        h.index.setAsk(p, ask);
        if (p.spotGpus > 0) h.spotHolders!.update(p);
      }
    }
    // A lower ask may bring waiting orders within budget.
    for (const p of cheaper) if (p.bucket >= 0) h.capacityFreed(p);
    if (h.engine.now + 24 < h.horizonHours) h.engine.after(24, h.kind, 0, 0, PRIO_REPRICE);
  }

  /**
   * Electricity shocks: what p pays per kWh from now to the next daily tick, and the running and
   * full costs that follow; the repricing right after keeps its ask at or above the new running
   * cost (repricedAsk's floor; with supply.priceAdjustPerDay 0 asks stay as listed). The day just
   * ended was costed at the old price by the economy's epoch, which runs before this.
   */
  private repower(p: Provider, now: number): void {
    const arch = this.h.s.supply.archetypes[ARCHETYPES[p.archetype]];
    const kwh = this.power.price(p.region, arch.tariff, now);
    if (kwh === p.electricityUsdPerKwh) return;
    const c = providerCosts({ model: GPU_CATALOGUE[p.model], arch, gpus: p.gpus, electricityUsdPerKwh: kwh, purchasePriceUsd: p.purchasePriceUsd });
    p.electricityUsdPerKwh = kwh;
    p.runningCostUsdPerGpuHour = c.runningCostUsdPerGpuHour;
    p.fullCostUsdPerGpuHour = c.fullCostUsdPerGpuHour;
  }
}
