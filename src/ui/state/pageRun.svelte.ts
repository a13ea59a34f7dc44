/**
 * The run on screen: the page's scenario and seed simulated on the page's own worker and streamed
 * back (columns in $state.raw, republished at most once per animation frame), or shown at once from
 * the run cache when that scenario and seed were run before. It holds where the run stands (status,
 * readout, the per-provider report) and keeps each finished run in the cache. The dashboard decides
 * what to run and checks it first; it hears when a run is on screen (to start its Monte Carlo seeds).
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import { deriveColumns } from '../lib/chartDefs/derivedColumns.ts';
import { supplyCapTokens } from '../lib/scenarioRefs.ts';
import { ColumnBuffers } from '../lib/columnBuffers.ts';
import { RunCache } from '../lib/runCache.ts';
import { SimClient, type WorkerEvent } from '../lib/simClient.ts';
import { RecentPace } from '../../common/pace.ts';
import type { RunCheckInfo, RunStarted, RunStatus } from '../../worker/api.ts';
import type { Message } from './messages.svelte.ts';

/** Seconds of simulating before the run's time left is given (its first stretch is its coldest). */
const PACE_MIN_SPAN_S = 1.5;

export type UiStatus = RunStatus | 'starting' | 'invalid';

/** The run on the page: as the worker started it (its scenario typed), and the order it came from. */
export interface RunInfo extends Omit<RunStarted, 'scenario'> {
  scenario: Scenario;
  raw: Record<string, unknown>;
  preset: string;
}

export interface TableView {
  rows: number;
  data: Record<string, Float64Array>;
}

export type ProviderRecord = Record<string, number | string>;

export interface ProviderReport {
  runId: number;
  nowHours: number;
  rows: ProviderRecord[];
}

/** What run() runs: the page's scenario and seed when it was called, already checked (valid, a whole seed). */
export interface RunOrder {
  raw: Record<string, unknown>;
  seed: number;
  /** The name the run is shown under (the preset's, "(custom)" when edited). */
  preset: string;
  /** The scenario's hash (null: not known, so not cached). */
  hash: string | null;
}

/** A run now on screen, simulated or from the cache: what its Monte Carlo seeds and the time window need. */
export interface ShownRun {
  raw: Record<string, unknown>;
  seed: number;
  periodHours: number;
  horizonHours: number;
  scenario: Scenario;
  hash: string;
}

/** What the page's run reads of the dashboard, and tells it. */
export interface PageRunHost {
  /** Simulated days per second (0: as fast as possible), read when the worker is asked to start. */
  speed(): number;
  /** The page's scenario as validated now (null: invalid); a run shown from the cache is described by it. */
  validScenario(): Scenario | null;
  say(kind: Message['kind'], text: string): void;
  /** A run is on screen (its table may still be empty): its Monte Carlo seeds can start. */
  shown(run: ShownRun): void;
}

/** Minimum time between chart redraws while a run streams (ms). */
const PUBLISH_MS = 150;
/** Charts scrolled out of view redraw at most this often (ms). */
const SLOW_PUBLISH_MS = 5000;

const EMPTY: TableView = { rows: 0, data: {} };

export class PageRun {
  status = $state<UiStatus>('idle');
  info = $state.raw<RunInfo | null>(null);
  table = $state.raw<TableView>(EMPTY);
  /** The same table republished every few seconds (and on pause/finish), for off-screen charts. */
  tableSlow = $state.raw<TableView>(EMPTY);
  /** Per-provider results, fetched from the worker when a run pauses or finishes. */
  providers = $state.raw<ProviderReport | null>(null);
  /** The finished run's model checks (sim/model/runChecks.ts), fetched from the worker when it finishes; null before. */
  checks = $state.raw<RunCheckInfo[] | null>(null);
  /** Where the run stands (the progress bar and its readout): updated with the charts, not per batch. */
  nowHours = $state(0);
  eventsProcessed = $state(0);
  busyMs = $state(0);
  /**
   * Seconds of simulating the run still needs at its recent pace (NaN until there is one): wall
   * seconds per simulated day over the latest stretch of the worker's busy time (common/pace.ts, as
   * the CLI's progress line), so pauses do not count and the cold first days do not weigh on it;
   * none in the first 1.5 s of simulating, whose pace (the JIT still compiling) said "about 2 min
   * left" of a baseline year that was done 13 s later.
   */
  secondsLeft = $state(NaN);
  private pace = new RecentPace(20, PACE_MIN_SPAN_S);
  /** The latest readout from the worker, shown at the next publish (see onWorkerEvent). */
  private latest = { nowHours: 0, eventsProcessed: 0, busyMs: 0 };
  /** Issues the worker reported for the last start (same format as validation). */
  startIssues = $state.raw<{ path: string; message: string }[]>([]);
  /** While the worker builds the run's network: how far it got (null once the run goes, or when it was quick). */
  setup = $state.raw<{ stage: string; done: number; total: number } | null>(null);
  /** The run on screen was taken from the cache (same scenario and seed run before), not simulated again. */
  fromCache = $state(false);
  /** The run stopped for a reason of the model's (its token left the ledger's range: ErrorEvent.modelStop), not a fault. */
  stoppedByModel = $state(false);

