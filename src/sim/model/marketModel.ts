/**
 * The market model: the engine's handlers. This is the one place that changes state: matchers and
 * the lease machine decide, the handlers here apply their decisions and schedule what follows.
 *
 * Events: arrival, patience (order gives up), start (lease begins running), end (work done or the
 * tenant closes), window (home sharing window opens/closes), failure (outage starts/ends), grace
 * (a stalled lease's provider did not come back in time), sample (metrics period ends; leases
 * settle), reprice (daily ask adjustment). The model registers them all; the handlers of the last
 * five live beside it, one concept a file: window, failure and grace in availability.ts, sample in
 * sampling.ts, reprice in repricing.ts.
 */
import { Engine } from '../core/engine.ts';
import { IntMap } from '../core/intMap.ts';
import { createRateModel, demandLevels, nextArrival, type RateModel } from '../demand/arrivals.ts';
import { blankDraw, createJobSampler, type JobDraw, type JobSampler } from '../demand/jobs.ts';
import { Ledger, UNITS_PER } from '../economy/ledger.ts';
import { Economy } from '../economy/economy.ts';
import type { BmeBreaker } from '../economy/bmeBreaker.ts';
import { forbidNonFinite } from './guards.ts';
import {
  advance,
  EffectBuffer,
  FX_CANCEL_TIMER,
  FX_DEQUEUE,
  FX_ESCROW,
  FX_PAY,
  FX_RELEASE,
  FX_REPUTATION_BAD,
  FX_REPUTATION_GOOD,
  FX_REQUEUE,
  FX_RESERVE,
  FX_SCHEDULE_CLOSE,
  FX_SCHEDULE_END,
  FX_SCHEDULE_GRACE,
  FX_SCHEDULE_OVERDRAW,
  FX_SETTLE,
  INSUFFICIENT_FUNDS,
  type LeaseEvent,
} from '../lease/machine.ts';
import { EscrowRunway } from '../lease/escrowRunway.ts';
import { LeasePool } from '../lease/pool.ts';
import { takeRateSchedule } from '../economy/takeRate.ts';
import type { RunningBills } from '../lease/runningBills.ts';
import { CandidateFinder } from '../market/candidates.ts';
import { createPolicy, type Policy } from '../market/policies.ts';
import { ASK, FREE, GPUS, ProviderSignals, REGION, REPUTATION, SLASHES, STAKE, UPTIME } from '../market/signals.ts';
import { ProviderIndex } from '../market/providerIndex.ts';
import { OrderBook, plannedHours, type ServableQuery } from '../market/orderBook.ts';
import { SpotHolders } from '../market/spotHolders.ts';
import type { SpotParams } from '../scenario/spotSchema.ts';
import type { Rng } from '../rng/streams.ts';
import { MarketMetrics } from '../metrics/marketMetrics.ts';
import { geometric, type Sampler } from '../rng/distributions.ts';
import type { Streams } from '../rng/streams.ts';
import { JOB_CLASSES, REGIONS, type Scenario } from '../scenario/schema.ts';
import { GPU_CATALOGUE, gpuTier } from '../supply/catalogue.ts';
import { createProviderFactory, type ProviderFactory } from '../supply/population.ts';
import { isOnline, type Lease, type Provider } from './types.ts';
import { leaseRowOf, type LeaseRow } from './leaseRow.ts';
import { ProviderUsage } from './usage.ts';
import { ProviderLeases } from './providerLeases.ts';
import { ORDERED, RESERVATION, Reservations, TAKEN_OVER } from './reservations.ts';
import { OutageClock } from './outageClock.ts';
import { placeWarmStart } from './warmStart.ts';
import { Settlement } from './settlement.ts';
import { countActive, countActiveProvider } from './activeCounts.ts';
import { Availability } from './availability.ts';
import { PeriodSampler } from './sampling.ts';
import { DailyRepricing } from './repricing.ts';
import { Influxes } from './influxes.ts';
import { Reorders } from './reorders.ts';

// Lease events without data, shared (one per kind rather than one per lease).
const START: LeaseEvent = { type: 'start' };
const COMPLETE: LeaseEvent = { type: 'complete' };
const CANCEL: LeaseEvent = { type: 'cancel' };
const OVERDRAW: LeaseEvent = { type: 'overdraw' };
/** The end timer's argument: what ends the lease when it fires. */
const END_COMPLETE = 0;
const END_CANCEL = 1;
const END_OVERDRAW = 2;
const EXPIRE: LeaseEvent = { type: 'expire' };
const PREEMPT_KEEP: LeaseEvent = { type: 'preempt', keepProgress: true };
const PREEMPT_LOSE: LeaseEvent = { type: 'preempt', keepProgress: false };

/** A preempted spot lease's re-order, placed once the on-demand lease that took its GPUs is matched. */
interface DeferredOrder {
  d: JobDraw;
  jobId: number;
  attempt: number;
  workHours: number;
  cancelAfterHours: number;
}

export interface ModelHooks {
  /** Called with each lease when it ends (completed, failed, expired, cancelled). */
  onLease?: (row: LeaseRow) => void;
  /**
   * Called now and then while the initial network is built (every SETUP_REPORT_EVERY providers or
   * warm-start draws), which at large scale takes seconds and most of the starting memory: lets a
   * caller show progress and stop a set-up that will not fit (by throwing). Draws nothing.
   */
  onSetup?: (stage: SetupStage, done: number, total: number) => void;
}

/** providers built; warm-start jobs: recent arrivals drawn to find those still running at t = 0. */
export type SetupStage = 'providers' | 'warm-start jobs';
const SETUP_REPORT_EVERY = 4096;

