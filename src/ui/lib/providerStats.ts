/** Summaries of the per-provider report for the distribution chart: payback bins and a Lorenz curve. */
import { ARCHETYPE_COLORS } from './chartDefs/palette.ts';

export type ProviderRecord = Record<string, number | string>;


/** Payback bins in months: [lo, hi); the last one, 120+, also holds "never" (no profit to pay back from). */
export const PAYBACK_BINS: { label: string; lo: number; hi: number }[] = [
  { label: '<6', lo: 0, hi: 6 },
  { label: '6-12', lo: 6, hi: 12 },
  { label: '12-24', lo: 12, hi: 24 },
  { label: '24-36', lo: 24, hi: 36 },
  { label: '36-60', lo: 36, hi: 60 },
  { label: '60-120', lo: 60, hi: 120 },
  { label: '120+', lo: 120, hi: Infinity },
];

export interface Bin {
  label: string;
  total: number;
  byArchetype: Record<string, number>;
  /** Top of each archetype's segment in the stack (archetypes stacked in ARCHETYPE_COLORS order). */
  stackTop: Record<string, number>;
}

export function paybackBins(rows: readonly ProviderRecord[]): Bin[] {
  const bins: Bin[] = PAYBACK_BINS.map((b) => ({ label: b.label, total: 0, byArchetype: {}, stackTop: {} }));
  for (const r of rows) {
    const m = r.payback_months;
    if (typeof m !== 'number' || Number.isNaN(m)) continue;
    const v = m < 0 ? Infinity : m;
    const i = PAYBACK_BINS.findIndex((b) => v >= b.lo && v < b.hi);
    const bin = bins[i < 0 ? bins.length - 1 : i];
    const a = String(r.archetype);
    bin.byArchetype[a] = (bin.byArchetype[a] ?? 0) + 1;
    bin.total++;
  }
  for (const b of bins) {
    let top = 0;
    for (const a of Object.keys(ARCHETYPE_COLORS)) {
      top += b.byArchetype[a] ?? 0;
      b.stackTop[a] = top;
    }
  }
  return bins;
}

/**
 * Lorenz curve of provider income (revenue_usd + rewards_usd; negatives count as 0) and its Gini
 * coefficient (1 - 2 x the area under the curve, trapezoids).
 */
export function lorenz(rows: readonly ProviderRecord[]): { points: [number, number][]; gini: number } {
  const income = rows
    .map((r) => Math.max(0, (Number(r.revenue_usd) || 0) + (Number(r.rewards_usd) || 0)))
    .sort((a, b) => a - b);
  const n = income.length;
  const total = income.reduce((s, v) => s + v, 0);
  if (n === 0 || total <= 0) return { points: [[0, 0], [1, 1]], gini: NaN };
  const points: [number, number][] = [[0, 0]];
  let cum = 0;
  let area = 0;
  const step = Math.max(1, Math.floor(n / 200));
  let prevY = 0;
  for (let i = 0; i < n; i++) {
    cum += income[i];
    const y = cum / total;
    area += (prevY + y) / (2 * n);
    prevY = y;
    if ((i + 1) % step === 0 || i === n - 1) points.push([(i + 1) / n, y]);
  }
  return { points, gini: 1 - 2 * area };
}

