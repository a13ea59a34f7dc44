/** `depinsim run`: runs a scenario headless and writes the CSVs with their provenance sidecars. */
import { bmeOutcome } from '../sim/metrics/bmeOutcome.ts';
import { mmcOf } from '../sim/scenario/queueTheory.ts';
import { theoryLine } from './theoryLine.ts';
import { economyLine } from './economyLine.ts';
import { HeapWatch, setupProgress } from './memoryGuard.ts';
import { DiskWatch } from './diskWatch.ts';
import { RunSlices } from './runSlices.ts';
import { MAX_SEEDS, parseSeeds } from './seedList.ts';
import { runSeeds } from '../sim/rng/runSeeds.ts';
import { replicateCommand } from './replicate.ts';
import { planSweep, sweepCommand } from './sweep.ts';
import { checkCrossAxes, parseCross, refuseCrossWithoutSweep } from './crossSpec.ts';
import { MAX_SWEEP_RUNS, parseSweep } from './sweepSpec.ts';
import { parseSample } from './sampleSpec.ts';
import { samplePoints, sobolPoints, type SampleRange } from '../sim/metrics/sampleDesign.ts';
import { SOBOL_MIN_ROWS } from '../sim/metrics/sobolIndices.ts';
import { sobolRowsNote } from './sobolTable.ts';
import { SOBOL_MAX_DIMS } from '../sim/rng/sobolSequence.ts';
import { MAX_BAND_SEEDS } from './bands.ts';
import { BAND_LEVELS, isBandLevel, type BandLevel } from '../sim/metrics/bandLevel.ts';
import { money, runFigures } from './replicaMessages.ts';
import { RecentPace } from '../common/pace.ts';
import { progressLine } from './progress.ts';
import { marketDryNotice } from '../sim/metrics/marketDryNotice.ts';
import { incentiveOutcome, type IncentiveOutcome } from '../sim/metrics/incentiveOutcome.ts';
import { spotOutcome } from '../sim/metrics/spotOutcome.ts';
import { formatWait } from '../sim/metrics/kindWaits.ts';
import { formatWhoWaited, whoWaited } from '../sim/metrics/whoWaited.ts';
import { reservedOutcome } from '../sim/metrics/reservedOutcome.ts';
import { checkOutputs, stageOutput, writeOutput, type StagedOutput } from './outputFiles.ts';
import { createRun } from '../sim/run.ts';
import { TokenOutOfRange } from '../sim/economy/tokenOutOfRange.ts';
import { tableToCsv, formatCsvNumber } from '../sim/metrics/csv.ts';
import { CsvBytes } from '../sim/metrics/csvBytes.ts';
import { LEASE_COLUMNS, writeLeaseRow, type LeaseRow } from '../sim/model/leaseRow.ts';
import { PROVIDER_COLUMNS, providerRows, providerRowsToCsv } from '../sim/economy/providerReport.ts';
import { controlField, controlSpecs, loadRaw, loadScenario } from './loadScenario.ts';
import { CliError, EXIT, Interrupted } from './errors.ts';
import { intFlag, sizeSets } from './commandFlags.ts';
import { brokenChecks, checksLine } from './checksLine.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { SetupStage } from '../sim/model/marketModel.ts';

export interface RunFlags {
  seed?: string;
  days?: string;
  scale?: string;
  set?: string[];
  out?: string;
  leases?: string;
  providers?: string;
  quiet?: boolean;
  /** Run the scenario's control (its `control.set` edits, before any --set) instead of the scenario. */
  control?: boolean;
  /** Several runs, one per seed (replicate.ts), on this many threads. */
  seeds?: string;
  /** Several runs: --seed S and N - 1 seeds derived from it (runSeeds.ts), the dashboard's Monte Carlo runs. */
  runs?: string;
  threads?: string;
  /** A parameter grid (sweep.ts): one `path=values` per swept field. */
  sweep?: string[];
  /** With a one-parameter --sweep: where a summary figure's mean crosses a value (crossSpec.ts). */
  cross?: string[];
  /** Uncertain parameters (sampleSpec.ts): one `path=low:high` each, drawn for each of the --runs. */
  sample?: string[];
  /** With --sample: variance-based indices from Saltelli's design of this many rows (sobolIndices.ts), in place of --runs. */
  sobol?: string;
  /** With --seeds: per period, each column's mean and percentiles across the seeds (bands.ts). */
  bands?: string;
  /** With --bands: the share of runs inside the bands, % (50, 80, 90 or 95; default 80). */
  'band-level'?: string;
}

