/**
 * A replication worker thread (see replicate.ts): runs the scenario it was started with for each seed
 * the main thread sends, one after another, and posts back the run's CSV and its summary figures. The
 * heap is watched as in a single run, so a run that cannot fit stops with the same message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRun } from '../sim/run.ts';
import { tableToCsv } from '../sim/metrics/csv.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { HeapWatch, setupProgress } from './memoryGuard.ts';
import { runFigures, type WorkerReply } from './replicaMessages.ts';

const port = parentPort!;
const { scenario } = workerData as { scenario: Scenario };
const post = (m: WorkerReply) => port.postMessage(m);

port.on('message', ({ seed }: { seed: number }) => {
  try {
    const started = performance.now();
    const heap = new HeapWatch(scenario.horizonDays, (message) => post({ type: 'warning', seed, message }));
    const run = createRun(scenario, seed, { onSetup: (stage, done, total) => heap.checkSetup(setupProgress(stage, done, total)) });
    let step = 24;
    let lastReport = performance.now();
    while (!run.done()) {
      run.advance(run.now() + step);
      step = heap.check(run.now() / 24);
      const t = performance.now();
      if (t - lastReport > 500) {
        lastReport = t;
        post({ type: 'progress', seed, day: run.now() / 24, events: run.eventsProcessed() });
      }
    }
    const table = run.table();
    post({ type: 'done', seed, csv: tableToCsv(table), events: run.eventsProcessed(), seconds: (performance.now() - started) / 1000, figures: runFigures(table) });
  } catch (e) {
    post({ type: 'failed', seed, message: (e as Error).message });
  }
});
