/**
 * The dashboard's state, as the components read and change it. It is built in layers, a file each:
 * the scenario being edited (preset + edits + seed: pageScenario.svelte.ts), the choices kept across
 * reloads with it (pageSettings.svelte.ts), and the parts it owns with what the components read of
 * them (dashboardParts.svelte.ts: the run on screen, its Monte Carlo seeds, the runs kept to compare,
 * share links and scenario files, the messages). Dashboard extends the last, so the components read
 * it all on the dashboard. Itself it holds the shared time window and hover day and the views derived
 * from the run on screen, and starts and steers the runs.
 */
import type { MmcTheory } from '../../sim/scenario/queueTheory.ts';
import { theoryOf } from '../lib/theoryRefs.ts';
import { scheduledEvents, type ScheduledEvent } from '../lib/scheduledEvents.ts';
import { VERSION } from '../../sim/version.ts';
import { timeLeft } from '../../common/pace.ts';
import { presetByName } from '../lib/presets.ts';
import { KPIS } from '../lib/chartDefs/kpiDefs.ts';
import type { ChartView } from '../lib/chartViews.ts';
import { MAX_RUNS } from '../lib/persist.ts';
import { bandsOf, type BandView } from '../lib/bands.ts';
import { kpiOf, rowsInWindow } from '../lib/compareSet.ts';
import type { ShownRun, TableView } from './pageRun.svelte.ts';
import { BANDED_COLUMNS } from './monteCarlo.svelte.ts';
import { DashboardParts } from './dashboardParts.svelte.ts';
import type { Provenance } from '../lib/exporting.ts';

// This module's exports from before its parts moved out, from where they live now (components import some).
export type { Message } from './messages.svelte.ts';
export type { Pinned } from './keptRuns.svelte.ts';
export type { ProviderRecord, ProviderReport, RunInfo, TableView, UiStatus } from './pageRun.svelte.ts';
export { allControls, allScheduleKinds } from '../lib/scenarioControls.ts';

export const APP_VERSION: string = VERSION;

/** Below this pace (simulated days/s) the page's run is being watched, not waited for: it keeps no cores from batch runs. */
const WATCHED_SPEED = 20;

export class Dashboard extends DashboardParts {
  // ---- view ----
  window = $state<[number, number] | null>(null);
  hoverDay = $state<number | null>(null);
  logScale = $state<Record<string, boolean>>({});
  /** Per chart, the views switched on in its header (cumulative, in USD: lib/chartViews.ts). */
  chartViews = $state<Record<string, ChartView>>({});

  /** Long tasks seen on the main thread while a run streamed (for the perf readout and tests). */
  longTasks = $state.raw<{ start: number; duration: number }[]>([]);

  private autoTimer: ReturnType<typeof setTimeout> | null = null;

  // ---- derived views ----
  /** The M/M/c queue the run on screen is, if it is exactly one: its theory is drawn next to the run. */
  theory = $derived.by((): MmcTheory | null => (this.info ? theoryOf(this.info.scenario) : null));
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
  /**
   * "about 7 s left" while the page's run goes (else ''): at its recent pace, or at the speed asked
   * for when that is slower (5 d/s: the days left over 5); nothing until there is a pace.
   */
  runTimeLeft = $derived.by(() => {
    if (this.status !== 'running' || !this.info) return '';
    const daysLeft = Math.max(0, (this.info.horizonHours - this.nowHours) / 24);
    const paced = this.speed > 0 ? daysLeft / this.speed : NaN;
    const s = Number.isFinite(paced) ? Math.max(paced, Number.isFinite(this.secondsLeft) ? this.secondsLeft : 0) : this.secondsLeft;
    return Number.isFinite(s) ? timeLeft(s) : '';
  });

  // ---- lifecycle ----

  /** Restores the view choices, then the scenario (a share link's, else localStorage's), starts the worker and the first run. */
  init(): void {
    // the view choices first: a link applied saves the page's choices, and must find them in place
    const stored = this.restoreView();
    if (!this.openShareLink(location.hash)) this.restoreScenario(stored);
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
        this.sobol.pool.setPageRunGoing(going);
        this.keptRuns.pool.setPageRunGoing(going);
      });
      // runs kept to compare, brought back from the last visit or a link: in place once all are there
      $effect(() => this.keptRuns.settle());
    });
    void this.run();
    // the runs kept to compare: the link's, else the last visit's
    const linkKept = this.sharing.takeLinkKept();
    const keptRefs = linkKept ?? stored.compare;
    if (keptRefs) this.keptRuns.restore(keptRefs, linkKept ? 'the link' : 'the last visit');
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
  protected override onRunShown(r: ShownRun): void {
    if (this.window && (this.window[1] > r.horizonHours / 24 || this.window[0] >= this.window[1])) this.window = null;
    this.monteCarlo.start(r.raw, r.seed, r.periodHours, r.scenario, r.hash);
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

  // ---- KPIs over the window ----

  windowRows(t: TableView): [number, number] | null {
    return t.rows === 0 ? null : rowsInWindow(t, this.xDomain);
  }

  kpi(id: string, t: TableView, periodHours: number): number {
    const k = KPIS.find((x) => x.id === id);
    return k ? kpiOf(k, t, periodHours, this.xDomain) : NaN;
  }

  // ---- provenance ----

  provenance(): Provenance | null {
    const i = this.info;
    if (!i) return null;
    return { version: APP_VERSION, scenarioName: i.preset, scenarioHash: i.hash, seed: i.seed, days: Math.round(i.horizonHours / 24) };
  }
}
