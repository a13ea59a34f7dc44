/**
 * The simulation worker's API, independent of the transport: `createApi(deps)` returns plain
 * methods that sim.worker.ts exposes through comlink and that the tests call directly in Node.
 *
 * The worker owns the run loop. It advances the run in slices of about `sliceMs` of work (or up to
 * a speed-limited simulated time), streams the metric rows completed in each slice to the UI as
 * fresh Float64Arrays (transferred, not copied), then yields to its event loop so pause, step,
 * speed and cancel messages get through between slices. Slices never change results: the core
 * guarantees that a run advanced in slices equals a whole run.
 *
 * Nothing here touches the DOM or WebWorker globals, so the UI can `import type` from this file.
 */

export interface ColumnInfo {
  name: string;
  unit: string;
  description: string;
}

/** The part of the core's MetricTable the worker reads. */
export interface TableLike {
  columns: ColumnInfo[];
  rows: number;
  data: Record<string, Float64Array>;
}

/** The part of the core's Run the worker drives. */
export interface RunLike {
  readonly horizonHours: number;
  readonly periodHours: number;
  now(): number;
  advance(untilHours: number, maxEvents?: number): boolean;
  done(): boolean;
  table(): TableLike;
  eventsProcessed(): number;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** New rows [from, from + rows) of every column, plus where the run stands. */
export interface RowBatch {
  kind: 'rows';
  runId: number;
  from: number;
  rows: number;
  data: Record<string, Float64Array>;
  nowHours: number;
  eventsProcessed: number;
  status: RunStatus;
  /** Wall time the worker spent simulating since the start (ms), for the speed readout. */
  busyMs: number;
}

export interface StatusEvent {
  kind: 'status';
  runId: number;
  status: RunStatus;
  nowHours: number;
  eventsProcessed: number;
  busyMs: number;
}

export interface ErrorEvent {
  kind: 'error';
  runId: number;
  message: string;
  /**
   * The run stopped for a reason of the model's, not a fault: its token economy left the range the
   * ledger counts in (sim/economy/tokenOutOfRange.ts). The message says why; the days before stand.
   */
  modelStop?: boolean;
  /** With modelStop: why, without what the days before it are (a Monte Carlo seed's days are not shown on their own). */
  reason?: string;
}

/** One of a finished run's model checks (the core's RunCheck: sim/model/runChecks.ts), as plain data. */
export interface RunCheckInfo {
  id: string;
  title: string;
  holds: boolean;
  detail: string;
  short: string;
}

/** How far the building of a run's initial network got (sent while start() builds it, a few a second). */
export interface SetupEvent {
  kind: 'setup';
  runId: number;
  /** What is being built: 'providers', then 'warm-start jobs' (the core's SetupStage). */
  stage: string;
  done: number;
  total: number;
}

export type WorkerEvent = RowBatch | StatusEvent | ErrorEvent | SetupEvent;
export type Listener = (ev: WorkerEvent) => void;

export interface StartOptions {
  /** Simulated days per wall-clock second; Infinity (or 0) runs as fast as the machine allows. */
  speedDaysPerSecond?: number;
  /** Start paused (then `step` or `resume`). */
  paused?: boolean;
  /** Tag the UI chooses for this run; every event of the run carries it (default: a counter). */
  runId?: number;
}

/** A run the worker has started: what identifies it and the shape of the rows it will stream. */
export interface RunStarted {
  runId: number;
  hash: string;
  seed: number;
  horizonHours: number;
  periodHours: number;
  columns: ColumnInfo[];
  /** The validated scenario with every default filled in (plain JSON data). */
  scenario: unknown;
}

export type StartResult = ({ ok: true } & RunStarted) | { ok: false; issues: FieldIssue[] };

export interface ApiDeps<S, R extends RunLike = RunLike> {
  validate(raw: unknown): { ok: true; scenario: S } | { ok: false; issues: FieldIssue[] };
  /** Builds the run; `onSetup` hears how far the building of its network got (it may be called thousands of times). */
  createRun(scenario: S, seed: number, onSetup?: (stage: string, done: number, total: number) => void): R;
  /** Per-provider results of the run so far (plain records), if the core offers them. */
  providerReport?(run: R): Record<string, number | string>[];
  /** The identities a finished run must satisfy, with their figures, if the core checks them. */
  runChecks?(run: R): RunCheckInfo[];
  hash(scenario: S): string;
  /** Monotonic milliseconds (performance.now in the worker). */
  clock(): number;
  /** Runs `fn` soon, after pending messages have been handled. */
  yieldThen(fn: () => void): void;
  /** Runs `fn` after about `ms` milliseconds (used when the speed is limited). */
  later(fn: () => void, ms: number): void;
  /** Marks a batch's buffers as transferable (comlink `transfer`); identity in tests. */
  transfer<T>(value: T, buffers: ArrayBuffer[]): T;
  sliceMs?: number;
  /**
   * Event budget per advance() call, so neither a busy period nor cold code blocks the loop for long:
   * the slice's time is checked between calls. 4096 events are about 10 ms of the baseline once the
   * code is warm and 100-200 ms in the first second, when a simulated day's 12,000 events took 0.4 s
   * in one call, and a pause or a new run asked for meanwhile waited for it.
   */
  maxEventsPerCall?: number;
}

/** At most this often (ms) a 'setup' event while a network is built. */
const SETUP_EVERY_MS = 250;

export function createApi<S, R extends RunLike = RunLike>(deps: ApiDeps<S, R>) {
  const sliceMs = deps.sliceMs ?? 12;
  const maxEvents = deps.maxEventsPerCall ?? 4096;

  let run: R | null = null;
  // `gen` invalidates callbacks of replaced runs; `runId` is the tag events carry.
  let gen = 0;
  let runId = 0;
  let status: RunStatus = 'idle';
  let listener: Listener | null = null;
  let sent = 0;
  let busyMs = 0;
  let speed = Infinity;
  let stepTarget: number | null = null;
  let scheduled = false;
  // Speed limiting: the simulated time allowed grows with wall time since the last (re)start.
  let paceWall = 0;
  let paceSim = 0;

  function emit(ev: WorkerEvent, buffers: ArrayBuffer[] = []) {
    if (!listener) return;
    try {
      listener(buffers.length ? deps.transfer(ev, buffers) : ev);
    } catch {
      // The UI end went away (worker being replaced): nothing to tell.
    }
  }

  function statusEvent(): StatusEvent {
    return {
      kind: 'status',
      runId,
      status,
      nowHours: run ? run.now() : 0,
      eventsProcessed: run ? run.eventsProcessed() : 0,
      busyMs,
    };
  }

  /** Sends the rows completed since the last flush (copies, so the core's arrays stay its own). */
  function flush() {
    if (!run) return;
    const t = run.table();
    if (t.rows <= sent && status !== 'done') return;
    const data: Record<string, Float64Array> = {};
    const buffers: ArrayBuffer[] = [];
    for (const c of t.columns) {
      const col = t.data[c.name];
      const part = col ? col.slice(sent, t.rows) : new Float64Array(t.rows - sent).fill(NaN);
      data[c.name] = part;
      buffers.push(part.buffer as ArrayBuffer);
    }
    const batch: RowBatch = {
      kind: 'rows',
      runId,
      from: sent,
      rows: t.rows - sent,
      data,
      nowHours: run.now(),
      eventsProcessed: run.eventsProcessed(),
      status,
      busyMs,
    };
    sent = t.rows;
    emit(batch, buffers);
  }

  function schedule(delayMs = 0) {
    if (scheduled) return;
    scheduled = true;
    const id = gen;
    const go = () => {
      if (id !== gen) return; // a callback of a run that was replaced: its flag was reset
      scheduled = false;
      loop();
    };
    if (delayMs > 0) deps.later(go, delayMs);
    else deps.yieldThen(go);
  }

  function nextBoundary(r: RunLike): number {
    const p = r.periodHours;
    return Math.min(r.horizonHours, (Math.floor(r.now() / p + 1e-9) + 1) * p);
  }

  function fail(e: unknown) {
    status = 'error';
    // by name: this file imports nothing of the core (sim/economy/tokenOutOfRange.ts names it so)
    if (e instanceof Error && e.name === 'TokenOutOfRange') emit({ kind: 'error', runId, message: e.message, modelStop: true, reason: (e as Error & { reason?: string }).reason });
    else emit({ kind: 'error', runId, message: e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e) });
    emit(statusEvent());
  }

