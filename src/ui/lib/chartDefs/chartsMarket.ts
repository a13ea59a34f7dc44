/**
 * The market's charts, first on the dashboard: supply against demand, utilization and fill rate by
 * tier, the wait for a GPU, what becomes of orders and leases, and the prices by tier against the
 * cloud's.
 */
import type { ChartDef } from './chartTypes.ts';
import { OKABE_ITO, TIER_COLORS, TIER_DASH, TIERS } from './palette.ts';
import type { Scenario } from '../../../sim/scenario/schema.ts';

/**
 * Why the tiers move in a run's first weeks: asks start at list price and the daily repricing moves
 * them toward each provider's target utilization (ASSUMPTIONS.md, costs), while the network's
 * utilization is steady from day 1. Null when asks stay as listed.
 */
export function asksSettleNote(s: Scenario): string | null {
  const r = s.supply.priceAdjustPerDay;
  if (!(r > 0)) return null;
  // (the schema holds the step to 0.5 a day: at least 1.7 days to double)
  const days = Math.round(Math.log(2) / Math.log(1 + r));
  return `Asks start at list price and move ${+(r * 100).toFixed(1)}% a day toward each provider's target utilization (about ${days} days to double or halve one): the tiers take the first weeks to settle.`;
}

export const MARKET_CHARTS: ChartDef[] = [
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
    note: asksSettleNote,
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
    // most orders find a GPU the moment they are placed: the 95th percentile is often 0 and the mean a few long waits spread over all, hence the mean of those that waited
    subtitle: 'Time from order to match of the orders matched each day (left, hours): mean, 95th percentile, and mean of those that waited at all (most match on arrival, so the 95th percentile is often 0); orders waiting, time-average (right)',
    unit: 'h',
    rightUnit: 'orders',
    log: 'never',
    needs: ['wait_mean_h', 'queue_len_mean'],
    series: [
      { column: 'wait_mean_h', label: 'Mean wait', color: OKABE_ITO.blue, width: 2 },
      { column: 'wait_p95_h', label: '95th percentile wait', color: OKABE_ITO.vermillion, dash: '6 3', width: 1.5 },
      { column: 'wait_mean_h_waited', label: 'Mean wait of those that waited', color: OKABE_ITO.purple, dash: '10 3 2 3', width: 1.5 },
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
    note: asksSettleNote,
    series: [
      ...TIERS.map((t) => ({ column: `price_usd_per_gpu_h_${t}`, label: `${t}`, color: TIER_COLORS[t], width: 2 })),
      ...TIERS.map((t) => ({ column: `cloud_price_usd_per_gpu_h_${t}`, label: `${t} cloud`, color: TIER_COLORS[t], dash: '5 4', width: 1.2 })),
    ],
  },
];