/**
 * `--control`: the scenario's control run as --set overrides (path=JSON value), applied before the
 * command line's own --set, so those still change the control as they would the scenario.
 */
function controlRun(arg: string, quiet: boolean | undefined): { name: string; sets: string[] } {
  const { raw, source } = loadRaw(arg);
  const control = (raw as { control?: { name?: unknown; set?: unknown } }).control;
  if (!control || typeof control.set !== 'object' || control.set === null) throw new CliError(`--control: ${source} names no control run (a "control": { "name", "set" } field)`);
  if (!quiet) process.stderr.write(`control run of ${source}: ${String(control.name)}\n`);
  return { name: String(control.name), sets: controlSpecs(control.set as Record<string, unknown>) };
}

/** `--band-level L`: one of BAND_LEVELS, undefined when not given (BandWriter then uses the default). */
function bandLevelFlag(v: string | undefined): BandLevel | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? NaN : Number(v);
  if (!isBandLevel(n)) throw new CliError(`--band-level: expected one of ${BAND_LEVELS.join(', ')} (% of runs inside the band), got '${v}'`);
  return n;
}

const SAMPLE_OR_SWEEP = '--sample and --sweep: give one (--sweep runs a grid of values, --sample draws each run\'s values from ranges)';

/**
 * The flags with the seed a dashboard export or a CLI sidecar records, when none is given (--seed or
 * --seeds): running what the dashboard saved is its run, as opening a sidecar in the dashboard is
 * the CLI's. Said on stderr, since the default would otherwise be 1.
 */
function withSavedSeed(arg: string, f: RunFlags): RunFlags {
  if (f.seed !== undefined || f.seeds !== undefined) return f;
  const { seed, source } = loadRaw(arg);
  if (seed === null) return f;
  if (!f.quiet) process.stderr.write(`depinsim: seed ${seed}, as ${source} records it (--seed to run another)\n`);
  return { ...f, seed: String(seed) };
}

/** --sample's ranges (with --runs or --sobol), refused with what a sampled batch cannot do: a sweep, one run's files, a size also sampled. */
function sampledRanges(f: RunFlags): SampleRange[] {
  if (f.sweep?.length) throw new CliError(SAMPLE_OR_SWEEP);
  for (const [flag, v] of [['--leases', f.leases], ['--providers', f.providers]] as const) {
    if (v !== undefined) throw new CliError(`${flag} writes one run's results: it cannot be combined with --sample (run that point alone with --set)`);
  }
  const ranges = (f.sample ?? []).map(parseSample);
  for (const [flag, v, path] of [['--days', f.days, 'horizonDays'], ['--scale', f.scale, 'scale']] as const) {
    if (v !== undefined && ranges.some((r) => r.path === path)) throw new CliError(`${flag} and --sample ${path} set the same field: keep one`);
  }
  return ranges;
}

