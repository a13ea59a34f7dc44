/**
 * What the dashboard draws: the charts (series, units, scales) and the KPI cards (definitions and
 * how each is computed over the selected window). Columns come from the core's metric table; a few
 * are derived here (capacity, net issuance, circulating supply, cumulative burn, the providers' share of payments, protocol earnings, staking ratio, treasury value, the trailing burn-to-mint ratio and inflation). A chart whose
 * columns are not in the table yet says so instead of drawing zeros.
 */
import { formatWait, kindWaits } from '../../sim/metrics/kindWaits.ts';
import { formatCount, formatValue } from './format.ts';
import { REGIONS } from '../../sim/scenario/schema.ts';
import { viewColumns, type ChartToggle } from './chartViews.ts';
import { getAt } from './paths.ts';

export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  amber: '#F5C710',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
  black: '#000000',
} as const;

export const TIERS = ['entry', 'low', 'medium', 'high', 'ultra'] as const;
export const TIER_COLORS: Record<(typeof TIERS)[number], string> = {
  entry: OKABE_ITO.orange,
  low: OKABE_ITO.sky,
  medium: OKABE_ITO.green,
  high: OKABE_ITO.blue,
  ultra: OKABE_ITO.purple,
};
export const TIER_DASH: Record<(typeof TIERS)[number], string> = {
  entry: '',
  low: '7 3',
  medium: '2 3',
  high: '10 3 2 3',
  ultra: '4 2 1 2',
};

/** Provider types (ARCHETYPES order), one colour and dash each, in every chart and table that splits by type. */
export const ARCHETYPE_COLORS: Record<string, string> = {
  home: OKABE_ITO.orange,
  farm: OKABE_ITO.sky,
  datacenter: OKABE_ITO.blue,
  university: OKABE_ITO.purple,
};
const ARCHETYPE_DASH: Record<string, string> = { home: '', farm: '6 3', datacenter: '2 2', university: '10 3 2 3' };
const TYPES = Object.keys(ARCHETYPE_COLORS);

/** Provider regions (REGIONS order): their names, and one colour and dash each, apart from the types' colours. */
export const REGION_LABELS: Record<(typeof REGIONS)[number], string> = {
  na: 'North America',
  eu: 'Europe',
  asia: 'Asia',
  other: 'elsewhere',
};
export const REGION_COLORS: Record<(typeof REGIONS)[number], string> = {
  na: OKABE_ITO.blue,
  eu: OKABE_ITO.vermillion,
  asia: OKABE_ITO.green,
  other: OKABE_ITO.grey,
};
const REGION_DASH: Record<(typeof REGIONS)[number], string> = { na: '', eu: '6 3', asia: '2 2', other: '10 3 2 3' };
const regionSeries = (prefix: string) =>
  REGIONS.map((r) => ({ column: `${prefix}_${r}`, label: REGION_LABELS[r], color: REGION_COLORS[r], dash: REGION_DASH[r], width: 1.8 }));

/** 'areaDown': an area drawn down from 0 (a running total of what barDown draws per day). */
export type SeriesType = 'line' | 'area' | 'areaDown' | 'stack' | 'barUp' | 'barDown';

export interface SeriesDef {
  column: string;
  label: string;
  color: string;
  dash?: string;
  type?: SeriesType;
  width?: number;
  /** Secondary y axis on the right (different unit or magnitude). */
  right?: boolean;
  /** Drawn (and in the legend) only when the column holds a value other than 0: for mechanisms a scenario may not have, such as token unlocks. */
  onlyWhenNonZero?: boolean;
  /** Drawn (and in the legend) only when the column holds a value somewhere: for a figure that is empty without its mechanism (the waits of spot orders without spot leases). */
  onlyWhenValued?: boolean;
  /** Stands in for series of a newer column in runs from before it: drawn when its column exists, never listed as missing. */
  standIn?: boolean;
}

