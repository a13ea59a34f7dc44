/** How many workers the dashboard's Monte Carlo runs use. */
import { runMemoryEstimateMb } from '../../sim/runMemory.ts';

/** Memory the Monte Carlo workers may hold together (MB): a browser tab past a few GB is killed. */
export const ENSEMBLE_MEMORY_MB = 2048;

/**
 * How many runs of a batch (Monte Carlo seeds, sweep points) go at once: no more than one per job,
 * and no more than ENSEMBLE_MEMORY_MB holds (each worker holds a whole run: sim/runMemory.ts, the
 * estimate the CLI uses for --seeds). Cores: while the page's own run is going, two are left to it
 * and to drawing it (on 2 cores the batch waits: run beside it, it made the page's year take 40%
 * longer and finished the bands no sooner); once it is done, every core, and at least one worker.
 */
export function ensembleWorkers(jobs: number, scale: number, cores: number, pageRunGoing = false): number {
  const byMemory = Math.max(1, Math.floor(ENSEMBLE_MEMORY_MB / runMemoryEstimateMb(scale)));
  if (pageRunGoing) return Math.max(0, Math.min(jobs, cores - 2, byMemory));
  return Math.max(1, Math.min(jobs, cores, byMemory));
}
