/**
 * Peak memory of one run, estimated from the bench's baseline years (148 MB at 1x, 346 MB at 10x,
 * 955 MB at 50x): a base plus a share per unit of scale, rounded up. Used to bound how many runs go
 * at once: the CLI's threads for --seeds and --sweep, and the dashboard's Monte Carlo and sweep workers.
 */
export function runMemoryEstimateMb(scale: number): number {
  return 128 + 18 * scale;
}
