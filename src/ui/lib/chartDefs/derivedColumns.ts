/**
 * The columns the dashboard derives for its charts. Columns come from the core's metric table; a few
 * are derived here (capacity, net issuance, circulating supply, cumulative burn, the providers' share
 * of payments, protocol earnings, staking ratio, treasury value, the trailing burn-to-mint ratio and
 * inflation, the stake's trailing yields, profit per GPU by provider type, exits by cause, market cap
 * and fully diluted value), and last the twin columns of the charts' views (chartViews.ts). A kept
 * run's table holds them, so this file counts in the model id (scripts/modelIdPlugin.ts).
 */
import { CHARTS } from './charts.ts';
import { TRAILING_DAYS } from './chartsTokenSupply.ts';
import { viewColumns } from '../chartViews.ts';
import { TYPES } from './palette.ts';

/**
 * Columns computed from others; each returns NaN where an input is missing. `supplyCapTokens`: the
 * scenario's supply cap at its scale (scenarioRefs.ts), for the fully diluted value.
 */
export function deriveColumns(data: Record<string, Float64Array>, rows: number, periodHours: number, supplyCapTokens?: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  const col = (n: string) => data[n];
  const make = (name: string, inputs: string[], f: (i: number, c: Float64Array[]) => number) => {
    const cs = inputs.map(col);
    if (cs.some((c) => !c)) return;
    const a = new Float64Array(rows);
    for (let i = 0; i < rows; i++) a[i] = f(i, cs);
    out[name] = a;
  };
  make('capacity_gpu_h', ['gpus_online'], (i, [g]) => g[i] * periodHours);
  // what tenants paid less the protocol's take (the CSV's provider_revenue_usd also holds staker fee
  // shares). gmv_usd bills every GPU-hour served, paid or not, so the hours served after a tenant's
  // escrow ran dry (unpaid_usd, a stack of its own in the chart) come off too; runs from before that
  // column have none to take off.
  const unpaid = col('unpaid_usd');
  make('supply_side_usd', ['gmv_usd', 'fees_usd'], (i, [g, f]) => g[i] - f[i] - (unpaid && Number.isFinite(unpaid[i]) ? unpaid[i] : 0));
  make('staking_ratio', ['staked_tokens', 'supply_tokens'], (i, [st, su]) => (su[i] > 0 ? st[i] / su[i] : NaN));
  make('treasury_value_usd', ['treasury_tokens', 'token_price_usd'], (i, [tt, p]) => {
    const usd = col('treasury_usd');
    return tt[i] * p[i] + (usd ? usd[i] : 0);
  });
  make('protocol_earnings_usd', ['fees_usd', 'provider_rewards_usd'], (i, [f, r]) => f[i] - r[i]);
  make('net_issuance_tokens', ['minted_tokens', 'burned_tokens'], (i, [m, b]) => m[i] - b[i]);
  trailingTokenRates(data, rows, periodHours, out);
  // a type's profit per GPU in the network and day (no GPUs: no figure)
  for (const a of TYPES) {
    make(`profit_per_gpu_usd_${a}`, [`provider_revenue_usd_${a}`, `provider_rewards_usd_${a}`, `provider_costs_usd_${a}`, `gpus_total_${a}`], (i, [r, w, c, n]) => (n[i] > 0 ? (r[i] + w[i] - c[i]) / n[i] / (periodHours / 24) : NaN));
  }
  // running totals: the cumulative burn, exits by cause
  const cumulative = (from: string, to: string) => {
    const b = col(from);
    if (!b) return;
    const a = new Float64Array(rows);
    let s = 0;
    for (let i = 0; i < rows; i++) {
      if (Number.isFinite(b[i])) s += b[i];
      a[i] = s;
    }
    out[to] = a;
  };
  cumulative('burned_tokens', 'burned_cumulative_tokens');
  cumulative('incentive_paid_usd', 'incentive_spent_usd');
  for (const c of ['churn', 'losses', 'rival', 'banned']) cumulative(`providers_exited_${c}`, `exited_cumulative_${c}`);
  make('circulating_tokens', ['supply_tokens'], (i, [s]) => {
    const st = col('staked_tokens');
    const tr = col('treasury_tokens');
    const lk = col('locked_tokens');
    return s[i] - (st ? st[i] : 0) - (tr ? tr[i] : 0) - (lk ? lk[i] : 0);
  });
  // the circulating tokens split into the market's float and the rest (0.6.0), or in one band without the float
  const circ = out.circulating_tokens;
  const float = data.token_for_sale_tokens;
  if (circ && float) out.circulating_held_tokens = circ.map((c, i) => c - float[i]);
  else if (circ) out.circulating_unsplit_tokens = circ;
  const price = data.token_price_usd;
  if (circ && price) out.circulating_market_cap_usd = circ.map((c, i) => c * price[i]);
  // every token the schedule may mint at the day's price (the supply itself where burns and a later cap leave it above)
  const supply = data.supply_tokens;
  if (supplyCapTokens !== undefined && supply && price) out.fdv_usd = supply.map((v, i) => Math.max(supplyCapTokens, v) * price[i]);
  // the charts' views (cumulative, in USD) last: they may total the columns derived above
  return Object.assign(out, viewColumns(CHARTS, { ...data, ...out }, rows));
}

