/**
 * Creates the simulation's module worker, and starts the page's own one as early as the page can.
 *
 * The page's first worker is created when this module is evaluated, which main.ts makes the first
 * thing the bundle does: the worker then loads, compiles and evaluates the simulation core (about
 * 0.4 s) while the main thread evaluates the app and lays out the first screen, instead of after.
 * The dashboard's client claims it with takeEarlyWorker(); every other worker (a replacement after a
 * crash, the Monte Carlo pool's) is created when needed.
 */

export function spawnSimWorker(): Worker {
  return new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'depinsim-sim' });
}

let early: Worker | null = null;
let earlyFailed = false;
if (typeof Worker !== 'undefined') {
  early = spawnSimWorker();
  // A worker that fails to load reports it once, possibly before anyone listens: remember it, so
  // the client starts a fresh worker instead of waiting on a dead one.
  early.addEventListener('error', () => (earlyFailed = true), { once: true });
}

/** The worker started at load, once (null when there is none or it failed to load). */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  if (w && earlyFailed) {
    w.terminate();
    return null;
  }
  return w;
}
