/** How many workers the dashboard's Monte Carlo runs use. */

/** Memory the Monte Carlo workers may hold together (MB): a browser tab past a few GB is killed. */
export const ENSEMBLE_MEMORY_MB = 2048;

/**
 * One per core beyond the main run's, at most one per seed, and no more runs at once than
 * ENSEMBLE_MEMORY_MB holds (each worker holds a whole run: about 128 MB + 18 MB x scale, the CLI's
 * estimate for --seeds), at least one.
 */
export function ensembleWorkers(seeds: number, scale: number, cores: number): number {
  const byMemory = Math.floor(ENSEMBLE_MEMORY_MB / (128 + 18 * scale));
  return Math.max(1, Math.min(seeds, cores - 1, byMemory));
}
