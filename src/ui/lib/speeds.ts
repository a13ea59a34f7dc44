/**
 * The simulation speeds the context bar offers (simulated days per wall second; 0: as fast as the
 * machine goes). One list for the selector and for the settings kept across reloads, so a stored
 * speed is always one the selector can show.
 */
export const SPEEDS: readonly { v: number; label: string }[] = [
  { v: 0, label: 'max' },
  { v: 100, label: '100 d/s' },
  { v: 20, label: '20 d/s' },
  { v: 5, label: '5 d/s' },
  { v: 1, label: '1 d/s' },
];

/**
 * The offered speed closest to `v` by ratio (on a log scale: 3 d/s goes to 5, not to 1; 0 or less is
 * max), for a stored speed that is not among them (hand-edited, or from a version that offered
 * others). A blank selector with the run going at a speed it does not name was the alternative.
 */
export function offeredSpeed(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 0;
  let best = SPEEDS[1].v;
  for (const s of SPEEDS) if (s.v > 0 && Math.abs(Math.log(s.v / v)) < Math.abs(Math.log(best / v))) best = s.v;
  return best;
}
