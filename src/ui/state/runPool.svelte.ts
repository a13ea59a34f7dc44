/**
 * Runs in the browser beyond the one on screen, each on its own worker at full speed (while the
 * page's own run goes they leave it two cores, then take every core; bounded by memory:
 * lib/ensembleWorkers.ts): the Monte Carlo seeds of the page's scenario, the points of a parameter
 * sweep, the ends of a sensitivity run. They are the same simulation as the main run (same
 * worker code, same determinism): a (scenario, seed) here is exactly `depinsim run --seed s`. Each
 * finished run's table (with the dashboard's derived columns) is kept by its key; starting again or
 * cancelling drops them. With a run cache, a job whose (scenario hash, seed) was already run in this
 * session takes that table at once instead of a worker, and every finished run goes into the cache.
 */
import { SimClient, type WorkerEvent } from '../lib/simClient.ts';
import { deriveColumns } from '../lib/chartDefs/derivedColumns.ts';
import type { RunTable } from '../lib/bands.ts';
import { ColumnBuffers } from '../lib/columnBuffers.ts';
import { ensembleWorkers } from '../lib/ensembleWorkers.ts';
import type { RunCache, ScreenRun } from '../lib/runCache.ts';
import { keepColumns } from '../lib/kpiColumns.ts';
import type { ColumnInfo } from '../../worker/api.ts';
import { batchTimeLeft, RecentPace } from '../../common/pace.ts';
import { BatchProgress } from '../../common/batchProgress.ts';

/** One run: its key (how its table is found), a validated raw scenario, the seed and its metric period. */
export interface PoolJob {
  key: string;
  raw: unknown;
  seed: number;
  periodHours: number;
  /** The scenario's supply cap at its scale (scenarioRefs.ts supplyCapTokens), for its fully diluted value column. */
  supplyCapTokens?: number;
  /** Its run-cache key (RunCache.key of the scenario's hash and the seed), if it may be cached. */
  cacheKey?: string;
  /**
   * Also read the per-provider report and the column list when it finishes (a run that will be shown
   * as the page's own, e.g. a kept run brought back): they land in `screens` and the cache.
   */
  screen?: boolean;
}

/** A worker of the pool: its client, the job it is on and the rows streamed so far. */
interface Slot {
  client: SimClient;
  runId: number;
  job: PoolJob | null;
  buffers: ColumnBuffers;
  /** The column list of the run going on (from its start). */
  columns: ColumnInfo[];
  /** How far the run going on has got, of its horizon (0 until its start is known): its share of the batch's progress. */
  nowHours: number;
  horizonHours: number;
  /** Wall time (s) when the run going on was taken, and when its first simulated time came (NaN while it sets up). */
  startedAt: number;
  progressAt: number;
}

/** How often the time left on the page changes (ms): the pace is marked on every batch of rows. */
const TIME_LEFT_EVERY_MS = 500;

/** A batch's pace: over its last 20 s, from its first 2 s of progress (every worker's coldest: common/batchProgress.ts's test). */
function freshPace(): RecentPace {
  return new RecentPace(20, 2);
}

export class RunPool {
  /** The jobs of the current batch, their finished tables by key, and the first failure. */
  jobs = $state.raw<PoolJob[]>([]);
  tables = $state.raw<Map<string, RunTable>>(new Map());
  /** What it takes to show a `screen` job's run as the page's own, by key (set before its table). */
  screens = new Map<string, ScreenRun>();
  error = $state<string | null>(null);
  /** A run the model stopped (its token out of the ledger's range), in a few words for a status line: the run and the day (the whole of it in `error`); else null. */
  errorBrief = $state<string | null>(null);