export class MarketModel {
  readonly engine = new Engine(4096);
  readonly providers: Provider[] = [];
  /** Live leases by id (ordered, matched or active); an ended lease leaves the table. */
  readonly leases = new IntMap<Lease>(4096);
  readonly metrics = new MarketMetrics();
  readonly ledger = new Ledger();
  /** The token economy (null when economy.enabled is false: USD payments and the take rate only). */
  readonly economy: Economy | null;
  readonly index: ProviderIndex;
  /** Typed-array mirror of what the matcher reads about providers (see market/signals.ts). */
  readonly sig = new ProviderSignals();
  /** Each provider's busy and online GPU-hours and online hours (model/usage.ts). */
  readonly usage = new ProviderUsage();
  /** The leases holding GPUs on each provider (model/providerLeases.ts). */
  private held = new ProviderLeases();
  readonly horizonHours: number;

  /** Orders waiting for a match, segmented so a provider finds the first one it can serve (market/orderBook.ts). */
  private queue: OrderBook;
  private servable: ServableQuery = { model: 0, region: 0, free: 0, ask: 0, workLimit: 0 };
  private declined: number[] = [];
  /** Effects of the transitions being applied (a stack: nested transitions go above). */
  private fx = new EffectBuffer();
  /** Records of ended leases, reused for new orders. */
  private pool = new LeasePool();
  /** The burn-and-mint circuit breaker (economy/bmeBreaker.ts): while it is halted no order is matched; null without burn-and-mint settlement mints. */
  private readonly bme: BmeBreaker | null;
  /** Payments to providers out of escrow, per lease and every period (model/settlement.ts). */
  private settlement: Settlement;
  /** The settlement's running bills (null when leases are paid in tokens), read on the lease path. */
  private bills: RunningBills | null;
  private nextLeaseId = 0;
  private nextJobId = 0;

  private rates: RateModel;
  private jobs: JobSampler;
  private finder: CandidateFinder;
  private policy: Policy;
  private factory: ProviderFactory;
  /** The take rate at a time, without the token economy (with it, the economy pays; takeRate.ts). */
  private takeRate: (t: number) => number;
  private batch: Sampler;
  /** Providers' outages: their up and down spells and the reliability stretches (model/outageClock.ts). */
  private outages: OutageClock;
  /** Whether providers are online, and what a change does to their leases (model/availability.ts). */
  private availability: Availability;
  /** The end of each metrics period: settlement and the row of metrics (model/sampling.ts). */
  private sampling: PeriodSampler;
  /** The daily tick: electricity prices, observed uptime and asks (model/repricing.ts). */
  private repricing: DailyRepricing;
  private classWeights: number[];
  /** The arriving job being drawn (one object, overwritten per job: order() copies what it keeps). */
  private draft = blankDraw();

  // accounts
  readonly acct: { tenants: number; escrow: number; treasury: number };

  /** Row values of the last sample, for the run's column store (filled by model/sampling.ts). */
  readonly lastRow: number[] = [];
  /** Called with the row at the end of every metrics period (run.ts pushes it to the column store). */
  onRow: ((row: number[]) => void) | null = null;

  // event kinds
  private K: Record<'arrival' | 'patience' | 'start' | 'end' | 'window' | 'failure' | 'grace' | 'sample' | 'reprice' | 'influx' | 'reliability', number>;
  /** Waves of newcomers (supply.influxes; model/influxes.ts). */
  private influxes: Influxes;
  /** The orders a failed lease's remaining work is placed as (model/reorders.ts). */
  private reorders: Reorders;
  /** The tenants' deposits and top-ups when the scenario has escrow runways (`market.escrow`), else null. */
  private readonly escrowRunway: EscrowRunway | null;
  /** Spot leases (`market.spot`), else null: their parameters, the stream deciding which jobs are spot, their order book and the providers holding them. */
  private readonly spot: SpotParams | null;
  private readonly spotRng: Rng | null;
  private readonly spotQueue: OrderBook | null;
  readonly spotHolders: SpotHolders | null;
  /** The jobs of the spot demand added by spot leases (addedDemand > 0), on their own stream, and their reused draft. */
  private readonly addedSpotJobs: JobSampler | null;
  private spotDraft = blankDraw();
  /** Per job class: whether it rents spot (market.spot.classes, all if omitted); the class weights of the added spot jobs. */
  private readonly spotClass: boolean[];
  private readonly spotWeights: number[];
  /** While a preemption frees GPUs: the preempted leases' re-orders, placed after the on-demand match (else they would take the GPUs back). */
  private deferred: DeferredOrder[] | null = null;
  /** Hours from the next match to its start: the setup, or the spot notice when a preemption's is longer. */
  private startDelay: number;
  /** Reserved instances (`market.reserved`), else null: which new jobs become reservations, on the 'reserved' stream. */
  private readonly reservations: Reservations | null;
  /** While the warm start places jobs: they take free GPUs only (no preemption before t = 0). */
  private inWarmStart = false;

