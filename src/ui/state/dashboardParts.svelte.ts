/**
 * The parts the dashboard is made of, and what the components read of them. The run on screen
 * (pageRun.svelte.ts), its Monte Carlo seeds (monteCarlo.svelte.ts), the sweep and sensitivity runs,
 * the runs kept to compare (keptRuns.svelte.ts) and keeping them (pinning.svelte.ts), share links and
 * scenario files (sharing.ts) and the messages are each a class of their own, on one run cache. This
 * layer of the dashboard makes them, with the dashboard as their host, and forwards what the
 * components read of them so they need not know where it lives. Dashboard extends it: it starts the
 * runs the parts show (run) and hears when one is on screen (onRunShown).
 */
import { batchDuration } from '../lib/batchDuration.ts';
import type { BandView, RunTable } from '../lib/bands.ts';
import type { CompareEntry } from '../lib/compareSet.ts';
import { RUN_CACHE_BYTES, RunCache } from '../lib/runCache.ts';
import { IndexedDbRunStore } from '../lib/runStore.ts';
import { MODEL_ID } from 'virtual:depinsim-model-id';
import { KeptRuns, type Pinned } from './keptRuns.svelte.ts';
import { MessageList, type Message } from './messages.svelte.ts';
import { BANDED_COLUMNS, MonteCarlo } from './monteCarlo.svelte.ts';
import { PageRun, type ProviderReport, type RunInfo, type ShownRun, type TableView, type UiStatus } from './pageRun.svelte.ts';
import { PageSettings } from './pageSettings.svelte.ts';
import type { RunCheckInfo } from '../../worker/api.ts';
import { Pinning } from './pinning.svelte.ts';
import { RunPool } from './runPool.svelte.ts';
import { Sharing } from './sharing.ts';
import { Sweep } from './sweep.svelte.ts';
import { Tornado } from './tornado.svelte.ts';
import { SobolRun } from './sobol.svelte.ts';

export abstract class DashboardParts extends PageSettings {
  /** Finished runs by scenario hash and seed, in memory and kept across reloads: what was run once is shown again at once. */
  readonly cache = new RunCache(RUN_CACHE_BYTES, new IndexedDbRunStore(MODEL_ID));
  /** The Monte Carlo runs of the page's scenario beside its own run, their bands and the one picked. */
  readonly monteCarlo: MonteCarlo = new MonteCarlo(this.cache, this);
  /** A parameter sweep of the page's scenario, on workers of its own. */
  readonly sweep = new Sweep(this.cache, () => this.bandLevel);
  /** One-at-a-time sensitivity of a KPI to a set of parameters (the first screen's, or a group's), on workers of its own. */
  readonly tornado = new Tornado(this.cache);
  /** Variance-based sensitivity of a KPI to a set of parameters all varying at once (Sobol indices), on workers of its own. */
  readonly sobol = new SobolRun(this.cache);
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

  /**
   * Validates and starts a new run of the current scenario and seed (Dashboard): pinning the
   * preset's control, a share link and a scenario file start one.
   */
  abstract run(options?: { paused?: boolean; fresh?: boolean }): Promise<void>;
  /** A run is on screen (Dashboard: its Monte Carlo seeds start). */
  protected abstract onRunShown(run: ShownRun): void;

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
  /** The finished run's model checks (null while it runs, and for runs stored before 0.18.0). */
  get checks(): RunCheckInfo[] | null {
    return this.pageRun.checks;
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
  /**
   * The simulating seconds of the run on screen once it has finished, if it is of the page's
   * scenario as it is now (NaN otherwise): about what each run of a batch of it takes (lib/batchDuration.ts).
   */
  get pageRunSeconds(): number {
    const i = this.info;
    return this.status === 'done' && i !== null && i.hash === this.currentHash && this.busyMs > 0 ? this.busyMs / 1000 : NaN;
  }
  /** About how long a batch of `runs` of the page's scenario will take on this machine (lib/batchDuration.ts); null while unknown. */
  batchTime(runs: number): string | null {
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    return batchDuration(runs, this.pageRunSeconds, this.info?.scenario.scale ?? 1, cores);
  }
  /** Simulating seconds the run still needs at its recent pace (NaN until there is one). */
  get secondsLeft(): number {
    return this.pageRun.secondsLeft;
  }
  /** Issues the worker reported for the last start (same format as validation). */
  get startIssues(): { path: string; message: string }[] {
    return this.pageRun.startIssues;
  }
  /** How far the building of the run's network got, while it is built (PageRun.setup). */
  get setup(): { stage: string; done: number; total: number } | null {
    return this.pageRun.setup;
  }
  /** The run on screen was taken from the cache (same scenario and seed run before), not simulated again. */
  get fromCache(): boolean {
    return this.pageRun.fromCache;
  }
  /** The run stopped because its token economy left the ledger's range (PageRun.stoppedByModel), not by a fault. */
  get stoppedByModel(): boolean {
    return this.pageRun.stoppedByModel;
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

  // ---- compare (keptRuns.svelte.ts, pinning.svelte.ts) ----
  /** The runs kept to compare (Compare scenarios), A first: A is the baseline the charts draw dotted. */
  get kept(): Pinned[] {
    return this.keptRuns.kept;
  }
  get pinned(): Pinned | null {
    return this.keptRuns.kept[0] ?? null;
  }
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

  // ---- sharing (sharing.ts) ----

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

  // ---- messages (messages.svelte.ts) ----

  say(kind: Message['kind'], text: string, ms?: number, details?: string): void {
    this.messageList.say(kind, text, ms, details);
  }

  dismiss(id: number): void {
    this.messageList.dismiss(id);
  }
}
