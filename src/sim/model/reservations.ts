/**
 * Reserved instances (scenario `market.reserved`): which new jobs their tenants' reservations take
 * over, the reservation orders that arrive in their stead, and the reservations already running at
 * t = 0.
 *
 * A share rho of the GPU-hours demanded by the classes that reserve is booked as reservations. One
 * draw u per new job on the 'reserved' stream: if its class reserves and u < rho, the job runs inside
 * its tenant's reservation and is not ordered; if also u < rho * min(1, h / E[T]) (h: the hours the
 * job would run, E[T]: the mean term), a reservation order for the job's GPUs, VRAM, region and budget
 * arrives in its stead, for a term T drawn apart. A job taken over brings a reservation with chance
 * h / E[T], so on average the reservations' GPU-hours (gpus x T) are those of the jobs taken over
 * (gpus x h): the demand keeps its volume and changes its shape (a job longer than the mean term is
 * the one exception, capped at one reservation). One draw per new job whatever its class, so runs
 * that differ in which classes reserve draw alike; with share 0 nothing changes but the stream.
 */
import type { JobDraw, JobSampler } from '../demand/jobs.ts';
import { poisson } from '../rng/distributions.ts';
import type { Rng } from '../rng/streams.ts';
import { HOURS_PER_MONTH, type ReservedParams } from '../scenario/reservedSchema.ts';
import { JOB_CLASSES, type Scenario } from '../scenario/schema.ts';

/** What a new job becomes: an order as usual, work inside its tenant's reservation, or a reservation order. */
export const ORDERED = 0;
export const TAKEN_OVER = 1;
export const RESERVATION = 2;

/** Lifetimes drawn per class to estimate E[min(1, h / E[T])] for the warm start. */
const WARM_ESTIMATE_DRAWS = 4000;

export class Reservations {
  /** Mean term, hours. */
  readonly meanTermHours: number;
  private readonly reserves: boolean[];

  constructor(
    readonly params: ReservedParams,
    private rng: Rng,
  ) {
    this.meanTermHours = ((params.minTermMonths + params.maxTermMonths) / 2) * HOURS_PER_MONTH;
    this.reserves = JOB_CLASSES.map((c) => !params.classes || params.classes.includes(c));
  }

  /** Whether the tenants of job class c reserve. */
  classReserves(c: number): boolean {
    return this.reserves[c];
  }

  /**
   * Decides what the new job `d` becomes (ORDERED, TAKEN_OVER or RESERVATION); for a RESERVATION,
   * `d` is turned into the reservation order in place.
   */
  decide(d: JobDraw): number {
    const u = this.rng();
    const share = this.params.share;
    if (!(u < share) || !this.reserves[d.jobClass]) return ORDERED;
    const h = Math.min(d.durationHours, d.cancelAfterHours);
    if (!(u < share * Math.min(1, h / this.meanTermHours))) return TAKEN_OVER;
    this.toReservation(d, this.term(this.rng));
    return RESERVATION;
  }

  /** A term: uniform over the whole months from minTermMonths to maxTermMonths, in hours. */
  term(rng: Rng): number {
    const { minTermMonths: lo, maxTermMonths: hi } = this.params;
    const n = hi - lo + 1;
    return HOURS_PER_MONTH * (lo + Math.min(n - 1, Math.floor(rng() * n)));
  }

  /** A reservation runs its whole term (the tenant does not cancel), loses nothing when its provider fails and waits market.reserved.patienceHours for a provider. */
  private toReservation(d: JobDraw, termHours: number): void {
    d.durationHours = termHours;
    d.cancelAfterHours = Infinity;
    d.checkpointHours = 0;
    d.patienceHours = this.params.patienceHours;
  }

  /**
   * The warm start's thinning of on-demand jobs: a job of a reserving class that would be running at
   * t = 0 was taken over by its tenant's reservation with chance `share` (one draw on `rng` per job).
   */
  takenOverBefore0(c: number, rng: Rng): boolean {
    return rng() < this.params.share && this.reserves[c];
  }

  /**
   * The reservations running at t = 0: those that began over the past maxTerm at the rate around
   * t = 0 (`weights`, jobs per hour by class) and whose term outlasts their age. Per class c they begin
   * at rate share x lambda_c x E[min(1, h / E[T])], the expectation estimated from lifetimes drawn on
   * `rng`; each begins at a uniform age with a term drawn apart, and its job is drawn from the class
   * biased by the hours h it would run, as decide() picks them (rejection: accepted with chance
   * min(h, E[T]) / min(maxDuration, E[T])).
   */
  warmReservations(s: Scenario, rng: Rng, sampler: JobSampler, weights: readonly number[]): { d: JobDraw; age: number; reserved?: boolean }[] {
    const out: { d: JobDraw; age: number; reserved?: boolean }[] = [];
    const span = this.params.maxTermMonths * HOURS_PER_MONTH;
    const ET = this.meanTermHours;
    const life = new Float64Array(2);
    for (let c = 0; c < JOB_CLASSES.length; c++) {
      if (!this.reserves[c] || !(weights[c] > 0) || !(this.params.share > 0)) continue;
      let q = 0;
      for (let k = 0; k < WARM_ESTIMATE_DRAWS; k++) {
        sampler.lifetime(c, life);
        q += Math.min(1, Math.min(life[0], life[1]) / ET);
      }
      q /= WARM_ESTIMATE_DRAWS;
      const count = poisson(rng, this.params.share * weights[c] * q * span)();
      const cap = Math.min(s.demand.classes[JOB_CLASSES[c]].maxDurationHours, ET);
      const one = weights.map((_, k) => (k === c ? 1 : 0));
      for (let k = 0; k < count; k++) {
        const age = rng() * span;
        const term = this.term(rng);
        if (term <= age) continue;
        let d: JobDraw;
        do d = sampler.draw(one);
        while (!(rng() * cap < Math.min(d.durationHours, d.cancelAfterHours, ET)));
        this.toReservation(d, term);
        out.push({ d, age });
      }
    }
    return out;
  }
}
