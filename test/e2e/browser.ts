/**
 * Shared helpers for the browser tests: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), screenshots into test-results/screenshots/.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
export const DOWNLOADS = fileURLToPath(new URL('../../test-results/downloads/', import.meta.url));

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/**
 * Waits until the app is mounted and its window.__depinsim hook is there. The page's load event
 * comes first: the entry starts the simulation worker, then imports the app after a yield.
 */
export async function waitForApp(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __depinsim?: unknown }).__depinsim !== undefined, null, { timeout });
}

/** Waits until the dashboard reports the given status (via its window.__depinsim hook). */
export async function waitForStatus(page: Page, status: string | string[], timeout = 60_000): Promise<void> {
  const want = Array.isArray(status) ? status : [status];
  await page.waitForFunction((w) => w.includes((window as unknown as { __depinsim?: { status: string } }).__depinsim?.status ?? ''), want, { timeout });
}

export async function status(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __depinsim: { status: string } }).__depinsim.status);
}

export async function rows(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __depinsim: { rows: number } }).__depinsim.rows);
}

/** The scenario editor's field for a scenario path, as a selector: '#f-market-spot-share'. */
export const fieldId = (path: string) => `#f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Sets a number field by its scenario path, the way a user types and presses Enter. */
export async function typeField(page: Page, path: string, value: string): Promise<void> {
  const id = fieldId(path);
  await page.locator(id).fill(value);
  await page.locator(id).press('Enter');
}

/** axe-core's serious and critical violations on the page as it is now (all of them are logged). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: requireFromHere.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  if (result.length) console.log('[e2e] axe violations:', JSON.stringify(result, null, 1));
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