export async function runCommand(arg: string, given: RunFlags): Promise<number> {
  const f = withSavedSeed(arg, given);
  const ctl = f.control ? controlRun(arg, f.quiet) : null;
  const sets = [...(ctl?.sets ?? []), ...(f.set ?? [])];
  // the sidecars of a control run say so: the resolved scenario keeps the scenario's name
  const control = ctl?.name;
  sets.push(...sizeSets(f));
  refuseCrossWithoutSweep(f.cross, f.sweep);
  if (f.runs !== undefined && f.seeds !== undefined) throw new CliError('--runs and --seeds: give one (--seed S --runs N runs seed S and N - 1 seeds derived from it; --seeds lists the seeds)');
  // the seeds of several runs: listed (--seeds), or a batch from one seed as the dashboard's Monte Carlo runs (--runs)
  const batch = f.runs !== undefined ? runSeeds(intFlag('seed', f.seed, 1, 0, 2 ** 32 - 1), intFlag('runs', f.runs, 2, 2, MAX_SEEDS)) : f.seeds !== undefined ? parseSeeds(f.seeds) : null;
  if (f.bands !== undefined && !batch && f.sobol === undefined) throw new CliError('--bands gives percentiles across seeds: it needs --runs, --seeds or --sobol (e.g. --runs 20)');
  const bandLevel = bandLevelFlag(f['band-level']);
  if (bandLevel !== undefined && f.bands === undefined) throw new CliError('--band-level sets the share of runs inside the bands of --bands: it needs --bands (e.g. --runs 20 --bands bands.csv --band-level 90)');
  const bandSeeds = (seeds: number[]) => {
    if (f.bands !== undefined && seeds.length > MAX_BAND_SEEDS) throw new CliError(`--bands holds each point's values until its last seed is in: at most ${MAX_BAND_SEEDS} seeds, got ${seeds.length}`);
    return seeds;
  };
  if (f.sobol !== undefined) {
    if (!f.sample?.length) throw new CliError('--sobol N estimates how much of each figure\'s variance the --sample parameters explain: give them (e.g. --sample demand.baseRateJobsPerHour=90:150 --sample market.weights.price=0:2 --sobol 32)');
    for (const [flag, v] of [['--runs', f.runs], ['--seeds', f.seeds]] as const) {
      if (v !== undefined) throw new CliError(`--sobol N sets the runs itself (N rows x (parameters + 3), each row on seeds derived from --seed): drop ${flag}`);
    }
  }
  if (f.sample?.length && f.sobol !== undefined) {
    const ranges = sampledRanges(f);
    if (ranges.length > SOBOL_MAX_DIMS / 2) throw new CliError(`--sobol takes at most ${SOBOL_MAX_DIMS / 2} --sample parameters (its Sobol sequence has ${SOBOL_MAX_DIMS} dimensions, two per parameter), got ${ranges.length}`);
    const rows = intFlag('sobol', f.sobol, 2, SOBOL_MIN_ROWS, Math.floor(MAX_SWEEP_RUNS / (ranges.length + 3)));
    const uneven = sobolRowsNote(rows);
    if (uneven && !f.quiet) process.stderr.write(`depinsim: note: ${uneven}\n`);
    const seed = intFlag('seed', f.seed, 1, 0, 2 ** 32 - 1);
    // row j's seed (the first N of --runs 2N's) for its A, B and AB points, and its replicate R's (the next N)
    const seedsOf = runSeeds(seed, 2 * rows);
    const { points, roles } = sobolPoints(ranges, rows, seed);
    const axes = ranges.map((r, d) => ({ path: r.path, values: points.map((p) => p[d]) }));
    const threads = f.threads === undefined ? undefined : intFlag('threads', f.threads, 1, 1, 256);
    await sweepCommand(planSweep(arg, sets, axes, 1, points), bandSeeds(roles.map((r) => seedsOf[r.matrix === 'R' ? rows + r.row : r.row])), { out: f.out, bands: f.bands, bandLevel, quiet: f.quiet, threads, control }, ranges, { roles, rows, seed });
    return EXIT.ok;
  }
  if (f.sample?.length) {
    if (f.sweep?.length) throw new CliError(SAMPLE_OR_SWEEP);
    if (!batch) throw new CliError('--sample draws a point for each run: give how many with --runs N (e.g. --sample demand.baseRateJobsPerHour=100:140 --runs 20)');
    if (f.seed !== undefined && f.seeds !== undefined) throw new CliError('--seed and --seeds: give one (--seed S --runs N, or --seeds listing each run\'s seed)');
    const ranges = sampledRanges(f);
    const seeds = bandSeeds(batch);
    const points = samplePoints(ranges, seeds.length, seeds[0]);
    const axes = ranges.map((r, d) => ({ path: r.path, values: points.map((p) => p[d]) }));
    const threads = f.threads === undefined ? undefined : intFlag('threads', f.threads, 1, 1, 256);
    await sweepCommand(planSweep(arg, sets, axes, 1, points), seeds, { out: f.out, bands: f.bands, bandLevel, quiet: f.quiet, threads, control }, ranges);
    return EXIT.ok;
  }
  if (f.sweep?.length) {
    // A sweep's per-run leases or providers would need a file per run; one long time series is the product.
    for (const [flag, v] of [['--leases', f.leases], ['--providers', f.providers]] as const) {
      if (v !== undefined) throw new CliError(`${flag} writes one run's results: it cannot be combined with --sweep (run that point alone with --set)`);
    }
    if (f.seed !== undefined && f.seeds !== undefined) throw new CliError('--seed and --seeds: give one (--seed N runs each point once, --seeds a-b each point per seed)');
    const seeds = batch ? bandSeeds(batch) : [intFlag('seed', f.seed, 1, 0, 2 ** 32 - 1)];
    const axes = f.sweep.map(parseSweep);
    for (const [flag, v, path] of [['--days', f.days, 'horizonDays'], ['--scale', f.scale, 'scale']] as const) {
      if (v !== undefined && axes.some((a) => a.path === path)) throw new CliError(`${flag} and --sweep ${path} set the same field: keep one`);
    }
    const crosses = (f.cross ?? []).map(parseCross);
    checkCrossAxes(crosses, axes);
    const threads = f.threads === undefined ? undefined : intFlag('threads', f.threads, 1, 1, 256);
    await sweepCommand(planSweep(arg, sets, axes, seeds.length), seeds, { out: f.out, bands: f.bands, bandLevel, quiet: f.quiet, threads, control, crosses });
    return EXIT.ok;
  }
  if (batch) {
    // Replications: each run's leases or providers would need a file per seed; one long time series is the product.
    const flag = f.runs !== undefined ? '--runs' : '--seeds';
    for (const [opt, v] of [['--seed', f.runs !== undefined ? undefined : f.seed], ['--leases', f.leases], ['--providers', f.providers]] as const) {
      if (v !== undefined) throw new CliError(`${opt} writes one run's results: it cannot be combined with ${flag} (run that seed alone with --seed N)`);
    }
    const seeds = bandSeeds(batch);
    const threads = f.threads === undefined ? undefined : intFlag('threads', f.threads, 1, 1, 256);
    await replicateCommand(loadScenario(arg, sets), seeds, { out: f.out, bands: f.bands, bandLevel, quiet: f.quiet, threads, control });
    return EXIT.ok;
  }
  if (f.threads !== undefined) throw new CliError('--threads sets how many runs go in parallel: it needs --runs, --seeds, --sweep or --sample');
  const seed = intFlag('seed', f.seed, 1, 0, 2 ** 32 - 1);
  const scenario: Scenario = loadScenario(arg, sets);

  // Refuse unwritable outputs now, not after a long run whose results would then be lost.
  checkOutputs([
    ['--out', f.out],
    ['--leases', f.leases],
    ['--providers', f.providers],
  ]);
  const showProgress = !f.quiet;
  const heap = new HeapWatch(scenario.horizonDays, (message) => process.stderr.write(`depinsim: ${message}\n`));
  const setupStarted = performance.now();
  let lastReport = setupStarted;
  // Building a large network takes seconds and most of the starting memory: report it, and stop
  // cleanly if it will not fit.
  const onSetup = (stage: SetupStage, done: number, total: number) => {
    heap.checkSetup(stage, done, total);
    const t = performance.now();
    if (showProgress && t - lastReport > 2000) {
      lastReport = t;
      process.stderr.write(`depinsim: building the network: ${setupProgress(stage, done, total)}, ${((t - setupStarted) / 1000).toFixed(1)} s\n`);
    }
  };
  // No lease ends during set-up, so the lease file is staged after it: a set-up that fails, or is
  // stopped by Ctrl-C (which ends the process: the set-up does not yield to see signals), leaves no
  // .partial behind.
  let leaseSink: ReturnType<typeof leaseWriter> | null = null;
  const onLease = (row: LeaseRow) => {
    if (!leaseSink) throw new Error(`lease ${row.lease_id} ended during set-up, before the lease file was opened`);
    leaseSink.write(row);
  };
  const run = createRun(scenario, seed, { onLease: f.leases ? onLease : undefined, onSetup });
  const leaseOut = f.leases ? stageOutput(f.leases) : null;
  leaseSink = leaseOut ? leaseWriter(leaseOut) : null;
  const disk = f.leases && leaseOut && !leaseOut.inPlace ? new DiskWatch(f.leases, scenario.horizonDays, (message) => process.stderr.write(`depinsim: ${message}\n`)) : null;
  const started = performance.now();
  lastReport = started;
  // Ctrl-C (or a kill) stops the run between slices and removes the partial lease file; the previous
  // outputs at the given paths stay as they were.
  let stopSignal = '';
  const stop = (sig: string) => (stopSignal = sig);
  process.on('SIGINT', stop).on('SIGTERM', stop);
  // Advance a slice at a time (a simulated day, less when the heap is filling or the day is millions
  // of events: runSlices.ts) so progress can be reported and the heap watched, yielding to the event
  // loop between slices so a signal is seen (a few hundred yields a year: no measurable cost).
  const slices = new RunSlices(run, heap);
  const pace = new RecentPace();
  pace.mark(0, 0);
  // a run whose token economy leaves the ledger's range stops there: the whole days before it are
  // written (as the dashboard keeps them on screen) and the exit code says the run failed
  let stopped: TokenOutOfRange | null = null;
  try {
    while (!run.done()) {
      try {
        slices.next();
      } catch (e) {
        if (!(e instanceof TokenOutOfRange)) throw e;
        stopped = e;
        break;
      }
      if (showProgress) pace.mark(run.now() / 24, (performance.now() - started) / 1000);
      if (disk && leaseOut) disk.check(leaseOut.written(), run.now() / 24);
      await new Promise((r) => setImmediate(r));
      if (stopSignal) throw new Interrupted(`${stopSignal} at day ${Math.floor(run.now() / 24)}/${scenario.horizonDays}: nothing written (files already at the output paths are as they were)`);
      const t = performance.now();
      if (showProgress && t - lastReport > 2000) {
        lastReport = t;
        process.stderr.write(`depinsim: ${progressLine(run.now() / 24, scenario.horizonDays, run.eventsProcessed(), (t - started) / 1000, pace.secondsPerUnit())}\n`);
      }
    }
    leaseSink?.finish();
  } catch (e) {
    leaseOut?.discard();
    throw e;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
  const secs = (performance.now() - started) / 1000;
  const table = run.table();
  const meta = { ...run.meta, scenario_name: scenario.name, events: run.eventsProcessed(), wall_seconds: Number(secs.toFixed(3)) };
  const sidecar = (columns: unknown) =>
    JSON.stringify({ depinsim_version: meta.version, scenario: scenario.name, scenario_hash: meta.scenarioHash, ...controlField(control), seed, days: scenario.horizonDays, ...stoppedFields(stopped), scale: scenario.scale, columns, scenario_resolved: scenario }, null, 2) + '\n';
  try {
    if (f.out) writeOutput(f.out, tableToCsv(table), sidecar(table.columns));
    else process.stdout.write(tableToCsv(table));
    leaseOut?.publish(sidecar(LEASE_COLUMNS));
    if (f.providers) writeOutput(f.providers, providerRowsToCsv(providerRows(run.model), formatCsvNumber), sidecar(PROVIDER_COLUMNS));
  } catch (e) {
    leaseOut?.discard(); // a no-op once it is published
    throw e;
  }
  if (stopped) {
    // said even with --quiet; the model checks are not run on a state stopped inside an event
    const written = [f.out, f.leases && `${f.leases} (leases ended by then)`, f.providers && `${f.providers} (providers)`].filter((x): x is string => !!x);
    process.stderr.write(`depinsim: run stopped: ${stopped.message}${written.length ? `, written to ${written.join(', ')} (each with .meta.json, whose stopped_on_day says so)` : ''}\n`);
    return EXIT.runFailed;
  }
  // identities the run must keep (sim/model/runChecks.ts): a broken one is a failed run, said even with --quiet
  const checks = run.checks();
  const broken = brokenChecks(checks);
  for (const line of broken) process.stderr.write(`depinsim: ${line}\n`);
  // a warning, not part of the summary: shown with --quiet too, as the memory and disk warnings are
  const dry = marketDryNotice(table.data, 0, table.rows);
  if (dry) process.stderr.write(`depinsim: warning: ${dry}\n`);
  if (!f.quiet) {
    const last = table.rows - 1;
    // every file the run wrote, so a script's log shows where each went (devices get no sidecar, but are not files)
    const written = [f.out, f.leases && `${f.leases} (leases)`, f.providers && `${f.providers} (providers)`].filter((x): x is string => !!x);
    const figures = runFigures(table);
    const failures = figures.lease_failures;
    process.stderr.write(
      `depinsim: ${scenario.name} seed ${seed}, ${scenario.horizonDays} days, hash ${meta.scenarioHash}: ${meta.events} events in ${secs.toFixed(2)} s; ` +
        `utilization ${(figures.utilization * 100).toFixed(1)}% of online GPU-hours, price ${usdPerGpuHour(figures.price, 'none (no lease ran)')} over the run (last day ${usdPerGpuHour(table.data.price_usd_per_gpu_h[last])})` +
        // the fill rate and the wait over the orders, as the dashboard's cards
        (Number.isFinite(figures.fill_rate) ? `, ${(figures.fill_rate * 100).toFixed(1)}% of orders matched before their patience ran out, mean wait ${formatWait(figures.wait_mean_h)}${waitedWords(table.data, table.rows)}` : '') +
        (Number.isFinite(failures) ? `, leases failed ${(failures * 100).toFixed(1)}% of those started` : '') +
        (written.length ? `; wrote ${written.join(', ')} (each with .meta.json)` : '') +
        '\n',
    );
    const economy = scenario.economy.enabled ? economyLine(figures, scenario.economy.token.initialPriceUsd) : null;
    if (economy) process.stderr.write(`depinsim: ${economy}\n`);
    const programs = incentiveOutcome(table.data, 0, last);
    if (programs) process.stderr.write(`depinsim: ${incentiveLine(programs)}\n`);
    if (scenario.market.escrow) process.stderr.write(`depinsim: ${escrowLine(table.data)}\n`);
    if (scenario.market.spot) process.stderr.write(`depinsim: ${spotLine(table.data)}\n`);
    if (scenario.market.reserved) process.stderr.write(`depinsim: ${reservedLine(table.data)}\n`);
    if (scenario.economy.enabled && scenario.economy.bmeBreaker) process.stderr.write(`depinsim: ${bmeLine(table.data, scenario.economy.bmeBreaker.haltRatio)}\n`);
    const theory = mmcOf(scenario);
    if (theory) process.stderr.write(theoryLine(theory, table));
    if (broken.length === 0) process.stderr.write(`depinsim: ${checksLine(checks)}\n`);
  }
  return broken.length ? EXIT.runFailed : EXIT.ok;
}

/** The sidecar's fields for a run that stopped early (none for one that reached its horizon). */
function stoppedFields(stopped: TokenOutOfRange | null): Record<string, unknown> {
  return stopped ? { stopped_on_day: stopped.day, stopped_because: stopped.message } : {};
}

/** The run's incentive programs in a line: what they paid, its share of the providers' income, how they stopped. */
export function incentiveLine(o: IncentiveOutcome): string {
  const how =
    o.how === 'paying'
      ? `still paying on the last day, ${money(o.leftUsd)} left, ${o.runwayDays.toFixed(0)} days at that day's spend`
      : o.how === 'dry'
        ? `the budget ran dry on day ${o.lastDay}`
        : `they ended as scheduled on day ${o.lastDay}, ${o.runwayDays.toFixed(0)} days of budget unspent`;
  const share = Number.isFinite(o.shareOfIncome) ? ` (${(o.shareOfIncome * 100).toFixed(1)}% of the providers' income)` : '';
  return `incentive programs paid ${money(o.paidUsd)}${share}; ${how} (incentive_paid_usd, incentive_runway_days)`;
}

/** A run with escrow runways in a line: the leases closed for insufficient funds and what their providers served unpaid. */
export function escrowLine(data: Record<string, Float64Array>): string {
  const total = (c: Float64Array) => c.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0);
  const closed = total(data.leases_overdrawn);
  const started = total(data.jobs_started);
  const share = started > 0 ? ` (${((closed / started) * 100).toFixed(1)}% as many as leases started)` : '';
  return `${closed.toFixed(0)} leases closed for insufficient funds${share}; providers served ${total(data.gpu_hours_unpaid).toFixed(1)} GPU-hours unpaid, ${money(total(data.unpaid_usd))} (leases_overdrawn, gpu_hours_unpaid, unpaid_usd)`;
}

