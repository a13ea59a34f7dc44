/**
 * The runs kept to compare (Compare scenarios), A first: A is the baseline every chart draws dotted.
 * They survive a reload and travel in share links as references (lib/keptRefs.ts); bringing them
 * back takes each run's numbers from the run store, or simulates it again on a worker of its own
 * (same scenario and seed, same numbers), Monte Carlo seeds included.
 */
import { untrack } from 'svelte';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { validateScenario } from '../../sim/scenario/validate.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { VERSION } from '../../sim/version.ts';
import { bandsOf, type BandView, type RunTable } from '../lib/bands.ts';
import { keepRefusal, MAX_KEPT, runKey, withBaseline, type ComparedRun } from '../lib/compareSet.ts';
import type { KeptRef } from '../lib/keptRefs.ts';
import { RunCache } from '../lib/runCache.ts';
import { supplyCapTokens } from '../lib/scenarioRefs.ts';
import { checkShare } from '../lib/share.ts';
import { RunPool, type PoolJob } from './runPool.svelte.ts';
import type { ProviderReport, RunInfo, TableView } from './pageRun.svelte.ts';

/** A run kept to compare (the first kept is the baseline the charts draw dotted). */
export interface Pinned {
  info: RunInfo;
  table: TableView;
  providers: ProviderReport | null;
  /** Its Monte Carlo runs and bands when it was pinned with two or more finished (else empty and null). */
  runs: RunTable[];
  /** Their seeds (empty without runs). */
  seeds: number[];
  bands: BandView | null;
}

/** A kept run as the comparison reads it. */
export function comparedOf(p: Pick<Pinned, 'info' | 'table' | 'runs' | 'seeds'>): ComparedRun {
  const i = p.info;
  return { hash: i.hash, seed: i.seed, preset: i.preset, scenario: i.scenario, periodHours: i.periodHours, table: p.table, runs: p.runs, seeds: p.seeds };
}

interface Restoring {
  items: { ref: KeptRef; scenario: Scenario }[];
  /** Where the references came from, for the messages: "the last visit" or "the link". */
  origin: string;
}

export class KeptRuns {
  kept = $state.raw<Pinned[]>([]);
  /** References being brought back (their runs restored or simulated by `pool`), or null. */
  restoring = $state.raw<Restoring | null>(null);
  readonly pool: RunPool;

  constructor(
    cache: RunCache,
    /** Called after every change of the kept list (the dashboard persists it). */
    private changed: () => void,
    private say: (kind: 'info' | 'error' | 'success', text: string) => void,
    /** Only columns the charts draw get bands (as for the page's own runs). */
    private bandedColumns: ReadonlySet<string>,
  ) {
    this.pool = new RunPool(cache);
  }

  /** Why `run` cannot be kept (null: it can). */
  refusal(run: ComparedRun): string | null {
    return keepRefusal(this.kept.map(comparedOf), run);
  }

  keep(p: Pinned): void {
    this.kept = [...this.kept, p];
    this.changed();
  }

  clear(): void {
    this.kept = [];
    this.changed();
  }

  drop(i: number): void {
    this.kept = this.kept.filter((_, j) => j !== i);
    this.changed();
  }

  makeBaseline(i: number): void {
    this.kept = withBaseline(this.kept, i);
    this.changed();
  }

  /** The kept runs as references (for storage and links); runs still being brought back come first, as they will. */
  refs(): KeptRef[] {
    const kept: KeptRef[] = this.kept.map((p) => ({
      preset: p.info.preset,
      seed: p.info.seed,
      hash: p.info.hash,
      scenario: p.info.raw,
      ...(p.seeds.length >= 2 ? { seeds: [...p.seeds] } : {}),
    }));
    const pending = this.restoring?.items.map((x) => x.ref) ?? [];
    const keys = new Set(pending.map(runKey));
    return [...pending, ...kept.filter((r) => !keys.has(runKey(r)))].slice(0, MAX_KEPT);
  }

