/**
 * The module Web Worker that runs the simulation: the API of api.ts over comlink, wired to the
 * real core. The UI reaches it only through `import type { SimApi }`.
 */
import { expose, transfer } from 'comlink';
import { createApi } from './api.ts';
import { createRun } from '../sim/run.ts';
import { validateForBrowser } from '../sim/scenario/sizeLimits.ts';
import { scenarioHash } from '../sim/scenario/hash.ts';
import { providerRows } from '../sim/economy/providerReport.ts';

// A MessageChannel yields to the worker's event loop without setTimeout's 4 ms clamp, so queued
// pause/step/cancel messages are handled between slices at almost no cost.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => {
  const fn = queue.shift();
  if (fn) fn();
};

const api = createApi({
  // the page refuses a network too large for a tab; a sweep or Monte Carlo run is refused here alike
  validate: validateForBrowser,
  createRun: (scenario, seed, onSetup) => createRun(scenario, seed, { onSetup }),
  hash: scenarioHash,
  providerReport: (run) => providerRows(run.model) as unknown as Record<string, number | string>[],
  runChecks: (run) => run.checks(),
  clock: () => performance.now(),
  yieldThen: (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  },
  later: (fn, ms) => setTimeout(fn, ms),
  transfer: (value, buffers) => transfer(value, buffers),
});

/**
 * The API plus one test hook: `crash()` throws outside any call, as a bug in the worker would,
 * so the end-to-end tests can check that the UI reports it and recovers with a new worker.
 */
const exposed = {
  ...api,
  crash(): void {
    setTimeout(() => {
      throw new Error('deliberate worker crash (test hook)');
    }, 0);
  },
};
export type ExposedApi = typeof exposed;

expose(exposed);