/** The run's spot leases in a line: their share of the GPU-hours served, their price against on-demand's, the preemptions. */
export function spotLine(data: Record<string, Float64Array>): string {
  const o = spotOutcome(data, 0, data.day.length - 1);
  if (!o) return 'no spot lease ran (spot_gpu_hours_served)';
  return `spot leases ran ${(o.share * 100).toFixed(1)}% of the GPU-hours served at ${usdPerGpuHour(o.spotUsdPerGpuHour)} against ${usdPerGpuHour(o.onDemandUsdPerGpuHour)} on-demand; ${o.preempted.toFixed(0)} preempted by on-demand orders; spot orders waited ${formatWait(o.spotWaitH)} for a match, on-demand orders ${formatWait(o.onDemandWaitH)} (spot_gpu_hours_served, spot_price_usd_per_gpu_h, on_demand_price_usd_per_gpu_h, leases_preempted, wait_mean_h_spot, wait_mean_h_on_demand with orders_matched_spot, orders_matched_on_demand)`;
}

/** The run's reservations in a line: their share of the GPU-hours served, their price against on-demand's, the jobs they took over. */
export function reservedLine(data: Record<string, Float64Array>): string {
  const o = reservedOutcome(data, 0, data.day.length - 1);
  if (!o) return 'no reservation ran (reserved_gpu_hours_served)';
  return `reservations ran ${(o.share * 100).toFixed(1)}% of the GPU-hours served at ${usdPerGpuHour(o.reservedUsdPerGpuHour)} against ${usdPerGpuHour(o.onDemandUsdPerGpuHour)} on-demand; ${o.started.toFixed(0)} reservation leases started, re-orders after failures included, and ${o.takenOver.toFixed(0)} jobs ran inside their tenants' reservations; reservation orders waited ${formatWait(o.reservedWaitH)} for a match, on-demand orders ${formatWait(o.onDemandWaitH)} (reserved_gpu_hours_served, reserved_price_usd_per_gpu_h, on_demand_price_usd_per_gpu_h, reservations_started, jobs_taken_over, wait_mean_h_reserved, wait_mean_h_on_demand with orders_matched_reserved, orders_matched_on_demand)`;
}

