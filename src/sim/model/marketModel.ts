/**
 * The market model: the engine's handlers. This is the one place that changes state: matchers and
 * the lease machine decide, the handlers here apply their decisions and schedule what follows.
 *
 * Events: arrival, patience (order gives up), start (lease begins running), end (work done or the
 * tenant closes), window (home sharing window opens/closes), failure (outage starts/ends), grace
 * (a stalled lease's provider did not come back in time), sample (metrics period ends; leases
 * settle), reprice (daily ask adjustment). The model registers them all; most handlers live beside
 * it, one concept a file: arrival in jobArrivals.ts, window, failure and grace in availability.ts,
 * sample in sampling.ts, reprice in repricing.ts. So do the parts of matching and of a lease's life
 * that are a concept of their own: the waiting orders (waitingOrders.ts), spot preemption
 * (preemption.ts), the steady-state start (warmStart.ts), a new order's record (orderRecord.ts), a
 * lease's GPUs on its provider (gpuHolds.ts), its escrow and payments (settlement.ts), what its
 * outcome counts (leaseOutcomes.ts, activeCounts.ts) and what the matcher reads of a provider
 * (signalWrites.ts). What stays here: the event registrations, the providers joining and leaving,
 * placing and matching an order, and apply, which runs a lease transition and its effects.
 */
