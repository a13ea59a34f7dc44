// The rows a time chart draws for the days in view, and the row it reads at a hovered day.
import { describe, expect, it } from 'vitest';
import { bandDays, hasValue, nearestRow, NO_ROWS, rowRange } from '../../src/ui/lib/chartRows.ts';

/** A table of days 1..n. */
const days = (n: number) => ({ rows: n, data: { day: Float64Array.from({ length: n }, (_, i) => i + 1) } });

describe('rowRange', () => {
  it('draws the days in the window and one more on each side, so lines run to the plot edges', () => {
    expect(rowRange(days(10), [3, 5])).toEqual([1, 5]);
  });

  it('stops at the first and last row', () => {
    expect(rowRange(days(10), [0, 100])).toEqual([0, 9]);
  });

  it('draws nothing for a table without rows or without days', () => {
    expect(rowRange({ rows: 0, data: {} }, [0, 10])).toEqual(NO_ROWS);
    expect(rowRange({ rows: 3, data: {} }, [0, 10])).toEqual(NO_ROWS);
  });
});

describe('nearestRow', () => {
  it('finds the row of the hovered day, or of the nearest day the table has', () => {
    const weekly = { rows: 3, data: { day: Float64Array.from([7, 14, 21]) } };
    expect(nearestRow(weekly, 13)).toBe(1);
    expect(nearestRow(weekly, 100)).toBe(2);
    // halfway between two rows: the earlier one
    expect(nearestRow(weekly, 10.5)).toBe(0);
  });

  it('is -1 for a table without rows', () => {
    expect(nearestRow({ rows: 0, data: {} }, 3)).toBe(-1);
  });

  it('reads a band by its own days', () => {
    const band = { rows: 2, day: Float64Array.from([1, 2]) };
    expect(nearestRow(bandDays(band as never), 2)).toBe(1);
  });
});

describe('hasValue', () => {
  it('a column of gaps has no value; one of zeros has a value but none other than 0', () => {
    expect(hasValue([NaN, NaN], 2, false)).toBe(false);
    expect(hasValue([0, 0], 2, false)).toBe(true);
    expect(hasValue([0, 0], 2, true)).toBe(false);
    expect(hasValue([0, 3], 2, true)).toBe(true);
  });

  it('reads only the rows filled so far', () => {
    expect(hasValue([0, 3], 1, true)).toBe(false);
  });
});
