/**
 * One run of a batch, as a worker thread does it (batchWorker.ts): the (scenario, seed) it is sent,
 * run to its horizon, then reported back with its CSV and summary figures, or as failed. Apart from
 * the thread so the whole of it, the model checks' verdict included, can be run in-process by tests.
 * The heap is watched as in a single run, so a run that cannot fit stops with the same message.
 */
import { createRun } from '../sim/run.ts';
import { TokenOutOfRange } from '../sim/economy/tokenOutOfRange.ts';
import { tableToCsv } from '../sim/metrics/csv.ts';
import { marketDryNotice } from '../sim/metrics/marketDryNotice.ts';
import { HeapWatch } from './memoryGuard.ts';
import { RunSlices } from './runSlices.ts';
import { brokenChecks } from './checksLine.ts';
import { runFigures, type RunJob, type WorkerReply } from './replicaMessages.ts';

/** Runs `job`, posting its progress, warnings, and last either 'done' or 'failed'. */
export function runJob({ run: id, scenario, seed }: RunJob, post: (m: WorkerReply) => void): void {
  try {
    const started = performance.now();
    const heap = new HeapWatch(scenario.horizonDays, (message) => post({ type: 'warning', run: id, message }));
    const run = createRun(scenario, seed, { onSetup: (stage, done, total) => heap.checkSetup(stage, done, total) });
    const slices = new RunSlices(run, heap);
    let lastReport = performance.now();
    while (!run.done()) {
      slices.next();
      const t = performance.now();
      if (t - lastReport > 500) {
        lastReport = t;
        post({ type: 'progress', run: id, day: run.now() / 24, events: run.eventsProcessed() });
      }
    }
    // a broken identity is a bug in the model: the batch fails as for any failed run (checksLine.ts)
    const checks = run.checks();
    const broken = brokenChecks(checks);
    if (broken.length) throw new Error(broken.join('; '));
    const table = run.table();
    const dry = marketDryNotice(table.data, 0, table.rows);
    if (dry) post({ type: 'warning', run: id, message: `warning: ${dry}` });
    post({ type: 'done', run: id, csv: tableToCsv(table), events: run.eventsProcessed(), seconds: (performance.now() - started) / 1000, figures: runFigures(table), checks: checks.length });
  } catch (e) {
    // a run the model stopped: its days are not the batch's (every run must reach the horizon), so the batch writes nothing
    const message = e instanceof TokenOutOfRange ? `${e.reason}. A batch needs every run to reach the horizon, so nothing was written; this seed run alone (--seed) writes its ${e.daysDone} days` : (e as Error).message;
    post({ type: 'failed', run: id, message });
  }
}
