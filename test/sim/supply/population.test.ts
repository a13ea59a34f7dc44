import { describe, expect, test } from 'vitest';
import { createProviderFactory } from '../../../src/sim/supply/population.ts';
import { GPU_CATALOGUE, GPU_IDS, gpuTier, tierOfPrice, TIERS } from '../../../src/sim/supply/catalogue.ts';
import { providerCosts, repricedAsk } from '../../../src/sim/supply/costs.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { ARCHETYPES, REGIONS } from '../../../src/sim/scenario/schema.ts';
import { createRun } from '../../../src/sim/run.ts';
import { col, mean } from '../helpers.ts';

describe('GPU catalogue and tiers', () => {
  test('at least 12 real models across consumer, workstation and data-centre, with complete data', () => {
    expect(GPU_CATALOGUE.length).toBeGreaterThanOrEqual(12);
    expect(new Set(GPU_CATALOGUE.map((g) => g.segment))).toEqual(new Set(['consumer', 'workstation', 'datacenter']));
    expect(new Set(GPU_IDS).size).toBe(GPU_IDS.length);
    for (const g of GPU_CATALOGUE) {
      for (const v of [g.vramGb, g.fp32Tflops, g.boardPowerW, g.purchasePriceUsd, g.rewardMultiplier, g.cloudPriceUsdPerGpuHour]) expect(v).toBeGreaterThan(0);
      expect(g.source.length).toBeGreaterThan(5);
    }
    // every tier is represented
    expect(new Set(GPU_CATALOGUE.map(gpuTier))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  test('tiers by purchase price: Entry < $1k, Low < $2k, Medium below $7.5k, High below $15k, Ultra above', () => {
    expect(TIERS).toEqual(['entry', 'low', 'medium', 'high', 'ultra']);
    const cases: [number, number][] = [[0, 0], [999.99, 0], [1000, 1], [1999, 1], [2000, 2], [4999, 2], [7499, 2], [7501, 3], [14999, 3], [15001, 4], [40000, 4]];
    for (const [usd, tier] of cases) expect(tierOfPrice(usd), `$${usd}`).toBe(tier);
  });
});

describe('provider costs and asks', () => {
  const s = parseScenario({});
  test('ask = full cost x (1 + margin), never below the running cost; repricing moves toward target, floored', () => {
    const a = s.supply.archetypes.home;
    const c = providerCosts({ model: GPU_CATALOGUE[GPU_IDS.indexOf('rtx4090')], arch: a, gpus: 1, electricityUsdPerKwh: 0.14, purchasePriceUsd: 1800 });
    expect(c.fullCostUsdPerGpuHour).toBeGreaterThan(c.runningCostUsdPerGpuHour);
    // research §10: a home 4090 costs about $0.05/h in energy plus ~$0.07/h of hardware
    expect(c.capexUsdPerGpuHour).toBeCloseTo(1800 / (3 * 8760), 10);
    expect(c.runningCostUsdPerGpuHour).toBeGreaterThan(0.03);
    expect(c.runningCostUsdPerGpuHour).toBeLessThan(0.15);
    expect(repricedAsk(1, 0.9, 0.5, 0.1, 0.03, 0.2)).toBeCloseTo(1.03, 12);
    expect(repricedAsk(1, 0.1, 0.5, 0.1, 0.03, 0.2)).toBeCloseTo(0.97, 12);
    expect(repricedAsk(1, 0.55, 0.5, 0.1, 0.03, 0.2)).toBe(1); // inside the dead band
    expect(repricedAsk(0.2, 0, 0.5, 0.1, 0.5, 0.15)).toBe(0.15); // floored
    expect(repricedAsk(1, NaN, 0.5, 0.1, 0.03, 0.2)).toBe(1); // no online hours: unchanged
  });

  test('the population follows archetype shares, regions, GPU counts and margins', () => {
    const f = createProviderFactory(s, createStreams(1).get('supply'));
    const n = 20_000;
    const P = Array.from({ length: n }, (_, i) => f.make(i, 0));
    const total = ARCHETYPES.reduce((t, a) => t + s.supply.archetypes[a].share, 0);
    ARCHETYPES.forEach((name, ai) => {
      const a = s.supply.archetypes[name];
      const mine = P.filter((p) => p.archetype === ai);
      const p = a.share / total;
      expect(Math.abs(mine.length - n * p), name).toBeLessThan(4.5 * Math.sqrt(n * p * (1 - p)));
      const bad = mine.filter((q) => {
        const margin = q.askUsdPerGpuHour / q.fullCostUsdPerGpuHour - 1;
        return (
          q.gpus < a.gpusPerNodeMin * a.nodesMin ||
          q.gpus > a.gpusPerNodeMax * a.nodesMax ||
          !((a.models[GPU_IDS[q.model]] ?? 0) > 0) ||
          margin < a.marginMin - 1e-9 ||
          margin > a.marginMax + 1e-9 ||
          q.windowHours < a.onlineHoursMin - 1e-9 ||
          q.windowHours > a.onlineHoursMax + 1e-9 ||
          q.tier !== gpuTier(GPU_CATALOGUE[q.model])
        );
      });
      expect(bad.map((q) => q.id), name).toEqual([]);
      // sharing window mean as configured (home: 10 h/day)
      const w = mean(mine.map((q) => q.windowHours));
      expect(Math.abs(w - a.onlineHoursMean), name).toBeLessThan(0.1);
      // reliability mean as configured
      const r = mean(mine.map((q) => q.reliability));
      expect(Math.abs(r - a.reliabilityMean), name).toBeLessThan(0.01);
    });
    const wr = s.supply.regions;
    const wt = REGIONS.reduce((t, r) => t + (wr[r] ?? 0), 0);
    REGIONS.forEach((r, ri) => {
      const p = (wr[r] ?? 0) / wt;
      expect(Math.abs(P.filter((q) => q.region === ri).length - n * p), r).toBeLessThan(4.5 * Math.sqrt(n * p * (1 - p)));
    });
  });
});

describe('availability through the model', () => {
  test('always-on providers with reliability r are online a share r of the time (renewal theory)', { timeout: 20_000 }, () => {
    const s = parseScenario({
      horizonDays: 120,
      supply: {
        providers: 200,
        archetypes: {
          home: { share: 0 },
          datacenter: { share: 0 },
          university: { share: 0 },
          farm: { share: 1, reliabilityMean: 0.9, reliabilityConcentration: 1e6, meanDownHours: 5 },
        },
      },
      demand: { baseRateJobsPerHour: 0 },
      economy: { enabled: false },
    });
    const run = createRun(s, 1);
    run.advance(run.horizonHours);
    const t = run.table();
    const share = mean(col(t, 'gpus_online', 5).map((g, i) => g / col(t, 'gpus_total', 5)[i]));
    expect(Math.abs(share - 0.9)).toBeLessThan(0.01);
  });

  test('home providers are online about onlineHoursMean / 24 of the day times their reliability', { timeout: 20_000 }, () => {
    const s = parseScenario({
      horizonDays: 60,
      supply: { providers: 400, archetypes: { farm: { share: 0 }, datacenter: { share: 0 }, university: { share: 0 }, home: { share: 1, reliabilityConcentration: 1e6 } } },
      demand: { baseRateJobsPerHour: 0 },
      economy: { enabled: false },
    });
    const run = createRun(s, 2);
    run.advance(run.horizonHours);
    const t = run.table();
    const P = run.model.providers;
    const expected = mean(P.map((p) => (p.windowHours / 24) * p.gpus)) / mean(P.map((p) => p.gpus)) * s.supply.archetypes.home.reliabilityMean;
    const share = mean(col(t, 'gpus_online', 2)) / col(t, 'gpus_total')[0];
    expect(Math.abs(share / expected - 1)).toBeLessThan(0.03);
  });
});
