/**
 * The dashboard's state, as the components read and change it. The scenario being edited (preset +
 * edits + seed) is PageScenario, which Dashboard extends; the run on screen (pageRun.svelte.ts), its
 * Monte Carlo seeds (monteCarlo.svelte.ts), keeping runs to compare (pinning.svelte.ts), share links
 * and scenario files (sharing.ts) and the messages are parts it owns, and what the components read
 * of them is forwarded here so they need not know where it lives. Itself it holds the choices kept
 * across reloads, the shared time window and hover day, and starts and steers the runs.
 */
import { mmcOf, type MmcTheory } from '../../sim/scenario/queueTheory.ts';
import { scheduledEvents, type ScheduledEvent } from '../lib/scheduledEvents.ts';
import { VERSION } from '../../sim/version.ts';
import { presetByName } from '../lib/presets.ts';
import { KPIS } from '../lib/chartDefs/kpiDefs.ts';
import type { ChartView } from '../lib/chartViews.ts';
import { loadPersisted, MAX_RUNS, savePersisted } from '../lib/persist.ts';
import { bandsOf, type BandView, type RunTable } from '../lib/bands.ts';
import { DEFAULT_BAND_LEVEL, isBandLevel, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { DEFAULT_RULES, type ExceedanceRule } from '../lib/exceedance.ts';
import { kpiOf, rowsInWindow, type CompareEntry } from '../lib/compareSet.ts';
import { KeptRuns, type Pinned } from './keptRuns.svelte.ts';
import { MessageList, type Message } from './messages.svelte.ts';
import { PageRun, type ProviderReport, type RunInfo, type ShownRun, type TableView, type UiStatus } from './pageRun.svelte.ts';
import { PageScenario } from './pageScenario.svelte.ts';
import { BANDED_COLUMNS, MonteCarlo } from './monteCarlo.svelte.ts';
import { Pinning } from './pinning.svelte.ts';
import { Sharing } from './sharing.ts';
import { RunPool } from './runPool.svelte.ts';
import { RUN_CACHE_BYTES, RunCache } from '../lib/runCache.ts';
import { IndexedDbRunStore } from '../lib/runStore.ts';
import { MODEL_ID } from 'virtual:depinsim-model-id';
import { Sweep } from './sweep.svelte.ts';
import { Tornado } from './tornado.svelte.ts';
import type { Provenance } from '../lib/exporting.ts';

// This module's exports from before its parts moved out, from where they live now (components import some).
export type { Message } from './messages.svelte.ts';
export type { Pinned } from './keptRuns.svelte.ts';
export type { ProviderRecord, ProviderReport, RunInfo, TableView, UiStatus } from './pageRun.svelte.ts';
export { allControls, allScheduleKinds } from '../lib/scenarioControls.ts';

export const APP_VERSION: string = VERSION;

/** Below this pace (simulated days/s) the page's run is being watched, not waited for: it keeps no cores from batch runs. */
const WATCHED_SPEED = 20;

export class Dashboard extends PageScenario {
  // ---- run settings and view choices, kept across reloads (the scenario itself: PageScenario) ----
  /** Simulated days per second; 0 = as fast as possible. */
  speed = $state(0);
  autoRun = $state(true);
  /** Monte Carlo runs: the seed and runs-1 seeds derived from it (runSeeds); more than one draws percentile bands. */
  runs = $state(1);
  /**
   * The level of every Monte Carlo band on the page (% of runs inside: 80 is the 10th-90th
   * percentile): the charts' fans, the KPI cards, the compare, sweep and convergence panels and
   * their exports. A view choice, kept across reloads.
   */
  bandLevel = $state<BandLevel>(DEFAULT_BAND_LEVEL);
  /** The exceedance rules of the Monte Carlo panel, and the KPI its "Is N enough?" chart follows (kept across reloads). */
  riskRules = $state<ExceedanceRule[]>(DEFAULT_RULES.map((r) => ({ ...r })));
  convergenceKpi = $state('utilization');

  // ---- view ----
  window = $state<[number, number] | null>(null);
  hoverDay = $state<number | null>(null);
  logScale = $state<Record<string, boolean>>({});
  /** Per chart, the views switched on in its header (cumulative, in USD: lib/chartViews.ts). */
  chartViews = $state<Record<string, ChartView>>({});
  /** The runs kept to compare (Compare scenarios), A first: A is the baseline the charts draw dotted. */
  get kept(): Pinned[] {
    return this.keptRuns.kept;
  }
  get pinned(): Pinned | null {
    return this.keptRuns.kept[0] ?? null;
  }
  /** Finished runs by scenario hash and seed, in memory and kept across reloads: what was run once is shown again at once. */
  readonly cache = new RunCache(RUN_CACHE_BYTES, new IndexedDbRunStore(MODEL_ID));
  /** The Monte Carlo runs of the page's scenario beside its own run, their bands and the one picked. */
  readonly monteCarlo: MonteCarlo = new MonteCarlo(this.cache, this);
  /** A parameter sweep of the page's scenario, on workers of its own. */
  readonly sweep = new Sweep(this.cache, () => this.bandLevel);
  /** One-at-a-time sensitivity of a KPI to a set of parameters (the first screen's, or a group's), on workers of its own. */
  readonly tornado = new Tornado(this.cache);
  /** The runs kept to compare, restored across reloads and from links on workers of their own. */
  readonly keptRuns = new KeptRuns(
    this.cache,
    () => this.persist(),
    (kind, text) => this.say(kind, text),
    BANDED_COLUMNS,
  );
  /** The run on screen, streamed from the page's own worker or taken from the cache. */
  readonly pageRun: PageRun = new PageRun(this.cache, {
    speed: () => this.speed,
    validScenario: () => (this.validation.ok ? this.validation.scenario : null),
    say: (kind, text) => this.say(kind, text),
    shown: (run) => this.onRunShown(run),
  });
  /** Keeping the run on screen to compare, and the comparison. */
  readonly pinning: Pinning = new Pinning(this);
  /** Share links made and opened, scenario files opened. */
  readonly sharing: Sharing = new Sharing(this);
  /** The messages shown to the user (toasts). */
  readonly messageList = new MessageList();
  get messages(): Message[] {
    return this.messageList.list;
  }

  /** Long tasks seen on the main thread while a run streamed (for the perf readout and tests). */
  longTasks = $state.raw<{ start: number; duration: number }[]>([]);

  private autoTimer: ReturnType<typeof setTimeout> | null = null;

  // ---- the run on screen (pageRun.svelte.ts) ----
  get status(): UiStatus {
    return this.pageRun.status;
  }
  get info(): RunInfo | null {
    return this.pageRun.info;
  }
  get table(): TableView {
    return this.pageRun.table;
  }
  /** The same table republished every few seconds (and on pause/finish), for off-screen charts. */
  get tableSlow(): TableView {
    return this.pageRun.tableSlow;
  }
  /** Per-provider results, fetched from the worker when a run pauses or finishes. */
  get providers(): ProviderReport | null {
    return this.pageRun.providers;
  }
  /** Where the run stands (the progress bar and its readout): updated with the charts, not per batch. */
  get nowHours(): number {
    return this.pageRun.nowHours;
  }
  get eventsProcessed(): number {
    return this.pageRun.eventsProcessed;
  }
  get busyMs(): number {
    return this.pageRun.busyMs;
  }
  /** Issues the worker reported for the last start (same format as validation). */
  get startIssues(): { path: string; message: string }[] {
    return this.pageRun.startIssues;
  }
  /** The run on screen was taken from the cache (same scenario and seed run before), not simulated again. */
  get fromCache(): boolean {
    return this.pageRun.fromCache;
  }

  // ---- Monte Carlo (monteCarlo.svelte.ts) ----
  /** The Monte Carlo runs beyond the main one (the seeds derived from the page's, runSeeds), keyed by seed. */
  get ensemble(): RunPool {
    return this.monteCarlo.pool;
  }
  /** The Monte Carlo runs finished so far: the main run once done, and the ensemble's, with their seeds. */
  get mcRuns(): { seeds: number[]; tables: RunTable[] } {
    return this.monteCarlo.finished;
  }
  /** One Monte Carlo run picked from the spread (the dots of the exceedance rules), drawn on every chart beside the page's run. */
  get pickedSeed(): number | null {
    return this.monteCarlo.pickedSeed;
  }
  set pickedSeed(seed: number | null) {
    this.monteCarlo.pickedSeed = seed;
  }
  get picked(): { seed: number; table: RunTable; isPageRun: boolean } | null {
    return this.monteCarlo.picked;
  }
  /** Percentile bands over those runs (two at least). */
  get bands(): BandView | null {
    return this.monteCarlo.bands;
  }
  /** Monte Carlo progress: runs finished of those asked (the main run counts once it is done). */
  get mcProgress(): { done: number; total: number } {
    return this.monteCarlo.progress;
  }

  // ---- derived views ----
  /** The M/M/c queue the run on screen is, if it is exactly one: its theory is drawn next to the run. */
  theory = $derived.by((): MmcTheory | null => (this.info ? mmcOf(this.info.scenario) : null));
  /** What the run's scenario schedules by day (shocks, halvings, the unlock cliff): the charts mark them. */
  events = $derived.by((): ScheduledEvent[] => (this.info ? scheduledEvents(this.info.scenario) : []));
  /** The pinned baseline's bands at the page's band level (kept at the level it was pinned at; recomputed from its runs after a change). */
  pinnedBands = $derived.by((): BandView | null => {
    const p = this.pinned;
    if (!p?.bands) return null;
    return p.bands.level === this.bandLevel ? p.bands : bandsOf(p.runs, p.seeds, BANDED_COLUMNS, this.bandLevel);
  });
  days = $derived((this.info?.horizonHours ?? this.horizonDays * 24) / 24);
  xDomain = $derived<[number, number]>(this.window ?? [0, this.days]);
  progress = $derived(this.info ? Math.min(1, this.nowHours / this.info.horizonHours) : 0);
  simSpeed = $derived(this.busyMs > 50 ? this.nowHours / 24 / (this.busyMs / 1000) : NaN);

  // ---- lifecycle ----

  /** Restores edits (share link first, then localStorage), starts the worker and the first run. */
  init(): void {
    const fromLink = this.openShareLink(location.hash);
    if (!fromLink) {
      const p = loadPersisted(globalThis.localStorage);
      if (p.preset && presetByName(p.preset)) this.preset = p.preset;
      if (p.edits) this.edits = p.edits;
      if (p.seed !== undefined) this.seed = p.seed;
      if (p.speed !== undefined) this.speed = p.speed;
      if (p.autoRun !== undefined) this.autoRun = p.autoRun;
      if (p.runs !== undefined) this.runs = p.runs;
    }
    // view choices, not part of a shared run: from storage even when a link opened the page
    const view = loadPersisted(globalThis.localStorage);
    if (view.rules) this.riskRules = view.rules.map((r) => ({ ...r, kpi: KPIS.some((k) => k.id === r.kpi) ? r.kpi : KPIS[0].id }));
    if (view.convergenceKpi && KPIS.some((k) => k.id === view.convergenceKpi)) this.convergenceKpi = view.convergenceKpi;
    if (view.bandLevel !== undefined && !this.sharing.bandFromLink) this.bandLevel = view.bandLevel;
    this.pageRun.connect();
    this.observeLongTasks();
    // Monte Carlo, sweep and sensitivity runs leave the page's own run two cores while it goes (ensembleWorkers.ts),
    // unless it is paced to be watched (a few simulated days a second use a sliver of a core)
    $effect.root(() => {
      $effect(() => {
        const going = (this.status === 'running' || this.status === 'starting') && !(this.speed > 0 && this.speed < WATCHED_SPEED);
        this.ensemble.setPageRunGoing(going);
        this.sweep.pool.setPageRunGoing(going);
        this.tornado.pool.setPageRunGoing(going);
        this.keptRuns.pool.setPageRunGoing(going);
      });
      // runs kept to compare, brought back from the last visit or a link: in place once all are there
      $effect(() => this.keptRuns.settle());
    });
    void this.run();
    // the runs kept to compare: the link's, else the last visit's
    const linkKept = this.sharing.takeLinkKept();
    const keptRefs = linkKept ?? view.compare;
    if (keptRefs) this.keptRuns.restore(keptRefs, linkKept ? 'the link' : 'the last visit');
  }

  override persist(): void {
    savePersisted(globalThis.localStorage, {
      preset: this.preset,
      edits: $state.snapshot(this.edits) as Record<string, unknown>,
      seed: this.seed,
      speed: this.speed,
      autoRun: this.autoRun,
      runs: this.runs,
      rules: $state.snapshot(this.riskRules),
      convergenceKpi: this.convergenceKpi,
      bandLevel: this.bandLevel,
      compare: this.keptRuns.refs(),
    });
  }

  private observeLongTasks() {
    try {
      const po = new PerformanceObserver((list) => {
        const add = list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }));
        this.longTasks = [...this.longTasks, ...add].slice(-500);
      });
      po.observe({ type: 'longtask', buffered: true });
    } catch {
      // Not supported (Firefox, Safari): nothing to report.
    }
  }

  // ---- messages ----

  say(kind: Message['kind'], text: string, ms?: number): void {
    this.messageList.say(kind, text, ms);
  }

  dismiss(id: number): void {
    this.messageList.dismiss(id);
  }

  // ---- editing (the rest: PageScenario) ----

  /** An edit was committed (slider released, field changed): re-run soon if auto-run is on. */
  committed(): void {
    if (!this.autoRun) return;
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = setTimeout(() => {
      this.autoTimer = null;
      if (this.validation.ok) void this.run();
    }, 250);
  }

  choosePreset(name: string): void {
    if (!presetByName(name)) return;
    this.preset = name;
    this.edits = {};
    this.persist();
    void this.run();
  }

  // ---- running ----

  /**
   * Validates and starts a new run of the current scenario and seed (pageRun.svelte.ts: from the
   * cache at once when it was run before, unless `fresh` asks for it to be simulated again).
   */
  async run(options: { paused?: boolean; fresh?: boolean } = {}): Promise<void> {
    if (!this.pageRun.connected) return;
    if (!this.validation.ok) {
      this.pageRun.refuse();
      this.say('error', `The scenario has ${this.issues.length} problem${this.issues.length === 1 ? '' : 's'}; fix the highlighted field${this.issues.length === 1 ? '' : 's'} to run.`);
      return;
    }
    if (!Number.isSafeInteger(this.seed) || this.seed < 0) {
      this.pageRun.refuse([{ path: 'seed', message: `expected a whole number >= 0, got ${JSON.stringify(this.seed)}` }]);
      return;
    }
    const raw = $state.snapshot(this.raw) as Record<string, unknown>;
    const seed = this.seed;
    this.ensemble.cancel();
    const preset = this.isCustom ? `${this.preset} (custom)` : this.preset;
    await this.pageRun.run({ raw, seed, preset, hash: this.currentHash }, options);
  }

  /** A run is on screen: a time window past its end goes, and its Monte Carlo seeds start. */
  private onRunShown(r: ShownRun): void {
    if (this.window && (this.window[1] > r.horizonHours / 24 || this.window[0] >= this.window[1])) this.window = null;
    this.monteCarlo.start(r.raw, r.seed, r.periodHours, r.scenario, r.hash);
  }

  /** Sets the band level (a view choice: nothing re-runs, the bands are recomputed from the runs). */
  setBandLevel(level: number): void {
    if (!isBandLevel(level) || level === this.bandLevel) return;
    this.bandLevel = level;
    this.persist();
  }

  /** Sets the number of Monte Carlo runs; the current run is kept, the other seeds are (re)started. */
  setRuns(n: number): void {
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RUNS) return;
    this.runs = n;
    this.persist();
    if (this.info && this.status !== 'invalid' && this.status !== 'error') this.monteCarlo.start(this.info.raw, this.info.seed, this.info.periodHours, this.info.scenario, this.info.hash);
    else this.ensemble.cancel();
  }

  async pause(): Promise<void> {
    await this.pageRun.pause();
  }

  async resume(): Promise<void> {
    if (this.status === 'paused') {
      await this.pageRun.resume();
    } else if (this.status === 'idle' || this.status === 'error' || this.status === 'done' || this.status === 'invalid') {
      // the Run button: simulate again even if this scenario and seed are cached
      await this.run({ fresh: true });
    }
  }

  async step(): Promise<void> {
    if (this.status === 'running') await this.pause();
    if (this.status === 'paused') await this.pageRun.step();
    else if (this.status !== 'starting' && this.status !== 'done') {
      await this.run({ paused: true });
      await this.pageRun.step();
    }
  }

  /** Back to day 0, paused: Run or Step continue from there. */
  async reset(): Promise<void> {
    await this.run({ paused: true });
  }

  async setSpeed(v: number): Promise<void> {
    this.speed = v;
    this.persist();
    await this.pageRun.setSpeed(v);
  }

  crashWorkerForTest(): void {
    this.pageRun.crashWorkerForTest();
  }

  // ---- compare (pinning.svelte.ts) ----

  /** Why the run on screen cannot be kept to compare (null: it can). */
  get keepBlocked(): string | null {
    return this.pinning.keepBlocked;
  }
  /** Keeps the run on screen (with its Monte Carlo runs) to compare; the first kept is the baseline. */
  pin(as: { name?: string; quiet?: boolean } = {}): void {
    this.pinning.pin(as);
  }
  /** The preset's control run (a scenario's "control": the same scenario without its shock), if it names one. */
  get control(): { name: string; set: Record<string, unknown> } | null {
    return this.pinning.control;
  }
  /** True while pinControl() runs the control and then the page's scenario again. */
  get pinningControl(): boolean {
    return this.pinning.pinningControl;
  }
  /** Runs the preset's control to the end and pins it as the baseline, then shows the page's own scenario again. */
  pinControl(): Promise<void> {
    return this.pinning.pinControl();
  }
  /** Drops every kept run (the charts lose their dotted baseline). */
  unpin(): void {
    this.pinning.unpin();
  }
  /** The comparison's columns: the kept runs (A = baseline) and the run on screen unless it is one of them. */
  get comparison(): CompareEntry[] {
    return this.pinning.comparison;
  }

  // ---- KPIs over the window ----

  windowRows(t: TableView): [number, number] | null {
    return t.rows === 0 ? null : rowsInWindow(t, this.xDomain);
  }

  kpi(id: string, t: TableView, periodHours: number): number {
    const k = KPIS.find((x) => x.id === id);
    return k ? kpiOf(k, t, periodHours, this.xDomain) : NaN;
  }

  // ---- provenance and sharing ----

  provenance(): Provenance | null {
    const i = this.info;
    if (!i) return null;
    return { version: APP_VERSION, scenarioName: i.preset, scenarioHash: i.hash, seed: i.seed, days: Math.round(i.horizonHours / 24) };
  }

  shareUrl(): string | null {
    return this.sharing.shareUrl();
  }

  /** Applies a share link from the location hash. Returns true when a valid link was applied. */
  openShareLink(hash: string): boolean {
    return this.sharing.openShareLink(hash);
  }

  /** Opens a scenario file (lib/openScenario.ts) and runs it, with the seed the file records; says what it opened, or why not. */
  openScenarioFile(text: string, fileName: string): boolean {
    return this.sharing.openScenarioFile(text, fileName);
  }
}
