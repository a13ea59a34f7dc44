/** What a batch worker is sent and posts back, and the per-run figures the summaries compare across seeds and sweep points. */
import type { MetricTable } from '../sim/metrics/table.ts';
import type { Scenario } from '../sim/scenario/schema.ts';

export type RunFigures = Record<string, number>;

/** A run sent to a worker: its position in the batch, its scenario (validated) and seed. */
export interface RunJob {
  run: number;
  scenario: Scenario;
  seed: number;
}

export type WorkerReply =
  | { type: 'progress'; run: number; day: number; events: number }
  | { type: 'warning'; run: number; message: string }
  | { type: 'done'; run: number; csv: string; events: number; seconds: number; figures: RunFigures; checks: number }
  | { type: 'failed'; run: number; message: string };

/** A summary figure of one run: how it is computed from the daily columns, and how it is shown. */
export interface FigureDef {
  key: string;
  label: string;
  /** A column heading for the sweep table (which says once what each is: mean of days, whole run, last day). */
  short: string;
  column: string;
  /**
   * mean and sum over the days with a value; last: the value on the last day (a level, such as a
   * price); ratio: the column's whole-run sum over the sum of `per` (a share of events, such as
   * leases failed of leases started, which a mean of daily shares would weigh wrongly); weighted:
   * the days' values weighted by `per` (a mean over what each day's value is a mean of, such as the
   * wait over the orders matched).
   */
  reduce: 'mean' | 'sum' | 'last' | 'ratio' | 'weighted';
  /** The denominator column of a ratio, the weights of a weighted mean. */
  per?: string;
  /** A second column added to a ratio's denominator (the fill rate: matched / (matched + expired)). */
  perPlus?: string;
  format: (v: number) => string;
  /** How a difference of two values is shown when not as the value itself (a share's in percentage points). */
  delta?: (v: number) => string;
  /**
   * How runs are summed up across seeds: their mean (the default), or their median, for a figure a
   * run may have as +Infinity (a payback never reached), which a mean would have to leave out.
   */
  across?: 'median';
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const pp = (v: number) => `${(100 * v).toFixed(2)} pp`;
const usd = (v: number) => `$${v.toFixed(3)}/GPU-h`;
const hours = (v: number) => `${v.toFixed(2)} h`;
/** A payback to one decimal, "never" for one never reached (as the dashboard writes it). */
const months = (v: number) => (v === Infinity ? 'never' : v === -Infinity ? '-never' : `${v.toFixed(1)} months`);
/** USD amounts in M, k or plain dollars, so small runs do not read $0.00 M. */
export const money = (v: number) => {
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : ''; // -$21.6 k, not $-21.6 k
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)} M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)} k`;
  return `${sign}$${a.toFixed(0)}`;
};

/** Means are over the days that have a value (NaN: undefined that day, e.g. no lease priced). */
export const FIGURES: FigureDef[] = [
  // utilization and price as the dashboard's cards have them: ratios of the run's sums (0.17.0; before, means of days)
  { key: 'utilization', short: 'utilization', label: 'utilization (busy / online GPU-hours, whole run)', column: 'gpus_busy', per: 'gpus_online', reduce: 'ratio', format: pct, delta: pp },
  { key: 'fill_rate', short: 'fill rate', label: 'fill rate (orders matched / orders matched or expired, whole run)', column: 'orders_matched', per: 'orders_matched', perPlus: 'jobs_expired', reduce: 'ratio', format: pct, delta: pp },
  { key: 'wait_mean_h', short: 'wait', label: 'mean wait (over the orders matched)', column: 'wait_mean_h', per: 'orders_matched', reduce: 'weighted', format: hours },
  // who waited at all (0.22.0): most orders match on arrival, so the mean wait is a few long waits spread over all
  { key: 'wait_share', short: 'waited', label: 'orders that waited at all (orders_waited / orders_matched, whole run)', column: 'orders_waited', per: 'orders_matched', reduce: 'ratio', format: pct, delta: pp },
  { key: 'lease_failures', short: 'failures', label: 'lease failures (failed / started, whole run)', column: 'leases_failed', per: 'jobs_started', reduce: 'ratio', format: pct, delta: pp },
  { key: 'price', short: 'price', label: 'price (USD billed / GPU-hours served, whole run)', column: 'gmv_usd', per: 'gpu_hours_served', reduce: 'ratio', format: usd },
  { key: 'gmv_usd', short: 'GMV', label: 'GMV (whole run)', column: 'gmv_usd', reduce: 'sum', format: money },
  // the token economy's, when it is on (a run without it has no such columns and they are left out)
  { key: 'token_price_usd', short: 'token price', label: 'token price (last day)', column: 'token_price_usd', reduce: 'last', format: (v) => `$${v.toFixed(3)}` },
  { key: 'emission_income_share', short: 'emission share', label: 'income from emissions (rewards / (lease income + rewards), whole run)', column: 'provider_rewards_usd', per: 'provider_revenue_usd', perPlus: 'provider_rewards_usd', reduce: 'ratio', format: pct, delta: pp },
  { key: 'provider_profit_usd', short: 'provider profit', label: 'provider profit (whole run)', column: 'provider_profit_usd', reduce: 'sum', format: money },
  // 0.24.0: the commonest break-even ("what emission makes payback 24 months?"); a median across
  // seeds, as a seed whose median provider never pays back is +Infinity
  { key: 'payback_months', short: 'payback', label: 'median provider payback (last day with a value)', column: 'payback_months_median', reduce: 'last', format: months, across: 'median' },
  { key: 'providers_exited', short: 'exits', label: 'providers exited (whole run)', column: 'providers_exited', reduce: 'sum', format: (v) => v.toFixed(0) },
];

/** The figures of one run; a figure whose column the run does not have is absent. */
export function runFigures(t: MetricTable): RunFigures {
  const out: RunFigures = {};
  for (const f of FIGURES) {
    const col = t.data[f.column];
    if (!col) continue;
    if (f.reduce === 'last') {
      out[f.key] = lastWithValue(col, t.rows);
      continue;
    }
    if (f.reduce === 'weighted') {
      const w = t.data[f.per!];
      if (!w) continue;
      let sw = 0;
      let ws = 0;
      for (let i = 0; i < t.rows; i++) if (!Number.isNaN(col[i]) && w[i] > 0) (sw += col[i] * w[i]), (ws += w[i]);
      out[f.key] = ws > 0 ? sw / ws : NaN;
      continue;
    }
    const [s, n] = sumOfDays(col, t.rows);
    if (f.reduce === 'ratio') {
      const per = t.data[f.per!];
      const plus = f.perPlus ? t.data[f.perPlus] : undefined;
      if (!per || (f.perPlus && !plus)) continue;
      const d = sumOfDays(per, t.rows)[0] + (plus ? sumOfDays(plus, t.rows)[0] : 0);
      out[f.key] = d > 0 ? s / d : NaN;
      continue;
    }
    out[f.key] = f.reduce === 'sum' ? s : n > 0 ? s / n : NaN;
  }
  return out;
}

/** The last day's value that is not NaN (an infinite one counts: a payback never reached); NaN when none has one. */
function lastWithValue(c: ArrayLike<number>, rows: number): number {
  for (let i = rows - 1; i >= 0; i--) if (!Number.isNaN(c[i])) return c[i];
  return NaN;
}

/** Sum of a column over the days that have a value, and their number. */
function sumOfDays(c: ArrayLike<number>, rows: number): [number, number] {
  let s = 0;
  let n = 0;
  for (let i = 0; i < rows; i++) if (!Number.isNaN(c[i])) (s += c[i]), n++;
  return [s, n];
}
