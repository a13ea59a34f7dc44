/**
 * Which rows of a run's table a time chart reads: the rows it draws for the days in view, the row
 * nearest a hovered day, and whether a column holds anything worth a line. Pure; a table's `day`
 * column is in increasing order.
 */
import type { BandView, RunTable } from './bands.ts';

/** The first and last row to draw (inclusive); [0, -1] draws none. */
export type RowSpan = [number, number];

/** No rows: a table that is not there (no pinned baseline, no bands yet). */
export const NO_ROWS: RowSpan = [0, -1];

/** Rows to draw: those in the window plus one on each side, so lines run to the edges. */
export function rowRange(t: RunTable, [a, b]: readonly [number, number]): RowSpan {
  const day = t.data.day;
  if (!day || t.rows === 0) return NO_ROWS;
  let lo = 0;
  while (lo < t.rows && day[lo] < a) lo++;
  let hi = t.rows - 1;
  while (hi >= 0 && day[hi] > b) hi--;
  return [Math.max(0, lo - 1), Math.min(t.rows - 1, hi + 1)];
}

/** The row whose day is nearest `d` (the first of two as near); -1 for a table without rows. */
export function nearestRow(t: RunTable, d: number): number {
  const day = t.data.day;
  if (!day || t.rows === 0) return -1;
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i < t.rows; i++) {
    const dist = Math.abs(day[i] - d);
    if (dist < bestDist) (best = i), (bestDist = dist);
  }
  return best;
}

/** Whether the first `rows` values of a column hold a number (other than 0, with `nonZero`). */
export function hasValue(c: ArrayLike<number>, rows: number, nonZero: boolean): boolean {
  for (let i = 0; i < rows; i++) if (Number.isFinite(c[i]) && (!nonZero || c[i] !== 0)) return true;
  return false;
}

/** A band's days as a table, for rowRange and nearestRow. */
export function bandDays(bv: BandView): RunTable {
  return { rows: bv.rows, data: { day: bv.day } };
}