  constructor(
    readonly s: Scenario,
    private streams: Streams,
    private hooks: ModelHooks = {},
  ) {
    this.horizonHours = s.horizonDays * 24;
    const e = this.engine;
    this.K = {
      arrival: e.register('arrival', () => this.onArrival()),
      patience: e.register('patience', (id) => this.onPatience(id)),
      start: e.register('start', (id) => this.onStart(id)),
      end: e.register('end', (id, how) => this.onEnd(id, how)),
      window: e.register('window', (pid, gen) => this.availability.onWindow(pid, gen)),
      failure: e.register('failure', (pid, gen) => this.availability.onFailure(pid, gen)),
      grace: e.register('grace', (id) => this.availability.onGrace(id)),
      sample: e.register('sample', () => this.sampling.onSample()),
      reprice: e.register('reprice', () => this.repricing.onReprice()),
      influx: e.register('influx', (wave) => this.influxes.onInflux(wave)),
      reliability: e.register('reliability', (shock, on) => this.onReliabilityShock(shock, on === 1)),
    };
    this.outages = new OutageClock(s, streams, e);
    this.outages.kind = this.K.failure;
    this.index = new ProviderIndex(GPU_CATALOGUE.length, REGIONS.length, this.sig);
    const book = () =>
      new OrderBook(
        GPU_CATALOGUE.length,
        REGIONS.length,
        (minVram, minTier, m) => GPU_CATALOGUE[m].vramGb >= minVram && gpuTier(GPU_CATALOGUE[m]) >= minTier,
        s.market.queueScanDepth,
      );
    this.queue = book();
    // spot: its own stream, drawn only with spot leases (a run without them keeps every other stream's numbers)
    this.spot = s.market.spot ?? null;
    this.spotRng = this.spot ? streams.get('spot') : null;
    this.spotQueue = this.spot ? book() : null;
    this.spotHolders = this.spot ? new SpotHolders(GPU_CATALOGUE.length, REGIONS.length) : null;
    this.addedSpotJobs = this.spot && this.spot.addedDemand > 0 ? createJobSampler(s, streams.get('spot-jobs')) : null;
    const spotClasses = this.spot?.classes;
    this.spotClass = JOB_CLASSES.map((c) => !spotClasses || spotClasses.includes(c));
    this.spotWeights = JOB_CLASSES.map(() => 0);
    this.startDelay = s.market.setupHours;
    // reservations: their own stream, drawn only with them (a run without keeps every other stream's numbers)
    this.reservations = s.market.reserved ? new Reservations(s.market.reserved, streams.get('reserved')) : null;
    // its own stream: a steady level draws nothing, so every other stream's numbers stay as they were
    this.rates = createRateModel(s, demandLevels(s.demand, s.horizonDays, streams.get('demand-level')));
    this.jobs = createJobSampler(s, streams.get('jobs'));
    this.finder = new CandidateFinder(this.index, this.providers, this.sig, streams.get('matcher'), s.market.candidateSample, s.market.matcher !== 'spheron' && s.market.matcher !== 'random');
    this.policy = createPolicy(s.market.matcher, s.market, streams.get('matcher'));
    this.finder.now = () => this.engine.now;
    this.finder.setupHours = s.market.setupHours;
    this.factory = createProviderFactory(s, streams.get('supply'));
    this.takeRate = takeRateSchedule(s.economy);
    this.batch = geometric(streams.get('arrivals'), s.demand.burstMeanJobs);
    this.classWeights = JOB_CLASSES.map(() => 0);
    const L = this.ledger;
    this.acct = { tenants: L.account('tenants', true), escrow: L.account('escrow'), treasury: L.account('treasury') };
    this.economy = s.economy.enabled ? new Economy(this, s, streams) : null;
    this.bme = this.economy?.bme ?? null;
    this.settlement = new Settlement(e, L, this.acct, this.providers, this.economy, this.takeRate, this.economy !== null && s.economy.payment === 'token');
    this.bills = this.settlement.bills;
    // its own stream, drawn only with runways: a run without them keeps every other stream's numbers
    this.escrowRunway = s.market.escrow ? new EscrowRunway(s.market.escrow, streams.get('escrow'), s.market.setupHours) : null;
    this.influxes = new Influxes(s, streams, e, this.K.influx, this);
    this.reorders = new Reorders(s, streams);
    this.sampling = new PeriodSampler(e, this.K.sample, this.horizonHours, s.metrics.periodHours, this.metrics, this.economy, this.settlement, this.leases, L, this.escrowRunway, this);
    // the model's own calls the helpers make: closures made once, here (none is allocated per event)
    const accrue = (p: Provider) => this.accrue(p);
    const capacityFreed = (p: Provider) => this.capacityFreed(p);
    const { providers, leases, held, metrics, sig, usage, index, outages, economy, horizonHours, spotHolders, takeRate } = this;
    this.availability = new Availability({
      s, engine: e, windowKind: this.K.window, providers, leases, held, metrics, sig, usage, index, outages, economy,
      accrue, capacityFreed, apply: (id, ev) => this.apply(id, ev),
    });
    this.repricing = new DailyRepricing({
      s, engine: e, kind: this.K.reprice, horizonHours, providers, sig, usage, index, spotHolders, takeRate,
      accrue, capacityFreed, uptime: (p) => this.availability.uptime(p),
    });
  }

  /** Builds the initial population and schedules the first events. */
  init(): void {
    const n = Math.round(this.s.supply.providers * this.s.scale);
    // A warm start opens in steady state, outages included: some providers are down at t = 0 and the
    // others are part-way through an up interval (a fresh heavy-tailed interval for all would put a
    // burst of failures into the first day).
    this.outages.steady = this.s.demand.warmStart;
    // stretches on at t = 0 switch on before the population is drawn, so its first spells follow them
    for (const b of this.outages.shocks.boundaries(this.horizonHours)) this.engine.at(b.hour, this.K.reliability, b.shock, b.on ? 1 : 0);
    const onSetup = this.hooks.onSetup;
    for (let i = 0; i < n; i++) {
      this.addProvider(0);
      if (onSetup && (i + 1) % SETUP_REPORT_EVERY === 0) onSetup('providers', i + 1, n);
    }
    this.outages.steady = false;
    this.economy?.init(this.horizonHours);
    if (this.s.demand.warmStart) {
      this.economy?.beginPrehistory();
      this.warmStart();
      this.economy?.endPrehistory();
    }
    const first = nextArrival(this.rates, 0, this.horizonHours, this.streams.get('arrivals'), this.s.demand.burstMeanJobs);
    if (first < Infinity) this.engine.at(first, this.K.arrival);
    this.sampling.schedule(0);
    // Daily: observed uptime refreshed for the matcher, asks adjusted toward target utilization.
    this.repricing.scheduleFirst();
    this.influxes.schedule(this.horizonHours);
  }