  function loop() {
    const r = run;
    if (!r || (status !== 'running' && stepTarget === null)) return;
    const t0 = deps.clock();
    let waitMs = 0;
    try {
      while (!r.done()) {
        let target = nextBoundary(r);
        if (stepTarget !== null) target = Math.min(target, stepTarget);
        else if (Number.isFinite(speed)) {
          const allowed = paceSim + ((deps.clock() - paceWall) / 1000) * speed * 24;
          if (allowed < target) {
            // Not yet allowed to finish this period: do what the pace allows, then wait.
            if (allowed > r.now()) r.advance(allowed, maxEvents);
            waitMs = 16;
            break;
          }
        }
        const reached = r.advance(target, maxEvents);
        if (reached && stepTarget !== null && r.now() >= stepTarget) {
          stepTarget = null;
          status = r.done() ? 'done' : 'paused';
          break;
        }
        if (deps.clock() - t0 >= sliceMs) break;
      }
      if (r.done()) {
        status = 'done';
        stepTarget = null;
      }
    } catch (e) {
      busyMs += deps.clock() - t0;
      flush();
      fail(e);
      return;
    }
    busyMs += deps.clock() - t0;
    flush();
    if (status === 'running' || stepTarget !== null) schedule(waitMs);
    else emit(statusEvent());
  }

