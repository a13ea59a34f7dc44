/**
 * The steady-state start (the M/G/inf trick): instead of opening on an empty network, a run opens
 * with the jobs that arrived over the past W hours at the t = 0 rate and would still be running at
 * t = 0, each placed with its remaining work, on their own 'warmstart' streams so the other streams
 * are untouched. With reserved instances the reservations running at t = 0 come too, and with spot
 * leases the spot jobs are placed after every on-demand one. This module draws those jobs and the
 * order they are placed in, and places each as a new order (WarmPlacement), withdrawn when no
 * provider is free; the leases it placed are not counted as waits or starts.
 */
import type { IntMap } from '../core/intMap.ts';
import type { RateModel } from '../demand/arrivals.ts';
import { createJobSampler, type JobDraw } from '../demand/jobs.ts';
import { poisson } from '../rng/distributions.ts';
import type { Rng, Streams } from '../rng/streams.ts';
import { JOB_CLASSES, type Scenario } from '../scenario/schema.ts';
import type { Reservations } from './reservations.ts';
import type { Lease } from './types.ts';

/** A job (or a reservation) the warm start places at t = 0, begun `age` hours before. */
interface WarmJob {
  d: JobDraw;
  age: number;
  reserved?: boolean;
}

/** What the warm start reads from the model, and how it places a job. */
export interface WarmStartHost {
  s: Scenario;
  streams: Streams;
  rates: RateModel;
  reservations: Reservations | null;
  /** Per job class: whether it rents spot (market.spot.classes). */
  spotClass: readonly boolean[];
  /** market.spot.addedDemand, or 0 without spot leases. */
  addedSpotDemand: number;
  /** Whether a new job of class c rents spot (one draw on the model's 'spot' stream). */
  isSpot(c: number): boolean;
  /** With escrow runways: whether a job begun `age` hours before t = 0 still had a funded deposit then; else null. */
  survivedTo0: ((age: number) => boolean) | null;
  /** Progress while jobs are drawn (every `reportEvery` draws), as the model's set-up hook. */
  onSetup?: (done: number, total: number) => void;
  reportEvery: number;
  /** Places one job with its remaining work at t = 0, or drops it if no provider is free. */
  place(d: JobDraw, age: number, spot: boolean, reserved: boolean): void;
}

/** How a warm-start job is ordered: the model's calls. */
export interface WarmOrderHost {
  /** Live leases by id. */
  readonly leases: IntMap<Lease>;
  /** The id the next order's lease takes. */
  nextLeaseId(): number;
  /** Orders job d as a new job (its first order) with `workHours` and `cancelAfterHours` left, matching it now if a provider is free. */
  order(d: JobDraw, workHours: number, cancelAfterHours: number, spot: boolean, reserved: boolean): void;
  /** Takes back a waiting order: out of its order book and the live table, its record back to the pool. */
  withdraw(l: Lease): void;
}

/** The warm start's placing, and the leases it placed until they start. */
export class WarmPlacement {
  /** Leases placed by the warm start and not started yet: not counted as starts or waits. */
  private placed = new Set<number>();
  /** While a job is placed: the hours it has run since before t = 0 (escrow runways count deposits from its start); else 0. */
  age = 0;
  /** While the warm start places jobs: they take free GPUs only (no preemption before t = 0). */
  placing = false;

  constructor(private h: WarmOrderHost) {}

  /** Draws and places the jobs running at t = 0 (placeWarmStart, placing each here). */
  run(draws: Omit<WarmStartHost, 'place'>): void {
    this.placing = true;
    placeWarmStart({ ...draws, place: (d, age, spot, reserved) => this.place(d, age, spot, reserved) });
    this.placing = false;
  }

  /** Whether lease `id` was placed by the warm start and has not started. */
  has(id: number): boolean {
    return this.placed.size !== 0 && this.placed.has(id);
  }

  /** Whether lease `id`, starting now, was placed by the warm start (then forgotten). */
  started(id: number): boolean {
    return this.placed.size !== 0 && this.placed.delete(id);
  }

  /** Places one warm-start job with its remaining work at t = 0, or drops it if no provider is free. */
  private place(d: JobDraw, age: number, spot: boolean, reserved: boolean): void {
    const h = this.h;
    const id = h.nextLeaseId();
    this.placed.add(id);
    this.age = age;
    h.order(d, d.durationHours - age, d.cancelAfterHours - age, spot, reserved);
    this.age = 0;
    const l = h.leases.get(id)!;
    if (l.state === 'ordered') {
      this.placed.delete(id);
      h.withdraw(l);
    }
  }
}