  /** Leases placed by the warm start: not counted as starts or waits. */
  private warm = new Set<number>();
  /** While the warm start places a job: the hours it has run since before t = 0 (escrow runways count deposits from its start). */
  private warmAge = 0;

  /** The steady-state start (model/warmStart.ts): jobs and reservations running at t = 0, placed by placeWarm. */
  private warmStart(): void {
    this.inWarmStart = true;
    placeWarmStart({
      s: this.s,
      streams: this.streams,
      rates: this.rates,
      reservations: this.reservations,
      spotClass: this.spotClass,
      addedSpotDemand: this.spot?.addedDemand ?? 0,
      isSpot: (c) => this.isSpot(c),
      survivedTo0: this.escrowRunway ? (age) => this.escrowRunway!.survivedTo0(age) : null,
      onSetup: this.hooks.onSetup ? (done, total) => this.hooks.onSetup!('warm-start jobs', done, total) : undefined,
      reportEvery: SETUP_REPORT_EVERY,
      place: (d, age, spot, reserved) => this.placeWarm(d, age, spot, reserved),
    });
    this.inWarmStart = false;
  }

  /** Places one warm-start job with its remaining work at t = 0, or drops it if no provider is free. */
  private placeWarm(d: JobDraw, age: number, spot: boolean, reserved = false): void {
    const id = this.nextLeaseId;
    this.warm.add(id);
    this.warmAge = age;
    this.order(d, this.nextJobId++, 0, d.durationHours - age, d.cancelAfterHours - age, spot, reserved);
    this.warmAge = 0;
    const l = this.leases.get(id)!;
    if (l.state === 'ordered') {
      this.warm.delete(id);
      this.dequeue(l);
      this.leases.delete(id);
      this.pool.give(l);
    }
  }

  // ---------------------------------------------------------------- providers

  /** Adds a provider now: drawn from the supply stream, or an entrant `draft` drawn by the economy. */
  addProvider(now: number, archetype?: number, draft?: Provider): Provider {
    const p = draft ?? this.factory.make(this.providers.length, now, archetype);
    // a provider prices its margin on what it keeps, (1 - take rate) of its ask (the repricing floor
    // is grossed up alike)
    const keep = 1 - this.takeRate(now);
    if (keep < 1) p.askUsdPerGpuHour /= keep;
    p.account = this.ledger.account(`provider:${p.id}`);
    this.providers.push(p);
    this.usage.open(p.id, now);
    this.held.open(p.id, p.gpus);
    const sig = this.sig;
    sig.ensure(this.providers.length);
    sig.set(p.id, ASK, p.askUsdPerGpuHour);
    sig.set(p.id, GPUS, p.gpus);
    sig.set(p.id, FREE, p.gpusFree);
    sig.set(p.id, REGION, p.region);
    sig.set(p.id, UPTIME, 1);
    sig.set(p.id, REPUTATION, 0.5);
    sig.set(p.id, STAKE, p.stakeTokens);
    sig.set(p.id, SLASHES, p.slashes);
    sig.windowEnd[p.id] = Infinity;
    countActiveProvider(this.metrics, p, 1);
    // its sharing window, first outage and online GPUs (model/availability.ts)
    this.availability.join(p, now);
    this.economy?.onJoin(p);
    this.relist(p);
    return p;
  }

  /** Lists or unlists p after its eligibility changed; a newly listed provider serves waiting orders. */
  relist(p: Provider): void {
    this.index.update(p, p.canServe);
    if (p.bucket >= 0) this.capacityFreed(p);
  }

  /** Takes a provider out of the network now (exit, ban): unlisted, its leases fail with `reason`, its availability events go stale. */
  removeProvider(p: Provider, reason: string): void {
    if (!p.active) return;
    const now = this.engine.now;
    this.accrue(p);
    this.metrics.advance(now);
    p.canServe = false;
    this.index.update(p, false);
    for (const id of this.held.list(p.id)) this.apply(id, { type: 'fail', reason });
    this.availability.leave(p, now);
    p.active = false;
    p.gen++;
    p.exitedAt = now;
    this.index.update(p, false);
    countActiveProvider(this.metrics, p, -1);
  }

  /** Ids of the leases holding GPUs on p (matched or active), a copy. */
  leasesOn(p: Provider): readonly number[] {
    return this.held.list(p.id);
  }

  /** Fails a live lease with `reason` (e.g. 'caught cheating'): what remains of the work is re-ordered. */
  failLease(id: number, reason: string): void {
    this.apply(id, { type: 'fail', reason });
  }

  /** Refreshes what the matcher reads about p after the economy changed its stake, slashes or reputation. */
  syncSignals(p: Provider): void {
    this.sig.set(p.id, STAKE, p.stakeTokens);
    this.sig.set(p.id, SLASHES, p.slashes);
    this.sig.set(p.id, REPUTATION, (p.leasesCompleted + 1) / (p.leasesCompleted + p.leasesFailed + 2));
  }