  private client: SimClient | null = null;
  private buffers = new ColumnBuffers();
  private currentRunId = 0;
  /** Calls of run(), so one that waited for the run store knows whether a newer one came meanwhile. */
  private runCalls = 0;
  private frame = 0;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPublish = 0;
  private lastSlowPublish = 0;

  constructor(
    /** Finished runs by scenario hash and seed, shared with the dashboard's other runs. */
    private cache: RunCache,
    private host: PageRunHost,
  ) {}

  /** Takes the page's worker (nothing runs before this). */
  connect(): void {
    this.client = new SimClient(
      {
        onEvent: (ev) => this.onWorkerEvent(ev),
        onCrash: (msg) => this.onCrash(msg),
      },
      true, // the worker main.ts started at load: already loading the core
    );
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** The page's scenario or seed cannot be run: no run starts (with the seed's problem, when given). */
  refuse(startIssues?: { path: string; message: string }[]): void {
    this.status = 'invalid';
    if (startIssues) this.startIssues = startIssues;
  }

  /**
   * Starts a new run of `order`. A run to the end (not paused) of a scenario and seed already run in
   * this session is shown from the cache at once, unless `fresh` asks for it to be simulated again
   * (the Run button).
   */
  async run(order: RunOrder, options: { paused?: boolean; fresh?: boolean } = {}): Promise<void> {
    if (!this.client) return;
    const { raw, seed, preset, hash } = order;
    // the scenario of this order, read now: after a wait for the store the page may hold an edit
    // not run yet (auto-run off), which must not describe this run
    const scenario = this.host.validScenario();
    const call = ++this.runCalls;
    const cacheable = !options.paused && !options.fresh && !!hash;
    if (cacheable && this.showCached(hash, raw, seed, preset, scenario)) return;
    this.clearForNewRun();
    const key = hash ? RunCache.key(hash, seed) : '';
    /** Not in memory: maybe kept in the persistent store from before a reload. False: go on with the run. */
    const shownFromStore = async (): Promise<boolean> => {
      if (!hash) return false;
      const kept = await this.cache.restore(key, true);
      // a newer run() called meanwhile has taken over: stop here too
      return call !== this.runCalls || (!!kept && this.showCached(hash, raw, seed, preset, scenario));
    };
    // Where the store probably has the run (a reload), look there first: simulating it would cost
    // the worker a second of set-up, and a run asked for next would wait for it.
    const lookFirst = cacheable && this.cache.persistent && this.cache.probablyRestorable(key);
    if (lookFirst && (await shownFromStore())) return;
    // Otherwise post the start before looking in the store: the lookup waits for this thread
    // (which at load is busy laying out the page for half a second), the worker need not. When the
    // store has the run after all, showCached() stops the worker's run and shows the stored one.
    const started = this.client.start(raw, seed, { speedDaysPerSecond: this.host.speed(), paused: options.paused });
    started.catch(() => undefined); // handled below, unless the store's run is shown instead
    if (cacheable && this.cache.persistent && !lookFirst && (await shownFromStore())) return;
    let r;
    try {
      r = await started;
    } catch (e) {
      this.status = 'error';
      this.host.say('error', `Could not start the run: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (!r.ok) {
      this.status = 'invalid';
      this.startIssues = r.issues;
      return;
    }
    if (r.runId !== this.currentRunId) return; // a newer run was started meanwhile
    this.setup = null;
    this.host.shown({ raw, seed: r.seed, periodHours: r.periodHours, horizonHours: r.horizonHours, scenario: r.scenario as Scenario, hash: r.hash });
    this.info = {
      runId: r.runId,
      hash: r.hash,
      seed: r.seed,
      horizonHours: r.horizonHours,
      periodHours: r.periodHours,
      columns: r.columns,
      scenario: r.scenario as Scenario,
      raw,
      preset,
    };
    if (this.status === 'starting') this.status = options.paused ? 'paused' : 'running';
  }

  /** The page shows no run while a new one starts; events of the one before are ignored from now on. */
  private clearForNewRun(): void {
    this.fromCache = false;
    this.stoppedByModel = false;
    this.currentRunId = this.client!.peekNextRunId();
    this.buffers.reset();
    this.table = EMPTY;
    this.tableSlow = EMPTY;
    this.providers = null;
    this.checks = null;
    this.showReadout(0, 0, 0);
    this.status = 'starting';
    this.setup = null;
    this.startIssues = [];
  }

  /**
   * Shows the run of (hash, seed) from the cache as the page's run, if it was on screen before:
   * the worker's current run is stopped, and the Monte Carlo seeds start (from the cache too where
   * they can). Returns false when it is not cached. `scenario`: the order's, read when run() was
   * called (a lookup in the store may return after an edit that has not been run).
   */
  private showCached(hash: string, raw: Record<string, unknown>, seed: number, preset: string, scenario: Scenario | null): boolean {
    const hit = this.cache.screen(RunCache.key(hash, seed));
    if (!hit || !scenario || !this.client) return false;
    const sc = hit.screen;
    void this.client.cancel().catch(() => undefined);
    // events of the stopped run carry an older id and are ignored; the next start() takes this one
    this.currentRunId = this.client.peekNextRunId();
    this.buffers.reset();
    this.info = { runId: this.currentRunId, hash, seed, horizonHours: sc.horizonHours, periodHours: sc.periodHours, columns: sc.columns, scenario: JSON.parse(JSON.stringify(scenario)) as Scenario, raw, preset };
    this.table = hit.table;
    this.tableSlow = hit.table;
    this.providers = sc.providers ? { ...sc.providers, runId: this.currentRunId } : null;
    this.checks = sc.checks ?? null;
    this.showReadout(sc.horizonHours, sc.eventsProcessed, sc.busyMs);
    this.startIssues = [];
    this.status = 'done';
    this.fromCache = true;
    this.host.shown({ raw, seed, periodHours: sc.periodHours, horizonHours: sc.horizonHours, scenario, hash });
    return true;
  }

  /** Keeps the page's finished run (with its provider report) in the cache. */
  private remember(info: RunInfo, providers: ProviderReport | null): void {
    const t = this.tableSlow;
    if (this.status !== 'done' || t.rows === 0) return;
    // compact copies: the views keep the growable buffers (up to twice the rows) alive
    const data: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(t.data)) data[k] = v.slice();
    this.cache.putScreen(RunCache.key(info.hash, info.seed), { rows: t.rows, data }, {
      horizonHours: info.horizonHours,
      periodHours: info.periodHours,
      columns: info.columns,
      providers,
      eventsProcessed: this.eventsProcessed,
      busyMs: this.busyMs,
      checks: this.checks,
    });
  }

  private onWorkerEvent(ev: WorkerEvent): void {
    if (ev.runId !== this.currentRunId) return;
    if (ev.kind === 'setup') {
      if (this.status === 'starting') this.setup = { stage: ev.stage, done: ev.done, total: ev.total };
      return;
    }
    this.setup = null;
    if (ev.kind === 'error') {
      this.status = 'error';
      this.stoppedByModel = ev.modelStop === true;
      this.host.say('error', ev.modelStop ? `The run stopped: ${ev.message}.` : `The simulation stopped with an error: ${ev.message}`);
      return;
    }
    // While the run goes, the readout waits for the next publish like the charts: the worker sends
    // a batch for each simulated day (20-30 a second), and a new day and event count on each one
    // made the page lay out and paint at almost every animation frame (182 frames in 6 s of the
    // baseline's run against 38 chart redraws).
    const l = this.latest;
    l.nowHours = ev.nowHours;
    l.eventsProcessed = ev.eventsProcessed;
    l.busyMs = ev.busyMs;
    if (this.status !== 'error') this.status = ev.status;
    if (ev.kind === 'rows' && ev.rows > 0) this.buffers.append(ev.from, ev.rows, ev.data);
    if (ev.status === 'done' || ev.status === 'paused') {
      this.publish();
      void this.fetchProviders(ev.runId);
    } else if (ev.status === 'running') this.schedulePublish();
    else this.showReadout(l.nowHours, l.eventsProcessed, l.busyMs);
  }

  /** Shows a readout now (and makes it the latest, so a later publish does not bring back an older one). */
  private showReadout(nowHours: number, eventsProcessed: number, busyMs: number): void {
    const l = this.latest;
    l.nowHours = nowHours;
    l.eventsProcessed = eventsProcessed;
    l.busyMs = busyMs;
    // a new run starts its clocks again: so does its pace
    if (busyMs < this.busyMs || nowHours < this.nowHours) this.pace = new RecentPace(20, PACE_MIN_SPAN_S);
    this.nowHours = nowHours;
    this.eventsProcessed = eventsProcessed;
    this.busyMs = busyMs;
    this.pace.mark(nowHours / 24, busyMs / 1000);
    const horizon = this.info?.horizonHours ?? NaN;
    this.secondsLeft = this.pace.secondsPerUnit() * Math.max(0, (horizon - nowHours) / 24);
  }

  private async fetchProviders(runId: number) {
    try {
      // the checks first: a few milliseconds, and kept with the run below (identities of a finished run: none while paused)
      const c = await this.client?.checks();
      if (c && c.runId === this.currentRunId && runId === this.currentRunId) this.checks = c.checks;
    } catch {
      // Optional too: without them the page shows no checks.
    }
    try {
      const r = await this.client?.providers();
      if (r && r.runId === this.currentRunId && runId === this.currentRunId) {
        this.providers = r;
        if (this.info?.runId === runId) this.remember(this.info, r);
      }
    } catch {
      // The report is optional: the charts that need it say so (and the run is not cached without it).
    }
  }

  /**
   * Charts are redrawn at most every PUBLISH_MS (aligned to an animation frame), not on every
   * batch: the worker streams a batch per simulated day (20-30 a second), and redrawing the charts
   * that often would keep the main thread busy for no visible gain.
   */
  private schedulePublish() {
    if (this.frame || this.publishTimer) return;
    const wait = Math.max(0, PUBLISH_MS - (performance.now() - this.lastPublish));
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.frame = requestAnimationFrame(() => this.publish());
    }, wait);
  }

  private publish() {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.frame = 0;
    this.publishTimer = null;
    this.lastPublish = performance.now();
    const l = this.latest;
    this.showReadout(l.nowHours, l.eventsProcessed, l.busyMs);
    const v = this.buffers.view();
    const derived = deriveColumns(v.data, v.rows, this.info?.periodHours ?? 24, supplyCapTokens(this.info?.scenario));
    this.table = { rows: v.rows, data: { ...v.data, ...derived } };
    const settled = this.status !== 'running' && this.status !== 'starting';
    if (settled || this.lastPublish - this.lastSlowPublish >= SLOW_PUBLISH_MS || this.table.rows === 0) {
      this.lastSlowPublish = this.lastPublish;
      this.tableSlow = this.table;
    }
  }

  private onCrash(message: string) {
    this.status = 'error';
    this.host.say('error', `The simulation worker crashed (${message}). A new worker was started: press Run to try again.`);
  }

  async pause(): Promise<void> {
    if (this.status === 'running') this.status = (await this.client?.pause()) ?? this.status;
  }

  /** The paused run goes on. */
  async resume(): Promise<void> {
    if (this.status !== 'paused') return;
    const s = await this.client?.resume();
    if (s) this.status = s;
  }

  /** The paused run simulates one more batch. */
  async step(): Promise<void> {
    await this.client?.step();
  }

  async setSpeed(v: number): Promise<void> {
    await this.client?.setSpeed(v);
  }

  crashWorkerForTest(): void {
    void this.client?.crash();
  }
}
