/**
 * `depinsim run <scenario> --seeds 1-10`: independent replications of one scenario, one per seed,
 * run in parallel on worker threads (one per core), so a researcher gets the spread a single run
 * cannot show. The output is one long CSV: the single-run columns with a `seed` column in front,
 * rows by seed then day; each seed's rows are exactly what `--seed N` writes. stderr gets progress
 * and, at the end, each summary figure's mean across seeds with its 95% confidence interval.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism, freemem } from 'node:os';
import { columnsFor } from '../sim/run.ts';
import { scenarioHash } from '../sim/scenario/hash.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { VERSION } from '../sim/version.ts';
import { meanCi95 } from './confidence.ts';
import { Interrupted } from './errors.ts';
import { checkOutputs, writeOutput } from './outputFiles.ts';
import { timeLeft } from './progress.ts';
import { FIGURES, type WorkerReply } from './replicaMessages.ts';

const BOOT = new URL('./seedWorker.boot.mjs', import.meta.url);
const ENTRY = new URL('./seedWorker.ts', import.meta.url).href;

export const SEED_COLUMN = { name: 'seed', unit: '', description: 'Seed of the run the row belongs to (rows of one seed are what --seed N writes)' };

type Done = Extract<WorkerReply, { type: 'done' }>;

export interface ReplicateFlags {
  out?: string;
  quiet?: boolean;
  /** Worker threads (default: one per core, at most one per seed). */
  threads?: number;
}

/**
 * Peak memory of one run, estimated from the bench's baseline years (148 MB at 1x, 346 MB at 10x,
 * 955 MB at 50x): a base plus a share per unit of scale, rounded up.
 */
