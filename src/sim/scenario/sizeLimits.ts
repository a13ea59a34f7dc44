/**
 * How large a network the dashboard runs. A browser tab cannot say how much memory it has left (the
 * worker sees no heap figures), and one that runs out dies with its page; reloading it would start
 * the same run again. So the dashboard refuses, with the field's other problems, a network larger
 * than BROWSER_MAX_PROVIDERS, counted as the CLI builds it: the initial providers and the influxes'
 * waves, each times the scale. The CLI has no such limit: it watches Node's heap (cli/memoryGuard.ts).
 *
 * Why 250,000: the providers take about 1 KB each to build and the baseline's network, its demand
 * scaled with it, about 5.5 KB per initial provider by the end of a year (3.3 KB after set-up; a 20,000-
 * provider year: 111 MB live in Node); 250,000 such providers hold about 1.4 GB, inside the 3.7 GB a
 * Chromium tab's heap gets on a 64-bit machine with room for the page and the Monte Carlo workers'
 * runs. 10 million providers (the schema's end of the range) fill Node's default 4 GB heap by 2.9 million.
 */
import type { Scenario } from './schema.ts';
import { validateScenario, type ScenarioIssue, type ValidationResult } from './validate.ts';

export const BROWSER_MAX_PROVIDERS = 250_000;

/** Providers the run builds: the initial ones and every influx's, at the scenario's scale. */
export function providersBuilt(s: Scenario): number {
  let n = Math.round(s.supply.providers * s.scale);
  for (const w of s.supply.influxes ?? []) n += Math.round(w.providers * s.scale);
  return n;
}

/** The dashboard's refusal of a network too large for a browser tab (none when it fits). */
export function browserSizeIssues(s: Scenario): ScenarioIssue[] {
  const n = providersBuilt(s);
  if (n <= BROWSER_MAX_PROVIDERS) return [];
  const f = (x: number) => x.toLocaleString('en-US');
  const influx = (s.supply.influxes ?? []).length > 0 ? ' and the influxes\' waves' : '';
  const path = s.scale > 1 && Math.round(s.supply.providers) <= BROWSER_MAX_PROVIDERS ? 'scale' : 'supply.providers';
  return [
    {
      path,
      message: `the dashboard runs networks of up to ${f(BROWSER_MAX_PROVIDERS)} providers, what a browser tab's memory holds; this one has ${f(n)} (providers${influx} × scale ${s.scale}): run it with the command line (JSON exports the scenario for npx depinsim run scenario.json)`,
    },
  ];
}

/** validateScenario, and then the browser's size limit: the dashboard's and its workers' validation. */
export function validateForBrowser(raw: unknown): ValidationResult {
  const v = validateScenario(raw);
  if (!v.ok) return v;
  const issues = browserSizeIssues(v.scenario);
  return issues.length ? { ok: false, issues } : v;
}