/** One provider type's figures over the run, from the per-provider report. */
export interface ArchetypeRow {
  archetype: string;
  /** Providers that took part (initial and joined), and those still active at the report. */
  providers: number;
  active: number;
  /** GPUs of the active providers. */
  gpus: number;
  /** Busy / online GPU-hours of all of them (leavers' hours count). */
  utilization: number;
  /** Leases that failed on their GPUs / leases that ended completed or failed there. */
  failureShare: number;
  /**
   * Resumes after an outage (a lease that stalled and whose provider came back within the grace) per
   * lease ended there; NaN for a report from before the outage grace (no such column).
   */
  resumesPerLease: number;
  /** Income (lease revenue + rewards in USD) per busy GPU-hour, and the share of it from rewards. */
  incomePerGpuHour: number;
  rewardShare: number;
  /** Profit per provider-month in the network (all of them, each for the days it was in). */
  profitPerProviderMonth: number;
  /** Median payback of the active ones (months; inf when it does not pay back), NaN without economy figures. */
  medianPaybackMonths: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** A report field as a number (0 when missing or not finite, as in a sum). */
const num = (r: ProviderRecord, k: string) => {
  const v = Number(r[k]);
  return Number.isFinite(v) ? v : 0;
};

/** The figures of a group of providers (a type, a region) from their report rows; `nowDay`: the report's day. */
export function groupFigures(of: readonly ProviderRecord[], nowDay: number): Omit<ArchetypeRow, 'archetype'> & { providerMonths: number } {
  const live = of.filter((r) => r.active === 1);
  const sum = (k: string, rs: readonly ProviderRecord[] = of) => rs.reduce((s, r) => s + num(r, k), 0);
  const busy = sum('busy_gpu_hours');
  const ended = sum('leases_completed') + sum('leases_failed');
  const income = sum('revenue_usd') + sum('rewards_usd');
  // without the token economy the report has no income figures (NaN): not an income of $0
  const hasIncome = of.some((r) => Number.isFinite(Number(r.revenue_usd)));
  const months = of.reduce((s, r) => {
    const left = r.active === 1 || typeof r.exited_day !== 'number' || Number.isNaN(r.exited_day) ? nowDay : r.exited_day;
    return s + Math.max(0, left - num(r, 'joined_day')) / DAYS_PER_MONTH;
  }, 0);
  const paybacks = live.map((r) => Number(r.payback_months)).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const mid = paybacks.length ? (paybacks.length % 2 ? paybacks[(paybacks.length - 1) / 2] : (paybacks[paybacks.length / 2 - 1] + paybacks[paybacks.length / 2]) / 2) : NaN;
  return {
    providers: of.length,
    active: live.length,
    gpus: sum('gpus', live),
    utilization: sum('online_gpu_hours') > 0 ? busy / sum('online_gpu_hours') : NaN,
    failureShare: ended > 0 ? sum('leases_failed') / ended : NaN,
    resumesPerLease: ended > 0 && of.some((r) => 'leases_resumed' in r) ? sum('leases_resumed') / ended : NaN,
    incomePerGpuHour: busy > 0 && hasIncome ? income / busy : NaN,
    rewardShare: income > 0 && hasIncome ? sum('rewards_usd') / income : NaN,
    // without the token economy the report has no profit figures: not a profit of 0
    profitPerProviderMonth: months > 0 && of.some((r) => Number.isFinite(Number(r.profit_usd))) ? sum('profit_usd') / months : NaN,
    medianPaybackMonths: mid,
    providerMonths: months,
  };
}

/**
 * Per provider type (in ARCHETYPE_COLORS' order, those present): who took part, how busy their
 * GPUs were, how often their leases failed, what they earned and whether they pay back. `nowDay`
 * is the report's day (a provider still active has been in since it joined).
 */
export function archetypeSummary(rows: readonly ProviderRecord[], nowDay: number): ArchetypeRow[] {
  return Object.keys(ARCHETYPE_COLORS)
    .map((archetype) => {
      const { providerMonths: _, ...f } = groupFigures(rows.filter((r) => r.archetype === archetype), nowDay);
      return { archetype, ...f };
    })
    .filter((r) => r.providers > 0);
}

/** A run's columns over rows lo..hi (inclusive), as the KPIs read them. */
export interface WindowRows {
  data: Record<string, ArrayLike<number> | undefined>;
  lo: number;
  hi: number;
  periodHours: number;
}

/** True when the run has the per-type columns (0.3.0 and later, with the token economy for the money ones). */
export function hasTypeColumns(w: Pick<WindowRows, 'data'>): boolean {
  return Object.keys(ARCHETYPE_COLORS).every((a) => !!w.data[`gpus_busy_${a}`]);
}

/**
 * Per provider type over a time window, from the per-type columns: the table's figures for any
 * window, while the run goes on. Flows are summed over the window's periods; who is in, their GPUs
 * and the median payback are those at the window's last period. `providers` (who took part) is NaN:
 * only the per-provider report knows it. Money figures are NaN without the token economy's columns.
 */
export function typeSummary(w: WindowRows): ArchetypeRow[] {
  const total = (name: string) => {
    const c = w.data[name];
    if (!c) return NaN;
    let s = 0;
    for (let i = w.lo; i <= w.hi; i++) if (Number.isFinite(c[i])) s += c[i];
    return s;
  };
  const last = (name: string) => w.data[name]?.[w.hi] ?? NaN;
  const div = (a: number, b: number) => (b > 0 ? a / b : NaN);
  return Object.keys(ARCHETYPE_COLORS)
    .map((archetype) => {
      const busyH = total(`gpus_busy_${archetype}`) * w.periodHours;
      const ended = total(`leases_completed_${archetype}`) + total(`leases_failed_${archetype}`);
      const revenue = total(`provider_revenue_usd_${archetype}`);
      const rewards = total(`provider_rewards_usd_${archetype}`);
      const income = revenue + rewards;
      // provider-months: the providers in at the end of each period, for the period's length
      const months = (total(`providers_active_${archetype}`) * w.periodHours) / 24 / DAYS_PER_MONTH;
      return {
        archetype,
        providers: NaN,
        active: last(`providers_active_${archetype}`),
        gpus: last(`gpus_total_${archetype}`),
        utilization: div(total(`gpus_busy_${archetype}`), total(`gpus_online_${archetype}`)),
        failureShare: div(total(`leases_failed_${archetype}`), ended),
        resumesPerLease: div(total(`leases_resumed_${archetype}`), ended),
        incomePerGpuHour: div(income, busyH),
        rewardShare: div(rewards, income),
        profitPerProviderMonth: div(income - total(`provider_costs_usd_${archetype}`), months),
        medianPaybackMonths: last(`payback_months_median_${archetype}`),
      };
    })
    .filter((r) => r.active > 0 || total(`gpus_online_${r.archetype}`) > 0);
}
