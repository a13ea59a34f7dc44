import { describe, expect, test } from 'vitest';
import { cloudReference, createJobSampler } from '../../../src/sim/demand/jobs.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { GPU_COUNTS, JOB_CLASSES, VRAM_LEVELS } from '../../../src/sim/scenario/schema.ts';
import { GPU_CATALOGUE } from '../../../src/sim/supply/catalogue.ts';

const N = 40_000;
const within = (count: number, p: number, n = N) => Math.abs(count - n * p) < 4.5 * Math.sqrt(n * p * (1 - p)) + 1e-9;

describe('job sampler', () => {
  const s = parseScenario({
    demand: {
      classes: {
        inference: { gpus: { '1': 3, '4': 1 }, minVramGb: { '24': 1, '80': 1 }, regionLockedShare: 0.3, cancelShare: 0.2, budgetFactorMin: 0.5, budgetFactorMax: 0.9 },
        training: { gpus: { '8': 1 }, minVramGb: { '40': 1 }, durationHours: { dist: 'exponential', mean: 5 }, maxDurationHours: 12 },
      },
    },
  });
  const sampler = createJobSampler(s, createStreams(1).get('jobs'));
  const weights = JOB_CLASSES.map((c) => (c === 'inference' ? 3 : c === 'training' ? 1 : 0));
  const draws = Array.from({ length: N }, () => sampler.draw(weights));

  test('classes in proportion to the weights given (zero weights never drawn)', () => {
    const inf = draws.filter((d) => d.jobClass === 0).length;
    const tr = draws.filter((d) => d.jobClass === JOB_CLASSES.indexOf('training')).length;
    expect(inf + tr).toBe(N);
    expect(within(inf, 0.75)).toBe(true);
  });

  test('GPU counts and VRAM follow the class weights', () => {
    const inf = draws.filter((d) => d.jobClass === 0);
    expect(inf.every((d) => d.gpus === 1 || d.gpus === 4)).toBe(true);
    expect(within(inf.filter((d) => d.gpus === 4).length, 0.25, inf.length)).toBe(true);
    expect(within(inf.filter((d) => d.minVramGb === 80).length, 0.5, inf.length)).toBe(true);
    const tr = draws.filter((d) => d.jobClass === JOB_CLASSES.indexOf('training'));
    expect(tr.length).toBeGreaterThan(0);
    expect(tr.every((d) => d.gpus === 8 && d.minVramGb === 40)).toBe(true);
    const counts = new Set(GPU_COUNTS.map(Number));
    const vram = new Set(VRAM_LEVELS.map(Number));
    expect(draws.filter((d) => !counts.has(d.gpus) || !vram.has(d.minVramGb))).toEqual([]);
  });

  test('budget = cloud price of the cheapest GPU that fits x U(min, max)', () => {
    const bad = draws.filter((d) => {
      if (d.jobClass !== 0) return false;
      const cloud = cloudReference(d.minVramGb, d.minTier);
      return d.cloudUsdPerGpuHour !== cloud || d.budgetUsdPerGpuHour < 0.5 * cloud || d.budgetUsdPerGpuHour > 0.9 * cloud;
    });
    expect(bad).toEqual([]);
    // the reference is the cheapest catalogue GPU with enough VRAM
    const cheapest80 = Math.min(...GPU_CATALOGUE.filter((g) => g.vramGb >= 80).map((g) => g.cloudPriceUsdPerGpuHour));
    expect(cloudReference(80, 0)).toBe(cheapest80);
    expect(cloudReference(0, 0)).toBe(Math.min(...GPU_CATALOGUE.map((g) => g.cloudPriceUsdPerGpuHour)));
  });

  test('region lock and cancel shares; cancellations at a uniform point of the run', () => {
    const inf = draws.filter((d) => d.jobClass === 0);
    expect(within(inf.filter((d) => d.regionLocked).length, 0.3, inf.length)).toBe(true);
    const cancels = inf.filter((d) => d.cancelAfterHours < Infinity);
    expect(within(cancels.length, 0.2, inf.length)).toBe(true);
    expect(cancels.filter((d) => d.cancelAfterHours > d.durationHours)).toEqual([]);
    const frac = cancels.map((d) => d.cancelAfterHours / d.durationHours);
    const m = frac.reduce((a, b) => a + b, 0) / frac.length;
    expect(Math.abs(m - 0.5)).toBeLessThan(4.5 * Math.sqrt(1 / 12 / frac.length));
  });

  test('durations are capped at maxDurationHours and positive', () => {
    const tr = draws.filter((d) => d.jobClass === JOB_CLASSES.indexOf('training'));
    expect(tr.every((d) => d.durationHours > 0 && d.durationHours <= 12)).toBe(true);
    expect(tr.some((d) => d.durationHours === 12)).toBe(true); // P(exp(5) > 12) = 9%
  });

  test('patience: finite draws by default; Infinity when unlimited', () => {
    expect(draws.every((d) => d.patienceHours > 0 && d.patienceHours < Infinity)).toBe(true);
    const u = parseScenario({ demand: { classes: { inference: { unlimitedPatience: true } } } });
    const d = createJobSampler(u, createStreams(2).get('jobs')).draw(JOB_CLASSES.map((_, i) => (i === 0 ? 1 : 0)));
    expect(d.patienceHours).toBe(Infinity);
  });
});
