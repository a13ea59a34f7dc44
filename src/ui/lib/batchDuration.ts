/**
 * How long a batch of runs (a sweep, a sensitivity design) will take, said before it starts: a Sobol
 * design of 64 rows over 20 parameters on a year is 1,472 runs, hours on a laptop, and the panel
 * should say so before the click, not after. Estimated from the page's own run (the batch's runs
 * are the page's scenario with a parameter or a few moved, over the same horizon), on the workers
 * the batch will get (lib/ensembleWorkers.ts).
 */
import { about } from '../../common/pace.ts';
import { ensembleWorkers } from './ensembleWorkers.ts';

/**
 * "about 25 min: 2 runs at a time, each about 12 s as the page's run took"; null when the page's run
 * time is not known (it is still running) or there is nothing to run. `runSeconds`: the page's run's
 * simulation time. Runs already done this session come from memory and shorten it.
 */
export function batchDuration(runs: number, runSeconds: number, scale: number, cores: number): string | null {
  if (!(runSeconds > 0) || !Number.isFinite(runSeconds) || runs <= 0) return null;
  const workers = ensembleWorkers(runs, scale, cores);
  // runs go in waves of `workers`: the last wave is as long as a full one
  const seconds = Math.ceil(runs / workers) * runSeconds;
  return `${about(seconds)}: ${workers} run${workers === 1 ? '' : 's'} at a time, each ${about(runSeconds)} as the page's run took`;
}
