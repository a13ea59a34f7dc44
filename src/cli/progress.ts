/** The progress line of a long CLI run, on stderr every few seconds. */

/** "day 35/365 (10%), 0.4 M events, 2.2 s, about 21 s left": the days completed (36.5 is day 36), the share done. */
export function progressLine(day: number, horizonDays: number, events: number, elapsedSeconds: number): string {
  const frac = day / horizonDays;
  return `day ${Math.floor(day)}/${horizonDays} (${(100 * frac).toFixed(0)}%), ${(events / 1e6).toFixed(1)} M events, ${elapsedSeconds.toFixed(1)} s, ${timeLeft((elapsedSeconds * (1 - frac)) / frac)}`;
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