  private slots: Slot[] = [];
  private queue: PoolJob[] = [];
  private generation = 0;
  /** The batch's largest scale (for the memory bound), and whether the page's own run is going (it gets two cores). */
  private scale = 1;
  private pageRunGoing = false;
  /** Runs going now, and runs waiting for a worker. */
  active = $state(0);
  waiting = $state(0);
  /** Jobs of the current batch that were taken from the run cache rather than run. */
  fromCache = $state(0);
  /**
   * "about 40 s left" (or "estimating the time left" in the first second of progress) while runs are
   * going; '' when none is (done, cancelled, or waiting for the page's own run to finish). At the
   * batch's recent pace over the runs done, the running ones' shares included (common/pace.ts, the
   * CLI's --seeds line): runs of one batch take about as long as each other, and a whole-run count
   * alone would say nothing until the first run ends.
   */
  timeLeft = $state('');
  private pace = freshPace();
  /** The batch's runs done, set-up included (common/batchProgress.ts). */
  private progress = new BatchProgress();
  private timeLeftAt = -Infinity;

  /**
   * Where finished runs are kept and looked up (by PoolJob.cacheKey); none: every job runs. With
   * `keep`, the batch's tables hold only those columns (what a batch summarized by the KPI cards'
   * figures reads: lib/kpiColumns.ts); the cache still gets each run whole, for the page to show.
   */
  constructor(
    public cache: RunCache | null = null,
    private readonly keep: readonly string[] | null = null,
  ) {}

  /** A table as the batch keeps it: whole, or only the `keep` columns. */
  private kept(t: RunTable): RunTable {
    return this.keep ? keepColumns(t, this.keep) : t;
  }

  get running(): boolean {
    return this.jobs.length > 0 && this.tables.size < this.jobs.length && !this.error;
  }

  /** Runs the jobs (their scenarios already validated; `scale`: the largest, for the memory bound); replaces a batch in progress. */
  start(jobs: PoolJob[], scale: number): void {
    this.cancel();
    const gen = ++this.generation;
    this.jobs = jobs;
    const cached = new Map<string, RunTable>();
    for (const j of jobs) {
      const hit = j.cacheKey ? this.cache?.get(j.cacheKey) : undefined;
      // a stored run is taken as it is: without its provider report only when that was too large to store (lib/runCache.ts)
      if (hit) cached.set(j.key, this.kept(hit.table));
    }
    this.tables = cached;
    this.fromCache = cached.size;
    this.pace = freshPace();
    this.progress = new BatchProgress();
    this.timeLeftAt = -Infinity;
    this.queue = jobs.filter((j) => !cached.has(j.key));
    this.scale = scale;
    if (this.cache?.persistent && this.queue.some((j) => j.cacheKey)) void this.restoreThenFill(gen);
    else this.fill(gen);
  }

  /**
   * Takes the jobs kept across reloads (the cache's store) from there, then runs the rest. The
   * queue stays empty while it looks, so no worker starts a job that is about to be found.
   */
  private async restoreThenFill(gen: number): Promise<void> {
    const pending = this.queue;
    this.queue = [];
    // they still wait, to be found or run: the page says so meanwhile (the store can take a second on a busy machine)
    this.waiting = pending.length;
    const found = await Promise.all(pending.map((j) => (j.cacheKey ? this.cache!.restore(j.cacheKey) : undefined)));
    if (gen !== this.generation) return;
    const tables = new Map(this.tables);
    pending.forEach((j, i) => found[i] && tables.set(j.key, this.kept(found[i].table)));
    this.tables = tables;
    this.fromCache = tables.size;
    this.queue = pending.filter((j) => !tables.has(j.key));
    this.fill(gen);
  }

  /**
   * Tells the pool whether the page's own run is going: while it is, the batch leaves it two cores
   * (lib/ensembleWorkers.ts); when it stops, more runs start. Runs going on are never stopped.
   */
  setPageRunGoing(going: boolean): void {
    if (going === this.pageRunGoing) return;
    this.pageRunGoing = going;
    this.fill(this.generation);
  }

  private limit(): number {
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    return ensembleWorkers(this.queue.length + this.busy(), this.scale, cores, this.pageRunGoing);
  }

