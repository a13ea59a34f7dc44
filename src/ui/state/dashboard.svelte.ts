/**
 * The dashboard's state: the scenario being edited (preset + edits + seed), the run streamed from
 * the worker (columns in $state.raw, republished at most once per animation frame), the pinned
 * baseline, the shared time window and hover day, and messages for the user.
 */
import { z } from 'zod';
import { scenarioSchema, type Scenario } from '../../sim/scenario/schema.ts';
import { scenarioDefaults, validateScenario } from '../../sim/scenario/validate.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { mmcOf, type MmcTheory } from '../../sim/scenario/queueTheory.ts';
import { scheduledEvents, type ScheduledEvent } from '../lib/scheduledEvents.ts';
import { VERSION } from '../../sim/version.ts';
import { applyEdits, getAt } from '../lib/paths.ts';
import { controlsFromJsonSchema, type ControlSpec } from '../lib/schemaControls.ts';
import { PRESETS, presetByName, type Preset } from '../lib/presets.ts';
import { CHARTS, deriveColumns, KPIS } from '../lib/chartDefs.ts';
import { loadPersisted, MAX_RUNS, savePersisted } from '../lib/persist.ts';
import type { KeptRef } from '../lib/keptRefs.ts';
import { checkShare, decodeShare, encodeShare, SHARE_PARAM, tokenFromHash } from '../lib/share.ts';
import { readScenarioFile } from '../lib/openScenario.ts';
import { ColumnBuffers } from '../lib/columnBuffers.ts';
import { bandsOf, type BandView, type RunTable } from '../lib/bands.ts';
import { DEFAULT_RULES, type ExceedanceRule } from '../lib/exceedance.ts';
import { compareEntries, kpiOf, MAX_KEPT, rowsInWindow, type CompareEntry } from '../lib/compareSet.ts';
import { comparedOf, KeptRuns } from './keptRuns.svelte.ts';
import { RunPool } from './runPool.svelte.ts';
import { RUN_CACHE_BYTES, RunCache } from '../lib/runCache.ts';
import { IndexedDbRunStore } from '../lib/runStore.ts';
import { MODEL_ID } from 'virtual:depinsim-model-id';
import { Sweep } from './sweep.svelte.ts';
import { Tornado } from './tornado.svelte.ts';
import { SimClient, type WorkerEvent } from '../lib/simClient.ts';
import type { ColumnInfo, RunStatus } from '../../worker/api.ts';
import type { Provenance } from '../lib/exporting.ts';

export const APP_VERSION: string = VERSION;

export type UiStatus = RunStatus | 'starting' | 'invalid';

export interface RunInfo {
  runId: number;
  hash: string;
  seed: number;
  horizonHours: number;
  periodHours: number;
  columns: ColumnInfo[];
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

export interface Pinned {
  info: RunInfo;
  table: TableView;
  providers: ProviderReport | null;
  /** Its Monte Carlo runs and bands when it was pinned with two or more finished (else empty and null). */
  runs: RunTable[];
  /** Their seeds (empty without runs). */
  seeds: number[];
  bands: BandView | null;
}

export interface Message {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
}

// Built on first use (the JSON Schema takes ~50 ms), so start-up paints and starts the run first.
let controlsCache: ControlSpec[] | null = null;
let byPathCache: Map<string, ControlSpec> | null = null;
/** Every scalar parameter of the scenario schema, as a control. */
export function allControls(): ControlSpec[] {
  return (controlsCache ??= controlsFromJsonSchema(z.toJSONSchema(scenarioSchema, { io: 'input' })));
}
function controlByPath(path: string): ControlSpec | undefined {
  byPathCache ??= new Map(allControls().map((c) => [c.path, c]));
  return byPathCache.get(path);
}

/** Below this pace (simulated days/s) the page's run is being watched, not waited for: it keeps no cores from batch runs. */
const WATCHED_SPEED = 20;

/** Minimum time between chart redraws while a run streams (ms). */
const PUBLISH_MS = 150;
/** Charts scrolled out of view redraw at most this often (ms). */
const SLOW_PUBLISH_MS = 5000;

const EMPTY: TableView = { rows: 0, data: {} };

/** The columns the charts draw as lines: the only ones that get Monte Carlo bands (a year of 50 runs sorts less). */
const BANDED_COLUMNS: ReadonlySet<string> = new Set(CHARTS.flatMap((c) => c.series.filter((s) => (s.type ?? 'line') === 'line').map((s) => s.column)));

export class Dashboard {
  readonly presets: Preset[] = PRESETS;
  get controls(): ControlSpec[] {
    return allControls();
  }