  /** A reliability stretch starts or ends (supply.reliabilityShocks): up spells under way are rescaled (model/outageClock.ts). */
  private onReliabilityShock(shock: number, on: boolean): void {
    this.outages.switchStretch(shock, on, this.providers);
  }

  /** Accrues a provider's busy and online GPU-hours up to now. */
  accrue(p: Provider): void {
    this.usage.accrue(p.id, this.engine.now, p.busyGpus, isOnline(p) ? p.gpus : 0);
  }

  // ---------------------------------------------------------------- demand

  private onArrival(): void {
    const now = this.engine.now;
    if (this.bme !== null && this.bme.lifted) this.serveAfterHalt();
    const n = this.batch();
    for (let c = 0; c < this.classWeights.length; c++) this.classWeights[c] = this.rates.ofClass(c, now);
    for (let i = 0; i < n; i++) {
      const d = this.jobs.draw(this.classWeights, this.draft, now);
      const spot = this.isSpot(d.jobClass);
      // a reserving tenant's job runs in its reservation (not ordered), or brings a reservation order in its stead
      const as = this.reservations === null ? ORDERED : this.reservations.decide(d);
      if (as === TAKEN_OVER) this.metrics.takenOver++;
      else {
        this.metrics.arrived++;
        this.metrics.demandedGpuH += d.gpus * d.durationHours;
        this.order(d, this.nextJobId++, 0, d.durationHours, d.cancelAfterHours, spot && as === ORDERED, as === RESERVATION);
      }
      // spot demand the network did not have: with this chance the job brings a spot job drawn on its own stream
      if (this.addedSpotJobs && this.spotRng!() < this.spot!.addedDemand) this.addSpotJob(now);
    }
    const next = nextArrival(this.rates, now, this.horizonHours, this.streams.get('arrivals'), this.s.demand.burstMeanJobs);
    if (next < Infinity) this.engine.at(next, this.K.arrival);
  }

  /**
   * The burn-and-mint breaker lifted (at a settlement or the daily price step, where matching cannot
   * run): at the next arrival, every listed provider with free GPUs serves the orders that waited,
   * as when capacity frees.
   */
  private serveAfterHalt(): void {
    this.bme!.lifted = false;
    for (const p of this.providers) if (p.bucket >= 0 && p.gpusFree > 0) this.capacityFreed(p);
  }

  /** A spot job of the demand spot leases add (market.spot.addedDemand): counted as an arrival like any new job. */
  private addSpotJob(now: number): void {
    // of the classes that rent spot, in their mix of the moment
    let total = 0;
    for (let c = 0; c < this.classWeights.length; c++) total += this.spotWeights[c] = this.spotClass[c] ? this.classWeights[c] : 0;
    if (!(total > 0)) return;
    const d = this.addedSpotJobs!.draw(this.spotWeights, this.spotDraft, now);
    this.metrics.arrived++;
    this.metrics.demandedGpuH += d.gpus * d.durationHours;
    this.order(d, this.nextJobId++, 0, d.durationHours, d.cancelAfterHours, true);
  }

  /**
   * Whether a new job of class c rents spot: one draw on the 'spot' stream per new job whatever its
   * class (so runs that differ in which classes rent spot draw alike); never without spot leases.
   */
  private isSpot(c: number): boolean {
    if (this.spotRng === null) return false;
    return this.spotRng() < this.spot!.share && this.spotClass[c];
  }

  /**
   * Places an order (a new job, or what remains of one after a failure) and tries to match it. A
   * reservation's booking runs from the end of the setup after its first order for its term
   * (`termEndsAt` set then, passed on to its re-orders).
   */
  private order(d: JobDraw, jobId: number, attempt: number, workHours: number, cancelAfterHours: number, spot: boolean, reserved = false, termEndsAt = NaN): void {
    const now = this.engine.now;
    const patience = d.patienceHours; // read now: `d` may be a reused draft
    const l = this.pool.take();
    l.id = this.nextLeaseId++;
    l.jobId = jobId;
    l.attempt = attempt;
    l.jobClass = d.jobClass;
    l.gpus = d.gpus;
    l.minVramGb = d.minVramGb;
    l.minTier = d.minTier;
    l.region = d.region;
    l.regionLocked = d.regionLocked;
    l.budgetUsdPerGpuHour = d.budgetUsdPerGpuHour;
    l.cloudUsdPerGpuHour = d.cloudUsdPerGpuHour;
    l.workHours = workHours;
    l.cancelAfterHours = cancelAfterHours;
    l.fundedHours = Infinity;
    l.overdrawAfterHours = Infinity;
    l.checkpointHours = d.checkpointHours;
    l.spot = spot;
    l.reserved = reserved;
    l.termEndsAt = reserved && Number.isNaN(termEndsAt) ? now + this.s.market.setupHours + workHours : termEndsAt;
    l.state = 'ordered';
    l.orderedAt = now;
    l.matchedAt = NaN;
    l.startedAt = NaN;
    l.endedAt = NaN;
    l.runFrom = NaN;
    l.ranHours = 0;
    l.stalledAt = NaN;
    l.stalledHours = 0;
    l.stallReason = '';
    l.provider = -1;
    l.tier = -1;
    l.priceUsdPerGpuHour = NaN;
    l.escrowUnits = 0;
    l.paidUnits = 0;
    l.escrowUsd = 0;
    l.endReason = '';
    l.patienceHandle = -1;
    l.timerHandle = -1;
    l.billSlot = -1;
    this.leases.set(l.id, l);
    this.metrics.advance(now);
    // Most orders match on arrival: only one still waiting joins the queue and gets a patience timer.
    if (this.tryMatch(l)) return;
    // an on-demand order that finds no free GPU takes a spot lease's, if any provider it could use holds one
    if (this.spotHolders && !spot && !this.inWarmStart && this.tryPreempt(l)) return;
    (spot ? this.spotQueue! : this.queue).push(l);
    this.metrics.queueLen++;
    if (spot) this.metrics.queueLenSpot++;
    else if (reserved) this.metrics.queueLenReserved++;
    if (patience < Infinity) l.patienceHandle = this.engine.after(patience, this.K.patience, l.id);
  }