export interface ChartDef {
  id: string;
  title: string;
  /** One line under the title: what to look for. */
  subtitle: string;
  unit: string;
  rightUnit?: string;
  series: SeriesDef[];
  /**
   * 'auto' switches to log when positive values span more than two orders of magnitude; the user can
   * toggle it either way. 'never' for charts a log axis cannot show: ones with negative values (bars
   * drawn downwards, profits) or stacked areas.
   */
  log: 'auto' | 'never' | 'default-on';
  /** Fixed y domain, e.g. [0, 1] for shares. */
  yDomain?: [number, number];
  /**
   * The right axis's highest value, when the right series go above it: the axis stops there and the
   * lines leave the plot at its top (the tooltip and data table keep the values). For a figure whose
   * early or extreme values would flatten the part a reader looks at (a payback of 1,500 months in a
   * run's first weeks squeezed the 12- and 24-month thresholds into one pixel row).
   */
  rightCap?: number;
  /** The right axis stays linear even when its values span orders of magnitude (a countdown reads as a straight line to 0). */
  rightLinear?: boolean;
  /** Horizontal reference lines (on the right axis with `right`). */
  refs?: { value: number; label: string; right?: boolean }[];
  /** Columns without which the chart is "not available yet". */
  needs: string[];
  /** Why the chart may be missing, shown in its place. */
  pendingNote?: string;
  /**
   * Views the chart's header offers (lib/chartViews.ts): 'cumulative' when its left axis holds
   * per-day flows, 'usd' when it holds token amounts.
   */
  toggles?: ChartToggle[];
  /** The left axis's unit in the cumulative view, when not the chart's own (e.g. 'leases' for 'per day'). */
  cumulativeUnit?: string;
  /**
   * A scenario path to a list (e.g. 'economy.incentivePrograms'): the chart is drawn only for runs
   * whose scenario holds items there, or the group itself (market.escrow). A chart of a mechanism the
   * run does not use is a flat zero.
   */
  onlyWith?: string | string[];
}

/**
 * Whether a chart belongs on screen for a run of `scenario`: always, unless what its `onlyWith`
 * names is missing there: an empty or absent list, or an absent group (no run yet: not shown); of
 * several paths, when all are missing.
 */
export function usesMechanism(scenario: unknown, def: ChartDef): boolean {
  if (!def.onlyWith) return true;
  // a list of paths: any of them will do
  return (Array.isArray(def.onlyWith) ? def.onlyWith : [def.onlyWith]).some((path) => {
    const v = scenario === undefined ? undefined : getAt(scenario, path);
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
  });
}

/** What incentive programs paid providers over the window (0 for runs from before 0.10.0, which have no column for it). */
function incentivePay(t: WindowedTable): number {
  return t.data.incentive_paid_usd ? sum(t.data.incentive_paid_usd, t.lo, t.hi) : 0;
}

/** The trailing window of the token charts' smoothed lines, days. */
export const TRAILING_DAYS = 30;

const ECONOMY_NOTE = 'The economy columns (tokens, provider P&L) are not produced by this version of the core yet.';

/** Why a chart of an optional mechanism is missing for a run from before the mechanism came. */
const cameIn = (what: string, version: string) => `${what} came in ${version}: runs from before have no columns for them.`;

/** The on-demand leases' realized price, on the right axis, beside a discounted kind of lease's (spot, reserved): one colour in both charts. */
const ON_DEMAND_PRICE: SeriesDef = { column: 'on_demand_price_usd_per_gpu_h', label: 'On-demand price (right axis)', color: OKABE_ITO.blue, width: 2, right: true };

