/**
 * What a batch of runs summarized by the KPI cards' figures keeps of each run. The sweep and the
 * sensitivity panels read a run only through a KPI's compute over its table; keeping the ~20 columns
 * those read instead of all ~245 lets a design of hundreds of runs over a year fit in a tab
 * (lib/batchMemory.ts), where whole tables would not.
 */
import type { RunTable } from './bands.ts';
import { KPIS, type KpiDef } from './chartDefs/kpiDefs.ts';

/** Every column the KPIs' compute reads (needs, then reads), each once, in the cards' order. */
export function kpiColumns(kpis: readonly KpiDef[] = KPIS): string[] {
  return [...new Set(kpis.flatMap((k) => [...k.needs, ...(k.reads ?? [])]))];
}

/** The columns a batch summarized by the KPI cards keeps. */
export const KPI_COLUMNS: readonly string[] = kpiColumns();

/** The table with only `columns` (those it has; the arrays shared, not copied). */
export function keepColumns(t: RunTable, columns: readonly string[]): RunTable {
  const data: Record<string, Float64Array> = {};
  for (const c of columns) if (t.data[c]) data[c] = t.data[c];
  return { rows: t.rows, data };
}