  /**
   * Brings back kept runs from their references: each scenario must validate and reproduce its hash
   * (else it is left out, and the message says why); then their runs come from the run store or
   * are simulated again. `settle` (from an effect) puts them in place once all are there.
   */
  restore(refs: readonly KeptRef[], origin: string): void {
    const items: Restoring['items'] = [];
    const refused: string[] = [];
    for (const ref of refs) {
      const c = checkShare({ v: 1, app: VERSION, preset: ref.preset, seed: ref.seed, hash: ref.hash, scenario: ref.scenario }, validateScenario, scenarioHash, VERSION);
      if (c.ok) items.push({ ref, scenario: c.scenario });
      else refused.push(`${ref.preset}, seed ${ref.seed}: ${c.reason.replace(/\.$/, '')}`);
    }
    if (refused.length) this.say('error', `Left out ${refused.length} run${refused.length === 1 ? '' : 's'} kept to compare from ${origin}: ${refused.join('; ')}.`);
    if (items.length === 0) return;
    const jobs = new Map<string, PoolJob>();
    for (const { ref, scenario } of items) {
      for (const seed of [ref.seed, ...(ref.seeds ?? [])]) {
        const key = RunCache.key(ref.hash, seed);
        // the kept run itself comes back with its provider report (the charts' baseline Lorenz curve); its Monte Carlo seeds need only their tables
        jobs.set(key, { key, raw: ref.scenario, seed, periodHours: scenario.metrics.periodHours, supplyCapTokens: supplyCapTokens(scenario), cacheKey: key, screen: seed === ref.seed || jobs.get(key)?.screen });
      }
    }
    this.restoring = { items, origin };
    this.pool.start([...jobs.values()], Math.max(...items.map((x) => x.scenario.scale)));
  }

  /** Once every run being brought back is there, puts them first in the kept list (A first, as they were). Call from an effect. */
  settle(): void {
    const r = this.restoring;
    if (!r) return;
    const pool = this.pool;
    const error = pool.error;
    const done = pool.tables.size >= pool.jobs.length;
    // what follows writes state: not dependencies of the effect
    if (error || done) untrack(() => this.finish(r, error));
  }

  private finish(r: Restoring, error: string | null): void {
    const pool = this.pool;
    if (error) {
      this.say('error', `The runs kept to compare from ${r.origin} could not be brought back: ${error}.`);
      this.restoring = null;
      pool.cancel();
      return;
    }
    const tables = pool.tables;
    const restored: Pinned[] = r.items.map(({ ref, scenario }) => {
      const key = RunCache.key(ref.hash, ref.seed);
      const seeds = ref.seeds ?? [];
      const runs = seeds.map((s) => tables.get(RunCache.key(ref.hash, s))!);
      const screen = pool.screens.get(key) ?? pool.cache?.get(key)?.screen ?? null;
      const info: RunInfo = {
        runId: 0,
        hash: ref.hash,
        seed: ref.seed,
        horizonHours: scenario.horizonDays * 24,
        periodHours: scenario.metrics.periodHours,
        columns: screen?.columns ?? [],
        scenario,
        raw: ref.scenario,
        preset: ref.preset,
      };
      return { info, table: tables.get(key)!, providers: screen?.providers ?? null, runs, seeds, bands: runs.length >= 2 ? bandsOf(runs, seeds, this.bandedColumns) : null };
    });
    const fromMemory = pool.fromCache;
    const total = pool.jobs.length;
    this.restoring = null;
    pool.cancel();
    // runs kept meanwhile stay, after the restored ones
    const keys = new Set(restored.map((p) => runKey(p.info)));
    this.kept = [...restored, ...this.kept.filter((p) => !keys.has(runKey(p.info)))].slice(0, MAX_KEPT);
    this.changed();
    const how = fromMemory === total ? 'from memory' : fromMemory === 0 ? 'simulated again' : `${fromMemory} of ${total} from memory, the others simulated again`;
    this.say('info', `Brought back ${restored.length} run${restored.length === 1 ? '' : 's'} kept to compare from ${r.origin} (${how}).`);
  }
}
