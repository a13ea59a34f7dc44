/**
 * Why a provider left: the exit hazard is a product of parts (base churn, trailing losses, a
 * rival's offer), h = base x (1 + L) x R, and its causes are competing risks whose shares of h are
 * churn 1 / ((1 + L) R), losses L / ((1 + L) R) and the rival (R - 1) / R. Given an exit, each cause
 * is drawn with its share, so every exit has one cause and the per-cause counts are whole providers.
 *
 * No new random draw: the exit test is u < h with u uniform on [0, 1), and given that it passed,
 * u / min(h, 1) is again uniform on [0, 1) and independent of the exit itself, so it picks the cause.
 * Every other stream and every other number of a run stays as it was.
 */

export const EXIT_CHURN = 0;
export const EXIT_LOSSES = 1;
export const EXIT_RIVAL = 2;

/** The cause of an exit that the uniform `u` triggered on hazard `h` (u < h), with losses term `losses` (L >= 0) and rival factor `rival` (R >= 1). */
export function exitCause(u: number, h: number, losses: number, rival: number): number {
  const v = u / Math.min(h, 1);
  const churn = 1 / ((1 + losses) * rival);
  if (v < churn) return EXIT_CHURN;
  return v < churn + losses / ((1 + losses) * rival) ? EXIT_LOSSES : EXIT_RIVAL;
}
