/**
 * Market metrics: time integrals (GPU-hours online and busy, queue length, billed USD) and period
 * counters, kept per tier where it matters, sampled into one row per period.
 * Definitions (also in the README's CSV reference):
 *   utilization        = busy GPU-hours / online GPU-hours in the period
 *   queue_len_mean     = time-average number of orders waiting for a match
 *   wait_*_h           = time from order to match, over orders matched in the period
 *   fill_rate          = orders matched / (orders matched + orders expired) in the period
 *   price_usd_per_gpu_h= USD billed / GPU-hours served in the period (the realized average price)
 */
import { quantileSorted } from 'simple-statistics';
import { TIERS } from '../supply/catalogue.ts';
import { ARCHETYPES, REGIONS } from '../scenario/schema.ts';
import type { ColumnDef } from './table.ts';

const NT = TIERS.length;
const NA = ARCHETYPES.length;
const NR = REGIONS.length;

export const MARKET_COLUMNS: ColumnDef[] = [
  { name: 'day', unit: 'day', description: 'Simulated day at the end of the period (period 1 of a daily run ends on day 1)' },
  { name: 'gpus_total', unit: 'GPUs', description: 'GPUs of providers in the network at the end of the period' },
  { name: 'gpus_online', unit: 'GPUs', description: 'Time-average number of GPUs online (in their sharing window and not failed) over the period' },
  { name: 'gpus_busy', unit: 'GPUs', description: 'Time-average number of GPUs running an active lease over the period' },
  { name: 'utilization', unit: 'share', description: 'Busy GPU-hours / online GPU-hours in the period' },
  { name: 'jobs_arrived', unit: 'jobs', description: 'New jobs that arrived in the period (re-orders after failures not counted)' },
  { name: 'jobs_started', unit: 'leases', description: 'Leases that started running in the period (including re-orders)' },
  { name: 'jobs_completed', unit: 'jobs', description: 'Jobs whose work finished in the period' },
  { name: 'jobs_expired', unit: 'orders', description: 'Orders that left unserved in the period because no match came within the tenant\'s patience' },
  { name: 'jobs_cancelled', unit: 'leases', description: 'Leases the tenant closed early in the period' },
  { name: 'leases_failed', unit: 'leases', description: 'Leases that failed in the period (provider down for longer than the outage grace, gone, or caught cheating); their remaining work is re-ordered' },
  { name: 'leases_resumed', unit: 'leases', description: 'Stalled leases that resumed in the period because their provider came back within the outage grace' },
  { name: 'queue_len_mean', unit: 'orders', description: 'Time-average number of orders waiting for a match over the period' },
  { name: 'wait_mean_h', unit: 'h', description: 'Mean time from order to match, over orders matched in the period' },
  { name: 'wait_p95_h', unit: 'h', description: '95th percentile of the time from order to match, over orders matched in the period' },
  { name: 'fill_rate', unit: 'share', description: 'Orders matched / (orders matched + orders expired) in the period' },
  { name: 'gpu_hours_demanded', unit: 'GPU-h', description: "GPU-hours of work asked for by the jobs that arrived in the period (GPUs x planned hours; a reservation order's planned hours are its whole term, so with market.reserved the column jumps on days long reservations are ordered, and jobs run inside reservations are not counted)" },
  { name: 'gpu_hours_served', unit: 'GPU-h', description: 'GPU-hours run by active leases in the period' },
  { name: 'price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'USD billed / GPU-hours served in the period: the realized average price' },
  { name: 'cloud_price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'GPU-hour-weighted cloud on-demand price of the GPUs the served jobs needed: the outside option for the same work' },
  { name: 'gmv_usd', unit: 'USD', description: 'Gross merchandise value: USD billed for GPU-hours served in the period' },
  { name: 'providers_active', unit: 'providers', description: 'Providers in the network at the end of the period' },
  ...TIERS.map((t) => ({ name: `utilization_${t}`, unit: 'share', description: `Utilization of ${t}-tier GPUs (busy / online GPU-hours in the period)` })),
  ...TIERS.map((t) => ({ name: `price_usd_per_gpu_h_${t}`, unit: 'USD/GPU-h', description: `Realized price of ${t}-tier GPU-hours in the period (USD billed / GPU-hours served); empty when none were served` })),
  ...TIERS.map((t) => ({ name: `cloud_price_usd_per_gpu_h_${t}`, unit: 'USD/GPU-h', description: `Cloud on-demand reference for the work served on ${t}-tier GPUs in the period` })),
];

/**
 * The market by provider type (home, farm, datacenter, university), appended after the economy's
 * columns: what each kind of provider contributes and gets, period by period. Each column sums over
 * the types to its network-wide one (providers_active, gpus_total, gpus_online, gpus_busy,
 * jobs_completed, leases_failed, leases_resumed).
 */
export const TYPE_MARKET_COLUMNS: ColumnDef[] = [
  ...ARCHETYPES.map((a) => ({ name: `providers_active_${a}`, unit: 'providers', description: `Providers of type ${a} in the network at the end of the period` })),
  ...ARCHETYPES.map((a) => ({ name: `gpus_total_${a}`, unit: 'GPUs', description: `GPUs of type-${a} providers in the network at the end of the period` })),
  ...ARCHETYPES.map((a) => ({ name: `gpus_online_${a}`, unit: 'GPUs', description: `Time-average number of type-${a} providers' GPUs online over the period` })),
  ...ARCHETYPES.map((a) => ({ name: `gpus_busy_${a}`, unit: 'GPUs', description: `Time-average number of type-${a} providers' GPUs running an active lease over the period` })),
  ...ARCHETYPES.map((a) => ({ name: `utilization_${a}`, unit: 'share', description: `Utilization of type-${a} providers' GPUs (busy / online GPU-hours in the period)` })),
  ...ARCHETYPES.map((a) => ({ name: `leases_completed_${a}`, unit: 'leases', description: `Leases on type-${a} providers whose work finished in the period` })),
  ...ARCHETYPES.map((a) => ({ name: `leases_failed_${a}`, unit: 'leases', description: `Leases on type-${a} providers that failed in the period` })),
  ...ARCHETYPES.map((a) => ({ name: `leases_resumed_${a}`, unit: 'leases', description: `Stalled leases on type-${a} providers that resumed in the period, their provider back within the outage grace` })),
];

/**
 * The fill rate of new jobs (0.10.0): after every earlier column, with or without the economy, so
 * those keep their places. fill_rate counts the re-orders of failed leases' remaining work, which are
 * mostly matched at once, so a network whose leases fail more can read a higher fill rate; this one
 * reads the tenants' first try.
 */
export const NEW_JOB_COLUMNS: ColumnDef[] = [
  {
    name: 'fill_rate_new_jobs',
    unit: 'share',
    description:
      "New jobs' first orders matched / (those matched + those expired) in the period: fill_rate without the re-orders of failed leases' remaining work",
  },
];

/**
 * Escrow runways (0.11.0, scenario `market.escrow`): after every earlier column, with or without the
 * economy. Zero without runways (a tenant then deposits the whole run and never runs dry), the
 * probability empty.
 */
export const ESCROW_COLUMNS: ColumnDef[] = [
  { name: 'leases_overdrawn', unit: 'leases', description: "Leases closed in the period for insufficient funds: the tenant's escrow ran dry without a top-up and the provider's next withdrawal noticed it (outcome cancelled, end reason insufficient_funds in the lease export)" },
  { name: 'gpu_hours_unpaid', unit: 'GPU-h', description: "GPU-hours that leases ending in the period ran after their tenant's deposits ran dry, served without pay (in gmv_usd all the same, which counts every GPU-hour served at its lease's price)" },
  { name: 'unpaid_usd', unit: 'USD', description: 'Those GPU-hours at their leases\' prices: what the providers served and were not paid' },
  { name: 'escrow_top_up_probability', unit: 'probability', description: "Chance that a tenant tops up an escrow deposit running out at the end of the period (market.escrow's topUpProbability moved by its shocks); empty without runways" },
];

/**
 * Spot leases (0.12.0, scenario `market.spot`): after every earlier column, with or without the
 * economy. Without spot leases nothing is preempted, the spot columns are 0 or empty and the
 * on-demand price is price_usd_per_gpu_h.
 */
export const SPOT_COLUMNS: ColumnDef[] = [
  { name: 'leases_preempted', unit: 'leases', description: 'Spot leases whose GPUs an on-demand order took in the period (outcome preempted in the lease export); their remaining work is re-ordered as spot' },
  { name: 'spot_gpu_hours_served', unit: 'GPU-h', description: 'GPU-hours run by active spot leases in the period (part of gpu_hours_served)' },
  { name: 'spot_price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'USD billed by spot leases / their GPU-hours served in the period; empty when none ran' },
  { name: 'on_demand_price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'USD billed by on-demand leases / their GPU-hours served in the period (price_usd_per_gpu_h without the spot leases and, from 0.13.0, the reservations)' },
  { name: 'fill_rate_spot', unit: 'share', description: 'Spot orders matched / (spot orders matched + spot orders expired) in the period, re-orders included; empty when none was' },
  { name: 'fill_rate_on_demand', unit: 'share', description: 'The same for on-demand orders (fill_rate without the spot orders and, from 0.13.0, the reservation orders)' },
];

/**
 * Reserved instances (0.13.0, scenario `market.reserved`): after the spot columns, with or without
 * the economy. Without reservations they are 0 or empty.
 */
export const RESERVED_COLUMNS: ColumnDef[] = [
  { name: 'jobs_taken_over', unit: 'jobs', description: "New jobs that ran inside their tenant's reservation in the period: not ordered, and not in jobs_arrived or gpu_hours_demanded (the reservation orders that came in their stead are)" },
  { name: 'reservations_started', unit: 'leases', description: 'Reservation leases that started in the period, re-orders of what a failure left of a term included (part of jobs_started)' },
  { name: 'reserved_gpu_hours_served', unit: 'GPU-h', description: 'GPU-hours run by active reservations in the period (part of gpu_hours_served)' },
  { name: 'reserved_price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'USD billed by reservations / their GPU-hours served in the period; empty when none ran' },
  { name: 'fill_rate_reserved', unit: 'share', description: 'Reservation orders matched / (matched + expired) in the period, re-orders included; empty when none was' },
];

/**
 * Orders by kind (0.14.0): the queue and the waits of on-demand orders apart from spot and
 * reservation orders, which wait in their own way (a spot order takes what on-demand orders leave,
 * a reservation order waits up to a day for always-on capacity), so that wait_mean_h's rise in a run
 * with reservations is not read as on-demand tenants waiting longer. After the reserved columns, with
 * or without the economy. Without spot leases or reservations the on-demand columns equal
 * queue_len_mean, wait_mean_h and wait_p95_h, and the spot and reserved waits are empty.
 */
export const ORDER_KIND_COLUMNS: ColumnDef[] = [
  { name: 'queue_len_mean_on_demand', unit: 'orders', description: 'Time-average number of on-demand orders waiting for a match over the period (queue_len_mean without spot and reservation orders)' },
  { name: 'wait_mean_h_on_demand', unit: 'h', description: 'Mean time from order to match, over on-demand orders matched in the period (wait_mean_h without spot and reservation orders); empty when none was' },
  { name: 'wait_p95_h_on_demand', unit: 'h', description: '95th percentile of the same; empty when none was' },
  { name: 'wait_mean_h_spot', unit: 'h', description: 'Mean time from order to match, over spot orders matched in the period; empty when none was' },
  { name: 'wait_mean_h_reserved', unit: 'h', description: 'Mean time from order to match, over reservation orders matched in the period; empty when none was' },
];

/**
 * Orders matched by kind (0.16.0): the counts wait_mean_h and the per-kind waits average over, so a
 * mean over many days can weigh each day by its orders (a mean of the days' means gives a quiet day
 * as much weight as a busy one). After every other column, with or without the economy.
 */
export const ORDER_MATCH_COLUMNS: ColumnDef[] = [
  { name: 'orders_matched', unit: 'orders', description: 'Orders matched in the period, re-orders included (what wait_mean_h averages over; the jobs running at t = 0 of the warm start are not counted)' },
  { name: 'orders_matched_on_demand', unit: 'orders', description: 'Of them on-demand orders (what wait_mean_h_on_demand averages over); all of them without spot leases or reservations' },
  { name: 'orders_matched_spot', unit: 'orders', description: 'Of them spot orders (what wait_mean_h_spot averages over); 0 without spot leases' },
  { name: 'orders_matched_reserved', unit: 'orders', description: 'Of them reservation orders (what wait_mean_h_reserved averages over); 0 without reservations' },
];

/**
 * The new jobs' first orders as counts (0.17.0), after every other column: fill_rate_new_jobs is their
 * ratio within a day, and these let a window's or a run's new-job fill rate be a ratio of sums, as
 * fill_rate's is from orders_matched and jobs_expired (a mean of the days' rates weighs a quiet day as
 * much as a busy one).
 */
export const FIRST_ORDER_COLUMNS: ColumnDef[] = [
  { name: 'first_orders_matched', unit: 'orders', description: "New jobs' first orders matched in the period (of orders_matched; the re-orders of failed leases' remaining work left out)" },
  { name: 'first_orders_expired', unit: 'orders', description: "New jobs' first orders that expired unmatched in the period (of jobs_expired): fill_rate_new_jobs = first_orders_matched / (first_orders_matched + first_orders_expired)" },
];

/**
 * Who waited at all (0.22.0), after every other column. Most orders find a GPU the moment they are
 * placed, so on a day when over 95% do, wait_p95_h is 0 while wait_mean_h is not (351 of the
 * baseline's 365 days): the mean is a few orders' long waits spread over all. These split it into how
 * many waited and how long they waited: wait_mean_h = wait_share x wait_mean_h_waited. In the mmc
 * scenario wait_share is Erlang C's probability of waiting. The count lets a window's share be a
 * ratio of sums (orders_waited over orders_matched), not a mean of the days' shares.
 */
export const WAITED_COLUMNS: ColumnDef[] = [
  { name: 'orders_waited', unit: 'orders', description: 'Orders matched in the period that waited for their match (no provider could take them when they were placed): of orders_matched' },
  { name: 'wait_share', unit: 'share', description: 'orders_waited / orders_matched: the share of the orders matched in the period that waited at all; empty when none was matched' },
  { name: 'wait_mean_h_waited', unit: 'h', description: 'Mean time from order to match over the orders that waited (wait_mean_h = wait_share x wait_mean_h_waited); empty when none waited' },
];

/**
 * The market by the providers' region (0.5.0), after every other column: a regional shock (an
 * electricity price spike, data-residency demand) shows in the region's own utilization and price.
 */
export const REGION_MARKET_COLUMNS: ColumnDef[] = [
  ...REGIONS.map((r) => ({ name: `providers_active_${r}`, unit: 'providers', description: `Providers in region ${r} in the network at the end of the period` })),
  ...REGIONS.map((r) => ({ name: `gpus_online_${r}`, unit: 'GPUs', description: `Time-average number of GPUs online in region ${r} over the period` })),
  ...REGIONS.map((r) => ({ name: `utilization_${r}`, unit: 'share', description: `Utilization of the GPUs in region ${r} (busy / online GPU-hours in the period)` })),
  ...REGIONS.map((r) => ({ name: `price_usd_per_gpu_h_${r}`, unit: 'USD/GPU-h', description: `Realized price in region ${r}: USD billed / GPU-hours served by its providers in the period` })),
];

export class MarketMetrics {
  // current levels
  onlineGpus = new Float64Array(NT);
  busyGpus = new Float64Array(NT);
  /** USD per hour billed by active leases, by tier. */
  billRate = new Float64Array(NT);
  /** Cloud-reference USD per hour of the active leases' GPUs, by tier. */
  cloudRate = new Float64Array(NT);
  /** Orders waiting for a match, all kinds; of them spot and reservation orders (ORDER_KIND_COLUMNS). */
  queueLen = 0;
  queueLenSpot = 0;
  queueLenReserved = 0;
  gpusTotal = 0;
  providersActive = 0;
  /** The same by provider type (ARCHETYPES order): current levels, then period counters. */
  onlineByType = new Float64Array(NA);
  busyByType = new Float64Array(NA);
  gpusByType = new Float64Array(NA);
  providersByType = new Float64Array(NA);
  completedByType = new Float64Array(NA);
  failedByType = new Float64Array(NA);
  resumedByType = new Float64Array(NA);
  private onlineHByType = new Float64Array(NA);
  private busyHByType = new Float64Array(NA);
  /** The same by the providers' region (REGIONS order): levels, then integrals over the period. */
  providersByRegion = new Float64Array(NR);
  onlineByRegion = new Float64Array(NR);
  busyByRegion = new Float64Array(NR);
  /** USD per hour billed by active leases on the region's providers. */
  billRateByRegion = new Float64Array(NR);
  private onlineHByRegion = new Float64Array(NR);
  private busyHByRegion = new Float64Array(NR);
  private billedByRegion = new Float64Array(NR);
  // integrals over the period
  private onlineH = new Float64Array(NT);
  private busyH = new Float64Array(NT);
  private billed = new Float64Array(NT);
  private cloudBilled = new Float64Array(NT);
  private queueH = 0;
  private onDemandQueueH = 0;
  private last = 0;
  // counters over the period
  arrived = 0;
  started = 0;
  completed = 0;
  expired = 0;
  cancelled = 0;
  failed = 0;
  resumed = 0;
  matched = 0;
  /** New jobs' first orders matched and expired in the period (NEW_JOB_COLUMNS). */
  matchedFirst = 0;
  expiredFirst = 0;
  /** Leases closed for insufficient funds, and the GPU-hours and USD served unpaid, in the period (ESCROW_COLUMNS). */
  overdrawn = 0;
  unpaidGpuH = 0;
  unpaidUsd = 0;
  /** Spot leases preempted in the period; GPUs running spot leases and their USD per hour billed, now (SPOT_COLUMNS). */
  preempted = 0;
  /** Spot orders matched and expired in the period (fill_rate_spot). */
  matchedSpot = 0;
  expiredSpot = 0;
  spotBusy = 0;
  spotBillRate = 0;
  private spotBusyH = 0;
  private spotBilled = 0;
  /** Reservations (RESERVED_COLUMNS): jobs taken over, reservations started, matched and expired in the period; GPUs running them and their USD per hour billed, now. */
  takenOver = 0;
  startedReserved = 0;
  matchedReserved = 0;
  expiredReserved = 0;
  reservedBusy = 0;
  reservedBillRate = 0;
  private reservedBusyH = 0;
  private reservedBilled = 0;
  /** The last period's busy GPU-hours and billed USD, network-wide (sample() resets its integrals; sampleSpot reads these). */
  private lastBusyH = 0;
  private lastBilled = 0;
  /** The last period's orders matched and expired, network-wide (for the on-demand fill rate). */
  private lastMatched = 0;
  private lastExpired = 0;
  demandedGpuH = 0;
  private waits: number[] = [];
  private waitSum = 0;
  /** Of the period's matched orders, those that waited (wait > 0) and their summed wait; the last period's, for WAITED_COLUMNS. */
  private waited = 0;
  private waitedSum = 0;
  private lastWaited = 0;
  private lastWaitedSum = 0;
  /** Waits of the period by kind of order (ORDER_KIND_COLUMNS): on-demand ones each (for the percentile), spot and reserved as count and sum. */
  private onDemandWaits: number[] = [];
  private onDemandWaitSum = 0;
  private spotWaits = 0;
  private spotWaitSum = 0;
  private reservedWaits = 0;
  private reservedWaitSum = 0;
  /** The last period's matches by kind (ORDER_MATCH_COLUMNS, written after the economy's columns): all, on-demand, spot, reserved. */
  private lastKindMatches = new Float64Array(4);
  /** The last period's new jobs' first orders matched and expired (FIRST_ORDER_COLUMNS, written last). */
  private lastFirstOrders = new Float64Array(2);

  /** Integrates the current levels up to `now`. Call before changing any level. */
  advance(now: number): void {
    const dt = now - this.last;
    if (dt <= 0) return;
    for (let i = 0; i < NT; i++) {
      this.onlineH[i] += this.onlineGpus[i] * dt;
      this.busyH[i] += this.busyGpus[i] * dt;
      this.billed[i] += this.billRate[i] * dt;
      this.cloudBilled[i] += this.cloudRate[i] * dt;
    }
    for (let a = 0; a < NA; a++) {
      this.onlineHByType[a] += this.onlineByType[a] * dt;
      this.busyHByType[a] += this.busyByType[a] * dt;
    }
    for (let r = 0; r < NR; r++) {
      this.onlineHByRegion[r] += this.onlineByRegion[r] * dt;
      this.busyHByRegion[r] += this.busyByRegion[r] * dt;
      this.billedByRegion[r] += this.billRateByRegion[r] * dt;
    }
    this.queueH += this.queueLen * dt;
    this.onDemandQueueH += (this.queueLen - this.queueLenSpot - this.queueLenReserved) * dt;
    this.spotBusyH += this.spotBusy * dt;
    this.spotBilled += this.spotBillRate * dt;
    this.reservedBusyH += this.reservedBusy * dt;
    this.reservedBilled += this.reservedBillRate * dt;
    this.last = now;
  }

  /** An order matched after waiting `h` hours; `first` when it is a new job's first order (not a re-order); a spot or a reservation order, or else on-demand. */
  recordWait(h: number, first: boolean, spot: boolean, reserved: boolean): void {
    this.matched++;
    if (first) this.matchedFirst++;
    this.waits.push(h);
    this.waitSum += h;
    if (h > 0) {
      this.waited++;
      this.waitedSum += h;
    }
    if (spot) {
      this.matchedSpot++;
      this.spotWaits++;
      this.spotWaitSum += h;
    } else if (reserved) {
      this.matchedReserved++;
      this.reservedWaits++;
      this.reservedWaitSum += h;
    } else {
      this.onDemandWaits.push(h);
      this.onDemandWaitSum += h;
    }
  }

  /** Billed USD of the current period so far, by tier (read by the economy). */
  billedUsd(): number {
    let s = 0;
    for (let i = 0; i < NT; i++) s += this.billed[i];
    return s;
  }

  /** Writes the period's row into `out` from `offset`, then resets the period. Returns the next offset. */
  sample(now: number, periodHours: number, out: number[], offset: number): number {
    this.advance(now);
    let o = offset;
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    const onlineH = sum(this.onlineH);
    const busyH = sum(this.busyH);
    const billed = sum(this.billed);
    const cloud = sum(this.cloudBilled);
    this.lastBusyH = busyH;
    this.lastBilled = billed;
    this.lastMatched = this.matched;
    this.lastExpired = this.expired;
    this.lastWaited = this.waited;
    this.lastWaitedSum = this.waitedSum;
    const div = (a: number, b: number) => (b > 0 ? a / b : NaN);
    this.waits.sort((a, b) => a - b);
    out[o++] = now / 24;
    out[o++] = this.gpusTotal;
    out[o++] = onlineH / periodHours;
    out[o++] = busyH / periodHours;
    out[o++] = div(busyH, onlineH);
    out[o++] = this.arrived;
    out[o++] = this.started;
    out[o++] = this.completed;
    out[o++] = this.expired;
    out[o++] = this.cancelled;
    out[o++] = this.failed;
    out[o++] = this.resumed;
    out[o++] = this.queueH / periodHours;
    out[o++] = div(this.waitSum, this.waits.length);
    out[o++] = this.waits.length ? quantileSorted(this.waits, 0.95) : NaN;
    out[o++] = div(this.matched, this.matched + this.expired);
    out[o++] = this.demandedGpuH;
    out[o++] = busyH;
    out[o++] = div(billed, busyH);
    out[o++] = div(cloud, busyH);
    out[o++] = billed;
    out[o++] = this.providersActive;
    for (let i = 0; i < NT; i++) out[o++] = div(this.busyH[i], this.onlineH[i]);
    for (let i = 0; i < NT; i++) out[o++] = div(this.billed[i], this.busyH[i]);
    for (let i = 0; i < NT; i++) out[o++] = div(this.cloudBilled[i], this.busyH[i]);
    // reset the period
    this.onlineH.fill(0);
    this.busyH.fill(0);
    this.billed.fill(0);
    this.cloudBilled.fill(0);
    this.queueH = 0;
    this.arrived = this.started = this.completed = this.expired = this.cancelled = this.failed = this.resumed = this.matched = 0;
    this.demandedGpuH = 0;
    this.waits.length = 0;
    this.waitSum = 0;
    this.waited = 0;
    this.waitedSum = 0;
    return o;
  }

  /** Writes the period's TYPE_MARKET_COLUMNS into `out` from `offset` (after sample() at the same instant), then resets them. */
  sampleTypes(periodHours: number, out: number[], offset: number): number {
    let o = offset;
    const div = (a: number, b: number) => (b > 0 ? a / b : NaN);
    for (let a = 0; a < NA; a++) out[o++] = this.providersByType[a];
    for (let a = 0; a < NA; a++) out[o++] = this.gpusByType[a];
    for (let a = 0; a < NA; a++) out[o++] = this.onlineHByType[a] / periodHours;
    for (let a = 0; a < NA; a++) out[o++] = this.busyHByType[a] / periodHours;
    for (let a = 0; a < NA; a++) out[o++] = div(this.busyHByType[a], this.onlineHByType[a]);
    for (let a = 0; a < NA; a++) out[o++] = this.completedByType[a];
    for (let a = 0; a < NA; a++) out[o++] = this.failedByType[a];
    for (let a = 0; a < NA; a++) out[o++] = this.resumedByType[a];
    this.onlineHByType.fill(0);
    this.busyHByType.fill(0);
    this.completedByType.fill(0);
    this.failedByType.fill(0);
    this.resumedByType.fill(0);
    return o;
  }

  /** Writes the period's NEW_JOB_COLUMNS into `out` from `offset` (after sample() at the same instant), then resets them. */
  sampleNewJobs(out: number[], offset: number): number {
    const n = this.matchedFirst + this.expiredFirst;
    out[offset] = n > 0 ? this.matchedFirst / n : NaN;
    this.lastFirstOrders[0] = this.matchedFirst;
    this.lastFirstOrders[1] = this.expiredFirst;
    this.matchedFirst = this.expiredFirst = 0;
    return offset + 1;
  }

  /** Writes the period's ESCROW_COLUMNS into `out` from `offset` (the day's top-up probability given), then resets them. */
  sampleEscrow(out: number[], offset: number, topUpProbability: number): number {
    out[offset] = this.overdrawn;
    out[offset + 1] = this.unpaidGpuH;
    out[offset + 2] = this.unpaidUsd;
    out[offset + 3] = topUpProbability;
    this.overdrawn = this.unpaidGpuH = this.unpaidUsd = 0;
    return offset + 4;
  }

  /** Writes the period's SPOT_COLUMNS into `out` from `offset` (after sample() at the same instant), then resets them. */
  sampleSpot(out: number[], offset: number): number {
    const busyH = this.lastBusyH;
    const billed = this.lastBilled;
    // on-demand: neither spot nor reserved (sampleReserved runs after this and resets the reserved integrals)
    const otherH = this.spotBusyH + this.reservedBusyH;
    const odH = busyH - otherH;
    out[offset] = this.preempted;
    out[offset + 1] = this.spotBusyH;
    out[offset + 2] = this.spotBusyH > 0 ? this.spotBilled / this.spotBusyH : NaN;
    // without spot leases or reservations exactly price_usd_per_gpu_h; with them, empty when (all but a rounding) every busy hour was theirs
    out[offset + 3] = otherH === 0 ? (busyH > 0 ? billed / busyH : NaN) : odH > 1e-9 * busyH ? (billed - this.spotBilled - this.reservedBilled) / odH : NaN;
    const spotOrders = this.matchedSpot + this.expiredSpot;
    const odMatched = this.lastMatched - this.matchedSpot - this.matchedReserved;
    const odOrders = odMatched + this.lastExpired - this.expiredSpot - this.expiredReserved;
    out[offset + 4] = spotOrders > 0 ? this.matchedSpot / spotOrders : NaN;
    out[offset + 5] = odOrders > 0 ? odMatched / odOrders : NaN;
    this.preempted = this.spotBusyH = this.spotBilled = this.matchedSpot = this.expiredSpot = 0;
    return offset + 6;
  }

  /** Writes the period's RESERVED_COLUMNS into `out` from `offset` (after sampleSpot at the same instant), then resets them. */
  sampleReserved(out: number[], offset: number): number {
    out[offset] = this.takenOver;
    out[offset + 1] = this.startedReserved;
    out[offset + 2] = this.reservedBusyH;
    out[offset + 3] = this.reservedBusyH > 0 ? this.reservedBilled / this.reservedBusyH : NaN;
    const orders = this.matchedReserved + this.expiredReserved;
    out[offset + 4] = orders > 0 ? this.matchedReserved / orders : NaN;
    this.takenOver = this.startedReserved = this.reservedBusyH = this.reservedBilled = this.matchedReserved = this.expiredReserved = 0;
    return offset + 5;
  }

  /** Writes the period's ORDER_KIND_COLUMNS into `out` from `offset` (at the instant of sample()), then resets them. */
  sampleOrderKinds(periodHours: number, out: number[], offset: number): number {
    const w = this.onDemandWaits;
    w.sort((a, b) => a - b);
    out[offset] = this.onDemandQueueH / periodHours;
    out[offset + 1] = w.length > 0 ? this.onDemandWaitSum / w.length : NaN;
    out[offset + 2] = w.length > 0 ? quantileSorted(w, 0.95) : NaN;
    out[offset + 3] = this.spotWaits > 0 ? this.spotWaitSum / this.spotWaits : NaN;
    out[offset + 4] = this.reservedWaits > 0 ? this.reservedWaitSum / this.reservedWaits : NaN;
    const k = this.lastKindMatches;
    k[1] = w.length;
    k[2] = this.spotWaits;
    k[3] = this.reservedWaits;
    k[0] = k[1] + k[2] + k[3];
    this.onDemandQueueH = this.onDemandWaitSum = this.spotWaitSum = this.reservedWaitSum = this.spotWaits = this.reservedWaits = 0;
    w.length = 0;
    return offset + 5;
  }

  /** Writes the period's ORDER_MATCH_COLUMNS into `out` from `offset` (after sampleOrderKinds at the same instant). */
  sampleOrderMatches(out: number[], offset: number): number {
    const k = this.lastKindMatches;
    for (let i = 0; i < 4; i++) out[offset + i] = k[i];
    return offset + 4;
  }

  /** Writes the period's FIRST_ORDER_COLUMNS into `out` from `offset` (after sampleNewJobs at the same instant). */
  sampleFirstOrders(out: number[], offset: number): number {
    out[offset] = this.lastFirstOrders[0];
    out[offset + 1] = this.lastFirstOrders[1];
    return offset + 2;
  }

  /** Writes the period's WAITED_COLUMNS into `out` from `offset` (after sample() at the same instant). */
  sampleWaited(out: number[], offset: number): number {
    const n = this.lastWaited;
    out[offset] = n;
    out[offset + 1] = this.lastMatched > 0 ? n / this.lastMatched : NaN;
    out[offset + 2] = n > 0 ? this.lastWaitedSum / n : NaN;
    return offset + 3;
  }

  /** Writes the period's REGION_MARKET_COLUMNS into `out` from `offset` (after sample() at the same instant), then resets them. */
  sampleRegions(periodHours: number, out: number[], offset: number): number {
    let o = offset;
    const div = (a: number, b: number) => (b > 0 ? a / b : NaN);
    for (let r = 0; r < NR; r++) out[o++] = this.providersByRegion[r];
    for (let r = 0; r < NR; r++) out[o++] = this.onlineHByRegion[r] / periodHours;
    for (let r = 0; r < NR; r++) out[o++] = div(this.busyHByRegion[r], this.onlineHByRegion[r]);
    for (let r = 0; r < NR; r++) out[o++] = div(this.billedByRegion[r], this.busyHByRegion[r]);
    this.onlineHByRegion.fill(0);
    this.busyHByRegion.fill(0);
    this.billedByRegion.fill(0);
    return o;
  }
}