  const api = {
    /** Registers the function that receives row batches and status changes (a comlink proxy). */
    subscribe(fn: Listener): void {
      listener = fn;
    },

    /** Validates the raw scenario and starts a new run (replacing any current one). */
    start(raw: unknown, seed: number, options: StartOptions = {}): StartResult {
      gen++;
      runId = options.runId ?? gen;
      run = null;
      scheduled = false;
      sent = 0;
      busyMs = 0;
      stepTarget = null;
      status = 'idle';
      if (!Number.isSafeInteger(seed) || seed < 0) {
        return { ok: false, issues: [{ path: 'seed', message: `expected a whole number >= 0, got ${JSON.stringify(seed)}` }] };
      }
      const v = deps.validate(raw);
      if (!v.ok) return { ok: false, issues: v.issues };
      let r: R;
      // a large network takes seconds to build, all inside this call: say how far it got, a few times a second
      let lastSetup = deps.clock();
      const onSetup = (stage: string, done: number, total: number) => {
        const t = deps.clock();
        if (t - lastSetup < SETUP_EVERY_MS) return;
        lastSetup = t;
        emit({ kind: 'setup', runId, stage, done, total });
      };
      try {
        r = deps.createRun(v.scenario, seed, onSetup);
      } catch (e) {
        return { ok: false, issues: [{ path: '(run)', message: e instanceof Error ? e.message : String(e) }] };
      }
      run = r;
      speed = options.speedDaysPerSecond && options.speedDaysPerSecond > 0 ? options.speedDaysPerSecond : Infinity;
      paceWall = deps.clock();
      paceSim = 0;
      status = options.paused ? 'paused' : 'running';
      const t = r.table();
      const result: StartResult = {
        ok: true,
        runId,
        hash: deps.hash(v.scenario),
        seed,
        horizonHours: r.horizonHours,
        periodHours: r.periodHours,
        columns: t.columns.map((c) => ({ name: c.name, unit: c.unit, description: c.description })),
        scenario: JSON.parse(JSON.stringify(v.scenario)) as unknown,
      };
      if (status === 'running') schedule();
      return result;
    },

    pause(): RunStatus {
      if (status === 'running') {
        status = 'paused';
        flush();
        emit(statusEvent());
      }
      stepTarget = null;
      return status;
    },

    resume(): RunStatus {
      if (run && (status === 'paused' || status === 'idle')) {
        status = 'running';
        stepTarget = null;
        paceWall = deps.clock();
        paceSim = run.now();
        emit(statusEvent());
        schedule();
      }
      return status;
    },

    /** Advances to the end of the current metrics period (one more row), then pauses. */
    step(): RunStatus {
      if (!run || run.done() || status === 'error') return status;
      status = 'paused';
      stepTarget = nextBoundary(run);
      schedule();
      return status;
    },

    setSpeed(daysPerSecond: number): void {
      speed = daysPerSecond > 0 ? daysPerSecond : Infinity;
      if (run) {
        paceWall = deps.clock();
        paceSim = run.now();
      }
    },

    /** Stops and forgets the current run. */
    cancel(): void {
      gen++;
      run = null;
      scheduled = false;
      stepTarget = null;
      status = 'idle';
    },

    status(): StatusEvent {
      return statusEvent();
    },

    /**
     * One record per provider ever in the network, with its economics so far (null when the core
     * has no such report). Called by the UI when a run pauses or finishes, not while it streams.
     */
    providers(): { runId: number; nowHours: number; rows: Record<string, number | string>[] } | null {
      if (!run || !deps.providerReport) return null;
      return { runId, nowHours: run.now(), rows: deps.providerReport(run) };
    },

    /** The finished run's model checks; null while it has not reached its horizon (they are identities over the whole run). */
    checks(): { runId: number; checks: RunCheckInfo[] } | null {
      if (!run || !deps.runChecks || !run.done()) return null;
      return { runId, checks: deps.runChecks(run) };
    },
  };
  return api;
}

export type SimApi = ReturnType<typeof createApi>;