/**
 * Draws and places the jobs running at t = 0. Each candidate's lifetime is drawn first and the rest
 * of the job only for the few still running (about 7 k of 170 k at 1x): the whole-job draws were
 * most of the time to the first day on screen.
 */
export function placeWarmStart(h: WarmStartHost): void {
  const { s, streams } = h;
  const rng = streams.get('warmstart');
  // the rate over a day around t = 0 (the daily cycle averages out)
  const weights = JOB_CLASSES.map((_, c) => {
    let r = 0;
    for (let hour = 0; hour < 24; hour++) r += h.rates.ofClass(c, hour - 12) / 24;
    return r;
  });
  const spotJobs: WarmJob[] = [];
  // reservations running at t = 0 (market.reserved), on their own stream, which also decides which
  // of the jobs drawn below their reservations had taken over
  let reserved: WarmJob[] = [];
  let reservedRng: Rng | null = null;
  if (h.reservations) {
    const r = (reservedRng = streams.get('reserved-warmstart'));
    reserved = h.reservations.warmReservations(s, r, createJobSampler(s, r), weights);
  }
  if (reserved.length === 0) warmJobs(h, rng, weights, 1, spotJobs, false, null, reservedRng);
  else {
    // With reservations, the jobs and the reservations take the GPUs in the order they began, the
    // oldest first, as they were matched: reservations placed first held 39% of the GPU-hours served
    // at t = 0 where the run settles at 30%, placed last 24% (baseline, market.reserved {}, seed 1).
    const onDemand: WarmJob[] = [];
    warmJobs(h, rng, weights, 1, spotJobs, false, onDemand, reservedRng);
    for (const j of reserved) j.reserved = true;
    const all = onDemand.concat(reserved).sort((a, b) => b.age - a.age);
    for (const j of all) h.place(j.d, j.age, false, j.reserved === true);
  }
  // the spot demand added by spot leases (market.spot.addedDemand), on its own stream
  if (h.addedSpotDemand > 0) {
    warmJobs(h, streams.get('spot-warmstart'), weights.map((w, c) => (h.spotClass[c] ? w : 0)), h.addedSpotDemand, spotJobs, true, null, reservedRng);
  }
  // spot jobs are placed after every on-demand one: on-demand orders would have preempted them before t = 0
  for (const j of spotJobs) h.place(j.d, j.age, true, false);
}

/**
 * Draws the jobs of the warm start from `rng`: per class, those that arrived over its window at
 * `factor` x the rate around t = 0 and would still be running. On-demand ones are placed at once,
 * or collected in `onDemand` when given (to be placed with the reservations); spot ones (all of
 * them when `allSpot`) are collected in `spotJobs` to be placed last.
 */
function warmJobs(h: WarmStartHost, rng: Rng, weights: number[], factor: number, spotJobs: WarmJob[], allSpot: boolean, onDemand: WarmJob[] | null, reservedRng: Rng | null): void {
  const s = h.s;
  const sampler = createJobSampler(s, rng);
  const one = JOB_CLASSES.map((_, c) => weights.map((__, k) => (k === c ? 1 : 0)));
  for (let c = 0; c < JOB_CLASSES.length; c++) {
    const cls = s.demand.classes[JOB_CLASSES[c]];
    const window = Math.min(cls.maxDurationHours, 90 * 24);
    const count = poisson(rng, weights[c] * factor * window)();
    const life = new Float64Array(2);
    for (let k = 0; k < count; k++) {
      if (h.onSetup && (k + 1) % h.reportEvery === 0) h.onSetup(k + 1, count);
      const age = rng() * window;
      sampler.lifetime(c, life);
      const duration = life[0];
      const cancelAfter = life[1];
      if (duration <= age || cancelAfter <= age) continue;
      // with escrow runways, a job whose tenant let a deposit run dry before t = 0 has ended
      if (h.survivedTo0 && !h.survivedTo0(age)) continue;
      const d = { ...sampler.draw(one[c]), durationHours: duration, cancelAfterHours: cancelAfter, patienceHours: Infinity };
      const spot = allSpot || h.isSpot(c);
      // with reservations, its tenant's reservation may have taken it over (the reservations running at t = 0 are drawn apart)
      if (!allSpot && h.reservations?.takenOverBefore0(c, reservedRng!)) continue;
      if (spot) spotJobs.push({ d, age });
      else if (onDemand) onDemand.push({ d, age });
      else h.place(d, age, false, false);
    }
  }
}
