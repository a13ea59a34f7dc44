/**
 * Queueing theory for scenarios that are an M/M/c queue, so a run can be read against the exact
 * answer: identical always-on single-GPU providers that never fail, one job class of single-GPU
 * jobs with exponential durations arriving as a homogeneous Poisson process, unlimited budget, no
 * setup delay, no cancellations, no region lock, a fixed population (economy off), and patience
 * either unlimited or exponential. Then the market is a queue served first come first served (the
 * `mmc` and `erlang_a` presets; test/sim/model validates the simulator against both):
 *  - unlimited patience, M/M/c: utilization = rho = lambda / (c mu), P(wait) = Erlang C(c, lambda/mu),
 *    mean wait = C / (c mu - lambda);
 *  - exponential patience of mean 1/theta, M/M/c+M (Erlang A, erlangA.ts): tenants who wait too long
 *    leave, so utilization = rho (1 - P(abandon)) and the fill rate is 1 - P(abandon), at any load.
 *
 * mmcOf answers only when every one of those conditions holds: a theory line drawn for a scenario
 * that merely resembles the queue would mislead more than no line.
 */
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { erlangA } from './erlangA.ts';
import type { Scenario } from './schema.ts';

export interface MmcTheory {
  /** 'M/M/c' (orders wait forever) or 'M/M/c+M' (exponential patience: Erlang A). */
  queue: 'M/M/c' | 'M/M/c+M';
  /** Servers (single-GPU providers), arrival rate (jobs/h) and mean service time (h). */
  c: number;
  lambdaPerHour: number;
  meanServiceHours: number;
  /** Mean patience, h (Infinity for M/M/c). */
  meanPatienceHours: number;
  /** Offered load lambda / (c mu). */
  rho: number;
  /** False when the queue grows without bound (M/M/c with rho >= 1): the values below are NaN. */
  stable: boolean;
  /** Busy GPU-hours / online GPU-hours: rho (1 - pAbandon). */
  utilization: number;
  /** P(an order waits at all), P(it leaves unserved) and the fill rate 1 - pAbandon. */
  pWait: number;
  pAbandon: number;
  fillRate: number;
  /** Mean wait in queue of the orders matched (h), as the CSV's wait_mean_h counts it. */
  meanWaitHours: number;
  /** Time-average number of orders waiting. */
  meanQueue: number;
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
  if (d.trendGrowthPerYear !== 0 || d.diurnalAmplitude !== 0 || d.burstMeanJobs !== 1 || d.shocks.length > 0 || (d.levelVolatility ?? 0) > 0) return null;
  const classes = Object.values(d.classes).filter((k) => k.share > 0);
  if (classes.length !== 1) return null;
  const k = classes[0];
  const gpus = active(k.gpus);
  if (gpus.length !== 1 || gpus[0][0] !== '1') return null;
  if (k.durationHours.dist !== 'exponential' || k.maxDurationHours < CAP_IN_MEANS * k.durationHours.mean) return null;
  const patient = k.unlimitedPatience;
  const meanPatienceHours = patient ? Infinity : k.patienceHours.dist === 'exponential' ? k.patienceHours.mean : NaN;
  if (!(meanPatienceHours > 0)) return null; // patience neither unlimited nor exponential
  if (k.cancelShare !== 0 || k.regionLockedShare !== 0 || k.minTier !== 'entry' || k.budgetFactorMin < MIN_BUDGET_FACTOR) return null;
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
  const queue = patient ? 'M/M/c' : 'M/M/c+M';
  const base = { queue, c, lambdaPerHour, meanServiceHours, meanPatienceHours, rho } as const;
  if (patient) {
    // M/M/c: the closed forms (no one leaves; Little's law gives the queue)
    const stable = rho < 1;
    const meanWaitHours = stable ? mmcMeanWait(c, lambdaPerHour, meanServiceHours) : NaN;
    return {
      ...base,
      stable,
      utilization: stable ? rho : NaN,
      pWait: stable ? erlangC(c, lambdaPerHour * meanServiceHours) : NaN,
      pAbandon: stable ? 0 : NaN,
      fillRate: stable ? 1 : NaN,
      meanWaitHours,
      meanQueue: lambdaPerHour * meanWaitHours,
    };
  }
  // M/M/c+M: stable at any load
  const a = erlangA(c, lambdaPerHour, 1 / meanServiceHours, 1 / meanPatienceHours);
  return {
    ...base,
    stable: true,
    utilization: a.utilization,
    pWait: a.pWait,
    pAbandon: a.pAbandon,
    fillRate: 1 - a.pAbandon,
    meanWaitHours: a.meanWaitServedHours,
    meanQueue: a.meanQueue,
  };
}
