/** The progress line of a long CLI run, on stderr every few seconds. */
import { batchTimeLeft, timeLeft } from '../common/pace.ts';

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
 * "3/20 seeds done (running: seed 4 day 120/365, seed 5 day 30/365), 12.1 M events, 40.2 s, about
 * 2 min left": a batch's progress line. `done` is the runs finished plus the share of each running
 * one; the time left is at `secondsPerRun`, the batch's recent pace (RecentPace over `done`), and
 * said to be estimated while there is none yet.
 */
export function batchProgressLine(finished: number, total: number, unit: string, running: string, events: number, elapsedSeconds: number, done: number, secondsPerRun: number): string {
  return `${finished}/${total} ${unit} done${running ? ` (running: ${running})` : ''}, ${(events / 1e6).toFixed(1)} M events, ${elapsedSeconds.toFixed(1)} s, ${batchTimeLeft(secondsPerRun, total - done)}`;
}