  // ---- the scenario being edited ----
  preset = $state('baseline');
  edits = $state<Record<string, unknown>>({});
  seed = $state(1);
  /** Simulated days per second; 0 = as fast as possible. */
  speed = $state(0);
  autoRun = $state(true);
  /** Monte Carlo runs: the seed and the runs-1 seeds after it; more than one draws 10th-90th percentile bands. */
  runs = $state(1);
  /** The exceedance rules of the Monte Carlo panel, and the KPI its "Is N enough?" chart follows (kept across reloads). */
  riskRules = $state<ExceedanceRule[]>(DEFAULT_RULES.map((r) => ({ ...r })));
  convergenceKpi = $state('utilization');

  presetObj = $derived(presetByName(this.preset) ?? PRESETS[0]);
  presetResolved = $derived.by(() => {
    const v = validateScenario(this.presetObj.raw);
    return v.ok ? v.scenario : null;
  });
  raw = $derived(applyEdits(this.presetObj.raw, this.edits));
  validation = $derived(validateScenario(this.raw));
  issues = $derived(this.validation.ok ? [] : this.validation.issues);
  issuesByPath = $derived.by(() => {
    const m = new Map<string, string[]>();
    for (const i of this.issues) m.set(i.path, [...(m.get(i.path) ?? []), i.message]);
    return m;
  });
  isCustom = $derived(Object.keys(this.edits).length > 0);
  horizonDays = $derived.by(() => {
    const v = getAt(this.raw, 'horizonDays');
    if (typeof v === 'number') return v;
    return this.presetResolved?.horizonDays ?? 365;
  });
  currentHash = $derived(this.validation.ok ? scenarioHash(this.validation.scenario) : null);

  // ---- the run ----
  status = $state<UiStatus>('idle');
  info = $state.raw<RunInfo | null>(null);
  table = $state.raw<TableView>(EMPTY);
  /** The same table republished every few seconds (and on pause/finish), for off-screen charts. */
  tableSlow = $state.raw<TableView>(EMPTY);
  /** Per-provider results, fetched from the worker when a run pauses or finishes. */
  providers = $state.raw<ProviderReport | null>(null);
  nowHours = $state(0);
  eventsProcessed = $state(0);
  busyMs = $state(0);
  /** Issues the worker reported for the last start (same format as validation). */
  startIssues = $state.raw<{ path: string; message: string }[]>([]);

  // ---- view ----
  window = $state<[number, number] | null>(null);
  hoverDay = $state<number | null>(null);
  logScale = $state<Record<string, boolean>>({});
  /** The runs kept to compare (Compare scenarios), A first: A is the baseline the charts draw dotted. */
  get kept(): Pinned[] {
    return this.keptRuns.kept;
  }
  get pinned(): Pinned | null {
    return this.keptRuns.kept[0] ?? null;
  }
  /** Finished runs by scenario hash and seed, in memory and kept across reloads: what was run once is shown again at once. */
  readonly cache = new RunCache(RUN_CACHE_BYTES, new IndexedDbRunStore(MODEL_ID));
  /** The Monte Carlo runs beyond the main one (seeds seed+1 .. seed+runs-1), keyed by seed. */
  readonly ensemble = new RunPool(this.cache);
  /** A parameter sweep of the page's scenario, on workers of its own. */
  readonly sweep = new Sweep(this.cache);
  /** One-at-a-time sensitivity of a KPI to a set of parameters (the first screen's, or a group's), on workers of its own. */
  readonly tornado = new Tornado(this.cache);
  /** The runs kept to compare, restored across reloads and from links on workers of their own. */
  readonly keptRuns = new KeptRuns(
    this.cache,
    () => this.persist(),
    (kind, text) => this.say(kind, text),
    BANDED_COLUMNS,
  );
  /** The run on screen was taken from the cache (same scenario and seed run before), not simulated again. */
  fromCache = $state(false);
  messages = $state<Message[]>([]);
  /** Long tasks seen on the main thread while a run streamed (for the perf readout and tests). */
  longTasks = $state.raw<{ start: number; duration: number }[]>([]);

