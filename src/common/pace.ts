/**
 * How long a long piece of work has left, from its recent pace: shared by the CLI's progress lines
 * (src/cli/progress.ts) and the dashboard's batches of runs (Monte Carlo seeds, sweep points,
 * sensitivity ends: src/ui/state/runPool.svelte.ts). Pure: the caller passes the wall time, so the
 * same code serves Node and the browser and is tested with made-up clocks.
 */

/**
 * The wall time left, extrapolated from the pace so far (demand grows over a run, so late days cost a
 * little more: an estimate, worded as one).
 */
export function timeLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'time left unknown';
  return `${about(seconds)} left`;
}

/** A duration worded as an estimate: "about 42 s", "about 25 min", "about 2.5 h". */
export function about(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

/**
 * The time left of a batch of runs at `secondsPerRun` (RecentPace over the runs done, the running
 * ones' shares included) with `runsLeft` to go; while there is no pace yet (its first second), it
 * says it is estimating rather than guess from the workers' start-up.
 */
export function batchTimeLeft(secondsPerRun: number, runsLeft: number): string {
  return Number.isFinite(secondsPerRun) ? timeLeft(secondsPerRun * runsLeft) : 'estimating the time left';
}

/**
 * The pace of the latest stretch of a run: wall seconds per simulated day over the last half of the
 * time so far (at most `maxWindowSeconds`). Why not the pace since the start: the first simulated
 * days run cold (the JIT compiles the hot paths) and cost two to three times a later day, so the
 * first report of a baseline year said "about 50 s left" of a run that took 21 s in all; and demand
 * that grows makes late days cost more than the average so far. A batch marks its runs done (whole
 * runs plus the running ones' shares) instead of days, from its first progress on: its threads first
 * spend a second or two starting with nothing done, and the pace since the start made the first
 * report of a 15-s batch of two baseline years say "about 14 min left".
 */
export class RecentPace {
  private days: number[] = [];
  private secs: number[] = [];
  /** When the first mark came: the window is half the time since then. */
  private first = NaN;

  /**
   * `minSpanSeconds`: no pace until the window holds this much time (a batch's first second of
   * progress is its threads' coldest, too early to say anything from).
   */
  constructor(
    private maxWindowSeconds = 20,
    private minSpanSeconds = 0,
  ) {}

  /** Whether any progress has been marked yet. */
  get started(): boolean {
    return !Number.isNaN(this.first);
  }

  /** The run (or batch) has reached `day` (runs done) after `seconds` of wall time. */
  mark(day: number, seconds: number): void {
    if (Number.isNaN(this.first)) this.first = seconds;
    this.days.push(day);
    this.secs.push(seconds);
    // keep what the widest window can reach back to, and one mark before it
    let drop = 0;
    while (drop + 1 < this.secs.length && seconds - this.secs[drop + 1] >= this.maxWindowSeconds) drop++;
    if (drop > 0) {
      this.days.splice(0, drop);
      this.secs.splice(0, drop);
    }
  }

  /**
   * A batch's mark: as `mark`, except that the first one waits until no run going on is still
   * setting up (`someSettingUp`). Before any run has finished, a run setting up counts as nothing
   * done, and a pace that began while some were would be too slow. Used by the CLI's batches
   * (cli/batch.ts) and the dashboard's (ui/state/runPool.svelte.ts). Returns whether it marked.
   */
  markBatch(runsDone: number, seconds: number, someSettingUp: boolean): boolean {
    if (!this.started && someSettingUp) return false;
    this.mark(runsDone, seconds);
    return true;
  }

  /**
   * Seconds per unit of progress (a day of a run, a run of a batch) over the window ending at the
   * last mark: NaN before any progress between two marks, or while the window is under `minSpanSeconds`.
   */
  secondsPerUnit(): number {
    const n = this.secs.length;
    if (n < 2) return NaN;
    const now = this.secs[n - 1];
    // never under the least span: the window grows with the time since the first mark, and marks
    // come unevenly, so a window under it went back and forth between an estimate and none
    const window = Math.min(this.maxWindowSeconds, Math.max(this.minSpanSeconds, (now - this.first) / 2));
    // the latest mark at least `window` back (else the oldest kept)
    let i = n - 2;
    while (i > 0 && now - this.secs[i] < window) i--;
    const span = now - this.secs[i];
    const days = this.days[n - 1] - this.days[i];
    return days > 0 && span >= this.minSpanSeconds ? span / days : NaN;
  }
}
