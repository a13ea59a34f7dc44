/**
 * The dashboard's baseline year in headless Chromium (Debian's, driven by playwright-core): wall time
 * from load to the first day's row on screen, to the first 30 days (what a user first reads) and to
 * the last row, and main-thread long tasks (> 50 ms) at start-up and during the run, read
 * from the app's PerformanceObserver (window.__depinsim.longTasks). Then what a user exploring
 * scenarios waits for: an edit (demand.baseRateJobsPerHour typed in, Enter) to the re-run's first day
 * and first 30 days on screen, the app's 250 ms re-run delay included. Then Monte Carlo: Runs set to
 * 5 on the finished year, to the bands of all five runs on screen, with the long tasks meanwhile.
 * Builds into a temporary folder.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

export interface BrowserResult {
  wallMsLoadToFirstDay: number;
  wallMsLoadToFirstMonth: number;
  wallMsLoadToDone: number;
  wallMsEditToFirstDay: number;
  wallMsEditToFirstMonth: number;
  startup: { count: number; longestMs: number; totalMs: number };
  duringRun: { count: number; longestMs: number; totalMs: number };
  /** Monte Carlo: Runs set to 5 on the finished (edited) year, to the bands of all 5 on screen, and the long tasks meanwhile. */
  wallMsMonteCarlo5: number;
  duringMonteCarlo: { count: number; longestMs: number; totalMs: number };
}

const STARTUP_MS = 2000;

export async function browserBaseline(): Promise<BrowserResult | { skipped: string }> {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(exe)) return { skipped: `no Chromium at ${exe} (apt-get install -y chromium)` };
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'depinsim-bench-'));
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', open: false } });
  const addr = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const t0 = Date.now();
    await page.goto(url);
    const rowsAtLeast = (n: number) =>
      page.waitForFunction((k) => ((globalThis as unknown as { __depinsim?: { rows: number } }).__depinsim?.rows ?? 0) >= k, n, { timeout: 600_000, polling: 20 });
    await rowsAtLeast(1);
    const wallMsLoadToFirstDay = Date.now() - t0;
    await rowsAtLeast(30);
    const wallMsLoadToFirstMonth = Date.now() - t0;
    await page.waitForFunction(() => (globalThis as unknown as { __depinsim?: { status: string } }).__depinsim?.status === 'done', undefined, { timeout: 600_000, polling: 200 });
    const wallMsLoadToDone = Date.now() - t0;
    const lt = await page.evaluate(() => (globalThis as unknown as { __depinsim: { longTasks: { start: number; duration: number }[] } }).__depinsim.longTasks);
    // an edit re-runs from day 0: wait for the new run (a new scenario hash) to show its rows
    const before = await page.evaluate(() => (globalThis as unknown as { __depinsim: { hash: string | null } }).__depinsim.hash);
    const field = page.locator('[data-path="demand.baseRateJobsPerHour"] input.num');
    await field.waitFor({ timeout: 60_000 });
    const current = Number(await field.inputValue());
    const t1 = Date.now();
    await field.fill(String(current + 10));
    await field.press('Enter');
    const newRowsAtLeast = (n: number) =>
      page.waitForFunction(([k, h]) => {
        const d = (globalThis as unknown as { __depinsim: { rows: number; hash: string | null } }).__depinsim;
        return d.hash !== h && d.rows >= (k as number);
      }, [n, before] as const, { timeout: 600_000, polling: 20 });
    await newRowsAtLeast(1);
    const wallMsEditToFirstDay = Date.now() - t1;
    await newRowsAtLeast(30);
    const wallMsEditToFirstMonth = Date.now() - t1;
    // Monte Carlo: four more seeds of the year on the other workers, until the bands of five are drawn
    await page.waitForFunction(() => (globalThis as unknown as { __depinsim: { status: string } }).__depinsim.status === 'done', undefined, { timeout: 600_000, polling: 200 });
    const mcStart = await page.evaluate(() => performance.now());
    const t2 = Date.now();
    await page.selectOption('#runs', '5');
    await page.waitForFunction(() => (globalThis as unknown as { __depinsim: { bandRuns: number } }).__depinsim.bandRuns === 5, undefined, { timeout: 900_000, polling: 200 });
    // and every chart's band drawn (they reach the charts one chart per task)
    await page.waitForFunction(() => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
        return Array.from(doc.querySelectorAll('[data-testid="band-legend"]')).every((e) => e.textContent?.includes('of 5 runs'));
      }, undefined, { timeout: 60_000, polling: 50 });
    const wallMsMonteCarlo5 = Date.now() - t2;
    const ltAll = await page.evaluate(() => (globalThis as unknown as { __depinsim: { longTasks: { start: number; duration: number }[] } }).__depinsim.longTasks);
    const part = (a: typeof lt) => ({
      count: a.length,
      longestMs: Math.round(Math.max(0, ...a.map((t) => t.duration))),
      totalMs: Math.round(a.reduce((s, t) => s + t.duration, 0)),
    });
    return {
      wallMsLoadToFirstDay,
      wallMsLoadToFirstMonth,
      wallMsLoadToDone,
      wallMsEditToFirstDay,
      wallMsEditToFirstMonth,
      startup: part(lt.filter((t) => t.start < STARTUP_MS)),
      duringRun: part(lt.filter((t) => t.start >= STARTUP_MS)),
      wallMsMonteCarlo5,
      duringMonteCarlo: part(ltAll.filter((t) => t.start >= mcStart)),
    };
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
