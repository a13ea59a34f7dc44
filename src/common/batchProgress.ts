/**
 * A batch's progress in runs, each run's set-up included, for its time left (common/pace.ts): the
 * dashboard's Monte Carlo, sweep and sensitivity batches (ui/state/runPool.svelte.ts). Pure: the
 * caller passes the wall times, so it is tested with made-up clocks.
 *
 * Why set-up counts: a worker spends one to two seconds building each run (the network, the warm
 * start) before its first simulated day. Counted as no progress, each new run's set-up stalled the
 * batch's pace: the estimate jumped up whenever a worker moved on to its next run, and the batch's
 * first estimate, made while one worker was still setting up, was several times the truth ("about
 * 87 s left" of 14 s). Runs of a batch take about as long as each other, so a run's set-up is
 * counted as the share of a run's wall time that the finished runs spent setting up, done at the
 * finished runs' mean set-up pace, and its simulated days as the rest.
 */
export class BatchProgress {
  private setupSeconds = 0;
  private totalSeconds = 0;
  private finished = 0;

  /** A run finished: `setupSeconds` from its start to its first progress, `totalSeconds` from its start to its end. */
  runFinished(setupSeconds: number, totalSeconds: number): void {
    if (!(setupSeconds >= 0) || !(totalSeconds >= setupSeconds) || !(totalSeconds > 0)) return;
    this.setupSeconds += setupSeconds;
    this.totalSeconds += totalSeconds;
    this.finished++;
  }

  /** The share of a run's wall time spent setting up, over the runs finished so far (0 before any). */
  setupShare(): number {
    return this.totalSeconds > 0 ? this.setupSeconds / this.totalSeconds : 0;
  }

  /**
   * How much of a running run is done, as a share of a run: `startedAt` when it started (s),
   * `progressAt` when its first simulated time came (NaN while it sets up), `fraction` of its
   * horizon simulated, at wall time `now` (s).
   */
  share(startedAt: number, progressAt: number, fraction: number, now: number): number {
    const s = this.setupShare();
    if (Number.isNaN(progressAt)) {
      if (s === 0) return 0;
      const meanSetup = this.setupSeconds / this.finished;
      // at most the whole set-up share: a set-up slower than the mean waits at its end
      return s * Math.min(1, (now - startedAt) / meanSetup);
    }
    return s + (1 - s) * Math.min(1, Math.max(0, fraction));
  }
}
