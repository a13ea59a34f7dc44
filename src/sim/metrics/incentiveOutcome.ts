/**
 * What incentive programs (economy.incentivePrograms) did over rows [lo, hi] of a run's table: what
 * they paid, its share of the providers' income, and how they stopped: ran dry (no runway left on
 * their last paying day), ended as scheduled with budget unspent, or still paying at `hi`. The CLI's
 * summary and the dashboard's word it each their own way. Null when they paid nothing there (or the
 * run has no such columns: no economy, or a run from before 0.10.0).
 */
export interface IncentiveOutcome {
  paidUsd: number;
  /** Of the providers' income (lease revenue + rewards + this pay) over the same rows. */
  shareOfIncome: number;
  how: 'dry' | 'ended' | 'paying';
  /** The last day they paid (the `day` column's value). */
  lastDay: number;
  /** Budget left and runway (days at the day's spend) on that day. */
  leftUsd: number;
  runwayDays: number;
}

export function incentiveOutcome(data: Readonly<Record<string, ArrayLike<number> | undefined>>, lo: number, hi: number): IncentiveOutcome | null {
  const paid = data.incentive_paid_usd;
  const runway = data.incentive_runway_days;
  const left = data.incentive_budget_usd;
  if (!paid || !runway || !left) return null;
  let total = 0;
  let income = 0;
  let last = -1;
  for (let i = lo; i <= hi; i++) {
    if (paid[i] > 0) {
      total += paid[i];
      last = i;
    }
    for (const c of [data.provider_revenue_usd, data.provider_rewards_usd]) if (c && Number.isFinite(c[i])) income += c[i];
  }
  if (!(total > 0)) return null;
  return {
    paidUsd: total,
    shareOfIncome: income + total > 0 ? total / (income + total) : NaN,
    how: last === hi ? 'paying' : runway[last] < 0.5 ? 'dry' : 'ended',
    lastDay: data.day ? Math.round(data.day[last]) : last + 1,
    leftUsd: left[last],
    runwayDays: runway[last],
  };
}
