/**
 * The provider population generator: draws each provider's archetype, region, GPU model and count,
 * electricity price, sharing window, reliability and asking price from the scenario, using the
 * 'supply' stream only.
 */
import { ARCHETYPES, REGIONS, type ArchetypeParams, type Scenario } from '../scenario/schema.ts';
import { beta, categorical, type Sampler } from '../rng/distributions.ts';
import type { Rng } from '../rng/streams.ts';
import { GPU_CATALOGUE, GPU_IDS, gpuTier } from './catalogue.ts';
import { providerCosts } from './costs.ts';
import { createElectricityPrices } from './electricityPrices.ts';
import type { Provider } from '../model/types.ts';

export interface ProviderFactory {
  /** Draws a new provider of a random archetype (by share), or of the given archetype. */
  make(id: number, now: number, archetype?: number): Provider;
}

function weightsOf(w: Record<string, number>, keys: readonly string[]): number[] {
  return keys.map((k) => w[k] ?? 0);
}

export function createProviderFactory(s: Scenario, rng: Rng): ProviderFactory {
  const archs = ARCHETYPES.map((a) => s.supply.archetypes[a]);
  const pickArch = categorical(rng, archs.map((a) => a.share).some((x) => x > 0) ? archs.map((a) => a.share) : [1, 0, 0, 0]);
  const pickRegion = categorical(rng, weightsOf(s.supply.regions, REGIONS));
  const pickModel: Sampler[] = archs.map((a) => categorical(rng, weightsOf(a.models, GPU_IDS)));
  const reliability: Sampler[] = archs.map((a) => reliabilitySampler(a, rng));
  const onlineHours: Sampler[] = archs.map((a) => windowSampler(a, rng));
  const intIn = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const power = createElectricityPrices(s);

  return {
    make(id, now, archetype) {
      const ai = archetype ?? pickArch();
      const a = archs[ai];
      const region = pickRegion();
      const mi = pickModel[ai]();
      const model = GPU_CATALOGUE[mi];
      const gpus = intIn(a.gpusPerNodeMin, a.gpusPerNodeMax) * intIn(a.nodesMin, a.nodesMax);
      // the price now: an entrant joining during an electricity shock pays the shocked price
      const kwh = power.price(region, a.tariff, now);
      const purchasePriceUsd = model.purchasePriceUsd * (1 - a.purchasePriceSpread + 2 * a.purchasePriceSpread * rng());
      const c = providerCosts({ model, arch: a, gpus, electricityUsdPerKwh: kwh, purchasePriceUsd });
      const margin = a.marginMin + (a.marginMax - a.marginMin) * rng();
      const windowHours = onlineHours[ai]();
      return {
        id,
        archetype: ai,
        region,
        model: mi,
        tier: gpuTier(model),
        gpus,
        gpusFree: gpus,
        inWindow: windowHours >= 24,
        failed: false,
        active: true,
        askUsdPerGpuHour: c.fullCostUsdPerGpuHour * (1 + margin),
        runningCostUsdPerGpuHour: c.runningCostUsdPerGpuHour,
        fullCostUsdPerGpuHour: c.fullCostUsdPerGpuHour,
        idleKwPerGpu: c.idleKwPerGpu,
        busyKwPerGpu: c.busyKwPerGpu,
        electricityUsdPerKwh: kwh,
        capexUsdPerGpuHour: c.capexUsdPerGpuHour,
        opsUsdPerGpuHour: c.opsUsdPerGpuHour,
        purchasePriceUsd,
        targetUtilization: a.targetUtilization,
        reliability: reliability[ai](),
        windowStartHour: windowHours >= 24 ? 0 : rng() * 24,
        windowHours: Math.min(24, windowHours),
        leasesCompleted: 0,
        leasesFailed: 0,
        leasesResumed: 0,
        slashes: 0,
        stakeTokens: 0,
        busyGpus: 0,
        spotGpus: 0,
        canServe: true,
        rewardCreditUsdPerGpuHour: 0,
        account: -1,
        bucket: -1,
        levelBucket: -1,
        gen: 0,
        joinedAt: now,
        exitedAt: NaN,
      };
    },
  };
}

/** Per-provider reliability ~ Beta with the archetype's mean and concentration (1 means never fails). */
function reliabilitySampler(a: ArchetypeParams, rng: Rng): Sampler {
  if (a.reliabilityMean >= 1 || a.meanDownHours === 0) return () => 1;
  const k = a.reliabilityConcentration;
  const b = beta(rng, a.reliabilityMean * k, (1 - a.reliabilityMean) * k);
  // Keep away from 0 and 1 so up-interval means stay finite and positive.
  return () => Math.min(0.9999, Math.max(0.05, b()));
}

/** Daily sharing window ~ scaled Beta on [min, max] with the requested mean (concentration 4). */
function windowSampler(a: ArchetypeParams, rng: Rng): Sampler {
  const lo = a.onlineHoursMin;
  const hi = a.onlineHoursMax;
  if (hi - lo < 1e-9) return () => lo;
  const m = (a.onlineHoursMean - lo) / (hi - lo);
  if (m <= 0) return () => lo;
  if (m >= 1) return () => hi;
  const b = beta(rng, 4 * m, 4 * (1 - m));
  return () => lo + (hi - lo) * b();
}
