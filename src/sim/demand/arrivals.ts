/**
 * Arrivals: a non-homogeneous Poisson process with rate
 *   lambda_c(t) = base x scale x share_c x trend(t) x diurnal(t) x shocks_c(t)     [jobs/h]
 *                  x level(day)        (demand.levelVolatility, 1 without it)
 * sampled exactly by thinning (Lewis and Shedler) against a bound that is recomputed once per
 * simulated day, so a shock or a year of trend growth never makes the bound loose for long.
 */
import { JOB_CLASSES, type Scenario, type Shock } from '../scenario/schema.ts';
import type { Rng } from '../rng/streams.ts';
import { exp, log, pow, sin } from '../core/detMath.ts';
import { normal } from '../rng/distributions.ts';

const HOURS_PER_YEAR = 8760;

export interface RateModel {
  /** Total arrival rate (jobs/h) at time t. */
  total(t: number): number;
  /** Rate of one class (jobs/h) at time t. */
  ofClass(c: number, t: number): number;
  /** An upper bound of total(t) over [t0, t1]. */
  bound(t0: number, t1: number): number;
}

/** A shock's multiplier at time t (hours): 1 outside it, ramping linearly in and out. Also for cloud and electricity price shocks. */
export function shockFactor(sh: Pick<Shock, 'startDay' | 'durationDays' | 'rampDays' | 'multiplier'>, t: number): number {
  const day = t / 24;
  const { startDay, durationDays, rampDays, multiplier } = sh;
  if (day < startDay || day > startDay + durationDays + 2 * rampDays) return 1;
  let w = 1;
  if (rampDays > 0) {
    if (day < startDay + rampDays) w = (day - startDay) / rampDays;
    else if (day > startDay + rampDays + durationDays) w = (startDay + 2 * rampDays + durationDays - day) / rampDays;
  }
  return 1 + (multiplier - 1) * w;
}

/**
 * The demand level of each day 0..days: exp(X_d - Var(X_d) / 2), X a stationary-in-the-limit AR(1)
 * from X_0 = 0, X_d = phi X_(d-1) + sd sqrt(1 - phi^2) e_d, so that X settles at the standard deviation
 * `sd` and every day's level has mean 1 (the expected arrival rate is the scenario's). Null when the
 * level is steady (sd 0): no draws, and the rate is what it was before the field existed.
 */
export function demandLevels(d: Scenario['demand'], days: number, rng: Rng): Float64Array | null {
  const sd = d.levelVolatility ?? 0;
  if (!(sd > 0)) return null;
  const phi = pow(2, -1 / (d.levelHalfLifeDays ?? DEFAULT_LEVEL_HALF_LIFE_DAYS));
  const shock = normal(rng, 0, sd * Math.sqrt(1 - phi * phi));
  const out = new Float64Array(days + 1);
  let x = 0;
  let v = 0;
  out[0] = 1;
  for (let i = 1; i <= days; i++) {
    x = phi * x + shock();
    v = phi * phi * v + sd * sd * (1 - phi * phi);
    out[i] = exp(x - v / 2);
  }
  return out;
}

/** demand.levelHalfLifeDays when omitted. */
export const DEFAULT_LEVEL_HALF_LIFE_DAYS = 30;

/** `levels`: the day's demand level (demandLevels), or null for a steady one. */
export function createRateModel(s: Scenario, levels: Float64Array | null = null): RateModel {
  const d = s.demand;
  const shares = JOB_CLASSES.map((c) => d.classes[c].share);
  const shareSum = shares.reduce((a, b) => a + b, 0) || 1;
  const base = d.baseRateJobsPerHour * s.scale;
  const g = log(1 + d.trendGrowthPerYear) / HOURS_PER_YEAR;
  const amp = d.diurnalAmplitude;
  const phase = d.diurnalPeakHour - 6;
  const classShocks = JOB_CLASSES.map((c) => d.shocks.filter((sh) => !sh.classes || sh.classes.includes(c)));
  // The trend factor, remembered for the last two instants asked: thinning asks it at a candidate
  // time (the rate), then at the same time and at the window's end (the bound for the next candidate).
  let tA = NaN;
  let eA = 0;
  let tB = NaN;
  let eB = 0;
  const trend = (t: number) => {
    if (t === tA) return eA;
    if (t === tB) return eB;
    tB = tA;
    eB = eA;
    tA = t;
    eA = exp(g * t);
    return eA;
  };
  // The rate of every class at one instant shares this factor: remembered for the last instant asked
  // (thinning asks the total, then the arrival asks each class, all at the same time).
  let lastT = NaN;
  let lastCommon = 0;
  const lastDay = levels ? levels.length - 1 : 0;
  const levelOn = (day: number) => (levels as Float64Array)[Math.max(0, Math.min(lastDay, day))];
  const common = (t: number) => {
    if (t !== lastT) {
      lastT = t;
      lastCommon = base * trend(t) * (1 + amp * sin((2 * Math.PI * (t - phase)) / 24));
      if (levels) lastCommon *= levelOn(Math.floor(t / 24));
    }
    return lastCommon;
  };
  const ofClass = (c: number, t: number) => {
    let r = common(t) * (shares[c] / shareSum);
    for (const sh of classShocks[c]) r *= shockFactor(sh, t);
    return r;
  };
  return {
    ofClass,
    total(t) {
      let r = 0;
      for (let c = 0; c < shares.length; c++) if (shares[c] > 0) r += ofClass(c, t);
      return r;
    },
    bound(t0, t1) {
      // trend is monotone: take the larger end; diurnal at most 1 + amp; shocks at their max over the interval;
      const up = Math.max(trend(t0), trend(t1));
      let worst = 0;
      for (let c = 0; c < shares.length; c++) {
        if (shares[c] === 0) continue;
        let m = shares[c] / shareSum;
        for (const sh of classShocks[c]) {
          const active = t1 / 24 >= sh.startDay && t0 / 24 <= sh.startDay + sh.durationDays + 2 * sh.rampDays;
          m *= active ? Math.max(1, sh.multiplier) : 1;
        }
        worst += m;
      }
      // the level is constant within a day: the highest of the days the interval touches
      let level = 1;
      if (levels) {
        level = levelOn(Math.floor(t0 / 24));
        for (let day = Math.floor(t0 / 24) + 1; day * 24 < t1; day++) level = Math.max(level, levelOn(day));
      }
      return base * up * (1 + amp) * worst * level;
    },
  };
}

/**
 * Next arrival time after `t` (hours) by thinning; +Infinity if none before `horizon`.
 * The bound is taken per day-long window; crossing a window edge restarts from the edge, which is
 * exact because the candidate process is memoryless.
 *
 * `jobsPerArrival`: the mean batch each arrival brings (demand.burstMeanJobs). Arrivals come that
 * many times less often than the job rate, so batching makes demand bursty without changing how
 * many jobs arrive on average (1: one job per arrival, the plain process).
 */
export function nextArrival(rates: RateModel, t: number, horizon: number, rng: Rng, jobsPerArrival = 1): number {
  let now = t;
  while (now < horizon) {
    const edge = Math.min(horizon, (Math.floor(now / 24) + 1) * 24);
    const lmax = rates.bound(now, edge) / jobsPerArrival;
    if (lmax <= 0) {
      now = edge;
      continue;
    }
    const cand = now - log(1 - rng()) / lmax;
    if (cand >= edge) {
      now = edge;
      continue;
    }
    now = cand;
    if (rng() * lmax <= rates.total(now) / jobsPerArrival) return now;
  }
  return Infinity;
}
