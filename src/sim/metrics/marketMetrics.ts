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
import type { ColumnDef } from './table.ts';

const NT = TIERS.length;

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
  { name: 'gpu_hours_demanded', unit: 'GPU-h', description: 'GPU-hours of work asked for by the jobs that arrived in the period (GPUs x planned hours)' },
  { name: 'gpu_hours_served', unit: 'GPU-h', description: 'GPU-hours run by active leases in the period' },
  { name: 'price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'USD billed / GPU-hours served in the period: the realized average price' },
  { name: 'cloud_price_usd_per_gpu_h', unit: 'USD/GPU-h', description: 'GPU-hour-weighted cloud on-demand price of the GPUs the served jobs needed: the outside option for the same work' },
  { name: 'gmv_usd', unit: 'USD', description: 'Gross merchandise value: USD billed for GPU-hours served in the period' },
  { name: 'providers_active', unit: 'providers', description: 'Providers in the network at the end of the period' },
  ...TIERS.map((t) => ({ name: `utilization_${t}`, unit: 'share', description: `Utilization of ${t}-tier GPUs (busy / online GPU-hours in the period)` })),
  ...TIERS.map((t) => ({ name: `price_usd_per_gpu_h_${t}`, unit: 'USD/GPU-h', description: `Realized price of ${t}-tier GPU-hours in the period (USD billed / GPU-hours served); empty when none were served` })),
  ...TIERS.map((t) => ({ name: `cloud_price_usd_per_gpu_h_${t}`, unit: 'USD/GPU-h', description: `Cloud on-demand reference for the work served on ${t}-tier GPUs in the period` })),
];

export class MarketMetrics {
  // current levels
  onlineGpus = new Float64Array(NT);
  busyGpus = new Float64Array(NT);
  /** USD per hour billed by active leases, by tier. */
  billRate = new Float64Array(NT);
  /** Cloud-reference USD per hour of the active leases' GPUs, by tier. */
  cloudRate = new Float64Array(NT);
  queueLen = 0;
  gpusTotal = 0;
  providersActive = 0;
  // integrals over the period
  private onlineH = new Float64Array(NT);
  private busyH = new Float64Array(NT);
  private billed = new Float64Array(NT);
  private cloudBilled = new Float64Array(NT);
  private queueH = 0;
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
  demandedGpuH = 0;
  private waits: number[] = [];
  private waitSum = 0;

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
    this.queueH += this.queueLen * dt;
    this.last = now;
  }

  recordWait(h: number): void {
    this.matched++;
    this.waits.push(h);
    this.waitSum += h;
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
    return o;
  }
}
