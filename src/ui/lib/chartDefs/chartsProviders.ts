/**
 * The providers' charts: their income (revenue, profit and payback; whether tenants or emissions pay
 * for it; how concentrated it is), the same by provider type and by region, and providers joining
 * and leaving, with why they leave.
 */
import { REGIONS } from '../../../sim/scenario/schema.ts';
import { ECONOMY_NOTE, PAYBACK_CUT_MONTHS, type ChartDef } from './chartTypes.ts';
import { ARCHETYPE_COLORS, ARCHETYPE_DASH, OKABE_ITO, REGION_COLORS, REGION_DASH, REGION_LABELS, TYPES } from './palette.ts';

const regionSeries = (prefix: string) =>
  REGIONS.map((r) => ({ column: `${prefix}_${r}`, label: REGION_LABELS[r], color: REGION_COLORS[r], dash: REGION_DASH[r], width: 1.8 }));

export const PROVIDER_CHARTS: ChartDef[] = [
  {
    id: 'provider-economics',
    title: 'Provider revenue, profit and payback',
    subtitle: 'All providers\' lease income, rewards and profit per day (left, USD); median payback (right, months)',
    unit: 'USD',
    rightUnit: 'months',
    rightCap: PAYBACK_CUT_MONTHS,
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
    subtitle: 'What tenants are billed per day: providers\' share and protocol fees, and any hours served unpaid once escrow ran dry (up); token rewards to providers in USD (down); line: earnings = fees − incentives',
    unit: 'USD',
    log: 'never',
    needs: ['gmv_usd', 'fees_usd', 'provider_rewards_usd'],
    pendingNote: ECONOMY_NOTE,
    toggles: ['cumulative'],
    series: [
      { column: 'supply_side_usd', label: 'Providers\' share of payments', color: OKABE_ITO.sky, type: 'stack' },
      { column: 'fees_usd', label: 'Protocol fees (revenue)', color: OKABE_ITO.blue, type: 'stack' },
      { column: 'unpaid_usd', label: 'Served unpaid (escrow ran dry)', color: OKABE_ITO.vermillion, type: 'stack', onlyWhenNonZero: true },
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
];
