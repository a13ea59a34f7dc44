/**
 * The run's checks (model/runChecks.ts): they hold on real runs with their figures, and each says
 * so when its identity breaks (fed broken figures: a real run cannot break them).
 */
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src/sim/run.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { capacityCheck, escrowCheck, gmvCheck, ledgerCheck, littleCheck, ordersCheck, servedCheck, supplyCheck } from '../../../src/sim/model/runChecks.ts';
import type { OrderFlowSides } from '../../../src/sim/model/orderFlow.ts';
import type { MetricTable } from '../../../src/sim/metrics/table.ts';

describe('run checks', () => {
  it('all hold on a run with the economy, with the figures on both sides', () => {
    const s = parseScenario({ horizonDays: 10, scale: 0.05, demand: { warmStart: true } });
    // the lease export's rows, as the CLI's --leases writes them (one per lease as it ends)
    let exportGpuH = 0;
    let exportUsd = 0;
    let exportRows = 0;
    const outcomes = new Map<string, number>();
    const run = createRun(s, 4, {
      onLease: (r) => {
        outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
        exportGpuH += r.gpu_hours;
        if (r.gpu_hours > 0) exportUsd += r.price_usd_per_gpu_h * r.gpu_hours;
        exportRows++;
      },
    });
    run.advance(run.horizonHours);
    const checks = run.checks();
    expect(checks.map((c) => c.id)).toEqual(['little', 'orders', 'served', 'gmv', 'capacity', 'escrow', 'supply', 'ledger']);
    for (const c of checks) expect(c.holds, `${c.title}: ${c.detail}`).toBe(true);
    const [little, orders, served, gmv, capacity, escrow, supply, ledger] = checks.map((c) => c.detail);
    // both sides are shown and equal to the digit shown
    const [, a, b] = little.match(/× hours: ([\d,.]+) order-hours; hours every order waited: ([\d,.]+) order-hours; (exactly equal|equal to 1\d significant digits)$/)!;
    expect(a).toBe(b);
    expect(Number(a.replace(/,/g, ''))).toBeGreaterThan(10);
    // every order: the CSV's counts summed, the lease export's rows by outcome, and the live leases by state
    const fmt0 = (v: number) => v.toLocaleString('en-US');
    const col = (c: string) => Array.from(run.table().data[c]).reduce((x, y) => x + y, 0);
    const o = orders.match(
      /^([\d,]+) orders placed: ([\d,]+) new jobs \(jobs_arrived\) \+ ([\d,]+) re-orders of failed or preempted leases' remaining work \+ ([\d,]+) jobs running at day 0; ([\d,]+) matched \(orders_matched \+ the day-0 jobs\), ([\d,]+) expired \(jobs_expired\), ([\d,]+) still waiting; of the matched, ([\d,]+) completed, ([\d,]+) cancelled, ([\d,]+) failed, ([\d,]+) preempted \(jobs_completed, jobs_cancelled, leases_failed, leases_preempted\) and ([\d,]+) live \(([\d,]+) matched, ([\d,]+) running, ([\d,]+) stalled\); the ([\d,]+) that ended are the lease export's ([\d,]+) rows; every count exact$/,
    )!;
    expect(o, orders).not.toBeNull();
    const v = o.slice(1).map((x) => Number(x.replace(/,/g, '')));
    const [placed, arrived, reorders, warm, matched, expired, waiting, completed, cancelled, failed, preempted, live, liveMatched, running, stalled, ended, rows] = v;
    expect(arrived).toBe(col('jobs_arrived'));
    expect(matched).toBe(col('orders_matched') + warm);
    expect([expired, completed, cancelled, failed]).toEqual([col('jobs_expired'), col('jobs_completed'), col('jobs_cancelled'), col('leases_failed')]);
    expect([completed, expired, cancelled, failed, preempted]).toEqual(['completed', 'expired', 'cancelled', 'failed', 'preempted'].map((k) => outcomes.get(k) ?? 0));
    expect(rows).toBe(exportRows);
    expect(ended).toBe(exportRows);
    expect(placed).toBe(arrived + reorders + warm);
    expect(placed).toBe(matched + expired + waiting);
    expect(matched).toBe(completed + cancelled + failed + preempted + live);
    expect(live).toBe(liveMatched + running + stalled);
    // a run of 10 days has every kind: failures re-ordered, jobs running at day 0, orders that expired, leases still running
    for (const [k, x] of Object.entries({ reorders, warm, expired, failed, running })) expect(x, k).toBeGreaterThan(0);
    expect(fmt0(placed)).toBe(o[1]);
    // the GPU-hours served: the CSV column's sum, and the leases' (the export's rows, and those still running) adding up to it
    const fmt = (v: number, d = 1) => v.toLocaleString('en-US', { maximumFractionDigits: d });
    const csvGpuH = Array.from(run.table().data.gpu_hours_served).reduce((x, y) => x + y, 0);
    const m = served.match(/^gpu_hours_served over all periods: ([\d,.]+) GPU-h; GPUs × hours run by the leases: ([\d,.]+) GPU-h by the ([\d,]+) ended \(the lease export's gpu_hours\) \+ ([\d,.]+) GPU-h by the ([\d,]+) still running or stalled = ([\d,.]+) GPU-h; (exactly equal|equal to 1\d significant digits)$/)!;
    expect(m, served).not.toBeNull();
    expect(m[1]).toBe(fmt(csvGpuH));
    expect(m[2]).toBe(fmt(exportGpuH));
    expect(m[3]).toBe(fmt(exportRows, 0));
    expect(m[6]).toBe(m[1]);
    // a run of 10 days ends with long jobs still running: both parts count
    expect(Number(m[4].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(Number(m[5].replace(/,/g, ''))).toBeGreaterThan(0);
    // the GMV: the CSV column's sum, and the leases' price x GPU-hours (the export's, and those still running) adding up to it
    const csvUsd = Array.from(run.table().data.gmv_usd).reduce((x, y) => x + y, 0);
    const g = gmv.match(/^gmv_usd over all periods: \$([\d,.]+); each lease's price × GPU-hours: \$([\d,.]+) by the ended \(the lease export's price_usd_per_gpu_h × gpu_hours\) \+ \$([\d,.]+) by those still running or stalled = \$([\d,.]+); (exactly equal|equal to 1\d significant digits)$/)!;
    expect(g, gmv).not.toBeNull();
    expect(g[1]).toBe(fmt(csvUsd, 2));
    expect(g[2]).toBe(fmt(exportUsd, 2));
    expect(g[4]).toBe(g[1]);
    expect(Number(g[3].replace(/,/g, ''))).toBeGreaterThan(0);
    expect(capacity).toMatch(/^in all 10 periods; the busiest, day \d+, at \d+\.\d% utilization$/);
    // the escrow held for the leases still live, in USD (stablecoin payments, the default)
    expect(escrow).toMatch(/^the escrow account holds ([\d,.]+) USD; the [\d,]+ live leases' deposits less what they paid out: \1 USD; exact, to the ledger's unit of 0\.0001 USD$/);
    expect(supply).toMatch(/^genesis 25,000,000 \+ minted [\d,.]+ − burned [\d,.]+ = [\d,.]+ tokens; supply at the end: [\d,.]+ tokens; exact, to the ledger's unit of 0\.0001 token$/);
    expect(ledger).toMatch(/^[\d,]+ entries; every asset's balances/);
  });

  it("hold when the horizon cuts the last period short (Little's law weighs each row by its own period)", () => {
    // 10 days in weeks: one whole week, then 3 days (0.18.0 counted that last row as a week, and the run failed)
    const run = createRun(parseScenario({ horizonDays: 10, scale: 0.05, metrics: { periodHours: 168 } }), 5);
    run.advance(run.horizonHours);
    expect(Array.from(run.table().data.day)).toEqual([7, 10]);
    for (const c of run.checks()) expect(c.holds, `${c.title}: ${c.detail}`).toBe(true);
    const q = run.table().data.queue_len_mean;
    const queueH = (q[0] * 168 + q[1] * 72).toLocaleString('en-US', { maximumFractionDigits: 1 });
    expect(run.checks()[0].detail).toContain(`× hours: ${queueH} order-hours; hours every order waited: ${queueH} order-hours`);
  });

  it('the escrow holds tokens or credits when deposits buy them, and no USD', () => {
    for (const [payment, asset] of [
      ['token', 'tokens'],
      ['burnMint', 'credits'],
    ]) {
      const run = createRun(parseScenario({ horizonDays: 6, scale: 0.05, economy: { payment } }), 2);
      run.advance(run.horizonHours);
      const escrow = run.checks().find((c) => c.id === 'escrow')!;
      expect(escrow.holds, escrow.detail).toBe(true);
      expect(escrow.detail).toMatch(new RegExp(`^the escrow account holds ([\\d,.]+) ${asset}; the [\\d,]+ live leases' deposits less what they paid out: \\1 ${asset}; exact, .*; no USD left in it \\(every deposit bought its ${asset}\\)$`));
      expect(Number(escrow.detail.match(/holds ([\d,.]+)/)![1].replace(/,/g, ''))).toBeGreaterThan(0);
    }
  });

  it('without the economy there is no token supply to check', () => {
    const run = createRun(parseScenario({ horizonDays: 3, scale: 0.05, economy: { enabled: false } }), 1);
    run.advance(run.horizonHours);
    expect(run.checks().map((c) => [c.id, c.holds])).toEqual([
      ['little', true],
      ['orders', true],
      ['served', true],
      ['gmv', true],
      ['capacity', true],
      ['escrow', true],
      ['ledger', true],
    ]);
  });

  it('an order lost from the live table, or an outcome counted twice, breaks the order check', () => {
    const run = createRun(parseScenario({ horizonDays: 4, scale: 0.05 }), 3);
    run.advance(run.horizonHours);
    const orders = () => run.checks().find((c) => c.id === 'orders')!;
    expect(orders().holds, orders().detail).toBe(true);
    // a running lease vanishes without a transition (as a bug that dropped it would)
    const lost = [...run.model.leases.values()].find((l) => l.state === 'active')!;
    run.model.leases.delete(lost.id);
    expect(orders().holds).toBe(false);
    expect(orders().detail).toMatch(/but the outcomes of the matched and the live add up to ([\d,]+), not the ([\d,]+) matched$/);
    const [, a, b] = orders().detail.match(/add up to ([\d,]+), not the ([\d,]+) matched$/)!;
    expect(Number(b.replace(/,/g, '')) - Number(a.replace(/,/g, ''))).toBe(1);
    run.model.leases.set(lost.id, lost);
    expect(orders().holds).toBe(true);
    // one completion counted in two periods' rows
    const done = run.table().data.jobs_completed;
    done[0] += 1;
    expect(orders().detail).toMatch(/but the outcomes of the matched and the live add up to [\d,]+, not the [\d,]+ matched; the lease export has ([\d,]+) rows, not the ([\d,]+) that ended$/);
    done[0] -= 1;
  });

  it('each says when its identity breaks', () => {
    const f: OrderFlowSides = {
      placed: 100, reorders: 10, warm: 5, arrived: 85, matched: 70, expired: 20, completed: 50, cancelled: 5, failed: 10, preempted: 0,
      waiting: 5, matchedLive: 1, running: 8, stalled: 1, exportRows: 85,
    };
    const ok = ordersCheck(f);
    expect(ok).toMatchObject({ holds: true, short: '100 orders, each ended once or live' });
    expect(ok.detail).toBe(
      "100 orders placed: 85 new jobs (jobs_arrived) + 10 re-orders of failed or preempted leases' remaining work + 5 jobs running at day 0; 75 matched (orders_matched + the day-0 jobs), 20 expired (jobs_expired), 5 still waiting; " +
        'of the matched, 50 completed, 5 cancelled, 10 failed, 0 preempted (jobs_completed, jobs_cancelled, leases_failed, leases_preempted) and 10 live (1 matched, 8 running, 1 stalled); ' +
        "the 85 that ended are the lease export's 85 rows; every count exact",
    );
    expect(ordersCheck({ ...f, arrived: 84 }).detail).toMatch(/but new jobs, re-orders and day-0 jobs add up to 99, not the 100 orders the model placed$/);
    expect(ordersCheck({ ...f, arrived: 84 }).holds).toBe(false);
    expect(ordersCheck({ ...f, waiting: 4 }).detail).toMatch(/but matched, expired and waiting add up to 99, not the 100 placed$/);
    expect(ordersCheck({ ...f, running: 9 }).detail).toMatch(/but the outcomes of the matched and the live add up to 76, not the 75 matched$/);
    expect(ordersCheck({ ...f, exportRows: 86 }).detail).toMatch(/but the lease export has 86 rows, not the 85 that ended$/);

    const l = littleCheck(1000, 990);
    expect(l.holds).toBe(false);
    expect(l.detail).toContain('1.01% apart');
    expect(littleCheck(1000, 1000 * (1 + 1e-12)).holds).toBe(true);
    expect(littleCheck(NaN, 5).holds).toBe(false);
    const sp = supplyCheck(1_000_000_0000, 5_0000, 2_0000, 1_000_004_0000);
    expect(sp.holds).toBe(false);
    expect(sp.detail).toContain('off by 1 tokens');
    expect(supplyCheck(10, 5, 3, 12).holds).toBe(true);
    expect(ledgerCheck(7, 'ledger out of balance: usd balances sum to 1 after 7 entries')).toMatchObject({ holds: false, detail: 'ledger out of balance: usd balances sum to 1 after 7 entries' });
    const table = (busy: number[], online: number[]): MetricTable => ({
      columns: [],
      rows: busy.length,
      data: {
        day: Float64Array.from(busy, (_, i) => i + 1),
        gpus_busy: Float64Array.from(busy),
        gpus_online: Float64Array.from(online),
        utilization: Float64Array.from(busy, (b, i) => (online[i] > 0 ? b / online[i] : NaN)),
      },
    });
    expect(capacityCheck(table([5, 12, 3], [10, 10, 10]))).toMatchObject({ holds: false, detail: 'busy GPUs above online ones in 1 of 3 periods' });
    expect(capacityCheck(table([5, 9, 0], [10, 10, 0]))).toMatchObject({ holds: true, detail: 'in all 3 periods; the busiest, day 2, at 90.0% utilization' });
    const leases = { ended: 900, endedUsd: 450, endedLeases: 40, live: 90, liveUsd: 45, liveLeases: 3 };
    const sv = servedCheck(1000, leases);
    expect(sv.holds).toBe(false);
    expect(sv.detail).toBe('gpu_hours_served over all periods: 1,000 GPU-h; GPUs × hours run by the leases: 900 GPU-h by the 40 ended (the lease export\'s gpu_hours) + 90 GPU-h by the 3 still running or stalled = 990 GPU-h; 1.01% apart');
    expect(servedCheck(990 * (1 + 1e-12), leases).holds).toBe(true);
    expect(servedCheck(NaN, leases).holds).toBe(false);
    const gm = gmvCheck(500, leases);
    expect(gm.holds).toBe(false);
    expect(gm.detail).toBe("gmv_usd over all periods: $500; each lease's price × GPU-hours: $450 by the ended (the lease export's price_usd_per_gpu_h × gpu_hours) + $45 by those still running or stalled = $495; 1.01% apart");
    expect(gmvCheck(495, leases)).toMatchObject({ holds: true, short: '$495 both ways' });
    const es = escrowCheck({ asset: 'usd', heldUnits: 12_0000, owedUnits: 11_0000, leases: 2, strayUsdUnits: 0 });
    expect(es.holds).toBe(false);
    expect(es.detail).toBe("the escrow account holds 12 USD; the 2 live leases' deposits less what they paid out: 11 USD; off by 1 USD");
    expect(escrowCheck({ asset: 'usd', heldUnits: 5, owedUnits: 5, leases: 1, strayUsdUnits: 0 }).holds).toBe(true);
    // deposits turned into credits, yet USD stayed behind in the escrow account
    const stray = escrowCheck({ asset: 'credit', heldUnits: 5, owedUnits: 5, leases: 1, strayUsdUnits: 3_0000 });
    expect(stray.holds).toBe(false);
    expect(stray.detail).toContain('but 3 USD left in it');
  });
});