export function runMemoryEstimate(scale: number): number {
  return (128 + 18 * scale) * 2 ** 20;
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
  checkOutputs([['--out', f.out]]);
  const cores = availableParallelism();
  const free = freemem();
  const auto = defaultThreads(cores, seeds.length, free, scenario.scale);
  const threads = f.threads !== undefined ? Math.max(1, Math.min(f.threads, seeds.length)) : auto.threads;
  const memoryNote =
    f.threads === undefined && auto.limitedBy === 'memory'
      ? ` (fewer than the ${cores} cores: each holds a run of about ${Math.round(runMemoryEstimate(scenario.scale) / 2 ** 20)} MB and ${Math.round(free / 2 ** 20)} MB are free)`
      : '';
  const say = (m: string) => process.stderr.write(`depinsim: ${m}\n`);
  const H = scenario.horizonDays;
  const started = performance.now();
  const results = new Map<number, Done>();
  const running = new Map<number, { day: number; events: number }>();
  let lastReport = started;

  const report = () => {
    const t = performance.now();
    if (f.quiet || t - lastReport < 2000) return;
    lastReport = t;
    let events = 0;
    let doneShare = results.size;
    for (const r of results.values()) events += r.events;
    for (const r of running.values()) (events += r.events), (doneShare += r.day / H);
    const frac = doneShare / seeds.length;
    const now = [...running].map(([s, r]) => `seed ${s} day ${Math.floor(r.day)}/${H}`).join(', ');
    const secs = (t - started) / 1000;
    say(`${results.size}/${seeds.length} seeds done${now ? ` (running: ${now})` : ''}, ${(events / 1e6).toFixed(1)} M events, ${secs.toFixed(1)} s, ${timeLeft((secs * (1 - frac)) / frac)}`);
  };

  const workers: Worker[] = [];
  const retired = new Set<Worker>();
  await new Promise<void>((resolve, reject) => {
    const queue = [...seeds];
    let settled = false;
    const end = (e?: Error) => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      for (const w of workers) if (!retired.has(w)) retired.add(w), void w.terminate();
      if (e) reject(e);
      else resolve();
    };
    const onSignal = (sig: string) => {
      end(new Interrupted(`${sig} after ${results.size} of ${seeds.length} seeds: nothing written (files already at the output paths are as they were)`));
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    const next = (w: Worker) => {
      const seed = queue.shift();
      if (seed === undefined) {
        retired.add(w);
        void w.terminate();
        return;
      }
      running.set(seed, { day: 0, events: 0 });
      w.postMessage({ seed });
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(BOOT, { workerData: { entry: ENTRY, scenario } });
      workers.push(w);
      w.on('message', (m: WorkerReply) => {
        if (settled) return;
        switch (m.type) {
          case 'progress':
            running.set(m.seed, { day: m.day, events: m.events });
            report();
            break;
          case 'warning':
            say(`seed ${m.seed}: ${m.message}`);
            break;
          case 'done':
            running.delete(m.seed);
            results.set(m.seed, m);
            if (results.size === seeds.length) return end();
            next(w);
            report();
            break;
          case 'failed':
            end(new Error(`seed ${m.seed}: ${m.message}`));
            break;
        }
      });
      w.on('error', (e) => end(new Error(`a worker thread failed: ${e.message}`)));
      w.on('exit', (code) => {
        if (!retired.has(w)) end(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      next(w);
    }
  });

  const secs = (performance.now() - started) / 1000;
  const text = longCsv(seeds, (s) => results.get(s)!.csv);
  const hash = scenarioHash(scenario);
  const sidecar =
    JSON.stringify(
      { depinsim_version: VERSION, scenario: scenario.name, scenario_hash: hash, seeds, days: H, scale: scenario.scale, columns: [SEED_COLUMN, ...columnsFor(scenario)], scenario_resolved: scenario },
      null,
      2,
    ) + '\n';
  if (f.out) writeOutput(f.out, text, sidecar);
  else process.stdout.write(text);
  if (f.quiet) return;
  let events = 0;
  for (const r of results.values()) events += r.events;
  say(
    `${scenario.name}, ${seeds.length} seeds (${seedRanges(seeds)}), ${H} days, hash ${hash}: ${(events / 1e6).toFixed(2)} M events in ${secs.toFixed(1)} s on ${threads} thread${threads > 1 ? 's' : ''}${memoryNote}` +
      (f.out ? `; wrote ${f.out} (with .meta.json)` : ''),
  );
  process.stderr.write(summaryTable(seeds.map((s) => results.get(s)!.figures)));
}

/** The runs' CSVs as one: `seed` in front of each row, one header, rows by seed then day. */
export function longCsv(seeds: readonly number[], csvOf: (seed: number) => string): string {
  const parts: string[] = [];
  seeds.forEach((s, i) => {
    const csv = csvOf(s);
    const nl = csv.indexOf('\n');
    if (i === 0) parts.push(`seed,${csv.slice(0, nl + 1)}`);
    const body = csv.slice(nl + 1);
    if (body === '') return;
    const prefix = `${s},`;
    parts.push(prefix + body.slice(0, -1).replace(/\n/g, `\n${prefix}`) + '\n');
  });
  return parts.join('');
}

/** Each figure's mean across seeds ± the 95% interval's half-width. */
export function summaryTable(perSeed: readonly Record<string, number>[]): string {
  const width = Math.max(...FIGURES.filter((f) => perSeed.some((r) => f.key in r)).map((f) => f.label.length));
  const lines = [`  across seeds: mean ± half-width of the 95% confidence interval (Student's t, n = ${perSeed.length})`];
  for (const fig of FIGURES) {
    if (!perSeed.some((r) => fig.key in r)) continue; // a column this scenario does not have
    const ci = meanCi95(perSeed.map((r) => r[fig.key]));
    const n = ci.n < perSeed.length ? ` (${ci.n} runs with a value)` : '';
    lines.push(`  ${fig.label.padEnd(width)}  ${Number.isNaN(ci.mean) ? 'no value' : fig.format(ci.mean)}${Number.isNaN(ci.half) ? '' : ` ± ${fig.format(ci.half)}`}${n}`);
  }
  return lines.join('\n') + '\n';
}

/** "1-10", "1-3, 7, 9-10": the seeds as short ranges, for messages. */
export function seedRanges(seeds: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < seeds.length; ) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j] + 1) j++;
    out.push(j > i ? `${seeds[i]}-${seeds[j]}` : `${seeds[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}