export const CHARTS: ChartDef[] = [
  {
    id: 'supply-demand',
    title: 'Supply vs demand',
    subtitle: 'GPU-hours online (capacity), asked for by arriving jobs, and served, per day',
    unit: 'GPU-h',
    log: 'auto',
    needs: ['gpu_hours_served', 'gpu_hours_demanded'],
    toggles: ['cumulative'],
    series: [
      { column: 'capacity_gpu_h', label: 'Capacity (online)', color: OKABE_ITO.sky, type: 'area' },
      { column: 'gpu_hours_demanded', label: 'Demanded', color: OKABE_ITO.vermillion, dash: '6 3', width: 2 },
      { column: 'gpu_hours_served', label: 'Served', color: OKABE_ITO.blue, width: 2 },
    ],
  },
  {
    id: 'utilization',
    title: 'Utilization and fill rate by tier',
    subtitle: 'Busy / online GPU-hours per tier; fill rate = orders matched / (matched + expired)',
    unit: 'share',
    log: 'never',
    yDomain: [0, 1],
    needs: ['utilization'],
    series: [
      { column: 'utilization', label: 'Utilization (all)', color: OKABE_ITO.black, width: 2.5 },
      ...TIERS.map((t) => ({ column: `utilization_${t}`, label: `Utilization ${t}`, color: TIER_COLORS[t], dash: TIER_DASH[t], width: 1.5 })),
      { column: 'fill_rate', label: 'Fill rate', color: OKABE_ITO.vermillion, dash: '1 3', width: 2.5 },
    ],
  },
  {
    // the tenant's side of the market: how long an order waits, and what becomes of the leases
    id: 'waits',
    title: 'Waiting for a GPU',
    subtitle: 'Time from order to match, mean and 95th percentile of the orders matched each day (left, hours); orders waiting, time-average (right)',
    unit: 'h',
    rightUnit: 'orders',
    log: 'never',
    needs: ['wait_mean_h', 'queue_len_mean'],
    series: [
      { column: 'wait_mean_h', label: 'Mean wait', color: OKABE_ITO.blue, width: 2 },
      { column: 'wait_p95_h', label: '95th percentile wait', color: OKABE_ITO.vermillion, dash: '6 3', width: 1.5 },
      { column: 'queue_len_mean', label: 'Orders waiting (right axis)', color: OKABE_ITO.grey, dash: '2 3', width: 1.5, right: true },
    ],
  },
  {
    id: 'outcomes',
    title: 'Leases started, finished, failed',
    subtitle: 'Per day: leases started and jobs completed; leases failed (provider down past the outage grace, or caught cheating; the rest of the work is ordered again) and leases that rode out an outage within the grace; orders expired unserved, leases cancelled by the tenant',
    unit: 'per day',
    log: 'auto',
    needs: ['jobs_started', 'leases_failed', 'jobs_expired'],
    toggles: ['cumulative'],
    cumulativeUnit: 'leases',
    series: [
      { column: 'jobs_started', label: 'Started', color: OKABE_ITO.blue, width: 2 },
      { column: 'jobs_completed', label: 'Completed', color: OKABE_ITO.green, dash: '7 3', width: 2 },
      { column: 'leases_failed', label: 'Failed', color: OKABE_ITO.vermillion, width: 2 },
      { column: 'leases_resumed', label: 'Resumed after an outage', color: OKABE_ITO.sky, dash: '1 2', width: 2 },
      { column: 'jobs_expired', label: 'Expired', color: OKABE_ITO.orange, dash: '2 3', width: 2 },
      { column: 'jobs_cancelled', label: 'Cancelled', color: OKABE_ITO.grey, dash: '10 3 2 3', width: 1.5 },
    ],
  },
  {
    id: 'prices',
    title: 'Price per GPU-hour by tier vs the cloud',
    subtitle: 'Realized price (solid) against the cloud on-demand reference for the same work (dashed)',
    unit: 'USD/GPU-h',
    log: 'default-on',
    needs: ['price_usd_per_gpu_h'],
    series: [
      ...TIERS.map((t) => ({ column: `price_usd_per_gpu_h_${t}`, label: `${t}`, color: TIER_COLORS[t], width: 2 })),
      ...TIERS.map((t) => ({ column: `cloud_price_usd_per_gpu_h_${t}`, label: `${t} cloud`, color: TIER_COLORS[t], dash: '5 4', width: 1.2 })),
    ],
  },
  {
    id: 'provider-economics',
    title: 'Provider revenue, profit and payback',
    subtitle: 'All providers\' lease income, rewards and profit per day (left, USD); median payback (right, months)',
    unit: 'USD',
    rightUnit: 'months',
    // as the payback histogram's last bin: 10 years and more reads as "does not pay back"
    rightCap: 120,
    log: 'never',
    needs: ['provider_revenue_usd'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative'],
    series: [
      { column: 'provider_revenue_usd', label: 'Lease income', color: OKABE_ITO.blue, width: 2 },
      { column: 'provider_rewards_usd', label: 'Rewards', color: OKABE_ITO.purple, dash: '7 3', width: 1.5 },
      { column: 'provider_profit_usd', label: 'Provider profit', color: OKABE_ITO.green, dash: '6 3', width: 2 },
      { column: 'payback_months_median', label: 'Median payback (right axis)', color: OKABE_ITO.vermillion, dash: '2 3', width: 2, right: true },
    ],
    // the DTSE registry's thresholds (research/dashboards.md §6.2 #8), as the payback KPI states them
    refs: [
      { value: 12, label: 'payback 12 months: healthy below', right: true },
      { value: 24, label: '24 months: critical above', right: true },
    ],
  },
  {
    // research/dashboards.md §6.2 #6 (Token Terminal's terms: fees = what users pay, revenue = the
    // protocol's share, earnings = revenue - token incentives): is the network paid for by its
    // tenants or by its emissions?
    id: 'revenue-incentives',
    title: 'Network revenue and token incentives',
    subtitle: 'Tenants\' payments per day: providers\' share and protocol fees (up); token rewards to providers in USD (down); line: earnings = fees − incentives',
    unit: 'USD',
    log: 'never',
    needs: ['gmv_usd', 'fees_usd', 'provider_rewards_usd'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative'],
    series: [
      { column: 'supply_side_usd', label: 'Providers\' share of payments', color: OKABE_ITO.sky, type: 'stack' },
      { column: 'fees_usd', label: 'Protocol fees (revenue)', color: OKABE_ITO.blue, type: 'stack' },
      { column: 'provider_rewards_usd', label: 'Token incentives', color: OKABE_ITO.purple, type: 'barDown' },
      { column: 'protocol_earnings_usd', label: 'Protocol earnings', color: OKABE_ITO.black, width: 2 },
    ],
  },
  {
    // research/dashboards.md §6.2 #10: "Gini / HHI / Nakamoto over time (small line panel)"
    id: 'concentration',
    title: 'Earnings concentration',
    subtitle: 'The active providers\' income (lease revenue + rewards) each day: its Gini coefficient (left, 0 = all equal); the fewest providers who earned more than half of it (right, the Nakamoto coefficient)',
    unit: 'index 0-1',
    rightUnit: 'providers',
    log: 'never',
    yDomain: [0, 1],
    needs: ['revenue_gini', 'income_nakamoto'],
    pendingNote: 'Needs the token economy (economy.enabled) and a run from 0.7.0 on, when the Nakamoto coefficient came in.',
    series: [
      { column: 'revenue_gini', label: 'Gini', color: OKABE_ITO.blue, width: 2 },
      { column: 'income_nakamoto', label: 'Nakamoto coefficient (right axis)', color: OKABE_ITO.vermillion, dash: '6 3', width: 2, right: true },
    ],
  },
  {
    // who the network works for: the Providers-by-type table's utilization and profit, day by day
    id: 'types-utilization',
    title: 'Utilization by provider type',
    subtitle: 'Busy / online GPU-hours of each type\'s GPUs per day; the network\'s for reference',
    unit: 'share',
    log: 'never',
    yDomain: [0, 1],
    needs: TYPES.map((a) => `utilization_${a}`),
    series: [
      { column: 'utilization', label: 'All providers', color: OKABE_ITO.black, width: 2.5 },
      ...TYPES.map((a) => ({ column: `utilization_${a}`, label: a, color: ARCHETYPE_COLORS[a], dash: ARCHETYPE_DASH[a], width: 1.8 })),
    ],
  },
  {
    id: 'types-profit',
    title: 'Profit per GPU by provider type',
    subtitle: 'Lease income + rewards − costs per day, over the type\'s GPUs in the network (a data centre has ~28, a home gamer 1-2): which hardware pays',
    unit: 'USD/GPU-day',
    log: 'never',
    needs: TYPES.map((a) => `provider_costs_usd_${a}`),
    pendingNote: ECONOMY_NOTE,
    series: TYPES.map((a) => ({ column: `profit_per_gpu_usd_${a}`, label: a, color: ARCHETYPE_COLORS[a], dash: ARCHETYPE_DASH[a], width: 1.8 })),
    refs: [{ value: 0, label: 'break-even' }],
  },
  {
    // a regional shock (eu_power_shock) in the region's own figures: does its price part from the others'?
    id: 'regions-utilization',
    title: 'Utilization by region',
    subtitle: 'Busy / online GPU-hours of the GPUs in each region per day; the network\'s for reference',
    unit: 'share',
    log: 'never',
    yDomain: [0, 1],
    needs: REGIONS.map((r) => `utilization_${r}`),
    series: [{ column: 'utilization', label: 'All regions', color: OKABE_ITO.black, width: 2.5 }, ...regionSeries('utilization')],
  },
  {
    id: 'regions-price',
    title: 'Price per GPU-hour by region',
    subtitle: 'USD billed / GPU-hours served by each region\'s providers per day; the network\'s for reference',
    unit: 'USD/GPU-h',
    log: 'never',
    needs: REGIONS.map((r) => `price_usd_per_gpu_h_${r}`),
    series: [{ column: 'price_usd_per_gpu_h', label: 'All regions', color: OKABE_ITO.black, width: 2.5 }, ...regionSeries('price_usd_per_gpu_h')],
  },
  {
    id: 'providers',
    title: 'Providers joining and leaving',
    subtitle: 'Joins (up) and exits (down) per day, left axis; providers active, right axis',
    unit: 'providers/day',
    rightUnit: 'providers',
    log: 'never',
    needs: ['providers_active'],
    toggles: ['cumulative'],
    cumulativeUnit: 'providers',
    series: [
      { column: 'providers_joined', label: 'Joined', color: OKABE_ITO.green, type: 'barUp' },
      { column: 'providers_exited', label: 'Exited', color: OKABE_ITO.vermillion, type: 'barDown' },
      { column: 'providers_active', label: 'Active (right axis)', color: OKABE_ITO.black, width: 2, right: true },
    ],
  },
  {
    // research/dashboards.md §6.2 #9: exits split by cause
    id: 'exit-causes',
    title: 'Why providers leave',
    subtitle: 'Exits so far by cause: each exit on the daily hazard has one cause, drawn with its part of the hazard (base churn, trailing losses, a rival\'s offer); banned cheaters apart',
    unit: 'providers',
    log: 'never',
    needs: ['providers_exited_churn'],
    pendingNote: ECONOMY_NOTE,
    series: [
      { column: 'exited_cumulative_churn', label: 'Churn (would leave anyway)', color: OKABE_ITO.sky, type: 'stack' },
      { column: 'exited_cumulative_losses', label: 'Losses', color: OKABE_ITO.vermillion, type: 'stack' },
      { column: 'exited_cumulative_rival', label: 'A rival\'s offer', color: OKABE_ITO.purple, type: 'stack', onlyWhenNonZero: true },
      { column: 'exited_cumulative_banned', label: 'Banned for cheating', color: OKABE_ITO.black, type: 'stack', onlyWhenNonZero: true },
    ],
  },
  {
    id: 'token-price',
    title: 'Token price',
    subtitle: 'Market price of the network token at the end of each day; in a scenario with token unlocks, what their holders sell (right)',
    unit: 'USD/token',
    log: 'auto',
    needs: ['token_price_usd'],
    pendingNote: ECONOMY_NOTE,
    rightUnit: 'USD/day',
    series: [
      { column: 'token_price_usd', label: 'Token price', color: OKABE_ITO.purple, width: 2 },
      // the unlock shock's sell pressure, in scenarios that lock tokens (economy.vesting)
      { column: 'unlock_sell_usd', label: 'Unlocked tokens sold (right axis)', color: OKABE_ITO.vermillion, dash: '4 2', width: 1.5, right: true, onlyWhenNonZero: true },
    ],
  },
  {
    // research/dashboards.md §6.2 #7 and §3 ("circulating MC is charted against FDV to show the
    // magnitude of future unlocks"): what the market values, and what is still to come
    id: 'market-cap',
    title: 'Market cap and fully diluted value',
    subtitle: "At each day's token price: the circulating tokens (not locked, staked or in the treasury), the whole supply, and every token the emission schedule may mint up to the supply cap (fully diluted); the gaps are tokens held back and emissions still to come",
    unit: 'USD',
    log: 'auto',
    needs: ['market_cap_usd', 'token_price_usd'],
    pendingNote: ECONOMY_NOTE,
    series: [
      { column: 'circulating_market_cap_usd', label: 'Circulating market cap', color: OKABE_ITO.sky, width: 2.5 },
      { column: 'market_cap_usd', label: 'Market cap (whole supply)', color: OKABE_ITO.blue, dash: '7 3', width: 2 },
      { column: 'fdv_usd', label: 'Fully diluted value (supply cap)', color: OKABE_ITO.black, dash: '2 3', width: 2 },
    ],
  },
  {
    // the token_crash preset's question: how far does the USD value of stake (what an attacker must
    // put at risk, the network's security budget) fall with the price? (research §6.2 #11-12)
    id: 'security',
    title: 'Security budget and treasury',
    subtitle: 'USD value of the providers\' stake (the security budget) and of the treasury (its tokens at the day\'s price plus its USD), left; share of the token supply staked, right',
    unit: 'USD',
    rightUnit: 'share',
    log: 'never',
    needs: ['stake_value_usd', 'staked_tokens', 'supply_tokens'],
    pendingNote: ECONOMY_NOTE,
    series: [
      { column: 'stake_value_usd', label: 'Stake value (security budget)', color: OKABE_ITO.blue, width: 2 },
      { column: 'treasury_value_usd', label: 'Treasury value', color: OKABE_ITO.green, dash: '7 3', width: 2 },
      { column: 'staking_ratio', label: 'Staked share of supply (right axis)', color: OKABE_ITO.vermillion, dash: '2 3', width: 2, right: true },
    ],
  },
  {
    // the incentive_pilot preset's question: how fast does the budget run out (research/dashboards.md
    // §6.2 #12: "treasury balance and runway")?
    id: 'incentive-programs',
    title: 'Incentive programs: budget and runway',
    subtitle: 'USD the programs have paid providers so far and what their budgets have left (left); days the budgets last at the day\'s spend (right)',
    unit: 'USD',
    rightUnit: 'days',
    rightLinear: true,
    log: 'never',
    needs: ['incentive_paid_usd', 'incentive_budget_usd'],
    pendingNote: cameIn('Incentive programs', '0.10.0'),
    onlyWith: 'economy.incentivePrograms',
    series: [
      { column: 'incentive_budget_usd', label: 'Budget left', color: OKABE_ITO.blue, width: 2 },
      { column: 'incentive_spent_usd', label: 'Paid so far', color: OKABE_ITO.orange, dash: '7 3', width: 2 },
      { column: 'incentive_runway_days', label: 'Runway at the day\'s spend (right axis)', color: OKABE_ITO.vermillion, dash: '2 3', width: 2, right: true },
    ],
  },
  {
    // the escrow_exhaustion preset's question: how many leases close when tenants stop topping up?
    id: 'escrow',
    title: 'Escrow: leases closed for insufficient funds',
    subtitle: "Per day, left: leases closed because the tenant's escrow ran dry without a top-up; right: the chance that a tenant tops up a deposit that runs out",
    unit: 'leases per day',
    rightUnit: 'share',
    log: 'never',
    needs: ['leases_overdrawn', 'escrow_top_up_probability'],
    pendingNote: cameIn('Escrow runways', '0.11.0'),
    onlyWith: 'market.escrow',
    toggles: ['cumulative'],
    cumulativeUnit: 'leases',
    series: [
      { column: 'leases_overdrawn', label: 'Leases closed for insufficient funds', color: OKABE_ITO.vermillion, type: 'barUp' },
      { column: 'escrow_top_up_probability', label: 'Top-up probability (right axis)', color: OKABE_ITO.blue, width: 2, right: true },
    ],
  },
  {
    // the spot_market preset's question: how often are spot leases preempted, and at what discount does spot sell?
    id: 'spot',
    title: 'Spot leases: preemptions and prices',
    subtitle: 'Per day, left: spot leases whose GPUs on-demand orders took; right: the realized price per GPU-hour of spot and of on-demand leases',
    unit: 'leases per day',
    rightUnit: 'USD/GPU-h',
    log: 'never',
    needs: ['leases_preempted', 'spot_price_usd_per_gpu_h', 'on_demand_price_usd_per_gpu_h'],
    pendingNote: cameIn('Spot leases', '0.12.0'),
    onlyWith: 'market.spot',
    toggles: ['cumulative'],
    cumulativeUnit: 'leases',
    series: [
      { column: 'leases_preempted', label: 'Spot leases preempted', color: OKABE_ITO.vermillion, type: 'barUp' },
      { column: 'spot_price_usd_per_gpu_h', label: 'Spot price (right axis)', color: OKABE_ITO.green, width: 2, dash: '6 3', right: true },
      ON_DEMAND_PRICE,
    ],
  },
  {
    // the reserved_instances preset's question: how much of the work do reservations take, and at what discount?
    id: 'reserved',
    title: 'Reservations: GPU-hours and prices',
    subtitle: 'Per day, left: GPU-hours run by reservations; right: the realized price per GPU-hour of reservations and of on-demand leases',
    unit: 'GPU-h per day',
    rightUnit: 'USD/GPU-h',
    log: 'never',
    needs: ['reserved_gpu_hours_served', 'reserved_price_usd_per_gpu_h', 'on_demand_price_usd_per_gpu_h'],
    pendingNote: cameIn('Reserved instances', '0.13.0'),
    onlyWith: 'market.reserved',
    toggles: ['cumulative'],
    cumulativeUnit: 'GPU-h',
    series: [
      { column: 'reserved_gpu_hours_served', label: 'GPU-hours run by reservations', color: OKABE_ITO.grey, type: 'barUp' },
      { column: 'reserved_price_usd_per_gpu_h', label: 'Reserved price (right axis)', color: OKABE_ITO.vermillion, width: 2, dash: '6 3', right: true },
      ON_DEMAND_PRICE,
    ],
  },
  {
    // with spot leases or reservations, wait_mean_h mixes kinds of orders that wait in their own ways:
    // does offering them make on-demand tenants wait longer? (a reservation order waits hours for always-on capacity)
    id: 'kindWaits',
    title: 'Waiting by kind of order',
    subtitle: 'Mean time from order to match of the orders of each kind matched each day (left, hours; the log view shows minutes beside hours); on-demand orders waiting, time-average (right)',
    unit: 'h',
    rightUnit: 'orders',
    log: 'auto',
    needs: ['wait_mean_h_on_demand', 'queue_len_mean_on_demand'],
    pendingNote: cameIn('Waits by kind of order', '0.14.0'),
    onlyWith: ['market.spot', 'market.reserved'],
    series: [
      { column: 'wait_mean_h_on_demand', label: 'On-demand orders', color: OKABE_ITO.blue, width: 2 },
      { column: 'wait_mean_h_spot', label: 'Spot orders', color: OKABE_ITO.green, dash: '6 3', width: 2, onlyWhenValued: true },
      { column: 'wait_mean_h_reserved', label: 'Reservation orders', color: OKABE_ITO.vermillion, dash: '2 2', width: 2, onlyWhenValued: true },
      { column: 'queue_len_mean_on_demand', label: 'On-demand orders waiting (right axis)', color: OKABE_ITO.grey, dash: '1 3', width: 1.5, right: true },
    ],
  },
  {
    // the cheating preset's question: how fast do spot checks catch the cheaters, at what cost?
    id: 'slashing',
    title: 'Slashing and cheating',
    subtitle: 'Per day, left: slashing events (downtime during leases and caught cheating) and cheating providers caught by spot checks; right: share of the network\'s GPUs held by cheating providers',
    unit: 'per day',
    rightUnit: 'share',
    // a log axis shows the few cheaters caught beside ~100 downtime slashes a day
    log: 'auto',
    needs: ['slashes', 'cheater_share'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative'],
    cumulativeUnit: 'events',
    series: [
      { column: 'slashes', label: 'Slashes', color: OKABE_ITO.vermillion, type: 'barUp' },
      { column: 'cheaters_caught', label: 'Cheaters caught', color: OKABE_ITO.blue, width: 2 },
      { column: 'cheater_share', label: 'GPUs of cheating providers (right axis)', color: OKABE_ITO.black, width: 2, right: true },
    ],
  },
  {
    id: 'mint-burn',
    title: 'Minted vs burned',
    subtitle: 'Tokens minted (up) and burned (down) per day; the line is net issuance',
    unit: 'tokens',
    log: 'never',
    needs: ['minted_tokens', 'burned_tokens'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative', 'usd'],
    series: [
      { column: 'minted_tokens', label: 'Minted', color: OKABE_ITO.sky, type: 'barUp' },
      { column: 'burned_tokens', label: 'Burned', color: OKABE_ITO.orange, type: 'barDown' },
      { column: 'net_issuance_tokens', label: 'Net issuance', color: OKABE_ITO.black, width: 2 },
    ],
  },
  {
    // research/dashboards.md §6.1 (the DTSE solvency ratio, "line with 1.0 rule") and §6.2 #4
    id: 'burn-mint-ratio',
    title: 'Burn-to-mint ratio',
    subtitle: `Tokens burned / tokens minted, each day (thin) and over the trailing ${TRAILING_DAYS} days (fewer at the start); above 1 the supply shrinks`,
    unit: 'ratio',
    // a ratio: 0.001 and 10 are as far from 1 on a log axis (offered, off until the values span 100x)
    log: 'auto',
    needs: ['burned_tokens', 'minted_tokens'],
    pendingNote: ECONOMY_NOTE,
    refs: [{ value: 1, label: 'burn = mint: supply flat' }],
    series: [
      { column: 'burn_mint_ratio', label: 'Each day', color: OKABE_ITO.grey, width: 1 },
      { column: 'burn_mint_ratio_trailing', label: `Trailing ${TRAILING_DAYS} days`, color: OKABE_ITO.orange, width: 2.5 },
    ],
  },
  {
    // research/dashboards.md §6.1: inflation "line with zero rule, inflationary/deflationary annotations" (CADLabs)
    id: 'net-inflation',
    title: 'Net inflation',
    subtitle: `Change of the token supply, compounded to a year as the KPI card: each day (thin) and over the trailing ${TRAILING_DAYS} days (bold)`,
    unit: 'share per year',
    log: 'never',
    needs: ['supply_tokens', 'minted_tokens', 'burned_tokens'],
    pendingNote: ECONOMY_NOTE,
    refs: [{ value: 0, label: '0: inflationary above, deflationary below' }],
    series: [
      { column: 'net_inflation_period', label: 'Each day', color: OKABE_ITO.grey, width: 1 },
      { column: 'net_inflation_trailing', label: `Trailing ${TRAILING_DAYS} days`, color: OKABE_ITO.blue, width: 2.5 },
    ],
  },
  {
    // research/dashboards.md §6.2 #11: "staking ratio with nominal vs real APR"
    id: 'stake-yield',
    title: 'Staking yield: nominal and real',
    subtitle: `What staking to serve earns in token rewards over the trailing ${TRAILING_DAYS} days, as a yearly rate (nominal APR, as the Net inflation card's detail line), and net of the supply's growth over the same days (real: what a staker's share of the supply gains); before any price move`,
    unit: 'share per year',
    log: 'never',
    needs: ['staked_tokens', 'rewards_tokens', 'supply_tokens'],
    pendingNote: ECONOMY_NOTE,
    refs: [{ value: 0, label: '0: stakers diluted below' }],
    series: [
      { column: 'stake_yield_trailing', label: 'Nominal APR', color: OKABE_ITO.blue, width: 2.5 },
      { column: 'stake_real_yield_trailing', label: 'Real APR (net of supply growth)', color: OKABE_ITO.vermillion, dash: '7 3', width: 2 },
    ],
  },
  {
    id: 'supply-stack',
    title: 'Token supply stack',
    subtitle: "Circulating (what the market has for sale, and the rest), locked (vesting), staked and treasury tokens, with the cumulative burn on top",
    unit: 'tokens',
    log: 'never',
    needs: ['supply_tokens'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['usd'],
    series: [
      // a run from before 0.6.0 has no float column: its circulating tokens in one band
      { column: 'circulating_unsplit_tokens', label: 'Circulating', color: OKABE_ITO.sky, type: 'stack', standIn: true },
      { column: 'token_for_sale_tokens', label: 'For sale on the market', color: OKABE_ITO.amber, type: 'stack' },
      { column: 'circulating_held_tokens', label: 'Circulating, held (providers, escrow, pools)', color: OKABE_ITO.sky, type: 'stack' },
      { column: 'locked_tokens', label: 'Locked (team, investors)', color: OKABE_ITO.grey, type: 'stack', onlyWhenNonZero: true },
      { column: 'staked_tokens', label: 'Staked', color: OKABE_ITO.blue, type: 'stack' },
      { column: 'treasury_tokens', label: 'Treasury', color: OKABE_ITO.green, type: 'stack' },
      { column: 'burned_cumulative_tokens', label: 'Burned (cumulative)', color: OKABE_ITO.orange, type: 'stack' },
    ],
  },
];

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
  // what tenants paid less the protocol's take (the CSV's provider_revenue_usd also holds staker fee shares)
  make('supply_side_usd', ['gmv_usd', 'fees_usd'], (i, [g, f]) => g[i] - f[i]);
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
  compute(t: WindowedTable): number;
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

/** 1 where a value is finite, 0 elsewhere: a weight that drops the days an average skips. */
function finiteMask(a: Float64Array | undefined): Float64Array | undefined {
  return a && a.map((v) => (Number.isFinite(v) ? 1 : 0));
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
    definition:
      'Orders matched / (orders matched + orders expired), mean of the daily values in the window. Expired orders left for the cloud. The orders include the re-orders of failed leases\' remaining work, which are mostly matched at once: a network whose leases fail more can show a higher fill rate; the detail line gives the new jobs\' own fill rate (their first orders only, the CSV\'s fill_rate_new_jobs) and the re-orders\' share of the orders (re-orders = leases failed, new orders = jobs arrived).',
    compute: (t) => mean(t.data.fill_rate, t.lo, t.hi),
    detail: (t) => {
      const reorders = sum(t.data.leases_failed, t.lo, t.hi);
      const orders = reorders + sum(t.data.jobs_arrived, t.lo, t.hi);
      const share = reorders > 0 && orders > 0 ? `${formatValue(reorders / orders, 'share')} of orders re-order failed leases` : null;
      // the new jobs' own fill rate (0.10.0; runs from before have no column for it)
      const first = t.data.fill_rate_new_jobs ? mean(t.data.fill_rate_new_jobs, t.lo, t.hi) : NaN;
      return Number.isFinite(first) ? `new jobs ${formatValue(first, 'share')}${share ? `; ${share}` : ''}` : share;
    },
  },
  {
    id: 'wait',
    title: 'Mean wait',
    unit: 'min',
    better: 'down',
    needs: ['wait_mean_h', 'jobs_started'],
    definition:
      "Mean time from order to match over the window, in minutes (the CSV has hours, wait_mean_h): the daily means weighted by the leases started each day. The detail line is the highest daily 95th percentile in the window; with spot leases or reservations, whose orders wait in their own ways, it starts with the on-demand orders' own mean wait (the mean of the days' wait_mean_h_on_demand).",
    compute: (t) => 60 * ratio(sum(t.data.wait_mean_h, t.lo, t.hi, t.data.jobs_started), sum(t.data.jobs_started, t.lo, t.hi, finiteMask(t.data.wait_mean_h))),
    detail: (t) => {
      const p = t.data.wait_p95_h;
      let m = -Infinity;
      if (p) for (let i = t.lo; i <= t.hi; i++) if (Number.isFinite(p[i])) m = Math.max(m, p[i]);
      const worst = Number.isFinite(m) ? `worst day's 95th pct ${formatWait(m)}` : null;
      // the on-demand orders' own wait, where other kinds of orders are in the mean (0.14.0; the same numbers without them)
      const od = t.data.wait_mean_h_on_demand;
      const all = t.data.wait_mean_h;
      let differs = false;
      if (od && all) for (let i = t.lo; i <= t.hi && !differs; i++) differs = !Object.is(od[i], all[i]);
      if (!differs) return worst;
      const onDemand = `on-demand orders ${formatWait(kindWaits(t.data, t.lo, t.hi).onDemandH)}`;
      return worst ? `${onDemand}; ${worst}` : onDemand;
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
      if (!(burned > 0)) return null;
      const net = (burned - sum(t.data.bme_minted_tokens, t.lo, t.hi)) / burned;
      return `leases' net burn ${formatValue(net, 'share')} of their burn`;
    },
  },
  {
    id: 'inflation',
    title: 'Net inflation',
    unit: 'share',
    better: 'neither',
    needs: ['supply_tokens'],
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