  /** The match event, one object overwritten per match (the machine reads it before any nested transition). */
  private matchEvent = { type: 'match' as const, provider: 0, tier: 0, priceUsdPerGpuHour: 0 };

  private tryMatch(l: Lease): boolean {
    // no credits can be minted for the escrow while the burn-and-mint breaker is halted
    if (this.bme !== null && this.bme.halted) return false;
    const n = this.finder.find(l);
    if (n === 0) return false;
    const d = this.policy(l, this.finder.out, this.sig, n);
    if (!d) return false;
    const p = this.providers[d.provider];
    if (!this.finder.passes(p, l) || !(d.priceUsdPerGpuHour <= l.budgetUsdPerGpuHour)) {
      throw new Error(`matcher '${this.s.market.matcher}' chose provider ${p.id} for lease ${l.id}, which breaks a hard filter`);
    }
    this.matchTo(l, p, d.priceUsdPerGpuHour);
    return true;
  }

  /** Matches order l to provider p at `price` (a spot lease pays the discounted price: its budget was discounted alike). */
  private matchTo(l: Lease, p: Provider, price: number): void {
    const m = this.matchEvent;
    m.provider = p.id;
    m.tier = p.tier;
    m.priceUsdPerGpuHour = l.spot ? price * this.spot!.priceMultiplier : l.reserved ? price * (1 - this.reservations!.params.discount) : price;
    // a reservation runs to the end of its booking: the wait for this match came off its term
    if (l.reserved) l.workHours = Math.max(1e-6, l.termEndsAt - this.engine.now - this.startDelay);
    if (this.escrowRunway) this.escrowRunway.terms(l, this.engine.now, this.warmAge);
    this.apply(l.id, m);
  }

  /**
   * Whether an on-demand order could run on p once its spot leases are gone: the hard filters, spot
   * GPUs counted as free, and its planned work done before p's sharing window closes counted from
   * its start after the notice (found by the hard-filter property test: a notice longer than the
   * setup ran leases past the window).
   */
  private preemptFits = (p: Provider): boolean =>
    isOnline(p) &&
    p.canServe &&
    p.gpusFree + p.spotGpus >= this.preemptFor!.gpus &&
    this.sig.windowEnd[p.id] >= this.engine.now + this.preemptStartDelay() + plannedHours(this.preemptFor!);

  /** Hours from a preempting match to its start: the setup, or the spot notice if longer. */
  private preemptStartDelay(): number {
    return Math.max(this.s.market.setupHours, this.spot!.noticeMinutes / 60);
  }
  private preemptFor: Lease | null = null;
  private victims: Lease[] = [];

  private preemptCands: number[] = [];

  /**
   * Preemption (market.spot): the on-demand order l found no free GPU. Of the providers it could use
   * with their spot leases' GPUs counted as free (every hard filter; the cheapest of each GPU model
   * and region, SpotHolders.candidates), the matcher's policy chooses one, as it chooses among free
   * providers, and at its price. That provider preempts its most recently matched spot leases until
   * l fits, and l is matched there. The preempted leases' remaining work is re-ordered as spot after
   * l's match. l starts after the setup or the notice, whichever is longer. Returns false (nothing
   * changed) when no provider would do or the policy takes none (an auction whose bids all exceed
   * the budget).
   */
  private tryPreempt(l: Lease): boolean {
    if (this.deferred !== null || (this.bme !== null && this.bme.halted)) return false;
    this.preemptFor = l;
    const n = this.spotHolders!.candidates(l, this.finder.eligibleModels(l.minVramGb, l.minTier), this.providers, this.preemptFits, this.preemptCands);
    this.preemptFor = null;
    if (n === 0) return false;
    const d = this.policy(l, this.preemptCands, this.sig, n);
    if (!d) return false;
    const pid = d.provider;
    const price = d.priceUsdPerGpuHour;
    const p = this.providers[pid];
    const victims = this.victims;
    victims.length = 0;
    for (const id of this.held.list(pid)) {
      const v = this.leases.get(id)!;
      if (v.spot && (v.state === 'active' || v.state === 'matched')) victims.push(v);
    }
    // the most recently matched first: the least run to lose, and those still in setup before any that runs
    victims.sort((a, b) => b.matchedAt - a.matchedAt || b.id - a.id);
    let free = p.gpusFree;
    let k = 0;
    while (free < l.gpus && k < victims.length) free += victims[k++].gpus;
    if (free < l.gpus) return false;
    const deferred: DeferredOrder[] = (this.deferred = []);
    const ev = this.spot!.noticeMinutes > 0 ? PREEMPT_KEEP : PREEMPT_LOSE;
    for (let i = 0; i < k; i++) this.apply(victims[i].id, ev);
    victims.length = 0;
    if (!this.finder.passes(p, l) || !(price <= l.budgetUsdPerGpuHour)) throw new Error(`preemption chose provider ${p.id} for lease ${l.id}, which breaks a hard filter`);
    this.startDelay = this.preemptStartDelay();
    this.matchTo(l, p, price);
    this.startDelay = this.s.market.setupHours;
    this.deferred = null;
    for (const r of deferred) this.order(r.d, r.jobId, r.attempt, r.workHours, r.cancelAfterHours, true);
    if (p.bucket >= 0) this.capacityFreed(p);
    return true;
  }

