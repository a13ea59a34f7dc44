/** The progress line of a long CLI run, on stderr every few seconds. */

/**
 * "day 35/365 (10%), 0.4 M events, 2.2 s, about 21 s left": the days completed (36.5 is day 36), the
 * share done, and the time left at `secondsPerDay` (the recent pace: RecentPace), or at the pace
 * since the start when none is given.
 */
export function progressLine(day: number, horizonDays: number, events: number, elapsedSeconds: number, secondsPerDay = elapsedSeconds / day): string {
  const frac = day / horizonDays;
  return `day ${Math.floor(day)}/${horizonDays} (${(100 * frac).toFixed(0)}%), ${(events / 1e6).toFixed(1)} M events, ${elapsedSeconds.toFixed(1)} s, ${timeLeft(secondsPerDay * (horizonDays - day))}`;
}

/**
 * The wall time left, extrapolated from the pace so far (demand grows over a run, so late days cost a
 * little more: an estimate, worded as one).
 */
export function timeLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'time left unknown';
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s left`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
}

/**
 * "3/20 seeds done (running: seed 4 day 120/365, seed 5 day 30/365), 12.1 M events, 40.2 s, about
 * 2 min left": a batch's progress line. `done` is the runs finished plus the share of each running
 * one; the time left is at `secondsPerRun`, the batch's recent pace (RecentPace over `done`), and
 * said to be estimated while there is none yet.
 */
export function batchProgressLine(finished: number, total: number, unit: string, running: string, events: number, elapsedSeconds: number, done: number, secondsPerRun: number): string {
  const left = Number.isFinite(secondsPerRun) ? timeLeft(secondsPerRun * (total - done)) : 'estimating the time left';
  return `${finished}/${total} ${unit} done${running ? ` (running: ${running})` : ''}, ${(events / 1e6).toFixed(1)} M events, ${elapsedSeconds.toFixed(1)} s, ${left}`;
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
   * Seconds per unit of progress (a day of a run, a run of a batch) over the window ending at the
   * last mark: NaN before any progress between two marks, or while the window is under `minSpanSeconds`.
   */
  secondsPerUnit(): number {
    const n = this.secs.length;
    if (n < 2) return NaN;
    const now = this.secs[n - 1];
    const window = Math.min(this.maxWindowSeconds, (now - this.first) / 2);
    // the latest mark at least `window` back (else the oldest kept)
    let i = n - 2;
    while (i > 0 && now - this.secs[i] < window) i--;
    const span = now - this.secs[i];
    const days = this.days[n - 1] - this.days[i];
    return days > 0 && span >= this.minSpanSeconds ? span / days : NaN;
  }
}
