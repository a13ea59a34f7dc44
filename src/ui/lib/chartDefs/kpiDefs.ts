/**
 * The KPI cards, in the order the dashboard shows them: what each means (its definition and which
 * direction is better) and how it is computed, with its detail line, over the selected window of a
 * run's table (`WindowedTable`); and the window sums, means and ratios they share.
 */
import { formatWait, kindWaits } from '../../../sim/metrics/kindWaits.ts';
import { formatWhoWaited, whoWaited } from '../../../sim/metrics/whoWaited.ts';
import { formatCount, formatValue } from '../format.ts';
import { PAYBACK_CUT_MONTHS } from './chartTypes.ts';

export interface WindowedTable {
  data: Record<string, Float64Array>;
  /** First and last row (inclusive) of the window. */
  lo: number;
  hi: number;
  periodHours: number;
}

export interface KpiDef {
  id: string;
  title: string;
  unit: string;
  definition: string;
  /** Which direction is better (for the delta's words, never colour alone). */
  better: 'up' | 'down' | 'neither';
  needs: string[];
  /**
   * Columns `compute` also reads when a run has them (the figure of newer runs; `needs` are the ones
   * it cannot do without). A batch summarized by these figures keeps only needs and reads of each
   * run (lib/kpiColumns.ts): a column read here but not listed would read as missing there.
   */
  reads?: string[];
  compute(t: WindowedTable): number;
  /** Where the card's sparkline scale stops (values above, infinity included, are drawn at it); none: the values' range. */
  sparkCap?: number;
  /** A second line under the value, e.g. "62% of cloud". */
  detail?(t: WindowedTable): string | null;
}

function sum(a: Float64Array | undefined, lo: number, hi: number, w?: Float64Array): number {
  if (!a) return NaN;
  let s = 0;
  for (let i = lo; i <= hi; i++) {
    const v = w ? a[i] * w[i] : a[i];
    if (Number.isFinite(v)) s += v;
  }
  return s;
}

/** "2.6% waited, 2.0 h on average" over the window (sim/metrics/whoWaited.ts); null without the figures. */
export function whoWaitedText(t: WindowedTable, waited = 'waited'): string | null {
  const w = whoWaited(t.data, t.lo, t.hi);
  return w ? formatWhoWaited(w, waited) : null;
}

function mean(a: Float64Array | undefined, lo: number, hi: number): number {
  if (!a) return NaN;
  let s = 0;
  let n = 0;
  for (let i = lo; i <= hi; i++) if (Number.isFinite(a[i])) (s += a[i]), n++;
  return n ? s / n : NaN;
}

