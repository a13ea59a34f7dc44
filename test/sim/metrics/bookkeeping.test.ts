/**
 * The CSV is a public interface: its columns must add up to what the lease records say happened.
 * Each check is a sample-path identity over a whole run (rows of ended leases plus the leases still
 * live at the horizon), so the tolerance is float rounding, not sampling error.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { UNITS_PER } from '../../../src/sim/economy/ledger.ts';
import { runHours } from '../../../src/sim/lease/machine.ts';
import { createRun, type LeaseRow, type Run } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { formatCsvNumber, tableToCsv } from '../../../src/sim/metrics/csv.ts';
import { MARKET_COLUMNS } from '../../../src/sim/metrics/marketMetrics.ts';
import { TIERS } from '../../../src/sim/supply/catalogue.ts';
import { quantileSorted } from 'simple-statistics';
import type { Scenario } from '../../../src/sim/scenario/schema.ts';
import { col } from '../helpers.ts';
import fc from 'fast-check';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

interface Done {
  s: Scenario;
  run: Run;
  rows: LeaseRow[];
  T: number;
}

function runWhole(raw: Record<string, unknown>, seed: number): Done {
  const s = parseScenario(raw);
  const rows: LeaseRow[] = [];
  const run = createRun(s, seed, { onLease: (r) => rows.push(r) });
  run.advance(run.horizonHours);
  return { s, run, rows, T: run.horizonHours };
}

// An 11-hour period never coincides with the daily economy epoch and repricing within 10 days, so
// every match belongs unambiguously to one period (at a shared instant, the epoch runs before the
// sample and the repricing after it). The last period is 9 hours long.
describe.each([
  ['economy on', { horizonDays: 10, scale: 0.05, metrics: { periodHours: 11 } }],
  ['economy off, market only', { horizonDays: 10, scale: 0.05, metrics: { periodHours: 11 }, economy: { enabled: false } }],
  // half the jobs spot, on a network too small for its demand so that on-demand orders preempt often
  ['spot leases', { horizonDays: 10, scale: 0.05, metrics: { periodHours: 11 }, demand: { baseRateJobsPerHour: 260 }, market: { spot: { share: 0.5, noticeMinutes: 5 } } }],
  // the same with reservations of one or two months taking 30% of the GPU-hours
  ['spot leases and reservations', { horizonDays: 10, scale: 0.05, metrics: { periodHours: 11 }, demand: { baseRateJobsPerHour: 260 }, market: { spot: { share: 0.5, noticeMinutes: 5 }, reserved: { minTermMonths: 1, maxTermMonths: 2 } } }],
] as const)('CSV bookkeeping against lease records (%s)', (_name, raw) => {
  let d: Done;
  beforeAll(() => {
    d = runWhole(raw as Record<string, unknown>, 9);
  }, 30_000);
  const live = () => [...d.run.model.leases.values()];

  test('counts: arrived, started, completed, expired, cancelled, failed', () => {
    const t = d.run.table();
    const { rows } = d;
    const jobs = new Set([...rows.filter((r) => r.attempt === 0).map((r) => r.job_id), ...live().filter((l) => l.attempt === 0).map((l) => l.jobId)]);
    expect(sum(col(t, 'jobs_arrived'))).toBe(jobs.size);
    const started = rows.filter((r) => !Number.isNaN(r.started_h)).length + live().filter((l) => !Number.isNaN(l.startedAt)).length;
    expect(sum(col(t, 'jobs_started'))).toBe(started);
    expect(sum(col(t, 'jobs_completed'))).toBe(rows.filter((r) => r.outcome === 'completed').length);
    expect(sum(col(t, 'jobs_expired'))).toBe(rows.filter((r) => r.outcome === 'expired').length);
    expect(sum(col(t, 'jobs_cancelled'))).toBe(rows.filter((r) => r.outcome === 'cancelled').length);
    expect(sum(col(t, 'leases_failed'))).toBe(rows.filter((r) => r.outcome === 'failed').length);
    // the scenario exercises all of them
    for (const c of ['jobs_completed', 'jobs_expired', 'jobs_cancelled', 'leases_failed']) expect(sum(col(t, c)), c).toBeGreaterThan(0);
  });

  test('GPU-hours served and GMV equal the leases\' run time and price', () => {
    const t = d.run.table();
    let gpuH = 0;
    let usd = 0;
    for (const r of d.rows) {
      gpuH += r.gpu_hours;
      if (r.gpu_hours > 0) usd += r.gpu_hours * r.price_usd_per_gpu_h;
    }
    for (const l of live()) {
      if (Number.isNaN(l.startedAt)) continue;
      const h = runHours(l, d.T) * l.gpus; // a stalled lease's stall is not run time
      gpuH += h;
      usd += h * l.priceUsdPerGpuHour;
    }
    expect(close(sum(col(t, 'gpu_hours_served')), gpuH, 1e-9)).toBe(true);
    expect(close(sum(col(t, 'gmv_usd')), usd, 1e-9)).toBe(true);
  });

  test('every ended lease that ran was settled: billed = price x GPU-hours (to the ledger unit)', () => {
    let ran = 0;
    for (const r of d.rows) {
      if (r.gpu_hours === 0) {
        expect(r.billed_usd, `lease ${r.lease_id}`).toBe(0);
        continue;
      }
      ran++;
      expect(Math.abs(r.billed_usd - r.price_usd_per_gpu_h * r.gpu_hours), `lease ${r.lease_id} (${r.outcome})`).toBeLessThanOrEqual(1 / UNITS_PER);
    }
    expect(ran).toBeGreaterThan(100);
  });

  test('the USD ledger balances', () => {
    d.run.model.ledger.assertBalanced();
  });

  test('what the lease rows say was billed is what providers were paid (plus fees)', () => {
    if (d.s.economy.enabled) return; // the economy routes payments through its own accounts
    const L = d.run.model.ledger;
    const paidToProviders = L.flow('usd', 'lease payment') + L.flow('usd', 'protocol fee');
    let billed = 0;
    for (const r of d.rows) billed += r.billed_usd;
    for (const l of live()) billed += d.run.model.paidUnits(l) / UNITS_PER;
    expect(Math.abs(billed - paidToProviders)).toBeLessThan((d.rows.length + 1) / UNITS_PER);
  });

  test('column definitions hold row by row: utilization = busy / online, served = busy x period', () => {
    const t = d.run.table();
    const P = d.s.metrics.periodHours;
    const len = (i: number) => Math.min((i + 1) * P, d.T) - i * P;
    const busy = col(t, 'gpus_busy');
    const online = col(t, 'gpus_online');
    const util = col(t, 'utilization');
    const served = col(t, 'gpu_hours_served');
    const gmv = col(t, 'gmv_usd');
    const price = col(t, 'price_usd_per_gpu_h');
    for (let i = 0; i < t.rows; i++) {
      expect(close(util[i], busy[i] / online[i])).toBe(true);
      expect(close(served[i], busy[i] * len(i))).toBe(true);
      expect(busy[i]).toBeLessThanOrEqual(online[i] + 1e-9);
      if (served[i] > 0) expect(close(price[i], gmv[i] / served[i])).toBe(true);
    }
    expect(t.rows).toBe(Math.ceil(d.T / P));
    expect(col(t, 'day')).toEqual(Array.from({ length: t.rows }, (_, i) => Math.min((i + 1) * P, d.T) / 24));
  });

  test('spot and reservation columns: preemptions, spot and reserved GPU-hours, their prices and fill rates and the on-demand ones equal the lease records', () => {
    const t = d.run.table();
    const spot = d.s.market.spot;
    const reserved = d.s.market.reserved;
    const rows = d.rows;
    const ls = live();
    // only spot leases are preempted, each when an on-demand lease was matched on its provider
    const preempted = rows.filter((r) => r.outcome === 'preempted');
    expect(sum(col(t, 'leases_preempted'))).toBe(preempted.length);
    const onDemandMatches = new Set([...rows, ...ls.map((l) => ({ spot: l.spot ? 1 : 0, provider_id: l.provider, matched_h: l.matchedAt }))].filter((r) => r.spot === 0).map((r) => `${r.provider_id}@${r.matched_h}`));
    for (const r of preempted) {
      expect(r.spot, `lease ${r.lease_id}`).toBe(1);
      expect(r.end_reason).toBe('preempted');
      expect(onDemandMatches.has(`${r.provider_id}@${r.ended_h}`), `lease ${r.lease_id} preempted at ${r.ended_h} with no on-demand match there`).toBe(true);
    }
    // by kind of lease: 0 on-demand, 1 spot, 2 reservation
    const kind = (r: { spot: number; reserved: number }) => (r.spot ? 1 : r.reserved ? 2 : 0);
    const H = [0, 0, 0];
    const USD = [0, 0, 0];
    const add = (k: number, h: number, price: number) => {
      H[k] += h;
      USD[k] += h * price;
    };
    for (const r of rows) if (r.gpu_hours > 0) add(kind(r), r.gpu_hours, r.price_usd_per_gpu_h);
    for (const l of ls) if (!Number.isNaN(l.startedAt)) add(kind({ spot: l.spot ? 1 : 0, reserved: l.reserved ? 1 : 0 }), runHours(l, d.T) * l.gpus, l.priceUsdPerGpuHour);
    const [, spotH, reservedH] = H;
    const [, spotUsd, reservedUsd] = USD;
    expect(close(sum(col(t, 'spot_gpu_hours_served')), spotH, 1e-9)).toBe(true);
    expect(close(sum(col(t, 'reserved_gpu_hours_served')), reservedH, 1e-9)).toBe(true);
    const spotPrice = col(t, 'spot_price_usd_per_gpu_h');
    const odPrice = col(t, 'on_demand_price_usd_per_gpu_h');
    const price = col(t, 'price_usd_per_gpu_h');
    // fill rates of spot and on-demand orders, period by period: matched (by the time of the match) over matched + expired (by the end)
    const P = d.s.metrics.periodHours;
    const n = t.rows;
    const period = (h: number) => Math.min(n - 1, Math.max(0, Math.ceil(h / P) - 1));
    const counts = [0, 1, 2].map(() => ({ m: new Array(n).fill(0), e: new Array(n).fill(0) }));
    for (const r of [...rows, ...ls.map((l) => ({ spot: l.spot ? 1 : 0, reserved: l.reserved ? 1 : 0, matched_h: l.matchedAt, outcome: l.state, ended_h: NaN }))]) {
      if (!Number.isNaN(r.matched_h)) counts[kind(r)].m[period(r.matched_h)]++;
      if (r.outcome === 'expired') counts[kind(r)].e[period(r.ended_h)]++;
    }
    for (const [k, name] of [[1, 'fill_rate_spot'], [0, 'fill_rate_on_demand'], [2, 'fill_rate_reserved']] as const) {
      const c = col(t, name);
      for (let i = 0; i < n; i++) {
        const all = counts[k].m[i] + counts[k].e[i];
        if (all === 0) expect(c[i], `${name} period ${i}`).toBeNaN();
        else expect(close(c[i], counts[k].m[i] / all), `${name} period ${i}: ${c[i]} vs ${counts[k].m[i] / all}`).toBe(true);
      }
    }
    // reservations started, and the jobs their tenants' reservations took over
    const reservationsStarted = rows.filter((r) => r.reserved === 1 && !Number.isNaN(r.started_h)).length + ls.filter((l) => l.reserved && !Number.isNaN(l.startedAt)).length;
    expect(sum(col(t, 'reservations_started'))).toBe(reservationsStarted);
    const reservedPrice = col(t, 'reserved_price_usd_per_gpu_h');
    if (reserved) {
      expect(reservedH).toBeGreaterThan(0);
      expect(sum(col(t, 'jobs_taken_over'))).toBeGreaterThan(0);
      const rs = col(t, 'reserved_gpu_hours_served');
      expect(close(sum(Array.from(reservedPrice, (x, i) => (rs[i] > 0 ? x * rs[i] : 0))), reservedUsd, 1e-9)).toBe(true);
    } else {
      expect(reservedH + sum(col(t, 'jobs_taken_over')) + reservationsStarted).toBe(0);
      expect(reservedPrice.every((x) => Number.isNaN(x))).toBe(true);
    }
    if (!spot) {
      expect(col(t, 'fill_rate_on_demand')).toEqual(col(t, 'fill_rate'));
      expect(preempted.length + spotH).toBe(0);
      expect(rows.every((r) => r.spot === 0)).toBe(true);
      expect(spotPrice.every((x) => Number.isNaN(x))).toBe(true);
      expect(odPrice).toEqual(price);
      return;
    }
    expect(preempted.length).toBeGreaterThan(20);
    // about the share of new jobs spot
    const first = rows.filter((r) => r.attempt === 0 && r.reserved === 0);
    expect(Math.abs(first.filter((r) => r.spot === 1).length / first.length - spot.share)).toBeLessThan(0.05);
    // the run's spot and on-demand prices, weighted by GPU-hours, from the rows
    const served = col(t, 'spot_gpu_hours_served');
    const all = col(t, 'gpu_hours_served');
    const w = (xs: number[], ws: number[]) => sum(xs.map((x, i) => (ws[i] > 0 ? x * ws[i] : 0)));
    expect(close(w(spotPrice, served), spotUsd, 1e-9)).toBe(true);
    const reservedServed = col(t, 'reserved_gpu_hours_served');
    expect(close(w(odPrice, all.map((a, i) => a - served[i] - reservedServed[i])), USD[0], 1e-9)).toBe(true);
    // a spot lease pays its match price (at most its budget) times the multiplier; an on-demand one at most its budget
    for (const r of rows) {
      if (Number.isNaN(r.price_usd_per_gpu_h)) continue;
      expect(r.price_usd_per_gpu_h, `lease ${r.lease_id}`).toBeLessThanOrEqual(r.budget_usd_per_gpu_h * (r.spot ? spot.priceMultiplier : 1) * (1 + 1e-12));
    }
  });

  test('waits and queues, of all orders and by kind (on-demand, spot, reservation), equal the lease records period by period', () => {
    const t = d.run.table();
    const P = d.s.metrics.periodHours;
    const n = t.rows;
    const T = d.T;
    const period = (h: number) => Math.min(n - 1, Math.max(0, Math.ceil(h / P) - 1));
    // kind -1 is every order; 0 on-demand, 1 spot, 2 reservation
    const kinds = [-1, 0, 1, 2];
    const waits = kinds.map(() => Array.from({ length: n }, () => [] as number[]));
    const queueH = kinds.map(() => new Array(n).fill(0));
    // the new jobs' first orders matched, per period
    const firstMatched = new Array(n).fill(0);
    const add = (spot: boolean, reserved: boolean, ordered: number, matched: number, ended: number, attempt: number) => {
      const k = spot ? 1 : reserved ? 2 : 0;
      // waiting from the order until the match, or until it expired or the run ended; split over the periods it spans
      const until = Number.isNaN(matched) ? Math.min(Number.isNaN(ended) ? T : ended, T) : matched;
      for (let i = period(ordered); i < n && i * P < until; i++) {
        const h = Math.min(until, (i + 1) * P) - Math.max(ordered, i * P);
        if (h > 0) for (const j of [0, k + 1]) queueH[j][i] += h;
      }
      if (Number.isNaN(matched)) return;
      for (const j of [0, k + 1]) waits[j][period(matched)].push(matched - ordered);
      if (attempt === 0) firstMatched[period(matched)]++;
    };
    for (const r of d.rows) add(r.spot === 1, r.reserved === 1, r.ordered_h, r.matched_h, r.ended_h, r.attempt);
    for (const l of live()) add(l.spot, l.reserved, l.orderedAt, l.matchedAt, NaN, l.attempt);
    const len = (i: number) => Math.min((i + 1) * P, T) - i * P;
    const check = (name: string, j: number, of: (w: number[]) => number) => {
      const c = col(t, name);
      for (let i = 0; i < n; i++) {
        const w = waits[j][i];
        if (w.length === 0) expect(c[i], `${name} period ${i}`).toBeNaN();
        else expect(close(c[i], of(w), 1e-9), `${name} period ${i}: ${c[i]} vs ${of(w)}`).toBe(true);
      }
    };
    const mean = (w: number[]) => sum(w) / w.length;
    const p95 = (w: number[]) => quantileSorted([...w].sort((a, b) => a - b), 0.95);
    check('wait_mean_h', 0, mean);
    check('wait_p95_h', 0, p95);
    check('wait_mean_h_on_demand', 1, mean);
    check('wait_p95_h_on_demand', 1, p95);
    check('wait_mean_h_spot', 2, mean);
    check('wait_mean_h_reserved', 3, mean);
    // the orders each mean is over, so a mean over days can weigh each day by them
    for (const [name, j] of [['orders_matched', 0], ['orders_matched_on_demand', 1], ['orders_matched_spot', 2], ['orders_matched_reserved', 3]] as const) {
      const c = col(t, name);
      for (let i = 0; i < n; i++) expect(c[i], `${name} period ${i}`).toBe(waits[j][i].length);
    }
    // the new jobs' first orders, matched and expired, whose ratio is the day's fill_rate_new_jobs (0.17.0)
    const firstExpired = new Array(n).fill(0);
    for (const r of d.rows) if (r.attempt === 0 && r.outcome === 'expired') firstExpired[period(r.ended_h)]++;
    const fm = col(t, 'first_orders_matched');
    const fe = col(t, 'first_orders_expired');
    const newJobs = col(t, 'fill_rate_new_jobs');
    for (let i = 0; i < n; i++) {
      expect(fm[i], `first_orders_matched period ${i}`).toBe(firstMatched[i]);
      expect(fe[i], `first_orders_expired period ${i}`).toBe(firstExpired[i]);
      if (fm[i] + fe[i] === 0) expect(newJobs[i]).toBeNaN();
      else expect(close(newJobs[i], fm[i] / (fm[i] + fe[i]), 1e-12), `fill_rate_new_jobs period ${i}`).toBe(true);
    }
    expect(sum(fe)).toBeGreaterThan(0);
    for (const [name, j] of [['queue_len_mean', 0], ['queue_len_mean_on_demand', 1]] as const) {
      const q = col(t, name);
      for (let i = 0; i < n; i++) expect(close(q[i] * len(i), queueH[j][i], 1e-9), `${name} period ${i}: ${q[i] * len(i)} vs ${queueH[j][i]} order-hours`).toBe(true);
    }
    // the scenario makes every kind it has wait: orders queue, and some are matched after a wait
    const waited = (j: number) => waits[j].flat().filter((w) => w > 0).length;
    expect(waited(1)).toBeGreaterThan(5);
    if (d.s.market.spot) expect(waited(2)).toBeGreaterThan(5);
    if (d.s.market.reserved) expect(waited(3)).toBeGreaterThan(5);
    if (!d.s.market.spot && !d.s.market.reserved) {
      // without spot leases or reservations every order is on-demand: the same numbers
      expect(col(t, 'wait_mean_h_on_demand')).toEqual(col(t, 'wait_mean_h'));
      expect(col(t, 'wait_p95_h_on_demand')).toEqual(col(t, 'wait_p95_h'));
      expect(col(t, 'queue_len_mean_on_demand')).toEqual(col(t, 'queue_len_mean'));
    }
    if (!d.s.market.spot) expect(col(t, 'wait_mean_h_spot').every((x) => Number.isNaN(x))).toBe(true);
    if (!d.s.market.reserved) expect(col(t, 'wait_mean_h_reserved').every((x) => Number.isNaN(x))).toBe(true);
  });
});

describe('CSV format', () => {
  test('has the columns the issue requires, snake_case, each with a unit and a description', () => {
    const names = MARKET_COLUMNS.map((c) => c.name);
    const required = [
      'day', 'gpus_total', 'gpus_online', 'gpus_busy', 'utilization', 'jobs_arrived', 'jobs_started', 'jobs_completed', 'jobs_expired',
      'leases_failed', 'queue_len_mean', 'wait_mean_h', 'wait_p95_h', 'fill_rate', 'gpu_hours_demanded', 'gpu_hours_served',
      'price_usd_per_gpu_h', 'gmv_usd', 'providers_active',
      ...TIERS.map((t) => `utilization_${t}`),
      ...TIERS.map((t) => `price_usd_per_gpu_h_${t}`),
    ];
    for (const r of required) expect(names).toContain(r);
    expect(TIERS).toEqual(['entry', 'low', 'medium', 'high', 'ultra']);
    for (const c of MARKET_COLUMNS) {
      expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(c.unit.length).toBeGreaterThan(0);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  test('formatCsvNumber: integers as is, 6 decimals (more below 1), trailing zeros trimmed, NaN empty, no -0', () => {
    expect(formatCsvNumber(42)).toBe('42');
    expect(formatCsvNumber(-3)).toBe('-3');
    expect(formatCsvNumber(0.5)).toBe('0.5');
    expect(formatCsvNumber(1234.5678912)).toBe('1234.567891');
    expect(formatCsvNumber(2.5000001)).toBe('2.5');
    expect(formatCsvNumber(1.5e-7)).toBe('0.00000015');
    expect(formatCsvNumber(NaN)).toBe('');
    expect(formatCsvNumber(-0)).toBe('0');
    expect(formatCsvNumber(Infinity)).toBe('inf');
    expect(formatCsvNumber(-Infinity)).toBe('-inf');
    // small shares keep about 7 significant digits; large values 6 decimals
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        const s = formatCsvNumber(v);
        expect(s).not.toMatch(/e|^-0$|\.$|\.\d*0$/);
        const back = s === '' ? NaN : Number(s);
        const a = Math.abs(v);
        if (a >= 1) expect(Math.abs(back - v)).toBeLessThanOrEqual(5e-7 * (1 + 1e-9) + a * 1e-15);
        else if (a >= 1e-8) expect(Math.abs(back - v)).toBeLessThanOrEqual(a * 5e-6);
      }),
      { numRuns: 2000, seed: 1 },
    );
  });

  test('tableToCsv: one header line, one line per row, as many cells as columns', () => {
    const d = runWhole({ horizonDays: 3, scale: 0.02 }, 1);
    const csv = tableToCsv(d.run.table());
    const lines = csv.trimEnd().split('\n');
    expect(lines[0].startsWith(MARKET_COLUMNS.map((c) => c.name).join(','))).toBe(true);
    expect(lines).toHaveLength(d.run.table().rows + 1);
    const width = lines[0].split(',').length;
    for (const l of lines) expect(l.split(',')).toHaveLength(width);
    expect(csv.endsWith('\n')).toBe(true);
  });
});
