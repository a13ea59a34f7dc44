/**
 * The scenario's demand against real GPU job traces: the statistics a researcher would check before
 * trusting the synthetic demand, computed the same way on the trace and on draws from the model.
 *
 * Pure: the traces come in as arrays (bench/traceFiles.ts reads them), the model's draws come from
 * the core's own samplers (the job sampler and the arrival process the simulation runs), on a seed.
 */
import { createJobSampler } from '../src/sim/demand/jobs.ts';
import { createRateModel, nextArrival } from '../src/sim/demand/arrivals.ts';
import { geometric } from '../src/sim/rng/distributions.ts';
import { createStreams } from '../src/sim/rng/streams.ts';
import { quantileType7 } from '../src/sim/metrics/quantile.ts';
import { JOB_CLASSES, type JobClassName, type Scenario } from '../src/sim/scenario/schema.ts';

/** Summary of a sample of job durations (hours). */
export interface DurationStats {
  n: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
  meanHours: number;
  /** Share of jobs shorter than 1 h. */
  under1h: number;
  /** Share of jobs longer than 24 h. */
  over1d: number;
  /** Share of all run time in the longest 10% of jobs (how heavy the tail is). */
  top10RuntimeShare: number;
  /** Standard deviation of ln(duration) over the positive durations: the log-normal sigma. */
  logSigma: number;
}

/** Durations sorted ascending (a copy). */
function sorted(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

export function durationStats(hours: ArrayLike<number>): DurationStats {
  const x = sorted(hours);
  const n = x.length;
  if (n === 0) throw new Error('durationStats: no durations');
  const q = (p: number) => quantileType7(x, n, p);
  let sum = 0;
  let under = 0;
  let over = 0;
  let logSum = 0;
  let logSq = 0;
  let pos = 0;
  for (const v of x) {
    sum += v;
    if (v < 1) under++;
    if (v > 24) over++;
    if (v > 0) {
      const l = Math.log(v);
      logSum += l;
      logSq += l * l;
      pos++;
    }
  }
  let top = 0;
  for (let i = n - Math.max(1, Math.round(n / 10)); i < n; i++) top += x[i];
  const logMean = logSum / pos;
  return {
    n,
    p10: q(0.1),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    p99: q(0.99),
    meanHours: sum / n,
    under1h: under / n,
    over1d: over / n,
    top10RuntimeShare: sum > 0 ? top / sum : NaN,
    logSigma: Math.sqrt(Math.max(0, logSq / pos - logMean * logMean)),
  };
}

/** Two-sample Kolmogorov-Smirnov distance: the largest gap between the two empirical CDFs. */
export function ksDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sorted(a);
  const y = sorted(b);
  if (x.length === 0 || y.length === 0) throw new Error('ksDistance: an empty sample');
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/** Counts per hour of the day (0-23) of event times given in hours from any midnight-aligned origin. */
export function hourOfDayCounts(hours: ArrayLike<number>): number[] {
  const c = new Array<number>(24).fill(0);
  for (let i = 0; i < hours.length; i++) {
    const h = hours[i];
    if (Number.isFinite(h)) c[((Math.floor(h) % 24) + 24) % 24]++;
  }
  return c;
}

/** Busiest hour over quietest hour of the day (the daily swing); Infinity when an hour is empty. */
export function peakToTrough(hourly: readonly number[]): number {
  if (hourly.length !== 24) throw new Error(`peakToTrough: 24 hourly values expected, got ${hourly.length}`);
  return Math.max(...hourly) / Math.min(...hourly);
}

/** Coefficient of variation (sd / mean) of the gaps between sorted event times. */
export function interArrivalCv(times: ArrayLike<number>): number {
  const t = sorted(times);
  const n = t.length - 1;
  if (n < 2) throw new Error('interArrivalCv: at least 3 events needed');
  let sum = 0;
  let sq = 0;
  for (let i = 1; i < t.length; i++) {
    const g = t[i] - t[i - 1];
    sum += g;
    sq += g * g;
  }
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sq / n - mean * mean)) / mean;
}

/** `n` planned durations (hours) of jobs of one class, from the model's job sampler. */
export function modelDurations(s: Scenario, jobClass: JobClassName, n: number, seed: number): Float64Array {
  const c = JOB_CLASSES.indexOf(jobClass);
  if (c < 0) throw new Error(`no job class '${jobClass}' (classes: ${JOB_CLASSES.join(', ')})`);
  const jobs = createJobSampler(s, createStreams(seed).get('jobs'));
  const out = new Float64Array(n);
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    jobs.lifetime(c, pair);
    out[i] = pair[0];
  }
  return out;
}

/** Share of jobs asking for exactly one GPU: per class and over the class mix, from the model's job sampler. */
export function modelSingleGpuShare(s: Scenario, n: number, seed: number): { all: number; byClass: Record<string, number> } {
  const rates = createRateModel(s);
  const weights = JOB_CLASSES.map((_, c) => rates.ofClass(c, 0));
  const jobs = createJobSampler(s, createStreams(seed).get('jobs'));
  const single = new Array<number>(JOB_CLASSES.length).fill(0);
  const count = new Array<number>(JOB_CLASSES.length).fill(0);
  for (let i = 0; i < n; i++) {
    const d = jobs.draw(weights);
    count[d.jobClass]++;
    if (d.gpus === 1) single[d.jobClass]++;
  }
  const byClass: Record<string, number> = {};
  JOB_CLASSES.forEach((name, c) => {
    if (count[c] > 0) byClass[name] = single[c] / count[c];
  });
  return { all: single.reduce((a, b) => a + b, 0) / n, byClass };
}

/**
 * Job arrival times (hours) over `days`, from the arrival process the simulation runs: thinning
 * over the scenario's rate (trend, daily cycle, shocks), each arrival a geometric batch of jobs at
 * the same instant (`demand.burstMeanJobs`), batches that many times rarer than jobs.
 */
export function modelArrivalTimes(s: Scenario, days: number, seed: number): Float64Array {
  const streams = createStreams(seed);
  const rng = streams.get('arrivals');
  const rates = createRateModel(s);
  const batch = geometric(rng, s.demand.burstMeanJobs);
  const horizon = days * 24;
  const out: number[] = [];
  const m = s.demand.burstMeanJobs;
  for (let t = nextArrival(rates, 0, horizon, rng, m); t < horizon; t = nextArrival(rates, t, horizon, rng, m)) {
    for (let k = batch(); k > 0; k--) out.push(t);
  }
  return Float64Array.from(out);
}
