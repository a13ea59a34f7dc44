/**
 * What a batch of runs started from a panel keeps in the page: each finished run's table, so that any
 * KPI can be read from it again, but only the columns the KPIs read (lib/kpiColumns.ts: 19 of 245). A
 * tab that runs out of memory dies with its page, after what may have been an hour of runs. A Sobol
 * design of 64 rows over 20 parameters on a 365-day horizon is 1,472 runs: 55 kB each at 19 columns
 * (78 MiB in all), where whole tables (245 columns, 0.7 MB each) would have been 1 GB.
 */
import type { Scenario } from '../../sim/scenario/schema.ts';

/** What a batch's finished tables may hold together in the page (MB). */
export const BATCH_TABLES_MB = 512;

/** A whole table's columns with the token economy on, the CSV's and the dashboard's derived ones (0.25.0: 182 + 63). */
export const FULL_TABLE_COLUMNS = 245;

/**
 * Why `runs` tables of the page scenario's size (`columns`: as many as each table keeps) do not fit
 * BATCH_TABLES_MB, with `fewer` (what to ask for instead); null when they do.
 */
export function tooLargeForPage(runs: number, page: Pick<Scenario, 'horizonDays' | 'metrics'>, columns: number, fewer: string): string | null {
  const rows = Math.ceil((page.horizonDays * 24) / page.metrics.periodHours);
  const mb = (runs * rows * Math.max(1, columns) * 8) / 2 ** 20;
  if (mb <= BATCH_TABLES_MB) return null;
  return `${runs.toLocaleString('en-US')} runs of ${rows.toLocaleString('en-US')} rows would keep about ${Math.round(mb).toLocaleString('en-US')} MB of results in this page, more than the ${BATCH_TABLES_MB} MB it keeps for a batch: ${fewer}`;
}
