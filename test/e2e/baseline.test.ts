/**
 * The first screen in real headless Chromium: the baseline opens and runs to the end on its own,
 * every chart whose columns the core produces has drawn data, the main thread stays responsive
 * (long tasks measured and saved), and axe-core finds no serious accessibility violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { launch, newPage, seriousAxeViolations, shot, waitForStatus, SCREENSHOTS } from './browser.ts';

const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await newPage(browser));
});
afterAll(async () => {
  await browser?.close();
});

describe('baseline on first load', () => {
  it('opens on the baseline and runs to the end by itself; every available chart draws data', async () => {
    const t0 = Date.now();
    await page.goto(baseUrl);
    await expect.poll(() => page.locator('#preset').inputValue()).toBe('baseline');
    await page.waitForTimeout(1500);
    await shot(page, '01-baseline-running', false);
    // While the run goes, the progress readout changes with the charts (about every 150 ms), not at
    // every batch the worker sends: a change per batch made the page lay out and paint at every
    // frame, drawing CPU from the worker that runs the simulation. Charts out of view follow at a
    // slow pace (every few seconds), so the main thread redraws often only what can be seen.
    await page.waitForFunction(() => ((window as unknown as { __depinsim?: { rows: number } }).__depinsim?.rows ?? 0) >= 10, null, { timeout: 60_000, polling: 50 });
    const readout = await page.evaluate(
      () =>
        new Promise<{ changes: number; ms: number; charts: { id: string; top: number; changes: number }[] }>((resolve) => {
          const hook = (window as unknown as { __depinsim: { status: string } }).__depinsim;
          const what = { subtree: true, childList: true, characterData: true, attributes: true };
          let changes = 0;
          const t0 = performance.now();
          const mo = new MutationObserver(() => changes++);
          mo.observe(document.querySelector('.readout')!, what);
          const figs = [...document.querySelectorAll<HTMLElement>('figure.chart')];
          const counts = figs.map(() => 0);
          const chartObservers = figs.map((f, i) => {
            const o = new MutationObserver(() => counts[i]++);
            o.observe(f, what);
            return o;
          });
          const iv = setInterval(() => {
            if (hook.status !== 'running' || performance.now() - t0 > 3000) {
              clearInterval(iv);
              mo.disconnect();
              chartObservers.forEach((o) => o.disconnect());
              // (the page takes a chart as in view up to 120 px below the viewport: the band between is neither here)
              const charts = figs.map((f, i) => ({ id: f.dataset.chart ?? '?', top: f.getBoundingClientRect().top - innerHeight, changes: counts[i] }));
              resolve({ changes, ms: performance.now() - t0, charts });
            }
          }, 50);
        }),
    );
    expect(readout.ms).toBeGreaterThan(1000);
    expect(readout.changes, 'the readout should keep moving while the run goes').toBeGreaterThan(2);
    expect(readout.changes / (readout.ms / 1000), 'readout changes per second while running').toBeLessThanOrEqual(10);
    const inView = readout.charts.filter((c) => c.top < 0);
    const outOfView = readout.charts.filter((c) => c.top > 200 && c.id !== 'provider-distribution'); // drawn when the run ends
    expect(inView.length).toBeGreaterThan(0);
    expect(outOfView.length).toBeGreaterThan(5);
    for (const c of inView) expect(c.changes, `chart ${c.id} in view should follow the run`).toBeGreaterThan(2);
    for (const c of outOfView) expect(c.changes, `chart ${c.id} out of view should redraw only every few seconds`).toBeLessThanOrEqual(3);
    // the readout says how long the run has left, at its recent pace, while it goes; not once it is done
    await expect.poll(() => page.getByTestId('run-time-left').textContent({ timeout: 500 }).catch(() => ''), { timeout: 20_000, interval: 100 }).toMatch(/^· about \d+ (s|min) left$/);
    await waitForStatus(page, 'done', 110_000);
    expect(await page.getByTestId('run-time-left').count()).toBe(0);
    const wallMs = Date.now() - t0;
    await page.waitForTimeout(300);
    await shot(page, '02-baseline-done-viewport', false);

    const info = await page.evaluate(() => {
      const d = (window as unknown as { __depinsim: { rows: number; day: number; longTasks: { start: number; duration: number }[]; hash: string } }).__depinsim;
      return { rows: d.rows, day: d.day, longTasks: d.longTasks, hash: d.hash };
    });
    expect(info.day).toBe(365);
    expect(info.rows).toBe(365);
    expect(await page.getByTestId('sim-day').textContent()).toBe('365');

    // The per-provider report is fetched when the run finishes.
    await page.waitForFunction(() => {
      const f = document.querySelector('figure[data-chart="provider-distribution"]');
      return !!f && (f.getAttribute('data-available') === 'yes' || !(f.textContent ?? '').includes('Shown when'));
    });
    await page.waitForTimeout(200);
    await shot(page, '03-baseline-done-full');
    // Every chart is either drawn (paths with data, or bars) or says plainly that its columns are
    // not produced yet; a chart with its columns present must never be blank.
    const charts = await page.locator('figure.chart').evaluateAll((figs) =>
      figs.map((f) => ({
        id: f.getAttribute('data-chart'),
        available: f.getAttribute('data-available'),
        drawn: [...f.querySelectorAll('path[data-series]')].filter((p) => (p.getAttribute('d') ?? '').length > 50).length,
        pendingText: f.querySelector('.pending')?.textContent ?? '',
      })),
    );
    expect(charts.length).toBe(24);
    for (const c of charts) {
      if (c.available === 'yes') expect(c.drawn, `chart ${c.id} has no drawn data`).toBeGreaterThan(0);
      else expect(c.pendingText).toContain('Not available yet');
    }
    // The market charts exist in the core today; they must be drawn.
    for (const id of ['supply-demand', 'utilization', 'prices', 'types-utilization', 'types-profit', 'regions-utilization', 'regions-price']) {
      expect(charts.find((c) => c.id === id)?.available).toBe('yes');
    }
    // the tier charts say why their first weeks move (asks start at list price), the others say nothing
    for (const id of ['utilization', 'prices']) await expect.poll(() => page.locator(`figure[data-chart="${id}"] [data-testid="chart-note"]`).textContent()).toContain('Asks start at list price and move 3% a day');
    expect(await page.locator('[data-testid="chart-note"]').count()).toBe(2);
    // When the core has the economy, every chart lights up, including the provider distribution.
    const eco = await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('token_price_usd').length);
    if (eco > 0) {
      const unavailable = charts.filter((c) => c.available !== 'yes').map((c) => c.id);
      expect(unavailable).toEqual([]);
    }

    // The run in short: the cards' own numbers, in sentences
    const summary = (await page.getByTestId('run-summary').textContent()) ?? '';
    expect(summary).toMatch(/^Over the 365 days of the run: GPUs were busy /);
    for (const id of ['utilization', 'failures']) {
      const v = ((await page.locator(`[data-kpi="${id}"] .value`).textContent()) ?? '').trim();
      expect(summary, id).toContain(`${v} of`);
    }
    expect(summary).toMatch(/Providers earned \$[\d.]+ per GPU-hour served/);

    // The model checks: all hold on the year; Little's law's order-hours are the queue column's own (time-average x hours),
    // the GPU-hours served and the GMV the gpu_hours_served and gmv_usd columns' own
    const checks = page.getByTestId('model-checks');
    await expect.poll(() => checks.getByTestId('checks-verdict').textContent()).toContain('all 8 hold');
    await checks.locator('summary').click();
    const queueCol = await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('queue_len_mean'));
    const queueH = queueCol.reduce((s, q) => s + q * 24, 0).toLocaleString('en-US', { maximumFractionDigits: 1 });
    expect(await checks.locator('[data-check="little"]').textContent()).toContain(`× hours: ${queueH} order-hours; hours every order waited: ${queueH} order-hours; equal to`);
    expect(await checks.locator('[data-check="supply"]').textContent()).toMatch(/genesis 500,000,000 \+ minted [\d,.]+ − burned [\d,.]+ = ([\d,.]+) tokens; supply at the end: \1 tokens; exact/);
    const servedCol = await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('gpu_hours_served'));
    const servedH = servedCol.reduce((s, h) => s + h, 0).toLocaleString('en-US', { maximumFractionDigits: 1 });
    expect(await checks.locator('[data-check="served"]').textContent()).toMatch(new RegExp(`gpu_hours_served over all periods: ${servedH} GPU-h; .* = ${servedH} GPU-h; equal to`));
    expect(await checks.locator('[data-check="escrow"]').textContent()).toMatch(/the escrow account holds ([\d,.]+) USD; the [\d,]+ live leases' deposits less what they paid out: \1 USD; exact/);
    const gmvCol = await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('gmv_usd'));
    const gmvUsd = gmvCol.reduce((s, v) => s + v, 0).toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(await checks.locator('[data-check="gmv"]').textContent()).toContain(`gmv_usd over all periods: $${gmvUsd};`);
    // every order placed ended once, in one of the CSV's outcome columns, or is still live (0.20.0)
    const expiredCol = await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('jobs_expired'));
    const expired = expiredCol.reduce((s, v) => s + v, 0).toLocaleString('en-US');
    expect(await checks.locator('[data-check="orders"]').textContent()).toMatch(new RegExp(`orders placed: .*, ${expired} expired \\(jobs_expired\\), .*; every count exact`));
    expect(await checks.locator('li').count()).toBe(8);
    await checks.locator('summary').click();

    // Providers by type: every type of the baseline, and those still in add up to the CSV's providers_active on the last day
    const types = page.getByTestId('archetype-table');
    await expect.poll(() => types.locator('tbody tr').count(), { timeout: 10_000 }).toBe(4);
    const inNow = (await types.locator('td[data-col="providers"]').allTextContents()).map((t) => Number(t.split('/')[0].replace(/[^\d]/g, '')));
    const activeCol = await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('providers_active'));
    expect(inNow.reduce((a, b) => a + b, 0)).toBe(activeCol[activeCol.length - 1]);

    // Providers by region, from the per-provider report: the four regions, and the same total in
    const regions = page.getByTestId('region-table');
    await expect.poll(() => regions.locator('tbody tr').count(), { timeout: 10_000 }).toBe(4);
    expect(await regions.locator('tbody th').allTextContents()).toEqual(['North America', 'Europe', 'Asia', 'elsewhere']);
    const inByRegion = (await regions.locator('td[data-col="providers"]').allTextContents()).map((t) => Number(t.split('/')[0].replace(/[^\d]/g, '')));
    expect(inByRegion.reduce((a, b) => a + b, 0)).toBe(activeCol[activeCol.length - 1]);
    expect(await regions.locator('td[data-col="energy"]').first().textContent()).toMatch(/^\$[\d,.]+/);

    // The payback line starts near 1,500 months in the first weeks (little history yet): the right
    // axis stops at 120 months and says so, so the 12- and 24-month thresholds stay apart instead of
    // sharing one pixel row at the bottom.
    const economics = page.locator('figure[data-chart="provider-economics"]');
    expect(Math.max(...(await page.evaluate(() => (window as unknown as { __depinsim: { column(n: string): number[] } }).__depinsim.column('payback_months_median'))).filter(Number.isFinite))).toBeGreaterThan(120);
    expect(await economics.locator('svg text', { hasText: 'months, cut at 120' }).count()).toBe(1);
    const thresholdYs = await economics.locator('line[data-ref-line="right"]').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('y1'))));
    expect(thresholdYs).toHaveLength(2);
    expect(Math.abs(thresholdYs[0] - thresholdYs[1]), 'px between the 12- and 24-month lines').toBeGreaterThan(15);

    // Long tasks (> 50 ms) on the main thread: start-up (parsing, first render, the first rows)
    // is reported apart from the rest of the run, which is what "responsive while running" means.
    const lt = info.longTasks;
    const STARTUP_MS = 2000;
    const during = lt.filter((t) => t.start >= STARTUP_MS);
    const startup = lt.filter((t) => t.start < STARTUP_MS);
    const sum = (a: typeof lt) => Math.round(a.reduce((s, t) => s + t.duration, 0));
    const longest = (a: typeof lt) => Math.round(Math.max(0, ...a.map((t) => t.duration)));
    const perf = {
      wallMsLoadToDone: wallMs,
      longTasks: lt.length,
      longTaskTotalMs: sum(lt),
      startup: { count: startup.length, totalMs: sum(startup), longestMs: longest(startup) },
      duringRun: { count: during.length, totalMs: sum(during), longestMs: longest(during) },
      tasks: lt.map((t) => ({ startMs: Math.round(t.start), durationMs: Math.round(t.duration) })),
    };
    writeFileSync(`${SCREENSHOTS}../perf-baseline.json`, JSON.stringify(perf, null, 2) + '\n');
    console.log(
      `[e2e] baseline 365 d: ${wallMs} ms load-to-done; main-thread long tasks: start-up ${perf.startup.count} (${perf.startup.totalMs} ms, longest ${perf.startup.longestMs} ms), ` +
        `during the run ${perf.duringRun.count} (${perf.duringRun.totalMs} ms, longest ${perf.duringRun.longestMs} ms)`,
    );
    // Responsiveness while the run streams, as the share of the time the main thread is blocked
    // (each long task's time beyond 50 ms, the "total blocking time", over the run's wall time),
    // and no freeze of a second. A fixed limit on the longest task (300 ms until 0.3.1) measured the
    // machine's phase as much as the app: on the same code it read 163 to 397 ms. Here this code
    // blocks 3-7% of the run (the slow phases at the top); charts redrawing together at every
    // publish, the regression we once had, measured 8.6-8.8% with tasks up to 360 ms, which the
    // bench's long-task figures (npm run bench) are there to track. This guards against the page
    // freezing, or being blocked for a large share of the run.
    const runMs = Math.max(1, wallMs - STARTUP_MS);
    const blockedShare = during.reduce((a, t) => a + Math.max(0, t.duration - 50), 0) / runMs;
    console.log(`[e2e] main thread blocked ${(100 * blockedShare).toFixed(1)}% of the run after start-up`);
    expect(blockedShare).toBeLessThan(0.12);
    expect(perf.duringRun.longestMs).toBeLessThan(1000);
    expect(perf.startup.longestMs).toBeLessThan(1500);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical axe-core violations on the first screen', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('fits a 1280 px laptop screen without horizontal scrolling', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('on a 390 px phone: no horizontal scrolling, every button in reach, the results before the parameters', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const share = (await page.locator('[data-action="share"], button:has-text("Share")').first().boundingBox())!;
      expect(share.x + share.width).toBeLessThanOrEqual(390);
      const cards = (await page.locator('[data-kpi="utilization"]').boundingBox())!;
      const params = (await page.locator('.side').boundingBox())!;
      expect(cards.y).toBeLessThan(params.y);
      await shot(page, '04-phone', false);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
