/**
 * What each arriving job asks for: class, GPUs, VRAM, duration, region, budget and patience,
 * each drawn from the class's distributions on the 'jobs' stream.
 */
import { GPU_COUNTS, JOB_CLASSES, REGIONS, VRAM_LEVELS, type Scenario } from '../scenario/schema.ts';
import { categorical, type Sampler } from '../rng/distributions.ts';
import { samplerOf } from '../rng/fromDist.ts';
import type { Rng } from '../rng/streams.ts';
import { TIERS } from '../supply/catalogue.ts';
import { cloudReference, createCloudPrices } from './cloudPrices.ts';

export interface JobDraw {
  jobClass: number;
  gpus: number;
  minVramGb: number;
  minTier: number;
  region: number;
  regionLocked: boolean;
  durationHours: number;
  budgetUsdPerGpuHour: number;
  cloudUsdPerGpuHour: number;
  patienceHours: number;
  cancelAfterHours: number;
  checkpointHours: number;
}

export { cloudReference };

/** A job draw with every field set, to be overwritten. */
export function blankDraw(): JobDraw {
  return {
    jobClass: 0,
    gpus: 1,
    minVramGb: 0,
    minTier: 0,
    region: 0,
    regionLocked: false,
    durationHours: 1,
    budgetUsdPerGpuHour: 1,
    cloudUsdPerGpuHour: 1,
    patienceHours: Infinity,
    cancelAfterHours: Infinity,
    checkpointHours: 0,
  };
}

export interface JobSampler {
  /**
   * Draws the class from the class weights (the rates now), then the job: into `into` when given
   * (the model's hot path reuses one object), else into a new object. `t`: the arrival time (hours),
   * for the cloud prices then (demand.cloudPriceShocks); the draws themselves do not depend on it.
   */
  draw(classWeights: readonly number[], into?: JobDraw, t?: number): JobDraw;
  /**
   * Draws only how long a job of class `c` would last, as draw() does (duration clipped to the
   * class's range; the tenant's cancel time, Infinity when it does not cancel), into `out`
   * ([durationHours, cancelAfterHours]). For the warm start, which keeps few of the jobs it considers.
   */
  lifetime(c: number, out: Float64Array): void;
}

export function createJobSampler(s: Scenario, rng: Rng): JobSampler {
  const classes = JOB_CLASSES.map((c) => s.demand.classes[c]);
  const region = categorical(rng, REGIONS.map((r) => s.demand.regions[r] ?? 0));
  const clouds = createCloudPrices(s);
  const per = classes.map((c) => {
    const gpusIdx = categorical(rng, GPU_COUNTS.map((k) => c.gpus[k] ?? 0));
    const vramIdx = categorical(rng, VRAM_LEVELS.map((k) => c.minVramGb[k] ?? 0));
    const duration = samplerOf(c.durationHours, rng);
    const patience: Sampler = c.unlimitedPatience ? () => Infinity : samplerOf(c.patienceHours, rng);
    // Per-class constants looked up once, not per job.
    const minTier = TIERS.indexOf(c.minTier);
    const gpusOf = GPU_COUNTS.map(Number);
    const vramOf = VRAM_LEVELS.map(Number);
    const cloudOf = vramOf.map((v) => cloudReference(v, minTier));
    return { c, gpusIdx, vramIdx, duration, patience, minTier, gpusOf, vramOf, cloudOf };
  });
  return {
    draw(classWeights, into, t = 0) {
      let total = 0;
      for (const w of classWeights) total += w;
      let u = rng() * total;
      let ci = 0;
      while (ci < classWeights.length - 1 && u >= classWeights[ci]) u -= classWeights[ci++];
      while (classWeights[ci] === 0 && ci > 0) ci--;
      const p = per[ci];
      const c = p.c;
      const gpus = p.gpusOf[p.gpusIdx()];
      const vi = p.vramIdx();
      const minVramGb = p.vramOf[vi];
      const minTier = p.minTier;
      const durationHours = clipDuration(c, p.duration());
      const cloud = clouds.moves ? clouds.reference(minVramGb, minTier, t) : p.cloudOf[vi];
      const budget = cloud * (c.budgetFactorMin + (c.budgetFactorMax - c.budgetFactorMin) * rng());
      const cancels = rng() < c.cancelShare;
      // the draws in the order they have always been made (the fields below read them in turn)
      const d = into ?? blankDraw();
      d.jobClass = ci;
      d.gpus = gpus;
      d.minVramGb = minVramGb;
      d.minTier = minTier;
      d.region = region();
      d.regionLocked = rng() < c.regionLockedShare;
      d.durationHours = durationHours;
      d.budgetUsdPerGpuHour = budget;
      d.cloudUsdPerGpuHour = cloud;
      d.patienceHours = clouds.moves ? p.patience() * clouds.patience(minVramGb, minTier, t) : p.patience();
      d.cancelAfterHours = cancels ? durationHours * rng() : Infinity;
      d.checkpointHours = c.checkpointHours;
      return d;
    },
    lifetime(ci, out) {
      const p = per[ci];
      const duration = clipDuration(p.c, p.duration());
      out[0] = duration;
      out[1] = rng() < p.c.cancelShare ? duration * rng() : Infinity;
    },
  };
}

/** A drawn duration held to the class's range (hours). */
function clipDuration(c: Scenario['demand']['classes'][keyof Scenario['demand']['classes']], hours: number): number {
  return Math.min(c.maxDurationHours, Math.max(1e-4, hours));
}
