// A sensitivity batch (one at a time or all at once) that would keep more results than a tab can spare is refused before any run starts.
import { describe, expect, it } from 'vitest';
import { BATCH_TABLES_MB, FULL_TABLE_COLUMNS, tooLargeForPage } from '../../src/ui/lib/batchMemory.ts';
import { KPI_COLUMNS } from '../../src/ui/lib/kpiColumns.ts';
import { SOBOL_MAX_DIMS } from '../../src/sim/rng/sobolSequence.ts';

const year = { horizonDays: 365, metrics: { periodHours: 24 } };

describe('the results a batch keeps in the page', () => {
  it('a batch too large for the page is refused, saying how large and what to ask for instead', () => {
    // a Sobol design of 64 rows x (6 + 3) = 576 runs of 365 rows: at 245 columns about 393 MB (it runs); at 3 times as many, 1,179 MB
    expect(tooLargeForPage(576, year, FULL_TABLE_COLUMNS, 'fewer rows')).toBeNull();
    expect(tooLargeForPage(576, year, FULL_TABLE_COLUMNS * 3, 'fewer rows or parameters, or a shorter horizon')).toBe(
      `576 runs of 365 rows would keep about 1,179 MB of results in this page, more than the ${BATCH_TABLES_MB} MB it keeps for a batch: fewer rows or parameters, or a shorter horizon`,
    );
  });

  it('counts rows by the metric period and the horizon: the same runs on a shorter horizon or a longer period fit', () => {
    expect(tooLargeForPage(1472, year, FULL_TABLE_COLUMNS, '')).toMatch(/^1,472 runs of 365 rows would keep about 1,00\d MB/);
    expect(tooLargeForPage(1472, { horizonDays: 90, metrics: { periodHours: 24 } }, FULL_TABLE_COLUMNS, '')).toBeNull();
    expect(tooLargeForPage(1472, { horizonDays: 365, metrics: { periodHours: 168 } }, FULL_TABLE_COLUMNS, '')).toBeNull();
    // 6-hour periods: four rows a day
    expect(tooLargeForPage(300, { horizonDays: 365, metrics: { periodHours: 6 } }, FULL_TABLE_COLUMNS, '')).toMatch(/^300 runs of 1,460 rows/);
  });

  it('keeping only the columns the KPIs read, the largest Sobol design over a year fits where whole tables did not', () => {
    // 64 rows x (32 parameters + 3) = 2,240 runs of 365 days
    const runs = 64 * (SOBOL_MAX_DIMS / 2 + 3);
    expect(tooLargeForPage(runs, year, KPI_COLUMNS.length, '')).toBeNull();
    expect(tooLargeForPage(runs, year, FULL_TABLE_COLUMNS, '')).toMatch(/^2,240 runs of 365 rows would keep about 1,52\d MB/);
    // a decade is still refused, and says so
    expect(tooLargeForPage(runs, { horizonDays: 3650, metrics: { periodHours: 24 } }, KPI_COLUMNS.length, 'a shorter horizon')).toMatch(/^2,240 runs of 3,650 rows would keep about 1,\d{3} MB .*: a shorter horizon$/);
  });
});