/** The burn-and-mint breaker in a line: how long new leases were halted, how often it tripped, the lowest and last collateral ratio. */
export function bmeLine(data: Record<string, Float64Array>, haltRatio: number): string {
  const o = bmeOutcome(data, 0, data.day.length - 1);
  if (!o) return 'no collateral ratio (bme_collateral_ratio)';
  const days = data.day.length;
  const ratio = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'none (no credits outstanding)');
  const halted =
    o.haltedHours > 0
      ? `the burn-and-mint breaker halted new leases for ${(o.haltedHours / 24).toFixed(1)} of ${days} days (${o.trips.toFixed(0)} trips below a collateral ratio of ${haltRatio})`
      : `the burn-and-mint breaker never halted new leases (collateral ratio never below ${haltRatio} at a change)`;
  return `${halted}; lowest ratio at a day's end ${ratio(o.lowestRatio)}, last ${ratio(o.lastRatio)} (bme_mint_halted_h, bme_breaker_trips, bme_collateral_ratio)`;
}

/** A price for people: cents, or three significant digits below a dime; says so when no lease ran that day, or in the run (NaN). */
function usdPerGpuHour(v: number, none = 'none (no lease ran that day)'): string {
  if (Number.isNaN(v)) return none;
  return `$${v >= 0.1 ? v.toFixed(2) : v.toPrecision(3)}/GPU-h`;
}

/** Streams lease rows to the staged lease file as they end, so a long run keeps no lease in memory. */
function leaseWriter(out: StagedOutput): { write: (r: LeaseRow) => void; finish: () => void } {
  const w = new CsvBytes((bytes) => out.write(bytes));
  for (const c of LEASE_COLUMNS) w.text(c);
  w.endRow();
  return { write: (r) => writeLeaseRow(w, r), finish: () => w.finish() };
}

/** " (2.6% of them waited, 2.0 h on average)" over the whole run: who waited at all; '' for a run without the columns or a match. */
function waitedWords(data: Record<string, Float64Array>, rows: number): string {
  const w = whoWaited(data, 0, rows - 1);
  return w ? ` (${formatWhoWaited(w, 'of them waited')})` : '';
}