  private onPatience(id: number): void {
    const l = this.leases.get(id);
    if (l && l.state === 'ordered') this.apply(id, EXPIRE);
  }

  /**
   * When a provider has free GPUs again, serve the waiting orders it can take, first come first
   * served: the order book hands over the earliest order p passes every hard filter for, so orders p
   * cannot serve cost nothing here however many wait. At most queueScanDepth orders per release.
   */
  private capacityFreed(p: Provider): void {
    // while the burn-and-mint breaker is halted no order can be matched: no need to look
    if (this.bme !== null && this.bme.halted) return;
    this.serveWaiting(this.queue, p);
    // spot orders take what the on-demand ones leave
    if (this.spotQueue) this.serveWaiting(this.spotQueue, p);
  }

  private serveWaiting(book: OrderBook, p: Provider): void {
    if (book.length === 0) return;
    const q = this.servable;
    q.model = p.model;
    q.region = p.region;
    const declined = this.declined;
    declined.length = 0;
    const depth = this.s.market.queueScanDepth;
    for (let looked = 0; looked < depth && p.gpusFree > 0 && p.bucket >= 0; looked++) {
      q.free = p.gpusFree;
      q.ask = p.askUsdPerGpuHour;
      q.workLimit = this.sig.windowEnd[p.id] - this.engine.now - this.s.market.setupHours;
      const id = book.firstServable(q, declined);
      if (id < 0) return;
      const l = this.leases.get(id)!;
      if (!this.finder.passes(p, l)) throw new Error(`order book offered lease ${id} to provider ${p.id}, which fails a hard filter`);
      // The matcher may decline (an auction whose bids all exceed the budget): pass over it this time.
      if (!this.tryMatch(l)) declined.push(id);
    }
  }

  /** Takes an order out of the waiting queue, if it was there (an order matched on arrival never was). */
  private dequeue(l: Lease): void {
    const id = l.id;
    const book = this.queue.has(id) ? this.queue : this.spotQueue?.has(id) ? this.spotQueue : null;
    if (!book) return;
    this.metrics.queueLen--;
    if (l.spot) this.metrics.queueLenSpot--;
    else if (l.reserved) this.metrics.queueLenReserved--;
    book.remove(id);
  }

  // ---------------------------------------------------------------- leases

  private onStart(id: number): void {
    this.apply(id, START);
  }

  private onEnd(id: number, how: number): void {
    this.apply(id, how === END_COMPLETE ? COMPLETE : how === END_CANCEL ? CANCEL : OVERDRAW);
  }

  /** Runs a lease transition and applies its effects. */
  private apply(id: number, ev: LeaseEvent): void {
    const l = this.leases.get(id);
    if (!l) throw new Error(`lease ${id} is not live (event '${ev.type}')`);
    const now = this.engine.now;
    const was = l.state;
    const fx = this.fx;
    const from = fx.n;
    advance(l, ev, now, fx);
    const to = fx.n;
    this.metrics.advance(now);
    const m = this.metrics;
    if (was === 'active') {
      // leaving 'active': the GPUs stop being busy and billed
      const p = this.providers[l.provider];
      this.accrue(p);
      // what the periodic settlement has paid so far, before the final settlement among the effects
      if (l.billSlot >= 0 && this.bills) {
        l.paidUnits = this.bills.close(l.billSlot);
        l.billSlot = -1;
      }
      countActive(m, p, l, -1);
    }
    // (a nested transition, e.g. a release that serves a waiting order, appends above and truncates back)
    for (let i = from; i < to; i++) this.effect(l, fx.code[i], fx.arg[i]);
    fx.n = from;
    switch (l.state) {
      case 'matched':
        l.timerHandle = this.engine.after(this.startDelay, this.K.start, id);
        break;
      case 'active': {
        const p = this.providers[l.provider];
        this.accrue(p);
        countActive(m, p, l, 1);
        if (this.bills) l.billSlot = this.bills.open(l);
        if (ev.type === 'resume') {
          m.resumed++;
          m.resumedByType[p.archetype]++;
          p.leasesResumed++;
        }
        else if (this.warm.size === 0 || !this.warm.delete(id)) {
          m.started++;
          if (l.reserved) m.startedReserved++;
        }
        break;
      }
      case 'completed':
        m.completed++;
        m.completedByType[this.providers[l.provider].archetype]++;
        break;
      case 'expired':
        m.expired++;
        if (l.spot) m.expiredSpot++;
        else if (l.reserved) m.expiredReserved++;
        if (l.attempt === 0) m.expiredFirst++;
        break;
      case 'cancelled':
        m.cancelled++;
        if (l.endReason === INSUFFICIENT_FUNDS) m.overdrawn++;
        break;
      case 'failed':
        m.failed++;
        // a lease fails only once matched: it has a provider
        m.failedByType[this.providers[l.provider].archetype]++;
        break;
      case 'preempted':
        m.preempted++;
        break;
      default:
        break;
    }
    if (l.state === 'completed' || l.state === 'failed' || l.state === 'expired' || l.state === 'cancelled' || l.state === 'preempted') {
      // a lease never ends holding escrow: what it did not pay went back to the tenant (FX_SETTLE)
      if (l.escrowUnits !== l.paidUnits) throw new Error(`lease ${id} ended '${l.state}' holding ${(l.escrowUnits - l.paidUnits) / UNITS_PER} USD of escrow it neither paid nor refunded`);
      // hours run after the tenant's deposits ran dry (until the close, or a failure or the tenant's own close first)
      if (l.ranHours > l.fundedHours) {
        const h = (l.ranHours - l.fundedHours) * l.gpus;
        m.unpaidGpuH += h;
        m.unpaidUsd += h * l.priceUsdPerGpuHour;
      }
      this.leases.delete(id);
      // A failure interrupts the pending start or end; every other ending is that event itself.
      if (ev.type === 'fail' && l.timerHandle >= 0) this.engine.cancel(l.timerHandle);
      this.hooks.onLease?.(this.leaseRow(l));
      this.pool.give(l);
    }
  }