import { Engine } from '../core/engine.ts';
import { IntMap } from '../core/intMap.ts';
import type { JobDraw } from '../demand/jobs.ts';
import { Ledger } from '../economy/ledger.ts';
import { Economy } from '../economy/economy.ts';
import type { BmeBreaker } from '../economy/bmeBreaker.ts';
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
  type LeaseEvent,
} from '../lease/machine.ts';
import { EscrowRunway } from '../lease/escrowRunway.ts';
import { LeasePool } from '../lease/pool.ts';
import { takeRateSchedule } from '../economy/takeRate.ts';
import type { RunningBills } from '../lease/runningBills.ts';
import { CandidateFinder } from '../market/candidates.ts';
import { createPolicy, type Policy } from '../market/policies.ts';
import { ProviderSignals } from '../market/signals.ts';
import { ProviderIndex } from '../market/providerIndex.ts';
import { SpotHolders } from '../market/spotHolders.ts';
import type { SpotParams } from '../scenario/spotSchema.ts';
import { MarketMetrics } from '../metrics/marketMetrics.ts';
import type { Streams } from '../rng/streams.ts';
import { REGIONS, type Scenario } from '../scenario/schema.ts';
import { GPU_CATALOGUE } from '../supply/catalogue.ts';
import { createProviderFactory, type ProviderFactory } from '../supply/population.ts';
import { isOnline, type Lease, type Provider } from './types.ts';
import { leaseRowOf, type LeaseRow } from './leaseRow.ts';
import { ProviderUsage } from './usage.ts';
import { ProviderLeases } from './providerLeases.ts';
import { Reservations } from './reservations.ts';
import { OutageClock } from './outageClock.ts';
import { WarmPlacement } from './warmStart.ts';
import { Settlement } from './settlement.ts';
import { countActive, countActiveProvider } from './activeCounts.ts';
import { Availability } from './availability.ts';
import { PeriodSampler } from './sampling.ts';
import { DailyRepricing } from './repricing.ts';
import { Influxes } from './influxes.ts';
import { Reorders } from './reorders.ts';
import { countEnded, countResumed, countStarted, hasEnded } from './leaseOutcomes.ts';
import { Preemption } from './preemption.ts';
import { JobArrivals } from './jobArrivals.ts';
import { WaitingOrders } from './waitingOrders.ts';
import { LeaseTotals, type LeaseRunTotals } from './leaseTotals.ts';
import { OrderTally, orderFlowSides, type OrderFlowSides } from './orderFlow.ts';
import type { MetricTable } from '../metrics/table.ts';
import { fillOrder } from './orderRecord.ts';
import { GpuHolds } from './gpuHolds.ts';
import { writeJoined, writeReputation, writeStanding } from './signalWrites.ts';

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
  /** A lease taking and giving back its GPUs on its provider (model/gpuHolds.ts). */
  private holds: GpuHolds;
  readonly horizonHours: number;

  /** Orders waiting for a match, and serving them when a provider frees GPUs (model/waitingOrders.ts). */
  private waiting: WaitingOrders;
  /** Effects of the transitions being applied (a stack: nested transitions go above). */
  private fx = new EffectBuffer();
  /** Records of ended leases, reused for new orders. */
  private pool = new LeasePool();
  /** Hours orders spent waiting (from t = 0), added as each leaves the queue: Little's law's side of the run's checks (runChecks.ts). */
  private waitedHours = 0;
  /** GPU-hours and USD the ended leases ran and were billed, as their lease rows say: the lease side of two of the run's checks (runChecks.ts). */
  private totals = new LeaseTotals();
  /** The orders placed, by origin: what goes in, for the order check (model/orderFlow.ts). */
  private tally = new OrderTally();
  /** The burn-and-mint circuit breaker (economy/bmeBreaker.ts): while it is halted no order is matched; null without burn-and-mint settlement mints. */
  private readonly bme: BmeBreaker | null;
  /** Payments to providers out of escrow, per lease and every period (model/settlement.ts). */
  private settlement: Settlement;
  /** The settlement's running bills (null when leases are paid in tokens), read on the lease path. */
  private bills: RunningBills | null;
  private nextLeaseId = 0;
  private nextJobId = 0;

  /** New jobs arriving (model/jobArrivals.ts). */
  private arrivals: JobArrivals;
  private finder: CandidateFinder;
  private policy: Policy;
  private factory: ProviderFactory;
  /** The take rate at a time, without the token economy (with it, the economy pays; takeRate.ts). */
  private takeRate: (t: number) => number;
  /** Providers' outages: their up and down spells and the reliability stretches (model/outageClock.ts). */
  private outages: OutageClock;
  /** Whether providers are online, and what a change does to their leases (model/availability.ts). */
  private availability: Availability;
  /** The end of each metrics period: settlement and the row of metrics (model/sampling.ts). */
  private sampling: PeriodSampler;
  /** The daily tick: electricity prices, observed uptime and asks (model/repricing.ts). */
  private repricing: DailyRepricing;

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
  /** Spot leases (`market.spot`), else null: their parameters and the providers holding them. */
  private readonly spot: SpotParams | null;
  readonly spotHolders: SpotHolders | null;
  /** With spot leases: on-demand orders preempting them (model/preemption.ts); else null. */
  private readonly preemption: Preemption | null;
  /** Hours from the next match to its start: the setup, or the spot notice when a preemption's is longer. */
  private startDelay: number;
  /** Reserved instances (`market.reserved`), else null: which new jobs become reservations, on the 'reserved' stream. */
  private readonly reservations: Reservations | null;
  /** The steady-state start's placing, and the leases it placed until they start (model/warmStart.ts). */
  private warm: WarmPlacement;

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
      start: e.register('start', (id) => this.apply(id, START)),
      end: e.register('end', (id, how) => this.onEnd(id, how)),
      window: e.register('window', (pid, gen) => this.availability.onWindow(pid, gen)),
      failure: e.register('failure', (pid, gen) => this.availability.onFailure(pid, gen)),
      grace: e.register('grace', (id) => this.availability.onGrace(id)),
      sample: e.register('sample', () => this.sampling.onSample()),
      reprice: e.register('reprice', () => this.repricing.onReprice()),
      influx: e.register('influx', (wave) => this.influxes.onInflux(wave)),
      // a reliability stretch (supply.reliabilityShocks) starts or ends: up spells under way are rescaled
      reliability: e.register('reliability', (shock, on) => this.outages.switchStretch(shock, on === 1, this.providers)),
    };
    this.outages = new OutageClock(s, streams, e);
    this.outages.kind = this.K.failure;
    this.index = new ProviderIndex(GPU_CATALOGUE.length, REGIONS.length, this.sig);
    this.spot = s.market.spot ?? null;
    this.spotHolders = this.spot ? new SpotHolders(GPU_CATALOGUE.length, REGIONS.length) : null;
    this.holds = new GpuHolds(this.sig, this.held, this.index, this.spotHolders);
    this.startDelay = s.market.setupHours;
    // reservations: their own stream, drawn only with them (a run without keeps every other stream's numbers)
    this.reservations = s.market.reserved ? new Reservations(s.market.reserved, streams.get('reserved')) : null;
    const { horizonHours, metrics, reservations } = this;
    // the model's own calls the helpers make: closures made once, here (none is allocated per event)
    const orderJob = (d: JobDraw, workHours: number, cancelAfterHours: number, spot: boolean, reserved: boolean) => this.orderJob(d, workHours, cancelAfterHours, spot, reserved);
    this.arrivals = new JobArrivals(s, streams, { engine: e, kind: this.K.arrival, horizonHours, metrics, reservations, orderJob });
    this.finder = new CandidateFinder(this.index, this.providers, this.sig, streams.get('matcher'), s.market.candidateSample, s.market.matcher !== 'spheron' && s.market.matcher !== 'random');
    this.policy = createPolicy(s.market.matcher, s.market, streams.get('matcher'));
    this.finder.now = () => this.engine.now;
    this.finder.setupHours = s.market.setupHours;
    this.factory = createProviderFactory(s, streams.get('supply'));
    this.takeRate = takeRateSchedule(s.economy);
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
    const accrue = (p: Provider) => this.accrue(p);
    const capacityFreed = (p: Provider) => this.capacityFreed(p);
    const apply = (id: number, ev: LeaseEvent) => this.apply(id, ev);
    const { providers, leases, held, sig, usage, index, outages, economy, spotHolders, takeRate, finder, policy, bme } = this;
    this.waiting = new WaitingOrders({ s, engine: e, leases, metrics, sig, finder, tryMatch: (l) => this.tryMatch(l) }, this.spot !== null);
    this.preemption =
      this.spot && spotHolders
        ? new Preemption({
            engine: e, spot: this.spot, spotHolders, setupHours: s.market.setupHours, providers, leases, held, sig, finder, policy, bme, apply, capacityFreed,
            matchAfter: (l, p, price, startDelay) => this.matchAfter(l, p, price, startDelay),
            order: (d, jobId, attempt, workHours, cancelAfterHours, spot) => this.order(d, jobId, attempt, workHours, cancelAfterHours, spot),
          })
        : null;
    this.warm = new WarmPlacement({
      leases, nextLeaseId: () => this.nextLeaseId, order: orderJob,
      withdraw: (l) => {
        this.tally.withdrawn();
        this.waiting.remove(l);
        this.leases.delete(l.id);
        this.pool.give(l);
      },
    });
    this.availability = new Availability({
      s, engine: e, windowKind: this.K.window, providers, leases, held, metrics, sig, usage, index, outages, economy,
      accrue, capacityFreed, apply,
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
    this.arrivals.scheduleFirst();
    this.sampling.schedule(0);
    // Daily: observed uptime refreshed for the matcher, asks adjusted toward target utilization.
    this.repricing.scheduleFirst();
    this.influxes.schedule(this.horizonHours);
  }

  /** The steady-state start (model/warmStart.ts): jobs and reservations running at t = 0, each placed as a new order. */
  private warmStart(): void {
    const a = this.arrivals;
    this.warm.run({
      s: this.s,
      streams: this.streams,
      rates: a.rates,
      reservations: this.reservations,
      spotClass: a.spotClass,
      addedSpotDemand: this.spot?.addedDemand ?? 0,
      isSpot: (c) => a.isSpot(c),
      survivedTo0: this.escrowRunway ? (age) => this.escrowRunway!.survivedTo0(age) : null,
      onSetup: this.hooks.onSetup ? (done, total) => this.hooks.onSetup!('warm-start jobs', done, total) : undefined,
      reportEvery: SETUP_REPORT_EVERY,
    });
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
    writeJoined(this.sig, p, this.providers.length);
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
    writeStanding(this.sig, p);
  }

  /** Accrues a provider's busy and online GPU-hours up to now. */
  accrue(p: Provider): void {
    this.usage.accrue(p.id, this.engine.now, p.busyGpus, isOnline(p) ? p.gpus : 0);
  }

  // ---------------------------------------------------------------- demand

  private onArrival(): void {
    if (this.bme !== null && this.bme.lifted) this.serveAfterHalt();
    this.arrivals.onArrival();
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

  /** Orders job d as a new job (its first order, under the next job id) with `workHours` and `cancelAfterHours` left. */
  private orderJob(d: JobDraw, workHours: number, cancelAfterHours: number, spot: boolean, reserved: boolean): void {
    this.order(d, this.nextJobId++, 0, workHours, cancelAfterHours, spot, reserved);
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
    const booking = reserved && Number.isNaN(termEndsAt) ? now + this.s.market.setupHours + workHours : termEndsAt;
    fillOrder(l, this.nextLeaseId++, jobId, attempt, d, workHours, cancelAfterHours, spot, reserved, booking, now);
    this.tally.order(attempt, this.warm.placing);
    this.leases.set(l.id, l);
    this.metrics.advance(now);
    // Most orders match on arrival: only one still waiting joins the queue and gets a patience timer.
    if (this.tryMatch(l)) return;
    // an on-demand order that finds no free GPU takes a spot lease's, if any provider it could use holds one
    if (this.preemption !== null && !spot && !this.warm.placing && this.preemption.tryPreempt(l)) return;
    this.waiting.push(l);
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
    if (this.escrowRunway) this.escrowRunway.terms(l, this.engine.now, this.warm.age);
    this.apply(l.id, m);
  }

  /** Matches order l to provider p at `price`, to start `startDelay` hours from now (a preemption's: model/preemption.ts). */
  private matchAfter(l: Lease, p: Provider, price: number, startDelay: number): void {
    this.startDelay = startDelay;
    this.matchTo(l, p, price);
    this.startDelay = this.s.market.setupHours;
  }

  private onPatience(id: number): void {
    const l = this.leases.get(id);
    if (l && l.state === 'ordered') this.apply(id, EXPIRE);
  }

  /** When a provider has free GPUs again, it serves the waiting orders it can take (model/waitingOrders.ts). */
  private capacityFreed(p: Provider): void {
    // while the burn-and-mint breaker is halted no order can be matched: no need to look
    if (this.bme !== null && this.bme.halted) return;
    this.waiting.serve(p);
  }

  // ---------------------------------------------------------------- leases

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
    // every transition out of 'ordered' leaves the queue (a match, an expiry, a cancel)
    if (was === 'ordered') this.waitedHours += now - Math.max(0, l.orderedAt);
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
    const state = l.state;
    if (state === 'matched') l.timerHandle = this.engine.after(this.startDelay, this.K.start, id);
    else if (state === 'active') {
      const p = this.providers[l.provider];
      this.accrue(p);
      countActive(m, p, l, 1);
      if (this.bills) l.billSlot = this.bills.open(l);
      if (ev.type === 'resume') countResumed(m, p);
      else if (!this.warm.started(id)) countStarted(m, l);
    } else if (hasEnded(state)) {
      // how it ended, and its escrow and unpaid hours (model/leaseOutcomes.ts)
      countEnded(m, this.providers, l);
      this.totals.ended(l);
      this.leases.delete(id);
      // A failure interrupts the pending start or end; every other ending is that event itself.
      if (ev.type === 'fail' && l.timerHandle >= 0) this.engine.cancel(l.timerHandle);
      this.hooks.onLease?.(this.leaseRow(l));
      this.pool.give(l);
    }
  }

  private effect(l: Lease, code: number, arg: number): void {
    switch (code) {
      case FX_DEQUEUE:
        // The patience event is not cancelled: onPatience ignores an order that is no longer waiting
        // (cheaper than tracking one cancelled handle per matched order).
        this.waiting.remove(l);
        if (l.state === 'matched' && !this.warm.has(l.id)) this.metrics.recordWait(this.engine.now - l.orderedAt, l.attempt === 0, l.spot, l.reserved);
        break;
      case FX_RESERVE:
        this.holds.take(this.providers[l.provider], l);
        break;
      case FX_ESCROW:
        this.settlement.deposit(l);
        break;
      case FX_SETTLE:
        this.settlement.settleAndRefund(l, arg);
        break;
      case FX_RELEASE: {
        const p = this.providers[l.provider];
        this.holds.release(p, l);
        // (a preemption's GPUs go to the on-demand order first: tryPreempt serves the rest)
        if (isOnline(p) && (this.preemption === null || !this.preemption.freeing)) this.capacityFreed(p);
        break;
      }
      case FX_REPUTATION_GOOD:
      case FX_REPUTATION_BAD: {
        const p = this.providers[l.provider];
        if (code === FX_REPUTATION_GOOD) p.leasesCompleted++;
        else p.leasesFailed++;
        writeReputation(this.sig, p);
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
        if (this.preemption !== null && this.preemption.freeing) this.preemption.defer(d, l, arg);
        else this.order(d, l.jobId, l.attempt + 1, arg, l.cancelAfterHours - l.ranHours, l.spot, l.reserved, l.termEndsAt);
        break;
      }
      case FX_CANCEL_TIMER:
        if (l.timerHandle >= 0) this.engine.cancel(l.timerHandle);
        l.timerHandle = -1;
        break;
      case FX_PAY:
        this.settlement.settle(l, arg);
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

  /** Hours every order has waited by now, those still waiting included (the warm start's only from t = 0). */
  orderHoursWaited(): number {
    const now = this.engine.now;
    let h = this.waitedHours;
    for (const l of this.leases.values()) if (l.state === 'ordered') h += now - Math.max(0, l.orderedAt);
    return h;
  }

  /** GPU-hours the leases have run and USD they were billed by now: the ended ones' (their lease rows') and the live ones' so far. */
  leaseRunTotals(): LeaseRunTotals {
    return this.totals.at(this.engine.now, this.leases);
  }

  /** Where every order placed so far went, against `table` (the run's metrics): the order check's sides. */
  orderFlow(table: MetricTable): OrderFlowSides {
    return orderFlowSides(this.tally, table, this.leases, this.totals.endedLeases);
  }

  /** Base units paid so far for lease l (running leases are paid every period). */
  paidUnits(l: Lease): number {
    return this.settlement.paidUnits(l);
  }

  private leaseRow(l: Lease): LeaseRow {
    return leaseRowOf(l, l.provider >= 0 ? this.providers[l.provider] : null);
  }
}

