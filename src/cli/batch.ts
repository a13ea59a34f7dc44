/**
 * Many runs on worker threads: the engine of `--seeds` (replications) and `--sweep` (a parameter
 * grid). Each run is a (scenario, seed) pair; the scenarios are sent to every thread once, a run
 * names its scenario by index. Threads take the next run as they finish one, so a grid of unequal
 * runs (a larger scale, a longer horizon) keeps every core busy. stderr gets progress every few
 * seconds; Ctrl-C stops every thread with nothing written; a failed run names itself and ends the batch.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../sim/scenario/schema.ts';
import { Interrupted } from './errors.ts';
import { writeOutput } from './outputFiles.ts';
import { timeLeft } from './progress.ts';
import type { RunJob, WorkerReply } from './replicaMessages.ts';

const BOOT = new URL('./batchWorker.boot.mjs', import.meta.url);
const ENTRY = new URL('./batchWorker.ts', import.meta.url).href;

export type RunResult = Extract<WorkerReply, { type: 'done' }>;

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
}

export async function runBatch(o: BatchOptions): Promise<RunResult[]> {
  const say = (m: string) => process.stderr.write(`depinsim: ${m}\n`);
  const total = o.runs.length;
  const started = performance.now();
  const results: RunResult[] = new Array(total);
  let finished = 0;
  const running = new Map<number, { day: number; events: number }>();
  let lastReport = started;

  const report = () => {
    const t = performance.now();
    if (o.quiet || t - lastReport < 2000) return;
    lastReport = t;
    let events = 0;
    let doneShare = 0;
    for (const r of results) if (r) (events += r.events), (doneShare += 1);
    for (const [i, r] of running) (events += r.events), (doneShare += r.day / o.scenarios[o.runs[i].scenario].horizonDays);
    const frac = doneShare / total;
    const now = [...running].map(([i, r]) => `${o.label(i)} day ${Math.floor(r.day)}/${o.scenarios[o.runs[i].scenario].horizonDays}`).join(', ');
    const secs = (t - started) / 1000;
    say(`${finished}/${total} ${o.unit} done${now ? ` (running: ${now})` : ''}, ${(events / 1e6).toFixed(1)} M events, ${secs.toFixed(1)} s, ${timeLeft((secs * (1 - frac)) / frac)}`);
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
      running.set(run, { day: 0, events: 0 });
      const job: RunJob = { run, scenario: o.runs[run].scenario, seed: o.runs[run].seed };
      w.postMessage(job);
    };
    const threads = Math.max(1, Math.min(o.threads, total));
    for (let i = 0; i < threads; i++) {
      const w = new Worker(BOOT, { workerData: { entry: ENTRY, scenarios: o.scenarios } });
      workers.push(w);
      w.on('message', (m: WorkerReply) => {
        if (settled) return;
        switch (m.type) {
          case 'progress':
            running.set(m.run, { day: m.day, events: m.events });
            report();
            break;
          case 'warning':
            say(`${o.label(m.run)}: ${m.message}`);
            break;
          case 'done':
            running.delete(m.run);
            results[m.run] = m;
            if (++finished === total) return end();
            next(w);
            report();
            break;
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
  return results;
}

/** Writes a batch's long CSV to `out` with its sidecar `meta` (or the CSV to stdout). */
export function writeBatch(out: string | undefined, text: string, meta: Record<string, unknown>): void {
  if (out) writeOutput(out, text, JSON.stringify(meta, null, 2) + '\n');
  else process.stdout.write(text);
}

/** The tail of a batch's summary line: "1.20 M events in 8.1 s on 2 threads; wrote f.csv (with .meta.json)". */
export function batchDone(results: readonly RunResult[], seconds: number, threads: number, note: string, out: string | undefined): string {
  const events = results.reduce((s, r) => s + r.events, 0);
  return `${(events / 1e6).toFixed(2)} M events in ${seconds.toFixed(1)} s on ${threads} thread${threads > 1 ? 's' : ''}${note}` + (out ? `; wrote ${out} (with .meta.json)` : '');
}
