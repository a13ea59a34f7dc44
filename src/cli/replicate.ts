/**
 * `depinsim run <scenario> --seeds 1-10`: independent replications of one scenario, one per seed,
 * run in parallel on worker threads (one per core), so a researcher gets the spread a single run
 * cannot show. The output is one long CSV: the single-run columns with a `seed` column in front,
 * rows by seed then day; each seed's rows are exactly what `--seed N` writes. stderr gets progress
 * and, at the end, each summary figure's mean across seeds with its 95% confidence interval.
 */
import { availableParallelism, freemem } from 'node:os';
import { columnsFor } from '../sim/run.ts';
import { runMemoryEstimateMb } from '../sim/runMemory.ts';
import { scenarioHash } from '../sim/scenario/hash.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { VERSION } from '../sim/version.ts';
import { acrossRuns, acrossText, acrossWords, runFigureRecords, summaryRecords } from './acrossRuns.ts';
import { FigureCollector } from './figureCollector.ts';
import { describeSeeds } from '../sim/rng/runSeeds.ts';
import { batchDone, openSinks, runBatchInto } from './batch.ts';
import { BandWriter } from './bands.ts';
import type { BandLevel } from '../sim/metrics/bandLevel.ts';
import { LongCsvOutput } from './longCsv.ts';
import { checkOutputs } from './outputFiles.ts';
import { controlField } from './loadScenario.ts';
import { FIGURES } from './replicaMessages.ts';

export const SEED_COLUMN = { name: 'seed', unit: '', description: 'Seed of the run the row belongs to (rows of one seed are what --seed N writes)' };

export interface ReplicateFlags {
  out?: string;
  quiet?: boolean;
  /** Worker threads (default: one per core, at most one per seed). */
  threads?: number;
  /** Per-period mean and percentiles across the seeds (bands.ts). */
  bands?: string;
  /** The share of runs inside the bands, % (default 80: p10 to p90). */
  bandLevel?: BandLevel;
  /** The control run's name, when the runs are the scenario's control (--control): the sidecars say so. */
  control?: string;
}

/** Peak memory of one run in bytes (the shared estimate, sim/runMemory.ts). */
export function runMemoryEstimate(scale: number): number {
  return runMemoryEstimateMb(scale) * 2 ** 20;
}

/**
 * Threads when the user gives none: one per core and at most one per seed, and no more than the
 * free memory holds runs (each thread holds a whole run: a container may report many cores and
 * little memory). `limitedBy` says which bound chose the number, for the summary line.
 */
export function defaultThreads(cores: number, seeds: number, freeBytes: number, scale: number): { threads: number; limitedBy: 'cores' | 'seeds' | 'memory' } {
  const byMemory = Math.max(1, Math.floor(freeBytes / runMemoryEstimate(scale)));
  const threads = Math.max(1, Math.min(cores, seeds, byMemory));
  return { threads, limitedBy: threads === byMemory && byMemory < Math.min(cores, seeds) ? 'memory' : threads === seeds ? 'seeds' : 'cores' };
}

export async function replicateCommand(scenario: Scenario, seeds: number[], f: ReplicateFlags): Promise<void> {
  checkOutputs([
    ['--out', f.out],
    ['--bands', f.bands],
  ]);
  const { threads, note } = chooseThreads(f.threads, seeds.length, scenario.scale);
  const H = scenario.horizonDays;
  const started = performance.now();
  const hash = scenarioHash(scenario);
  const meta = { depinsim_version: VERSION, scenario: scenario.name, scenario_hash: hash, ...controlField(f.control), seeds, days: H, scale: scenario.scale };
  const runColumns = columnsFor(scenario);
  const collected = new FigureCollector();
  const sinks = openSinks(
    () => collected,
    // the sidecar, once every run is in: with the summary table's figures and each run's, for scripts
    () =>
      new LongCsvOutput(f.out, 'seed', (i) => `${seeds[i]}`, () => ({
        ...meta,
        summary: summaryRecords(collected.figures),
        run_figures: runFigureRecords(collected.figures, (i) => ({ seed: seeds[i] })),
        columns: [SEED_COLUMN, ...runColumns],
        scenario_resolved: scenario,
      })),
    () => (f.bands ? new BandWriter(f.bands, [], runColumns, seeds.length, () => ({ g: 0, prefix: '' }), { ...meta, scenario_resolved: scenario }, f.bandLevel) : null),
  );
  const results = await runBatchInto(
    { scenarios: [scenario], runs: seeds.map((seed) => ({ scenario: 0, seed })), threads, quiet: f.quiet, label: (i) => `seed ${seeds[i]}`, unit: 'seeds' },
    sinks,
  );
  const secs = (performance.now() - started) / 1000;
  if (f.quiet) return;
  process.stderr.write(`depinsim: ${scenario.name}, ${seeds.length} runs (${describeSeeds(seeds)}), ${H} days, hash ${hash}: ${batchDone(results, secs, threads, note, written(f.out, f.bands))}\n`);
  process.stderr.write(summaryTable(results.map((r) => r.figures)));
}

/**
 * The threads for a batch of `runs` runs at this scale: the user's number (at most one per run), or
 * defaultThreads; `note` explains a number that memory chose, for the summary line.
 */
export function chooseThreads(given: number | undefined, runs: number, scale: number): { threads: number; note: string } {
  if (given !== undefined) return { threads: Math.max(1, Math.min(given, runs)), note: '' };
  const cores = availableParallelism();
  const free = freemem();
  const auto = defaultThreads(cores, runs, free, scale);
  const note =
    auto.limitedBy === 'memory'
      ? ` (fewer than the ${cores} cores: each holds a run of about ${Math.round(runMemoryEstimate(scale) / 2 ** 20)} MB and ${Math.round(free / 2 ** 20)} MB are free)`
      : '';
  return { threads: auto.threads, note };
}

/** Each figure across seeds: its mean ± the 95% interval's half-width, or its median and interval (acrossRuns.ts). */
export function summaryTable(perSeed: readonly Record<string, number>[], across = 'across seeds'): string {
  const figs = FIGURES.filter((f) => perSeed.some((r) => f.key in r)); // a column this scenario does not have is left out
  const width = Math.max(...figs.map((f) => f.label.length));
  const lines = [`  ${across} (n = ${perSeed.length}): ${acrossWords(figs)}`];
  for (const fig of figs) {
    const a = acrossRuns(fig, perSeed.map((r) => r[fig.key]));
    const n = a.n < perSeed.length ? ` (${a.n} runs with a value)` : '';
    lines.push(`  ${fig.label.padEnd(width)}  ${acrossText(fig, a)}${n}`);
  }
  return lines.join('\n') + '\n';
}

/** The files a batch wrote, for its summary line: the long CSV, then the bands. */
export function written(out: string | undefined, bands: string | undefined): string[] {
  return [out, bands && `${bands} (bands)`].filter((x): x is string => !!x);
}
