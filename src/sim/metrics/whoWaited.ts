/**
 * Who waited for a match at all over rows [lo, hi] of a run's table (0.22.0's WAITED_COLUMNS): the
 * share of the orders matched that waited (orders_waited over orders_matched, a ratio of sums) and
 * those orders' mean wait in hours (wait_mean_h_waited weighted by orders_waited; NaN when none
 * waited). Most orders find a GPU the moment they are placed, so the mean wait over all is a few long
 * waits spread thin: this says how few and how long. Null for a run without the columns (before
 * 0.22.0) or rows without a match. Shared by the CLI's summary line and the dashboard's Mean wait
 * card and run summary.
 */
import { formatWait } from './kindWaits.ts';

type Columns = Readonly<Record<string, ArrayLike<number> | undefined>>;

export interface WhoWaited {
  share: number;
  meanH: number;
}

export function whoWaited(data: Columns, lo: number, hi: number): WhoWaited | null {
  const waited = data.orders_waited;
  const matched = data.orders_matched;
  const mean = data.wait_mean_h_waited;
  if (!waited || !matched || !mean) return null;
  let n = 0;
  let m = 0;
  let h = 0;
  for (let i = lo; i <= hi; i++) {
    m += matched[i];
    n += waited[i];
    if (waited[i] > 0) h += mean[i] * waited[i];
  }
  return m > 0 ? { share: n / m, meanH: n > 0 ? h / n : NaN } : null;
}

/** "2.6% waited, 2.0 h on average" ("0.0% waited" when none did). */
export function formatWhoWaited(w: WhoWaited, waited = 'waited'): string {
  return `${(100 * w.share).toFixed(1)}% ${waited}${Number.isFinite(w.meanH) ? `, ${formatWait(w.meanH)} on average` : ''}`;
}
