/** What a replication worker posts back, and the per-run figures the summary compares across seeds. */
import type { MetricTable } from '../sim/metrics/table.ts';

export type RunFigures = Record<string, number>;

export type WorkerReply =
  | { type: 'progress'; seed: number; day: number; events: number }
  | { type: 'warning'; seed: number; message: string }
  | { type: 'done'; seed: number; csv: string; events: number; seconds: number; figures: RunFigures }
  | { type: 'failed'; seed: number; message: string };

/** A summary figure of one run: how it is computed from the daily columns, and how it is shown. */
export interface FigureDef {
  key: string;
  label: string;
  column: string;
  reduce: 'mean' | 'sum';
  format: (v: number) => string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const usd = (v: number) => `$${v.toFixed(3)}/GPU-h`;
const hours = (v: number) => `${v.toFixed(2)} h`;
const musd = (v: number) => `$${(v / 1e6).toFixed(2)} M`;

/** Means are over the days that have a value (NaN: undefined that day, e.g. no lease priced). */
export const FIGURES: FigureDef[] = [
  { key: 'utilization', label: 'utilization (mean of days)', column: 'utilization', reduce: 'mean', format: pct },
  { key: 'fill_rate', label: 'fill rate (mean of days)', column: 'fill_rate', reduce: 'mean', format: pct },
  { key: 'wait_mean_h', label: 'mean wait (mean of days)', column: 'wait_mean_h', reduce: 'mean', format: hours },
  { key: 'price', label: 'price (mean of days)', column: 'price_usd_per_gpu_h', reduce: 'mean', format: usd },
  { key: 'gmv_usd', label: 'GMV (whole run)', column: 'gmv_usd', reduce: 'sum', format: musd },
];

export function runFigures(t: MetricTable): RunFigures {
  const out: RunFigures = {};
  for (const f of FIGURES) {
    const col = t.data[f.column];
    let s = 0;
    let n = 0;
    for (let i = 0; i < t.rows; i++) if (!Number.isNaN(col[i])) (s += col[i]), n++;
    out[f.key] = f.reduce === 'sum' ? s : n > 0 ? s / n : NaN;
  }
  return out;
}
