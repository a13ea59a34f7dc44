/**
 * New jobs arriving: at each arrival event a batch of jobs (demand.burstMeanJobs) is drawn in the
 * class mix of the moment (demand/arrivals.ts' rate model), and each is ordered, as spot (market.spot,
 * one draw on the 'spot' stream per job), as on-demand, or in a reservation's stead or taken over by
 * one (market.reserved, model/reservations.ts); with spot leases' added demand, a job may bring a
 * spot job drawn on its own stream. Then the next arrival is scheduled. The model registers the
 * 'arrival' event and calls onArrival; a job is ordered through the model's orderJob.
 */
import type { Engine } from '../core/engine.ts';
import { createRateModel, demandLevels, nextArrival, type RateModel } from '../demand/arrivals.ts';
import { blankDraw, createJobSampler, type JobDraw, type JobSampler } from '../demand/jobs.ts';
import type { MarketMetrics } from '../metrics/marketMetrics.ts';
import { geometric, type Sampler } from '../rng/distributions.ts';
import type { Rng, Streams } from '../rng/streams.ts';
import { JOB_CLASSES, type Scenario } from '../scenario/schema.ts';
import type { SpotParams } from '../scenario/spotSchema.ts';
import { ORDERED, RESERVATION, TAKEN_OVER, type Reservations } from './reservations.ts';

/** How a new job is ordered: the model's call, and the metrics its arrival counts in. */
export interface ArrivalHost {
  readonly engine: Engine;
  /** The engine's event kind for an arrival (registered by the model). */
  readonly kind: number;
  readonly horizonHours: number;
  readonly metrics: MarketMetrics;
  /** Reserved instances, or null: which new jobs become reservations. */
  readonly reservations: Reservations | null;
  /** Orders job d as a new job (its first order) with `workHours` and `cancelAfterHours` left. */
  orderJob(d: JobDraw, workHours: number, cancelAfterHours: number, spot: boolean, reserved: boolean): void;
}

export class JobArrivals {
  /** The arrival rate of each job class over time. */
  readonly rates: RateModel;
  private jobs: JobSampler;
  private batch: Sampler;
  private arrivalsRng: Rng;
  private classWeights: number[];
  /** The arriving job being drawn (one object, overwritten per job: the model's order copies what it keeps). */
  private draft = blankDraw();
  /** Spot leases (`market.spot`), else null: their parameters and the stream deciding which jobs are spot. */
  private readonly spot: SpotParams | null;
  private readonly spotRng: Rng | null;
  /** The jobs of the spot demand added by spot leases (addedDemand > 0), on their own stream, and their reused draft. */
  private readonly addedSpotJobs: JobSampler | null;
  private spotDraft = blankDraw();
  /** Per job class: whether it rents spot (market.spot.classes, all if omitted). */
  readonly spotClass: boolean[];
  /** The class weights of the added spot jobs. */
  private readonly spotWeights: number[];

  constructor(
    private s: Scenario,
    streams: Streams,
    private h: ArrivalHost,
  ) {
    // spot: its own stream, drawn only with spot leases (a run without them keeps every other stream's numbers)
    this.spot = s.market.spot ?? null;
    this.spotRng = this.spot ? streams.get('spot') : null;
    this.addedSpotJobs = this.spot && this.spot.addedDemand > 0 ? createJobSampler(s, streams.get('spot-jobs')) : null;
    const spotClasses = this.spot?.classes;
    this.spotClass = JOB_CLASSES.map((c) => !spotClasses || spotClasses.includes(c));
    this.spotWeights = JOB_CLASSES.map(() => 0);
    // its own stream: a steady level draws nothing, so every other stream's numbers stay as they were
    this.rates = createRateModel(s, demandLevels(s.demand, s.horizonDays, streams.get('demand-level')));
    this.jobs = createJobSampler(s, streams.get('jobs'));
    this.arrivalsRng = streams.get('arrivals');
    this.batch = geometric(this.arrivalsRng, s.demand.burstMeanJobs);
    this.classWeights = JOB_CLASSES.map(() => 0);
  }

  /** Schedules the first arrival, if one comes before the horizon. */
  scheduleFirst(): void {
    this.scheduleAfter(0);
  }

  private scheduleAfter(now: number): void {
    const h = this.h;
    const next = nextArrival(this.rates, now, h.horizonHours, this.arrivalsRng, this.s.demand.burstMeanJobs);
    if (next < Infinity) h.engine.at(next, h.kind);
  }

  /** An arrival: its batch of jobs ordered, then the next arrival scheduled. */
  onArrival(): void {
    const h = this.h;
    const m = h.metrics;
    const now = h.engine.now;
    const n = this.batch();
    for (let c = 0; c < this.classWeights.length; c++) this.classWeights[c] = this.rates.ofClass(c, now);
    for (let i = 0; i < n; i++) {
      const d = this.jobs.draw(this.classWeights, this.draft, now);
      const spot = this.isSpot(d.jobClass);
      // a reserving tenant's job runs in its reservation (not ordered), or brings a reservation order in its stead
      const as = h.reservations === null ? ORDERED : h.reservations.decide(d);
      if (as === TAKEN_OVER) m.takenOver++;
      else {
        m.arrived++;
        m.demandedGpuH += d.gpus * d.durationHours;
        h.orderJob(d, d.durationHours, d.cancelAfterHours, spot && as === ORDERED, as === RESERVATION);
      }
      // spot demand the network did not have: with this chance the job brings a spot job drawn on its own stream
      if (this.addedSpotJobs && this.spotRng!() < this.spot!.addedDemand) this.addSpotJob(now);
    }
    this.scheduleAfter(now);
  }

  /** A spot job of the demand spot leases add (market.spot.addedDemand): counted as an arrival like any new job. */
  private addSpotJob(now: number): void {
    // of the classes that rent spot, in their mix of the moment
    let total = 0;
    for (let c = 0; c < this.classWeights.length; c++) total += this.spotWeights[c] = this.spotClass[c] ? this.classWeights[c] : 0;
    if (!(total > 0)) return;
    const d = this.addedSpotJobs!.draw(this.spotWeights, this.spotDraft, now);
    const m = this.h.metrics;
    m.arrived++;
    m.demandedGpuH += d.gpus * d.durationHours;
    this.h.orderJob(d, d.durationHours, d.cancelAfterHours, true, false);
  }

  /**
   * Whether a new job of class c rents spot: one draw on the 'spot' stream per new job whatever its
   * class (so runs that differ in which classes rent spot draw alike); never without spot leases.
   */
  isSpot(c: number): boolean {
    if (this.spotRng === null) return false;
    return this.spotRng() < this.spot!.share && this.spotClass[c];
  }
}
