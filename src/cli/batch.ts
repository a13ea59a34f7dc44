/**
 * Many runs on worker threads: the engine of `--seeds` (replications) and `--sweep` (a parameter
 * grid). Each run is a (scenario, seed) pair, sent to a thread with its scenario (a few kB), so a
 * thread holds only the run it is on. Threads take the next run as they finish one, so a grid of unequal
 * runs (a larger scale, a longer horizon) keeps every core busy. Each result is handed on in run order
 * as soon as the runs before it are in (a run that finishes early waits), and only its figures are
 * kept. stderr gets progress every few seconds; Ctrl-C stops every thread; a failed run names itself
 * and ends the batch.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../sim/scenario/schema.ts';
import { Interrupted } from './errors.ts';
import { BatchProgress } from '../common/batchProgress.ts';
import { RecentPace } from '../common/pace.ts';
import { batchProgressLine } from './progress.ts';
import type { RunJob, WorkerReply } from './replicaMessages.ts';

const BOOT = new URL('./batchWorker.boot.mjs', import.meta.url);
const ENTRY = new URL('./batchWorker.ts', import.meta.url).href;

export type RunResult = Extract<WorkerReply, { type: 'done' }>;
/** What the batch keeps of a run once its CSV has been handed on. */
/** A finished run of a batch: its events and time, summary figures, and how many model checks held (all: a broken one fails the batch). */
export type RunSummary = Pick<RunResult, 'events' | 'seconds' | 'figures' | 'checks'>;

export interface BatchOptions {
  scenarios: readonly Scenario[];
  /** The runs, in the order they are started (results come back keyed by position in this list). */
  runs: readonly { scenario: number; seed: number }[];
  threads: number;
  quiet?: boolean;
  /** How a run is named in progress and errors: "seed 3", "point 2 seed 1". */
  label: (run: number) => string;
  /** What the batch is of, for the progress line: "seeds", "runs". */
  unit: string;
  /** Each run's result, in run order (a throw ends the batch with that error). */
  onResult: (run: number, r: RunResult) => void;
}