  private effect(l: Lease, code: number, arg: number): void {
    const L = this.ledger;
    switch (code) {
      case FX_DEQUEUE:
        // The patience event is not cancelled: onPatience ignores an order that is no longer waiting
        // (cheaper than tracking one cancelled handle per matched order).
        this.dequeue(l);
        if (l.state === 'matched' && (this.warm.size === 0 || !this.warm.has(l.id))) this.metrics.recordWait(this.engine.now - l.orderedAt, l.attempt === 0, l.spot, l.reserved);
        break;
      case FX_RESERVE: {
        const p = this.providers[l.provider];
        p.gpusFree -= l.gpus;
        if (p.gpusFree < 0) throw new Error(`provider ${p.id} would lease more GPUs than it has (lease ${l.id})`);
        this.sig.set(p.id, FREE, p.gpusFree);
        this.held.add(p.id, l.id);
        this.index.update(p, p.canServe);
        if (l.spot) {
          p.spotGpus += l.gpus;
          this.spotHolders!.update(p);
        }
        break;
      }
      case FX_ESCROW:
        l.escrowUnits = L.transfer('usd', this.acct.tenants, this.acct.escrow, forbidNonFinite(l.escrowUsd, 'escrow', l.id), 'escrow deposit');
        this.economy?.escrowed(l);
        break;
      case FX_SETTLE:
        this.settle(l, arg);
        // refund what the escrow holds beyond the run
        if (this.economy) this.economy.refund(l, l.escrowUnits - l.paidUnits);
        else L.transferUnits('usd', this.acct.escrow, this.acct.tenants, l.escrowUnits - l.paidUnits, 'escrow refund');
        // what stays in escrow for this lease is exactly what was paid out of it
        l.escrowUnits = l.paidUnits;
        break;
      case FX_RELEASE: {
        const p = this.providers[l.provider];
        p.gpusFree += l.gpus;
        this.sig.set(p.id, FREE, p.gpusFree);
        this.held.remove(p.id, l.id);
        this.index.update(p, p.canServe);
        if (l.spot) {
          p.spotGpus -= l.gpus;
          this.spotHolders!.update(p);
        }
        // (a preemption's GPUs go to the on-demand order first: tryPreempt serves the rest)
        if (isOnline(p) && this.deferred === null) this.capacityFreed(p);
        break;
      }
      case FX_REPUTATION_GOOD:
      case FX_REPUTATION_BAD: {
        const p = this.providers[l.provider];
        if (code === FX_REPUTATION_GOOD) p.leasesCompleted++;
        else p.leasesFailed++;
        this.sig.set(p.id, REPUTATION, (p.leasesCompleted + 1) / (p.leasesCompleted + p.leasesFailed + 2));
        break;
      }
      case FX_REQUEUE: {
        if (arg <= 1e-9) break;
        const d = this.reorders.draw(l);
        if (l.reserved) {
          // a reservation's tenant holds a booking: what is left of it waits for another provider until the booking ends
          const left = l.termEndsAt - this.engine.now - this.s.market.setupHours;
          if (!(left > 1e-9)) break;
          d.patienceHours = Math.min(left, this.reservations!.params.patienceHours);
        }
        if (this.deferred !== null) this.deferred.push({ d, jobId: l.jobId, attempt: l.attempt + 1, workHours: arg, cancelAfterHours: l.cancelAfterHours - l.ranHours });
        else this.order(d, l.jobId, l.attempt + 1, arg, l.cancelAfterHours - l.ranHours, l.spot, l.reserved, l.termEndsAt);
        break;
      }
      case FX_CANCEL_TIMER:
        if (l.timerHandle >= 0) this.engine.cancel(l.timerHandle);
        l.timerHandle = -1;
        break;
      case FX_PAY:
        this.settle(l, arg);
        break;
      case FX_SCHEDULE_GRACE: {
        const grace = this.s.market.outageGraceHours;
        // a reservation's booking may end first (its term runs on the calendar)
        l.timerHandle = this.engine.after(l.reserved ? Math.max(0, Math.min(grace, l.termEndsAt - this.engine.now)) : grace, this.K.grace, l.id);
        break;
      }
      case FX_SCHEDULE_END:
        l.timerHandle = this.engine.after(arg, this.K.end, l.id, END_COMPLETE);
        break;
      case FX_SCHEDULE_CLOSE:
        l.timerHandle = this.engine.after(arg, this.K.end, l.id, END_CANCEL);
        break;
      case FX_SCHEDULE_OVERDRAW:
        l.timerHandle = this.engine.after(arg, this.K.end, l.id, END_OVERDRAW);
        break;
    }
  }

  /** Base units paid so far for lease l (running leases are paid every period). */
  paidUnits(l: Lease): number {
    return this.settlement.paidUnits(l);
  }

  /** Pays the provider for the hours run so far (model/settlement.ts). */
  private settle(l: Lease, runHours: number): void {
    this.settlement.settle(l, runHours);
  }

  private leaseRow(l: Lease): LeaseRow {
    return leaseRowOf(l, l.provider >= 0 ? this.providers[l.provider] : null);
  }
}

