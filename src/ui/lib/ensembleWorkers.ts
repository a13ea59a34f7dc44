/** How many workers the dashboard's Monte Carlo runs use. */
import { runMemoryEstimateMb } from '../../sim/runMemory.ts';

/** Memory the Monte Carlo workers may hold together (MB): a browser tab past a few GB is killed. */
export const ENSEMBLE_MEMORY_MB = 2048;

/**
 * One per core beyond the main run's, at most one per seed, and no more runs at once than
 * ENSEMBLE_MEMORY_MB holds (each worker holds a whole run: sim/runMemory.ts, the estimate the CLI
 * uses for --seeds), at least one.
 */
export function ensembleWorkers(seeds: number, scale: number, cores: number): number {
  const byMemory = Math.floor(ENSEMBLE_MEMORY_MB / runMemoryEstimateMb(scale));
  return Math.max(1, Math.min(seeds, cores - 1, byMemory));
}
