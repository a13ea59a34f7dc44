/**
 * Queueing theory for scenarios that are an M/M/c queue, so a run can be read against the exact
 * answer: identical always-on single-GPU providers that never fail, one job class of single-GPU
 * jobs with exponential durations arriving as a homogeneous Poisson process, unlimited patience and
 * budget, no setup delay, no cancellations, no region lock, a fixed population (economy off). Then
 * the market is an M/M/c queue served first come first served (the `mmc` preset; test/sim/model
 * validates the simulator against it), and
 *   utilization = rho = lambda / (c mu),  P(wait) = Erlang C(c, lambda/mu),
 *   mean wait   = C / (c mu - lambda).
 *
 * mmcOf answers only when every one of those conditions holds: a theory line drawn for a scenario
 * that merely resembles the queue would mislead more than no line.
 */
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import type { Scenario } from './schema.ts';

export interface MmcTheory {
  /** Servers (single-GPU providers), arrival rate (jobs/h) and mean service time (h). */
  c: number;
  lambdaPerHour: number;
  meanServiceHours: number;
  /** lambda / (c mu); 1 or more means the queue grows without bound. */
  rho: number;
  /** Erlang C and the mean wait in queue (h); NaN when unstable. */
  pWait: number;
  meanWaitHours: number;
}

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu (a < c). */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) throw new Error(`unstable queue: a=${a} >= c=${c}`);
  // Erlang B by its stable recursion, then C from B
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** Mean wait in queue of an M/M/c queue, hours: C(c, a) / (c mu - lambda). */
export function mmcMeanWait(c: number, lambdaPerHour: number, meanServiceHours: number): number {
  const mu = 1 / meanServiceHours;
  return erlangC(c, lambdaPerHour / mu) / (c * mu - lambdaPerHour);
}

/** An exponential duration capped this many means away is exponential for every practical purpose (e^-50). */
const CAP_IN_MEANS = 50;
/** Budgets this many times the cloud price are above any ask of the catalogue's GPUs. */
const MIN_BUDGET_FACTOR = 10;

const active = (w: Record<string, number>) => Object.entries(w).filter(([, v]) => v > 0);

/** The M/M/c queue a scenario is, or null when it is not exactly one (see the file's comment). */
export function mmcOf(s: Scenario): MmcTheory | null {
  const d = s.demand;
  if (s.economy.enabled || s.market.setupHours !== 0) return null;
  if (d.trendGrowthPerYear !== 0 || d.diurnalAmplitude !== 0 || d.burstMeanJobs !== 1 || d.shocks.length > 0) return null;
  const classes = Object.values(d.classes).filter((k) => k.share > 0);
  if (classes.length !== 1) return null;
  const k = classes[0];
  const gpus = active(k.gpus);
  if (gpus.length !== 1 || gpus[0][0] !== '1') return null;
  if (k.durationHours.dist !== 'exponential' || k.maxDurationHours < CAP_IN_MEANS * k.durationHours.mean) return null;
  if (!k.unlimitedPatience || k.cancelShare !== 0 || k.regionLockedShare !== 0 || k.minTier !== 'entry' || k.budgetFactorMin < MIN_BUDGET_FACTOR) return null;
  const minVram = Math.max(...active(k.minVramGb).map(([v]) => Number(v)));
  const archetypes = Object.values(s.supply.archetypes).filter((a) => a.share > 0);
  if (archetypes.length === 0) return null;
  for (const a of archetypes) {
    if (a.gpusPerNodeMax !== 1 || a.gpusPerNodeMin !== 1 || a.nodesMax !== 1 || a.nodesMin !== 1) return null;
    // always on, and never down (the population's own rule for a provider that never fails)
    if (a.onlineHoursMin < 24 || !(a.reliabilityMean >= 1 || a.meanDownHours === 0)) return null;
    for (const [model] of active(a.models)) {
      const g = GPU_CATALOGUE.find((x) => x.id === model);
      if (!g || g.vramGb < minVram) return null;
    }
  }
  const c = Math.round(s.supply.providers * s.scale);
  const lambdaPerHour = d.baseRateJobsPerHour * s.scale;
  const meanServiceHours = k.durationHours.mean;
  if (c < 1 || !(lambdaPerHour > 0)) return null;
  const rho = (lambdaPerHour * meanServiceHours) / c;
  const stable = rho < 1;
  return {
    c,
    lambdaPerHour,
    meanServiceHours,
    rho,
    pWait: stable ? erlangC(c, lambdaPerHour * meanServiceHours) : NaN,
    meanWaitHours: stable ? mmcMeanWait(c, lambdaPerHour, meanServiceHours) : NaN,
  };
}
