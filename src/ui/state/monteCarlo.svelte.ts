/**
 * The Monte Carlo runs of the page's scenario: beside the page's own run, the seeds derived from its
 * seed (runSeeds) run on workers of their own (the run pool: from the session's cache where they
 * can). Holds the runs finished so far, their percentile bands at the page's band level, one run
 * picked from the spread, and the progress. With one run asked for (the seed alone) there are none.
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { BandLevel } from '../../sim/metrics/bandLevel.ts';
import { runSeeds } from '../../sim/rng/runSeeds.ts';
import { bandsOf, type BandView, type RunTable } from '../lib/bands.ts';
import { CHARTS } from '../lib/chartDefs/charts.ts';
import { viewLineColumns } from '../lib/chartViews.ts';
import { RunCache } from '../lib/runCache.ts';
import { supplyCapTokens } from '../lib/scenarioRefs.ts';
import type { RunInfo, TableView, UiStatus } from './pageRun.svelte.ts';
import { RunPool } from './runPool.svelte.ts';

/** The columns the charts draw as lines: the only ones that get Monte Carlo bands (a year of 50 runs sorts less). */
export const BANDED_COLUMNS: ReadonlySet<string> = new Set([...CHARTS.flatMap((c) => c.series.filter((s) => (s.type ?? 'line') === 'line').map((s) => s.column)), ...viewLineColumns(CHARTS)]);

/** What the Monte Carlo runs read of the dashboard (the dashboard is one). */
export interface MonteCarloHost {
  /** Monte Carlo runs asked for, the page's own included. */
  readonly runs: number;
  readonly bandLevel: BandLevel;
  /** The run on screen: one of the runs once it is done. */
  readonly info: RunInfo | null;
  readonly status: UiStatus;
  readonly tableSlow: TableView;
}

export class MonteCarlo {
  /** The Monte Carlo runs beyond the main one (the seeds derived from the page's, runSeeds), keyed by seed. */
  readonly pool: RunPool;

  constructor(
    cache: RunCache,
    private host: MonteCarloHost,
  ) {
    this.pool = new RunPool(cache);
  }

  /** The Monte Carlo runs finished so far: the main run once done, and the ensemble's, with their seeds. */
  finished = $derived.by((): { seeds: number[]; tables: RunTable[] } => {
    const h = this.host;
    const seeds: number[] = [];
    const tables: RunTable[] = [];
    if (h.runs < 2 || !h.info) return { seeds, tables };
    if (h.status === 'done') {
      seeds.push(h.info.seed);
      tables.push(h.tableSlow);
    }
    const done = this.pool.tables;
    for (const j of this.pool.jobs) {
      const t = done.get(j.key);
      if (t) seeds.push(j.seed), tables.push(t);
    }
    return { seeds, tables };
  });
  /**
   * One Monte Carlo run picked from the spread (the dots of the exceedance rules), drawn as thin lines on
   * every chart beside the page's run so an outlier can be looked at day by day. Only a run that is
   * part of the current set counts: a new scenario or fewer runs drop the pick by themselves.
   */
  pickedSeed = $state<number | null>(null);
  picked = $derived.by((): { seed: number; table: RunTable; isPageRun: boolean } | null => {
    const i = this.pickedSeed === null ? -1 : this.finished.seeds.indexOf(this.pickedSeed);
    if (i < 0) return null;
    return { seed: this.finished.seeds[i], table: this.finished.tables[i], isPageRun: this.finished.seeds[i] === this.host.info?.seed };
  });
  /** Percentile bands over those runs (two at least). */
  bands = $derived.by((): BandView | null => (this.finished.tables.length >= 2 ? bandsOf(this.finished.tables, this.finished.seeds, BANDED_COLUMNS, this.host.bandLevel) : null));
  /** Monte Carlo progress: runs finished of those asked (the main run counts once it is done). */
  // ($derived.by, like the others: the host is set in the constructor, after the fields)
  progress = $derived.by(() => ({ done: (this.host.status === 'done' ? 1 : 0) + this.pool.tables.size, total: this.host.runs }));

  /** The Monte Carlo runs of the current scenario: the seeds derived from the page's (runSeeds; none when runs is 1). */
  start(raw: unknown, seed: number, periodHours: number, scenario: Scenario, hash: string): void {
    if (this.host.runs < 2) return this.pool.cancel();
    const supplyCap = supplyCapTokens(scenario);
    const jobs = runSeeds(seed, this.host.runs)
      .slice(1)
      .map((s) => ({ key: `seed ${s}`, raw, seed: s, periodHours, supplyCapTokens: supplyCap, cacheKey: RunCache.key(hash, s) }));
    this.pool.start(jobs, scenario.scale);
  }
}