  private client: SimClient | null = null;
  private buffers = new ColumnBuffers();
  private currentRunId = 0;
  /** Calls of run(), so one that waited for the run store knows whether a newer one came meanwhile. */
  private runCalls = 0;
  private frame = 0;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPublish = 0;
  private lastSlowPublish = 0;
  private msgId = 0;
  private autoTimer: ReturnType<typeof setTimeout> | null = null;

  // ---- derived views ----
  /** The Monte Carlo runs finished so far: the main run once done, and the ensemble's, with their seeds. */
  mcRuns = $derived.by((): { seeds: number[]; tables: RunTable[] } => {
    const seeds: number[] = [];
    const tables: RunTable[] = [];
    if (this.runs < 2 || !this.info) return { seeds, tables };
    if (this.status === 'done') {
      seeds.push(this.info.seed);
      tables.push(this.tableSlow);
    }
    const done = this.ensemble.tables;
    for (const j of this.ensemble.jobs) {
      const t = done.get(j.key);
      if (t) seeds.push(j.seed), tables.push(t);
    }
    return { seeds, tables };
  });
  /**
   * One Monte Carlo run picked from the spread (the dots of the exceedance rules), drawn as thin lines on
   * every chart beside the page's run so an outlier can be looked at day by day. Only a run that is
   * part of the current set counts: a new scenario or fewer runs drop the pick by themselves.
   */
  pickedSeed = $state<number | null>(null);
  picked = $derived.by((): { seed: number; table: RunTable; isPageRun: boolean } | null => {
    const i = this.pickedSeed === null ? -1 : this.mcRuns.seeds.indexOf(this.pickedSeed);
    if (i < 0) return null;
    return { seed: this.mcRuns.seeds[i], table: this.mcRuns.tables[i], isPageRun: this.mcRuns.seeds[i] === this.info?.seed };
  });
  /** Percentile bands over those runs (two at least). */
  /** The M/M/c queue the run on screen is, if it is exactly one: its theory is drawn next to the run. */
  theory = $derived.by((): MmcTheory | null => (this.info ? mmcOf(this.info.scenario) : null));
  /** What the run's scenario schedules by day (shocks, halvings, the unlock cliff): the charts mark them. */
  events = $derived.by((): ScheduledEvent[] => (this.info ? scheduledEvents(this.info.scenario) : []));
  bands = $derived.by((): BandView | null => (this.mcRuns.tables.length >= 2 ? bandsOf(this.mcRuns.tables, this.mcRuns.seeds, BANDED_COLUMNS) : null));
  /** Monte Carlo progress: runs finished of those asked (the main run counts once it is done). */
  mcProgress = $derived({ done: (this.status === 'done' ? 1 : 0) + this.ensemble.tables.size, total: this.runs });
  days = $derived((this.info?.horizonHours ?? this.horizonDays * 24) / 24);
  xDomain = $derived<[number, number]>(this.window ?? [0, this.days]);
  progress = $derived(this.info ? Math.min(1, this.nowHours / this.info.horizonHours) : 0);
  simSpeed = $derived(this.busyMs > 50 ? this.nowHours / 24 / (this.busyMs / 1000) : NaN);

  constructor() {}

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
    this.client = new SimClient({
      onEvent: (ev) => this.onWorkerEvent(ev),
      onCrash: (msg) => this.onCrash(msg),
    });
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
    const keptRefs = this.linkKept ?? view.compare;
    if (keptRefs) this.keptRuns.restore(keptRefs, this.linkKept ? 'the link' : 'the last visit');
    this.linkKept = null;
  }

  /** Runs to compare carried by the link that opened the page (restored once the page is set up). */
  private linkKept: KeptRef[] | null = null;