export async function runBatch(o: BatchOptions): Promise<RunSummary[]> {
  const say = (m: string) => process.stderr.write(`depinsim: ${m}\n`);
  const total = o.runs.length;
  const started = performance.now();
  const summaries: RunSummary[] = [];
  /** Finished runs waiting for an earlier one before they are handed on. */
  const waiting = new Map<number, RunResult>();
  let finished = 0;
  let finishedEvents = 0;
  /** Runs going on: how far, and (wall s since the batch started) when each was handed out and when its first day came (NaN until). */
  const running = new Map<number, { day: number; events: number; startedAt: number; progressAt: number }>();
  // each run's set-up counts as progress, at the finished runs' share and pace (common/batchProgress.ts)
  const progress = new BatchProgress();
  const seconds = () => (performance.now() - started) / 1000;
  let lastReport = started;
  // The time left goes by the recent pace from the first progress on, once it spans a second: the
  // threads' start-up and their coldest first days are not the batch's pace.
  const pace = new RecentPace(20, 1);
  const horizon = (run: number) => o.scenarios[o.runs[run].scenario].horizonDays;
  const doneShare = (secs: number) => {
    let d = finished;
    for (const [i, r] of running) d += progress.share(r.startedAt, r.progressAt, r.day / horizon(i), secs);
    return d;
  };

  /** Marks the progress (every message, so the pace has data) and says it every two seconds. */
  const report = () => {
    if (o.quiet) return;
    const t = performance.now();
    const secs = (t - started) / 1000;
    const done = doneShare(secs);
    pace.markBatch(done, secs, [...running.values()].some((r) => Number.isNaN(r.progressAt)));
    if (t - lastReport < 2000) return;
    lastReport = t;
    let events = finishedEvents;
    for (const r of running.values()) events += r.events;
    const now = [...running].map(([i, r]) => `${o.label(i)} day ${Math.floor(r.day)}/${horizon(i)}`).join(', ');
    say(batchProgressLine(finished, total, o.unit, now, events, secs, done, pace.secondsPerUnit()));
  };

  const workers: Worker[] = [];
  const retired = new Set<Worker>();
  await new Promise<void>((resolve, reject) => {
    let nextRun = 0;
    let settled = false;
    const end = (e?: Error) => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      for (const w of workers) if (!retired.has(w)) retired.add(w), void w.terminate();
      if (e) reject(e);
      else resolve();
    };
    const onSignal = (sig: string) => {
      end(new Interrupted(`${sig} after ${finished} of ${total} ${o.unit}: nothing written (files already at the output paths are as they were)`));
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    const next = (w: Worker) => {
      if (nextRun >= total) {
        retired.add(w);
        void w.terminate();
        return;
      }
      const run = nextRun++;
      running.set(run, { day: 0, events: 0, startedAt: seconds(), progressAt: NaN });
      const job: RunJob = { run, scenario: o.scenarios[o.runs[run].scenario], seed: o.runs[run].seed };
      w.postMessage(job);
    };
    const threads = Math.max(1, Math.min(o.threads, total));
    for (let i = 0; i < threads; i++) {
      const w = new Worker(BOOT, { workerData: { entry: ENTRY } });
      workers.push(w);
      w.on('message', (m: WorkerReply) => {
        if (settled) return;
        switch (m.type) {
          case 'progress': {
            const r = running.get(m.run);
            if (r) {
              r.day = m.day;
              r.events = m.events;
              if (Number.isNaN(r.progressAt) && m.day > 0) r.progressAt = seconds();
            }
            report();
            break;
          }
          case 'warning':
            say(`${o.label(m.run)}: ${m.message}`);
            break;
          case 'done': {
            const r = running.get(m.run);
            if (r) {
              const secs = seconds();
              progress.runFinished((Number.isNaN(r.progressAt) ? secs : r.progressAt) - r.startedAt, secs - r.startedAt);
            }
            running.delete(m.run);
            finishedEvents += m.events;
            waiting.set(m.run, m);
            try {
              for (let r = waiting.get(summaries.length); r; r = waiting.get(summaries.length)) {
                waiting.delete(r.run);
                o.onResult(r.run, r);
                summaries.push({ events: r.events, seconds: r.seconds, figures: r.figures, checks: r.checks });
              }
            } catch (e) {
              return end(e as Error);
            }
            if (++finished === total) return end();
            next(w);
            report();
            break;
          }
          case 'failed':
            end(new Error(`${o.label(m.run)}: ${m.message}`));
            break;
        }
      });
      w.on('error', (e) => end(new Error(`a worker thread failed: ${e.message}`)));
      w.on('exit', (code) => {
        if (!retired.has(w)) end(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      next(w);
    }
  });
  return summaries;
}

/** Where a batch's results go, run by run in run order: staged, then published whole or discarded. */
export interface RunSink {
  add(run: number, r: RunResult): void;
  /** The batch is complete: put the output in place. */
  publish(): void;
  /** The batch failed or was interrupted: remove what was written (what was at the path stays). */
  discard(): void;
}

/** Opens the sinks in turn; if one cannot be opened, those already open are discarded (no stray partial files). */
export function openSinks(...open: (() => RunSink | null)[]): RunSink[] {
  const sinks: RunSink[] = [];
  try {
    for (const o of open) {
      const s = o();
      if (s) sinks.push(s);
    }
    return sinks;
  } catch (e) {
    for (const s of sinks) s.discard();
    throw e;
  }
}

/** Runs a batch into its sinks (the long CSV, the bands); a batch that fails or is interrupted publishes nothing. */
export async function runBatchInto(o: Omit<BatchOptions, 'onResult'>, sinks: readonly RunSink[]): Promise<RunSummary[]> {
  try {
    const summaries = await runBatch({ ...o, onResult: (i, r) => sinks.forEach((s) => s.add(i, r)) });
    for (const s of sinks) s.publish();
    return summaries;
  } catch (e) {
    for (const s of sinks) s.discard();
    throw e;
  }
}

/** The tail of a batch's summary line: "1.20 M events in 8.1 s on 2 threads; wrote f.csv (with .meta.json)". */
export function batchDone(results: readonly RunSummary[], seconds: number, threads: number, note: string, files: readonly string[]): string {
  const events = results.reduce((s, r) => s + r.events, 0);
  const wrote = files.length === 0 ? '' : `; wrote ${files.join(', ')} (${files.length > 1 ? 'each ' : ''}with .meta.json)`;
  // every run's checks held (a broken one fails the batch in its worker); runs without the economy have no supply check
  const lo = Math.min(...results.map((r) => r.checks));
  const hi = Math.max(...results.map((r) => r.checks));
  const checks = results.length === 0 ? '' : `; model checks: all ${lo === hi ? lo : `${lo} to ${hi}`} hold on each run`;
  return `${(events / 1e6).toFixed(2)} M events in ${seconds.toFixed(1)} s on ${threads} thread${threads > 1 ? 's' : ''}${note}${checks}${wrote}`;
}