/**
 * The token charts' smoothed lines over the trailing TRAILING_DAYS (fewer in the first days): the
 * burn-to-mint ratio of the window's sums (empty while nothing was minted), and the supply's change
 * over the window, compounded to a year as the Net inflation KPI computes it.
 */
function trailingTokenRates(data: Record<string, Float64Array>, rows: number, periodHours: number, out: Record<string, Float64Array>): void {
  const minted = data.minted_tokens;
  const burned = data.burned_tokens;
  if (!minted || !burned) return;
  const w = Math.max(1, Math.round((TRAILING_DAYS * 24) / periodHours));
  const ratio = new Float64Array(rows);
  const v = (a: Float64Array, i: number) => (Number.isFinite(a[i]) ? a[i] : 0);
  for (let i = 0; i < rows; i++) {
    // summed afresh for each row (w is 30 rows at daily periods): a running sum's rounding would leave a
    // tiny positive mint once emissions stop, and a huge ratio
    let m = 0;
    let b = 0;
    for (let j = Math.max(0, i - w + 1); j <= i; j++) {
      m += v(minted, j);
      b += v(burned, j);
    }
    ratio[i] = m > 0 ? b / m : NaN;
  }
  out.burn_mint_ratio_trailing = ratio;
  const supply = data.supply_tokens;
  if (!supply) return;
  // the supply before the first period: its end less what the period minted and burned
  const atStart = rows > 0 ? supply[0] - minted[0] + burned[0] : NaN;
  const compounded = (over: number) => {
    const infl = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const from = i >= over ? supply[i - over] : atStart;
      const days = (Math.min(i + 1, over) * periodHours) / 24;
      infl[i] = from > 0 && supply[i] >= 0 ? (supply[i] / from) ** (365 / days) - 1 : NaN;
    }
    return infl;
  };
  // each period compounded too (the CSV's net_inflation_annual is simple, x 365): the two lines then
  // differ by the noise the window smooths, not by the way of annualizing
  out.net_inflation_period = compounded(1);
  out.net_inflation_trailing = compounded(w);
  stakeYields(data, rows, periodHours, w, atStart, out);
}

/**
 * The stake's reward yield over the trailing window, as the Net inflation card's detail line computes
 * it (rewards / mean stake, x 365 / days: an APR), and its real yield: the same window's return net of
 * the supply's growth, (1 + return) / (supply at end / supply at start) - 1, x 365 / days, what a
 * staker's share of the supply gained. Empty while nothing is staked.
 */
function stakeYields(data: Record<string, Float64Array>, rows: number, periodHours: number, w: number, supplyAtStart: number, out: Record<string, Float64Array>): void {
  const staked = data.staked_tokens;
  const rewards = data.rewards_tokens;
  const supply = data.supply_tokens;
  if (!staked || !rewards || !supply) return;
  const nominal = new Float64Array(rows);
  const real = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const from = Math.max(0, i - w + 1);
    let r = 0;
    let st = 0;
    let n = 0;
    for (let j = from; j <= i; j++) {
      if (Number.isFinite(rewards[j])) r += rewards[j];
      if (Number.isFinite(staked[j])) (st += staked[j]), n++;
    }
    const meanStake = n > 0 ? st / n : NaN;
    const perYear = 365 / (((i - from + 1) * periodHours) / 24);
    const ret = meanStake > 0 ? r / meanStake : NaN;
    const before = from > 0 ? supply[from - 1] : supplyAtStart;
    nominal[i] = ret * perYear;
    real[i] = before > 0 && supply[i] > 0 ? ((1 + ret) / (supply[i] / before) - 1) * perYear : NaN;
  }
  out.stake_yield_trailing = nominal;
  out.stake_real_yield_trailing = real;
}