  private busy(): number {
    let n = 0;
    for (const s of this.slots) if (s.job) n++;
    return n;
  }

  /** Starts waiting jobs on idle workers, up to the limit. */
  private fill(gen: number): void {
    const want = this.limit();
    while (this.slots.length < want) this.slots.push(this.newSlot());
    for (const slot of this.slots) {
      if (this.queue.length === 0 || this.busy() >= want) break;
      if (!slot.job) void this.next(slot, gen);
    }
    this.counts();
  }

  private counts(): void {
    this.active = this.busy();
    this.waiting = this.queue.length;
    // a worker builds its run for a second or two before its first rows: say the estimate is coming
    if (this.active === 0) this.timeLeft = '';
    else if (this.timeLeft === '') this.timeLeft = batchTimeLeft(NaN, this.queue.length + this.active);
  }

  /** Runs done: those finished (or taken from the cache) plus each running one's share, its set-up included. */
  private runsDone(now: number): number {
    let done = this.tables.size;
    for (const s of this.slots) if (s.job && !this.tables.has(s.job.key)) done += this.progress.share(s.startedAt, s.progressAt, s.horizonHours > 0 ? s.nowHours / s.horizonHours : 0, now);
    return done;
  }

  /**
   * Marks the batch's progress now (the first mark once no run is setting up: RecentPace.markBatch);
   * the time left on the page changes at most every TIME_LEFT_EVERY_MS.
   */
  private markPace(): void {
    const now = performance.now();
    const secs = now / 1000;
    // (no estimate either before the first mark: the page keeps saying it is estimating)
    if (!this.pace.markBatch(this.runsDone(secs), secs, this.slots.some((s) => s.job && Number.isNaN(s.progressAt)))) return;
    if (now - this.timeLeftAt < TIME_LEFT_EVERY_MS || this.active === 0) return;
    this.timeLeftAt = now;
    this.timeLeft = batchTimeLeft(this.pace.secondsPerUnit(), this.jobs.length - this.runsDone(secs));
  }

  /** Stops every run of the batch; its tables are dropped. */
  cancel(): void {
    this.generation++;
    this.queue = [];
    for (const s of this.slots) {
      if (s.runId) void s.client.cancel().catch(() => undefined);
      s.runId = 0;
      s.job = null;
      s.buffers.reset();
    }
    this.jobs = [];
    this.tables = new Map();
    this.screens = new Map();
    this.fromCache = 0;
    this.counts();
    this.error = null;
    this.errorBrief = null;
  }

  /** Ends the workers. */
  dispose(): void {
    this.cancel();
    for (const s of this.slots) s.client.dispose();
    this.slots = [];
  }

  private newSlot(): Slot {
    const slot: Slot = { client: null as unknown as SimClient, runId: 0, job: null, buffers: new ColumnBuffers(), columns: [], nowHours: 0, horizonHours: 0, startedAt: 0, progressAt: NaN };
    slot.client = new SimClient({
      onEvent: (ev) => this.onEvent(slot, ev),
      onCrash: (msg) => {
        slot.runId = 0;
        this.error = `a worker crashed (${msg})`;
      },
    });
    return slot;
  }

