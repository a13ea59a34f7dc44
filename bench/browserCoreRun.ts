/**
 * The core's baseline year in a Web Worker of headless Chromium (Debian's, driven by
 * playwright-core), the JavaScript engine the dashboard runs it in: bench/browserCore.ts bundled
 * by vite (library mode, IIFE) into a temporary folder and started from a blob URL. Three years,
 * each after timing the bare heap loop in the same worker; the median, and each put on the
 * reference scale as the Node figure is (seconds x bare events/s / 10 M).
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { CoreYear } from './browserCore.ts';

export interface BrowserCoreResult {
  events: number;
  seconds: number;
  runs: number[];
  bareEventsPerSecond: number[];
  referenceSeconds: number;
  referenceRuns: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function browserCoreYear(days: number, repeats = 3, referenceBare = 10e6): Promise<BrowserCoreResult | { skipped: string }> {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(exe)) return { skipped: `no Chromium at ${exe} (apt-get install -y chromium)` };
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'depinsim-core-'));
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, minify: true, lib: { entry: join(root, 'bench/browserCore.ts'), formats: ['iife'], name: 'depinsimCore', fileName: () => 'core.js' } },
    });
    const code = `${readFileSync(join(outDir, 'core.js'), 'utf8')}\nonmessage = (e) => postMessage(depinsimCore.measureYear(e.data));`;
    const page = await (await browser.newContext()).newPage();
    const years: CoreYear[] = await page.evaluate(
      async ([src, d, n]) => {
        // the page's Worker (this function runs in Chromium; Node's types have no such global)
        type PageWorker = { onmessage: (e: { data: unknown }) => void; onerror: (e: { message: string }) => void; postMessage(d: unknown): void; terminate(): void };
        const PageWorker = (globalThis as unknown as { Worker: new (url: string) => PageWorker }).Worker;
        const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
        const out: CoreYear[] = [];
        for (let i = 0; i < n; i++) {
          // a fresh worker each time, as the dashboard starts a run in a fresh engine state
          const w = new PageWorker(url);
          out.push(
            await new Promise<CoreYear>((resolve, reject) => {
              w.onmessage = (e) => resolve(e.data as CoreYear);
              w.onerror = (e) => reject(new Error(e.message));
              w.postMessage(d);
            }),
          );
          w.terminate();
        }
        return out;
      },
      [code, days, repeats] as const,
    );
    const runs = years.map((y) => Number(y.seconds.toFixed(2)));
    const referenceRuns = years.map((y) => Number(((y.seconds * y.bareEventsPerSecond) / referenceBare).toFixed(2)));
    return {
      events: years[0].events,
      seconds: median(runs),
      runs,
      bareEventsPerSecond: years.map((y) => Math.round(y.bareEventsPerSecond)),
      referenceSeconds: median(referenceRuns),
      referenceRuns,
    };
  } finally {
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