/** The latest value in the window that is defined (not NaN); an infinite one counts (a payback never reached is inf). */
function lastDefined(a: Float64Array | undefined, lo: number, hi: number): number {
  if (!a) return NaN;
  for (let i = hi; i >= lo; i--) if (!Number.isNaN(a[i])) return a[i];
  return NaN;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/**
 * The sum of a over lo..hi, on the rows where `where` is finite (all rows without it): the weights
 * of the days an average does not skip. Read in place: a sparkline computes a KPI on dozens of
 * stretches per update, and a mask of the whole column per call made that quadratic.
 */
function sumWhereFinite(a: Float64Array | undefined, lo: number, hi: number, where: Float64Array | undefined): number {
  if (!a) return NaN;
  let s = 0;
  for (let i = lo; i <= hi; i++) {
    const v = a[i];
    if (Number.isFinite(v) && (!where || Number.isFinite(where[i]))) s += v;
  }
  return s;
}

/** What incentive programs paid providers over the window (0 for runs from before 0.10.0, which have no column for it). */
function incentivePay(t: WindowedTable): number {
  return t.data.incentive_paid_usd ? sum(t.data.incentive_paid_usd, t.lo, t.hi) : 0;
}

export const KPIS: KpiDef[] = [
  {
    id: 'utilization',
    title: 'Utilization',
    unit: 'share',
    better: 'up',
    needs: ['gpus_busy', 'gpus_online'],
    definition: 'Busy GPU-hours / online GPU-hours over the selected window (a ratio of sums, so busy days weigh by their hours).',
    compute: (t) => ratio(sum(t.data.gpus_busy, t.lo, t.hi), sum(t.data.gpus_online, t.lo, t.hi)),
  },
  {
    id: 'fill-rate',
    title: 'Fill rate',
    unit: 'share',
    better: 'up',
    needs: ['fill_rate'],
    reads: ['orders_matched', 'jobs_expired'],
    definition:
      'Orders matched / (orders matched + orders expired) over the window: the orders_matched and jobs_expired columns summed (for a run from before 0.16.0, the mean of the daily fill_rate). Expired orders left for the cloud. The orders include the re-orders of failed leases\' remaining work, which are mostly matched at once: a network whose leases fail more can show a higher fill rate; the detail line gives the new jobs\' own fill rate (their first orders only: first_orders_matched / (those matched + first_orders_expired) over the window, the CSV\'s fill_rate_new_jobs day by day; for a run from before 0.17.0, the mean of the daily fill_rate_new_jobs) and the re-orders\' share of the orders (re-orders = leases failed, new orders = jobs arrived).',
    compute: (t) => {
      // over the orders: a busy day counts for its orders, not once (0.16.0 has the counts)
      if (!t.data.orders_matched || !t.data.jobs_expired) return mean(t.data.fill_rate, t.lo, t.hi);
      const matched = sum(t.data.orders_matched, t.lo, t.hi);
      return ratio(matched, matched + sum(t.data.jobs_expired, t.lo, t.hi));
    },
    detail: (t) => {
      const reorders = sum(t.data.leases_failed, t.lo, t.hi);
      const orders = reorders + sum(t.data.jobs_arrived, t.lo, t.hi);
      const share = reorders > 0 && orders > 0 ? `${formatValue(reorders / orders, 'share')} of orders re-order failed leases` : null;
      // the new jobs' own fill rate over their first orders (0.17.0 has the counts; from 0.10.0 the mean of the days' rates; before, no column for it)
      const fm = t.data.first_orders_matched;
      const fe = t.data.first_orders_expired;
      const matchedFirst = fm && fe ? sum(fm, t.lo, t.hi) : NaN;
      const first = fm && fe ? ratio(matchedFirst, matchedFirst + sum(fe, t.lo, t.hi)) : t.data.fill_rate_new_jobs ? mean(t.data.fill_rate_new_jobs, t.lo, t.hi) : NaN;
      return Number.isFinite(first) ? `new jobs ${formatValue(first, 'share')}${share ? `; ${share}` : ''}` : share;
    },
  },
  {
    id: 'wait',
    title: 'Mean wait',
    unit: 'min',
    better: 'down',
    needs: ['wait_mean_h', 'jobs_started'],
    reads: ['orders_matched'],
    definition:
      "Mean time from order to match over the window, in minutes (the CSV has hours, wait_mean_h): the daily means weighted by the orders matched each day (orders_matched; for a run from before 0.16.0, by the leases started), so it is the mean over the orders. The detail line gives the share of the orders that waited at all and their mean wait (orders_waited over orders_matched, wait_mean_h_waited weighted by orders_waited: most orders find a GPU the moment they are placed, so the mean is a few long waits spread over all), then the highest daily 95th percentile in the window; with spot leases or reservations, whose orders wait in their own ways, it starts with the on-demand orders' own mean wait (wait_mean_h_on_demand, weighted by orders_matched_on_demand alike).",
    compute: (t) => {
      // the orders each day's mean is over; a run from before 0.16.0 has the leases started instead (about as many, a setup later)
      const w = t.data.orders_matched ?? t.data.jobs_started;
      return 60 * ratio(sum(t.data.wait_mean_h, t.lo, t.hi, w), sumWhereFinite(w, t.lo, t.hi, t.data.wait_mean_h));
    },
    detail: (t) => {
      const p = t.data.wait_p95_h;
      let m = -Infinity;
      if (p) for (let i = t.lo; i <= t.hi; i++) if (Number.isFinite(p[i])) m = Math.max(m, p[i]);
      const worst = Number.isFinite(m) ? `worst day's 95th pct ${formatWait(m)}` : null;
      // who waited at all (0.22.0), then the worst day
      const parts = [whoWaitedText(t), worst];
      // the on-demand orders' own wait first, where other kinds of orders are in the mean (0.14.0; the same numbers without them)
      const od = t.data.wait_mean_h_on_demand;
      const all = t.data.wait_mean_h;
      let differs = false;
      if (od && all) for (let i = t.lo; i <= t.hi && !differs; i++) differs = !Object.is(od[i], all[i]);
      if (differs) parts.unshift(`on-demand orders ${formatWait(kindWaits(t.data, t.lo, t.hi).onDemandH)}`);
      const line = parts.filter((x): x is string => x !== null);
      return line.length ? line.join('; ') : null;
    },
  },
  {
    id: 'failures',
    title: 'Lease failures',
    unit: 'share',
    better: 'down',
    needs: ['leases_failed', 'jobs_started'],
    definition: 'Leases failed / leases started over the window: how often a tenant\'s lease ends because its provider stayed down past the outage grace (market.outageGraceHours, 2 h by default) or was caught cheating. The failed work is ordered again. The detail line gives the counts, and how many leases rode out a shorter outage.',
    compute: (t) => ratio(sum(t.data.leases_failed, t.lo, t.hi), sum(t.data.jobs_started, t.lo, t.hi)),
    detail: (t) => {
      const f = sum(t.data.leases_failed, t.lo, t.hi);
      const st = sum(t.data.jobs_started, t.lo, t.hi);
      if (!(st > 0)) return null;
      const counts = `${formatCount(f)} of ${formatCount(st)} started`;
      // (runs stored before the outage grace have no resumes column)
      const resumed = t.data.leases_resumed ? sum(t.data.leases_resumed, t.lo, t.hi) : 0;
      return resumed > 0 ? `${counts}; ${formatCount(resumed)} resumed after an outage` : counts;
    },
  },
  {
    id: 'buyer-price',
    title: 'Buyer price',
    unit: 'USD/GPU-h',
    better: 'down',
    needs: ['gmv_usd', 'gpu_hours_served'],
    definition: 'USD billed / GPU-hours served over the window: what tenants pay per GPU-hour. Compared with the cloud on-demand price of the same GPUs for the same work.',
    compute: (t) => ratio(sum(t.data.gmv_usd, t.lo, t.hi), sum(t.data.gpu_hours_served, t.lo, t.hi)),
    detail: (t) => {
      const served = sum(t.data.gpu_hours_served, t.lo, t.hi);
      const cloud = ratio(sum(t.data.cloud_price_usd_per_gpu_h, t.lo, t.hi, t.data.gpu_hours_served), served);
      const price = ratio(sum(t.data.gmv_usd, t.lo, t.hi), served);
      if (!Number.isFinite(cloud) || !Number.isFinite(price)) return null;
      return `${Math.round((100 * price) / cloud)}% of cloud ($${cloud.toFixed(2)})`;
    },
  },
  {
    id: 'provider-earnings',
    title: 'Provider earnings',
    unit: 'USD/GPU-h',
    better: 'up',
    needs: ['provider_revenue_usd', 'provider_rewards_usd', 'gpu_hours_served'],
    reads: ['incentive_paid_usd'],
    definition:
      'Provider income per GPU-hour served over the window: (lease income net of fees + emission rewards valued at the token price + incentive programs\' pay) / GPU-hours served. The detail line is the share of that income funded by token emissions rather than by tenants (and by incentive programs, when the scenario has one).',
    compute: (t) => ratio(sum(t.data.provider_revenue_usd, t.lo, t.hi) + sum(t.data.provider_rewards_usd, t.lo, t.hi) + incentivePay(t), sum(t.data.gpu_hours_served, t.lo, t.hi)),
    detail: (t) => {
      const rev = sum(t.data.provider_revenue_usd, t.lo, t.hi);
      const rew = sum(t.data.provider_rewards_usd, t.lo, t.hi);
      const inc = incentivePay(t);
      const s = ratio(rew, rev + rew + inc);
      if (!Number.isFinite(s)) return null;
      return `${Math.round(s * 100)}% funded by emissions${inc > 0 ? `, ${Math.round((inc / (rev + rew + inc)) * 100)}% by incentive programs` : ''}`;
    },
  },
  {
    id: 'burn-mint',
    title: 'Burn-to-mint',
    unit: 'ratio',
    better: 'up',
    needs: ['burned_tokens', 'minted_tokens'],
    definition:
      'Tokens burned / tokens minted over the window. Above 1 the supply shrinks (net deflationary); below 1 it grows. With burn-and-mint payments, the detail line is the leases\' own net burn: tokens burned for credits less tokens minted to settle or redeem them, as a share of the burn (positive while the price rises between a lease\'s match and its settlement, AEP-76).',
    compute: (t) => ratio(sum(t.data.burned_tokens, t.lo, t.hi), sum(t.data.minted_tokens, t.lo, t.hi)),
    detail: (t) => {
      const burned = sum(t.data.bme_burned_tokens, t.lo, t.hi);
      if (burned > 0) {
        const net = (burned - sum(t.data.bme_minted_tokens, t.lo, t.hi)) / burned;
        return `leases' net burn ${formatValue(net, 'share')} of their burn`;
      }
      return burnMintWords(ratio(sum(t.data.burned_tokens, t.lo, t.hi), sum(t.data.minted_tokens, t.lo, t.hi)));
    },
  },
  {
    id: 'inflation',
    title: 'Net inflation',
    unit: 'share',
    better: 'neither',
    needs: ['supply_tokens'],
    reads: ['net_inflation_annual'],
    definition: 'Annualized change of the token supply over the window: (supply at end / supply at start)^(365 / days) - 1. Negative means the supply shrinks. The detail line is the reward yield of stake: the emission rewards paid to providers over the window as a yearly share of the tokens they stake (rewards / mean stake x 365 / days), the token return that staking to serve buys, before any price move.',
    compute: (t) => {
      const s = t.data.supply_tokens;
      if (!s || t.hi <= t.lo) return lastDefined(t.data.net_inflation_annual, t.lo, t.hi);
      const a = s[t.lo];
      const b = s[t.hi];
      const days = ((t.hi - t.lo) * t.periodHours) / 24;
      return a > 0 && days > 0 ? (b / a) ** (365 / days) - 1 : NaN;
    },
    detail: (t) => {
      const stake = mean(t.data.staked_tokens, t.lo, t.hi);
      const rewards = sum(t.data.rewards_tokens, t.lo, t.hi);
      const days = ((t.hi - t.lo + 1) * t.periodHours) / 24;
      if (!(stake > 0) || !Number.isFinite(rewards)) return null;
      return `stake earns ${formatValue((rewards / stake) * (365 / days), 'share')}/yr in rewards`;
    },
  },
  {
    id: 'payback',
    title: 'Median payback',
    unit: 'months',
    better: 'down',
    sparkCap: PAYBACK_CUT_MONTHS,
    needs: ['payback_months_median'],
    definition:
      'Median over active providers of (hardware price + stake bought) / trailing monthly cash profit (income − energy − operations) on the last day of the window; infinite when the median provider does not pay back. Healthy under 12 months, critical above 24. The detail line: the share of providers under water that day, whose trailing cash profit is at or below 0 (of those with a day of history).',
    compute: (t) => lastDefined(t.data.payback_months_median, t.lo, t.hi),
    detail: (t) => {
      const u = lastDefined(t.data.providers_under_water_share, t.lo, t.hi);
      return Number.isFinite(u) ? `${formatValue(u, 'share')} of providers under water` : null;
    },
  },
  {
    id: 'gini',
    title: 'Earnings Gini',
    unit: 'index 0-1',
    better: 'down',
    needs: ['revenue_gini'],
    definition:
      'Gini coefficient of the active providers\' income (lease revenue + rewards) on the last day of the window: 0 when every provider earns the same, 1 when one earns everything. The detail line: the Nakamoto coefficient (the fewest providers who together earned more than half) and the Herfindahl-Hirschman index on the antitrust scale (sum of squared shares x 10,000; above 2,500 highly concentrated).',
    compute: (t) => lastDefined(t.data.revenue_gini, t.lo, t.hi),
    detail: (t) => {
      const k = lastDefined(t.data.income_nakamoto, t.lo, t.hi);
      const h = lastDefined(t.data.income_hhi, t.lo, t.hi);
      if (!Number.isFinite(k) || !Number.isFinite(h)) return null;
      return `half of it to ${formatCount(k)} provider${k === 1 ? '' : 's'} · HHI ${formatCount(Math.round(h * 10_000))}`;
    },
  },
];

/**
 * A burn-to-mint ratio in words, for the card's detail line: a ratio of 0.00109 reads better as
 * "1 token burned per 917 minted" (the baseline's), and says which way the supply goes. Null when
 * nothing was minted (no ratio).
 */
export function burnMintWords(r: number): string | null {
  if (!Number.isFinite(r) || r < 0) return null;
  if (r === 0) return 'no tokens burned: the supply grows by all it mints';
  if (r === 1) return 'as many tokens burned as minted: the supply stays flat';
  if (r < 1) return `1 token burned per ${Math.round(1 / r).toLocaleString('en-US')} minted: the supply grows`;
  return `${formatValue(r, 'ratio')} tokens burned per token minted: the supply shrinks`;
}