  private async next(slot: Slot, gen: number): Promise<void> {
    if (gen !== this.generation) return;
    // past the limit (the page's run started meanwhile): this worker waits
    slot.job = null;
    const job = this.busy() < this.limit() ? this.queue.shift() : undefined;
    slot.job = job ?? null;
    this.counts();
    if (!job) {
      slot.runId = 0;
      return;
    }
    slot.buffers.reset();
    slot.nowHours = 0;
    slot.horizonHours = 0;
    slot.startedAt = performance.now() / 1000;
    slot.progressAt = NaN;
    // events can arrive before start() resolves: expect the id the client will use
    slot.runId = slot.client.peekNextRunId();
    try {
      const r = await slot.client.start(job.raw, job.seed, { speedDaysPerSecond: 0 });
      if (r.ok) {
        slot.columns = r.columns;
        if (slot.job === job) slot.horizonHours = r.horizonHours;
      }
      if (!r.ok && gen === this.generation) this.error = `${job.key} did not start: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    } catch (e) {
      if (gen === this.generation) this.error = `${job.key} did not start: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private onEvent(slot: Slot, ev: WorkerEvent): void {
    const job = slot.job;
    if (ev.runId !== slot.runId || slot.runId === 0 || !job) return;
    // the pool's progress counts finished runs: a run's set-up is not shown
    if (ev.kind === 'setup') return;
    if (ev.kind === 'error') {
      slot.runId = 0;
      // the first failure is the one said: the runs still going may fail too (every seed of a token
      // that collapses at this volatility), and a later one replaced what the reader had opened
      if (this.error !== null) return;
      this.error = ev.modelStop
        ? `${job.key} stopped: ${ev.reason ?? ev.message}. Every run of the batch must reach the horizon; this one alone on the page (Seed ${job.seed}, Runs 1) shows its days`
        : `${job.key} stopped with an error: ${ev.message}`;
      // the reason's first clause: "the token economy left the range the ledger counts exactly on day 1509";
      // `error` starts with it, so the status line shows the rest of `error` when it is opened
      this.errorBrief = ev.modelStop ? `${job.key} stopped: ${(ev.reason ?? ev.message).split(':')[0]}` : null;
      return;
    }
    if (ev.kind === 'rows' && ev.rows > 0) slot.buffers.append(ev.from, ev.rows, ev.data);
    // a finished run counts whole until its table is filed, then as the table (runsDone)
    slot.nowHours = ev.status === 'done' ? slot.horizonHours : ev.nowHours;
    const secs = performance.now() / 1000;
    if (Number.isNaN(slot.progressAt) && ev.nowHours > 0) slot.progressAt = secs;
    if (ev.status === 'done') this.progress.runFinished((Number.isNaN(slot.progressAt) ? secs : slot.progressAt) - slot.startedAt, secs - slot.startedAt);
    if (ev.status !== 'done') this.markPace();
    if (ev.status === 'done') {
      const v = slot.buffers.view();
      const data = { ...v.data, ...deriveColumns(v.data, v.rows, job.periodHours, job.supplyCapTokens) };
      const table = { rows: v.rows, data };
      slot.buffers = new ColumnBuffers(); // the table keeps the old buffers' arrays
      slot.runId = 0; // a second 'done' of this run (a last batch, then the status) is ignored
      const gen = this.generation;
      if (!job.screen) {
        this.finished(job, table, null);
        void this.next(slot, gen);
        return;
      }
      // the report is read before this worker starts another run (which would replace it)
      const screen: ScreenRun = { horizonHours: ev.nowHours, periodHours: job.periodHours, columns: slot.columns, providers: null, eventsProcessed: ev.eventsProcessed, busyMs: ev.busyMs };
      void slot.client
        .providers()
        .then((r) => (screen.providers = r && { runId: 0, nowHours: r.nowHours, rows: r.rows }))
        .catch(() => undefined) // optional, as for the page's own run: the charts that need it say so
        .then(() => {
          if (gen !== this.generation) return;
          this.finished(job, table, screen);
          void this.next(slot, gen);
        });
    }
  }

  /** Files a finished run's table (and, for a `screen` job, what it takes to show it) under its key. */
  private finished(job: PoolJob, table: RunTable, screen: ScreenRun | null): void {
    if (screen) this.screens.set(job.key, screen);
    const tables = new Map(this.tables);
    tables.set(job.key, this.kept(table));
    this.tables = tables;
    this.markPace();
    if (!job.cacheKey) return;
    if (screen) this.cache?.putScreen(job.cacheKey, table, screen);
    else this.cache?.putTable(job.cacheKey, table);
  }
}