  persist(): void {
    savePersisted(globalThis.localStorage, {
      preset: this.preset,
      edits: $state.snapshot(this.edits) as Record<string, unknown>,
      seed: this.seed,
      speed: this.speed,
      autoRun: this.autoRun,
      runs: this.runs,
      rules: $state.snapshot(this.riskRules),
      convergenceKpi: this.convergenceKpi,
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

  say(kind: Message['kind'], text: string, ms = kind === 'error' ? 0 : 5000): void {
    const id = ++this.msgId;
    this.messages = [...this.messages.slice(-4), { id, kind, text }];
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
  }

  dismiss(id: number): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  // ---- editing ----

  /** The page's scenario (preset and edits) with one more edit: a sweep point. */
  rawWith(path: string, value: unknown): Record<string, unknown> {
    return this.rawWithEdits({ [path]: value });
  }

  /** The page's scenario with more edits (a point of a grid of two parameters). */
  rawWithEdits(more: Record<string, unknown>): Record<string, unknown> {
    return applyEdits(this.presetObj.raw, { ...($state.snapshot(this.edits) as Record<string, unknown>), ...more });
  }

  /** The value a control shows: the user's edit (even if invalid), else the preset's value. */
  valueOf(path: string): unknown {
    if (path in this.edits) return this.edits[path];
    // (the controls are built only when needed: with no edits, as at start-up, the preset answers)
    const c = this.hasEdits() ? controlByPath(path) : undefined;
    if (c?.weightMapParent && c.weightMapParent in this.edits) {
      const map = this.edits[c.weightMapParent] as Record<string, unknown> | undefined;
      return map?.[path.split('.').pop()!] ?? 0;
    }
    const v = getAt(this.presetResolved, path);
    return v === undefined ? (c ?? controlByPath(path))?.default : v;
  }

  isEdited(path: string): boolean {
    if (path in this.edits) return true;
    if (!this.hasEdits()) return false;
    const c = controlByPath(path);
    return !!c?.weightMapParent && c.weightMapParent in this.edits;
  }

  private hasEdits(): boolean {
    return Object.keys(this.edits).length > 0;
  }

  /** Records an edit (any value: validation reports bad ones next to the field). */
  setEdit(path: string, value: unknown): void {
    const c = controlByPath(path);
    const next = { ...this.edits };
    if (c?.weightMapParent) {
      const parent = c.weightMapParent;
      const current = (next[parent] as Record<string, unknown> | undefined) ?? { ...((getAt(this.presetResolved, parent) as object) ?? {}) };
      const map = { ...current, [path.split('.').pop()!]: value };
      const presetMap = getAt(this.presetResolved, parent);
      if (JSON.stringify(map) === JSON.stringify(presetMap)) delete next[parent];
      else next[parent] = map;
    } else {
      const presetValue = getAt(this.presetResolved, path);
      if (presetValue !== undefined && JSON.stringify(presetValue) === JSON.stringify(value)) delete next[path];
      else next[path] = value;
    }
    this.edits = next;
    this.persist();
  }

  resetField(path: string): void {
    const c = controlByPath(path);
    if (c?.weightMapParent) {
      const v = getAt(this.presetResolved, path);
      this.setEdit(path, v ?? 0);
      return;
    }
    const next = { ...this.edits };
    delete next[path];
    this.edits = next;
    this.persist();
  }

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

  setSeed(v: number): void {
    this.seed = v;
    this.persist();
  }

  // ---- running ----

  /**
   * Validates and starts a new run of the current scenario and seed. A run to the end (not paused)
   * of a scenario and seed already run in this session is shown from the cache at once, unless
   * `fresh` asks for it to be simulated again (the Run button).
   */
  async run(options: { paused?: boolean; fresh?: boolean } = {}): Promise<void> {
    if (!this.client) return;
    if (!this.validation.ok) {
      this.status = 'invalid';
      this.say('error', `The scenario has ${this.issues.length} problem${this.issues.length === 1 ? '' : 's'}; fix the highlighted field${this.issues.length === 1 ? '' : 's'} to run.`);
      return;
    }
    if (!Number.isSafeInteger(this.seed) || this.seed < 0) {
      this.status = 'invalid';
      this.startIssues = [{ path: 'seed', message: `expected a whole number >= 0, got ${JSON.stringify(this.seed)}` }];
      return;
    }
    const raw = $state.snapshot(this.raw) as Record<string, unknown>;
    const seed = this.seed;
    this.ensemble.cancel();
    const preset = this.isCustom ? `${this.preset} (custom)` : this.preset;
    const hash = this.currentHash;
    const call = ++this.runCalls;
    const cacheable = !options.paused && !options.fresh && !!hash;
    if (cacheable && this.showCached(hash, raw, seed, preset)) return;
    this.clearForNewRun();
    if (cacheable && this.cache.persistent) {
      // not in memory: maybe kept from before a reload (a few ms to look)
      const kept = await this.cache.restore(RunCache.key(hash, seed), true);
      if (call !== this.runCalls) return; // a newer run() was called meanwhile
      if (kept && this.showCached(hash, raw, seed, preset)) return;
    }
    let r;
    try {
      r = await this.client.start(raw, seed, { speedDaysPerSecond: this.speed, paused: options.paused });
    } catch (e) {
      this.status = 'error';
      this.say('error', `Could not start the run: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (!r.ok) {
      this.status = 'invalid';
      this.startIssues = r.issues;
      return;
    }
    if (r.runId !== this.currentRunId) return; // a newer run was started meanwhile
    this.startEnsemble(raw, r.seed, r.periodHours, (r.scenario as Scenario).scale, r.hash);
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
    if (this.window && (this.window[1] > r.horizonHours / 24 || this.window[0] >= this.window[1])) this.window = null;
    if (this.status === 'starting') this.status = options.paused ? 'paused' : 'running';
  }

  /** The page shows no run while a new one starts; events of the one before are ignored from now on. */
  private clearForNewRun(): void {
    this.fromCache = false;
    this.currentRunId = this.client!.peekNextRunId();
    this.buffers.reset();
    this.table = EMPTY;
    this.tableSlow = EMPTY;
    this.providers = null;
    this.nowHours = 0;
    this.eventsProcessed = 0;
    this.busyMs = 0;
    this.status = 'starting';
    this.startIssues = [];
  }

  /**
   * Shows the run of (hash, seed) from the cache as the page's run, if it was on screen before:
   * the worker's current run is stopped, and the Monte Carlo seeds start (from the cache too where
   * they can). Returns false when it is not cached.
   */
  private showCached(hash: string, raw: Record<string, unknown>, seed: number, preset: string): boolean {
    const hit = this.cache.screen(RunCache.key(hash, seed));
    const scenario = this.validation.ok ? this.validation.scenario : null;
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
    this.nowHours = sc.horizonHours;
    this.eventsProcessed = sc.eventsProcessed;
    this.busyMs = sc.busyMs;
    this.startIssues = [];
    this.status = 'done';
    this.fromCache = true;
    if (this.window && (this.window[1] > sc.horizonHours / 24 || this.window[0] >= this.window[1])) this.window = null;
    this.startEnsemble(raw, seed, sc.periodHours, scenario.scale, hash);
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
    });
  }

  /** The Monte Carlo runs of the current scenario: seeds seed+1 .. seed+runs-1 (none when runs is 1). */
  private startEnsemble(raw: unknown, seed: number, periodHours: number, scale: number, hash: string): void {
    if (this.runs < 2) return this.ensemble.cancel();
    const jobs = Array.from({ length: this.runs - 1 }, (_, i) => ({ key: `seed ${seed + 1 + i}`, raw, seed: seed + 1 + i, periodHours, cacheKey: RunCache.key(hash, seed + 1 + i) }));
    this.ensemble.start(jobs, scale);
  }

  /** Sets the number of Monte Carlo runs; the current run is kept, the other seeds are (re)started. */
  setRuns(n: number): void {
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RUNS) return;
    this.runs = n;
    this.persist();
    if (this.info && this.status !== 'invalid' && this.status !== 'error') this.startEnsemble(this.info.raw, this.info.seed, this.info.periodHours, this.info.scenario.scale, this.info.hash);
    else this.ensemble.cancel();
  }

  private onWorkerEvent(ev: WorkerEvent): void {
    if (ev.runId !== this.currentRunId) return;
    if (ev.kind === 'error') {
      this.status = 'error';
      this.say('error', `The simulation stopped with an error: ${ev.message}`);
      return;
    }
    this.nowHours = ev.nowHours;
    this.eventsProcessed = ev.eventsProcessed;
    this.busyMs = ev.busyMs;
    if (this.status !== 'error') this.status = ev.status;
    if (ev.kind === 'rows' && ev.rows > 0) {
      this.buffers.append(ev.from, ev.rows, ev.data);
      this.schedulePublish();
    }
    if (ev.status === 'done' || ev.status === 'paused') {
      this.publish();
      void this.fetchProviders(ev.runId);
    }
  }

  private async fetchProviders(runId: number) {
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
   * batch: the worker streams ~60 batches a second and redrawing eight charts that often would
   * keep the main thread busy for no visible gain.
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
    const v = this.buffers.view();
    const derived = deriveColumns(v.data, v.rows, this.info?.periodHours ?? 24);
    this.table = { rows: v.rows, data: { ...v.data, ...derived } };
    const settled = this.status !== 'running' && this.status !== 'starting';
    if (settled || this.lastPublish - this.lastSlowPublish >= SLOW_PUBLISH_MS || this.table.rows === 0) {
      this.lastSlowPublish = this.lastPublish;
      this.tableSlow = this.table;
    }
  }

  private onCrash(message: string) {
    this.status = 'error';
    this.say('error', `The simulation worker crashed (${message}). A new worker was started: press Run to try again.`);
  }

  async pause(): Promise<void> {
    if (this.status === 'running') this.status = (await this.client?.pause()) ?? this.status;
  }

  async resume(): Promise<void> {
    if (this.status === 'paused') {
      const s = await this.client?.resume();
      if (s) this.status = s;
    } else if (this.status === 'idle' || this.status === 'error' || this.status === 'done' || this.status === 'invalid') {
      // the Run button: simulate again even if this scenario and seed are cached
      await this.run({ fresh: true });
    }
  }

  async step(): Promise<void> {
    if (this.status === 'running') await this.pause();
    if (this.status === 'paused') await this.client?.step();
    else if (this.status !== 'starting' && this.status !== 'done') {
      await this.run({ paused: true });
      await this.client?.step();
    }
  }

  /** Back to day 0, paused: Run or Step continue from there. */
  async reset(): Promise<void> {
    await this.run({ paused: true });
  }

  async setSpeed(v: number): Promise<void> {
    this.speed = v;
    this.persist();
    await this.client?.setSpeed(v);
  }

  crashWorkerForTest(): void {
    void this.client?.crash();
  }

  // ---- compare ----

  /** Why the run on screen cannot be kept to compare (null: it can). */
  keepBlocked = $derived.by((): string | null => {
    const i = this.info;
    if (!i || this.table.rows === 0) return 'no run on screen yet';
    // a kept run is a whole run: it comes back whole after a reload, and compares like for like
    if (this.status !== 'done') return 'the run on screen is not finished yet';
    if (this.keptRuns.restoring) return 'the runs kept before are still being brought back';
    return this.keptRuns.refusal(comparedOf({ info: i, table: this.table, runs: [], seeds: [] }));
  });

  /** Keeps the run on screen (with its Monte Carlo runs, when two or more are done) to compare; the first kept is the baseline. */
  pin(): void {
    if (!this.info || this.table.rows === 0) return;
    const refusal = this.keepBlocked;
    if (refusal) {
      this.say('error', `Not kept: ${refusal}.`);
      return;
    }
    const data: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(this.table.data)) data[k] = v.slice();
    // the Monte Carlo tables are never written to once finished: kept as they are
    const many = this.mcRuns.tables.length >= 2;
    const runs = many ? [...this.mcRuns.tables] : [];
    this.keptRuns.keep({ info: this.info, table: { rows: this.table.rows, data }, providers: this.providers, runs, seeds: many ? [...this.mcRuns.seeds] : [], bands: many ? this.bands : null });
    const mc = runs.length ? ` with its ${runs.length} Monte Carlo runs` : '';
    const who = `${this.info.preset}, seed ${this.info.seed}`;
    const n = this.kept.length;
    if (n === 1) this.say('success', `Pinned this run (${who})${mc} as the baseline. Change something and run again to compare.`);
    else this.say('success', `Kept this run (${who})${mc} as ${String.fromCharCode(64 + n)} to compare with the baseline (${n} of ${MAX_KEPT}).`);
  }

  /** Drops every kept run (the charts lose their dotted baseline). */
  unpin(): void {
    this.keptRuns.clear();
  }

  /** The comparison's columns: the kept runs (A = baseline) and the run on screen unless it is one of them. */
  comparison = $derived.by((): CompareEntry[] => {
    if (this.kept.length === 0) return [];
    const i = this.info;
    const many = this.mcRuns.tables.length >= 2;
    const onScreen = i && this.table.rows > 0 ? comparedOf({ info: i, table: this.table, runs: many ? this.mcRuns.tables : [], seeds: many ? this.mcRuns.seeds : [] }) : null;
    return compareEntries(this.kept.map(comparedOf), onScreen);
  });

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
    const i = this.info;
    if (!i) return null;
    // the Monte Carlo runs only when there are several: a single-run link is as it always was
    const compare = this.keptRuns.refs();
    const token = encodeShare({ v: 1, app: APP_VERSION, preset: this.preset, seed: i.seed, hash: i.hash, scenario: i.raw, ...(this.runs > 1 ? { runs: this.runs } : {}), ...(compare.length ? { compare } : {}) });
    const u = new URL(location.href);
    u.hash = `${SHARE_PARAM}=${token}`;
    return u.toString();
  }

  /** Applies a share link from the location hash. Returns true when a valid link was applied. */
  openShareLink(hash: string): boolean {
    const token = tokenFromHash(hash);
    if (token === null) return false;
    const d = decodeShare(token);
    const refuse = (reason: string) => {
      this.say('error', `This share link was refused and nothing from it was run: ${reason.replace(/\.$/, '')}.`);
      history.replaceState(null, '', location.pathname + location.search);
      return false;
    };
    if (!d.ok) return refuse(d.reason);
    const c = checkShare(d.payload, validateScenario, scenarioHash, APP_VERSION);
    if (!c.ok) return refuse(c.reason);
    const { preset, custom } = this.adopt(d.payload.scenario, d.payload.preset, d.payload.seed);
    const runs = d.payload.runs ?? 1;
    if (runs !== this.runs) {
      this.runs = runs;
      this.persist();
    }
    const mc = runs > 1 ? ` with ${runs} Monte Carlo runs` : '';
    const compare = d.payload.compare;
    if (compare) {
      // at start-up, once the page is set up (init); later (the link pasted into the address bar), now
      if (this.client) this.keptRuns.restore(compare, 'the link');
      else this.linkKept = compare;
    }
    this.say('info', `Opened a shared run: ${preset}${custom ? ' (custom)' : ''}, seed ${d.payload.seed}${mc}, scenario ${d.payload.hash}.`);
    return true;
  }

  /**
   * Opens a scenario file (a scenario JSON, the dashboard's JSON export or a CLI .meta.json sidecar;
   * see lib/openScenario.ts) and runs it, with the seed the file records. A file that does not hold a
   * valid scenario changes nothing and says why.
   */
  openScenarioFile(text: string, fileName: string): boolean {
    const r = readScenarioFile(text, fileName);
    if (!r.ok) {
      this.say('error', `Nothing was opened: ${r.reason.replace(/\.$/, '')}.`);
      return false;
    }
    const seed = r.seed ?? this.seed;
    const name = typeof r.raw.name === 'string' ? r.raw.name : '';
    const { preset, custom } = this.adopt(r.raw, name, seed);
    const edited = r.hashMismatch ? `; it was edited after it was saved (it records scenario ${r.hashMismatch})` : '';
    const point = r.sweep ? `, point 1 of its ${r.sweep.points} (${r.sweep.opened})` : '';
    this.say('info', `Opened ${fileName} (${r.kind})${point}: ${preset}${custom ? ' (custom)' : ''}, seed ${seed}${r.seed === null ? ' (the file has none: kept)' : r.seedsInFile > 1 ? ` (the first of its ${r.seedsInFile} seeds)` : ''}, scenario ${r.hash}${edited}.`);
    void this.run();
    return true;
  }

  /**
   * Makes a validated raw scenario the current one, as edits over a preset (the one named, else
   * baseline), so the controls show its values and the picker says "custom" when it differs. Leaves
   * are compared with the preset's resolved values, so a fully resolved scenario (a CLI sidecar's)
   * gives edits only where it really differs.
   */
  private adopt(raw: Record<string, unknown>, presetName: string, seed: number): { preset: string; custom: boolean } {
    const base = presetByName(presetName) ?? PRESETS[0];
    const v = validateScenario(base.raw);
    const resolved = v.ok ? v.scenario : base.raw;
    const leaves = flattenForEdits(raw);
    const presetLeaves = flattenForEdits(base.raw);
    const edits: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(leaves)) if (JSON.stringify(getAt(resolved, k)) !== JSON.stringify(val)) edits[k] = val;
    for (const k of Object.keys(presetLeaves)) if (!(k in leaves)) edits[k] = structuredClone(getAt(scenarioDefaults(), k)); // a copy: the defaults are shared
    this.preset = base.name;
    this.edits = edits;
    this.seed = seed;
    this.persist();
    return { preset: base.name, custom: Object.keys(edits).length > 0 };
  }
}

/**
 * Leaves of a raw scenario as edit paths. Weight maps (objects whose schema has a unit), arrays and
 * distributions stay whole, because they are defaulted as a unit.
 */
function flattenForEdits(raw: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !isAtomic(prefix, raw)) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) flattenForEdits(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = raw;
  return out;
}

function isAtomic(path: string, v: object): boolean {
  return 'dist' in v || allControls().some((c) => c.weightMapParent === path);
}
