/**
 * What a batch of runs started from a panel shares (the sensitivity chart's, one at a time or all at
 * once): its own run pool (from the session's cache where it can; each run's table kept to the
 * columns the KPI figures read, lib/kpiColumns.ts), the plan it runs, why it did not start, and how
 * far it has got.
 */
import { validateScenario } from '../../sim/scenario/validate.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { RunCache } from '../lib/runCache.ts';
import { tooLargeForPage } from '../lib/batchMemory.ts';
import { RunPool } from './runPool.svelte.ts';
import { KPI_COLUMNS } from '../lib/kpiColumns.ts';

export abstract class PoolTask<P> {
  readonly pool = new RunPool(null, KPI_COLUMNS);
  plan = $state.raw<P | null>(null);
  error = $state<string | null>(null);
  done = $derived(this.pool.tables.size);
  total = $derived(this.pool.jobs.length);

  constructor(cache: RunCache | null = null) {
    this.pool.cache = cache;
  }

  /** The page's scenario, validated; null, with the reason in `error`, when it is not valid. */
  protected pageScenario(baseRaw: unknown): Scenario | null {
    this.error = null;
    const base = validateScenario(baseRaw);
    if (base.ok) return base.scenario;
    this.error = `the page's scenario is not valid: ${base.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    return null;
  }

  /** Whether the batch's finished tables fit the page (lib/batchMemory.ts); false, with the reason in `error`, when not. */
  protected fitsInPage(runs: number, page: Scenario, fewer: string): boolean {
    this.error = tooLargeForPage(runs, page, KPI_COLUMNS.length, fewer);
    return this.error === null;
  }

  cancel(): void {
    this.pool.cancel();
    this.plan = null;
  }
}
