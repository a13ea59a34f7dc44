/**
 * `depinsim run <scenario> --sweep path=values [--sweep ...] [--seeds 1-5]`: the same scenario at every
 * point of a parameter grid ("what happens to utilization as the base rate goes from 80 to 160 jobs/h,
 * under each matcher?"), each point run for each seed, in parallel (batch.ts). One long CSV in the
 * hierarchy sweep point -> seed -> day: `point`, a column per swept path holding the point's value,
 * `seed`, then the single-run columns; each (point, seed)'s rows are exactly what `--set path=value
 * --seed N` writes. Every point's scenario is validated before any run starts, so a value out of range
 * is bad input naming the point, not a failure an hour in. stderr ends with a table: per point, each
 * summary figure (its mean across seeds with the 95% interval when there are several), and with
 * several seeds a second one: each point's change against point 1 seed by seed. `--sample` plans its
 * points here too (sim/metrics/sampleDesign.ts): one run each, pooled bands, and a rank table (rankTable.ts).
 */
import { columnsFor } from '../sim/run.ts';
import { applyOverride, applyOverrides, parseOverride } from '../sim/scenario/overrides.ts';
import { scenarioHash } from '../sim/scenario/hash.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { VERSION } from '../sim/version.ts';
import { csvCell } from '../sim/metrics/csv.ts';
import { batchDone, openSinks, runBatchInto } from './batch.ts';
import { BandWriter } from './bands.ts';
import type { BandLevel } from '../sim/metrics/bandLevel.ts';
import { LongCsvOutput } from './longCsv.ts';
import { acrossRuns, acrossText, acrossWords, changeP, changeText, runFigureRecords, summaryRecords } from './acrossRuns.ts';
import { FigureCollector } from './figureCollector.ts';
import { CLEAR_LEVEL, holmAdjust, pairedChange } from '../sim/metrics/significance.ts';
import { CliError } from './errors.ts';
import { controlField, loadRaw } from './loadScenario.ts';
import { checkOutputs } from './outputFiles.ts';
import { FIGURES, type FigureDef, type RunFigures } from './replicaMessages.ts';
import { chooseThreads, SEED_COLUMN, summaryTable, written } from './replicate.ts';
import { rankTable } from './rankTable.ts';
import { aligned } from './alignedTable.ts';
import type { SampleRange } from '../sim/metrics/sampleDesign.ts';
import type { SobolRole } from '../sim/metrics/sobolIndices.ts';
import { figureIndices, sobolRecords, sobolTable, type FigureIndices } from './sobolTable.ts';
import { describeSeeds } from '../sim/rng/runSeeds.ts';
import { MAX_SWEEP_RUNS, sweepGrid, valueText, type SweepAxis } from './sweepSpec.ts';
import { crossingsOf, crossRecords, intervalHolds, pointAcross, type CrossSpec } from './crossSpec.ts';
import { crossingWords } from '../sim/metrics/sweepCrossings.ts';
import { fieldUnit } from '../sim/scenario/fieldNames.ts';

export const POINT_COLUMN = { name: 'point', unit: '', description: 'Sweep point the row belongs to, 1 to the number of points (the sidecar lists each point\'s values and scenario hash)' };

export interface SweepFlags {
  out?: string;
  /** Per point and period, mean and percentiles across the seeds (bands.ts). */
  bands?: string;
  /** The share of runs inside the bands, % (default 80: p10 to p90). */
  bandLevel?: BandLevel;
  quiet?: boolean;
  threads?: number;
  /** The control run's name, when the points are the scenario's control (--control): the sidecars say so. */
  control?: string;
  /** --cross: the figures and values whose crossings the summary reads (one numeric axis). */
  crosses?: CrossSpec[];
}

/** A sweep's points: each one's values (one per axis) and its validated scenario. */
export interface SweepPlan {
  base: Scenario;
  axes: SweepAxis[];
  points: { values: unknown[]; scenario: Scenario }[];
}

/**
 * Builds and validates every point's scenario: the scenario argument, then the --set overrides, then
 * the point's values. A sweep path also given to --set, or swept twice, is refused (which would win?),
 * and so is a sweep whose points would write different columns (the long CSV has one header).
 */
export function planSweep(arg: string, sets: readonly string[], axes: SweepAxis[], seeds: number, sampled?: unknown[][]): SweepPlan {
  const { raw, source } = loadRaw(arg);
  // sampled points (--sample: one run each) or the grid of the --sweep values
  const flag = sampled ? '--sample' : '--sweep';
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.path)) throw new CliError(`${flag} ${a.path} is given twice: give ${sampled ? 'its range' : 'all its values'} in one ${flag}`);
    seen.add(a.path);
  }
  for (const s of sets) {
    const p = parseOverride(s).path.join('.');
    for (const a of axes) {
      if (p === a.path || p.startsWith(`${a.path}.`) || a.path.startsWith(`${p}.`)) throw new CliError(`--set ${p} and ${flag} ${a.path} set the same field: keep one`);
    }
  }
  // counted before the grid is built: two ranges of 10,000 values would be 10^8 points
  const nPoints = sampled ? sampled.length : axes.reduce((n, a) => n * a.values.length, 1);
  if (!sampled && nPoints * seeds > MAX_SWEEP_RUNS) throw new CliError(`--sweep: ${nPoints} points x ${seeds} seed${seeds > 1 ? 's' : ''} is ${nPoints * seeds} runs (at most ${MAX_SWEEP_RUNS})`);
  const grid = sampled ?? sweepGrid(axes);
  const withSets = sets.length ? applyOverrides(raw, sets) : raw;
  const base = parseScenario(withSets, sets.length ? `${source} with --set` : source);
  const points = grid.map((values, k) => {
    let r = withSets as Record<string, unknown>;
    axes.forEach((a, i) => (r = applyOverride(r, a.path.split('.'), values[i])));
    return { values, scenario: parseScenario(r, `${source} at ${sampled ? 'sample' : 'sweep'} point ${k + 1} (${describePoint(axes, values)})`) };
  });
  const header = (s: Scenario) => columnsFor(s).map((c) => c.name).join(',');
  const first = header(points[0].scenario);
  const other = points.findIndex((p) => header(p.scenario) !== first);
  if (other > 0) {
    throw new CliError(
      `${flag}: point ${other + 1} (${describePoint(axes, points[other].values)}) writes other CSV columns than point 1 (${describePoint(axes, points[0].values)}), ` +
        'and a sweep writes one table: run those as separate sweeps',
    );
  }
  return { base, axes, points };
}

export function describePoint(axes: readonly SweepAxis[], values: readonly unknown[]): string {
  return axes.map((a, i) => `${a.path}=${valueText(values[i])}`).join(', ');
}

/** --sobol's design (sim/metrics/sampleDesign.ts' sobolPoints): each point's role, the rows, and --seed (for the bootstrap). */
export interface SobolPlan {
  roles: SobolRole[];
  rows: number;
  seed: number;
}

/**
 * Runs a plan: every point with every seed (a grid), or with `sampled` (--sample's ranges) point k
 * with seeds[k] alone, the runs together one batch (pooled bands, the summary across runs and each
 * sampled parameter's rank correlation with each figure, or with `sobol` its Sobol indices).
 */
export async function sweepCommand(plan: SweepPlan, seeds: number[], f: SweepFlags, sampled?: readonly SampleRange[], sobol?: SobolPlan): Promise<void> {
  checkOutputs([
    ['--out', f.out],
    ['--bands', f.bands],
  ]);
  const { base, axes, points } = plan;
  const runs = sampled ? points.map((_, k) => ({ scenario: k, seed: seeds[k] })) : points.flatMap((_, k) => seeds.map((seed) => ({ scenario: k, seed })));
  const maxScale = Math.max(...points.map((p) => p.scenario.scale));
  const { threads, note } = chooseThreads(f.threads, runs.length, maxScale);
  const started = performance.now();
  const head = ['point', ...axes.map((a) => csvCell(a.path)), 'seed'].join(',');
  /** A point's leading cells: its number and values. */
  const pointCells = (k: number) => [k + 1, ...points[k].values.map((v) => csvCell(valueText(v)))].join(',');
  const prefixOf = (i: number) => `${pointCells(runs[i].scenario)},${runs[i].seed}`;
  const axisColumns = axes.map((a) => ({ name: a.path, unit: '', description: `Value of ${a.path} at this point (swept; see the scenario schema for its unit)` }));
  const meta = {
    depinsim_version: VERSION,
    scenario: base.name,
    scenario_hash: scenarioHash(base),
    ...controlField(f.control),
    ...(sampled
      ? {
          sample: sampled.map(({ path, lo, hi, integer, log }) => ({ path, low: lo, high: hi, integer, scale: log ? 'log' : 'linear' })),
          design: sobol
            ? `sobol (Saltelli, on a scrambled Sobol sequence): ${sobol.rows} rows, each the points A, B and A with one parameter's value from B (in the order of sample), run with the row's seed (seeds[row - 1]), then R, A again on the row's second seed (replicate_seeds[row - 1])`
            : 'latin hypercube, one run per point (point k: the k-th seed)',
        }
      : { sweep: axes }),
    seeds: sobol ? seeds.filter((_, k) => sobol.roles[k].matrix === 'A') : seeds,
    ...(sobol ? { replicate_seeds: seeds.filter((_, k) => sobol.roles[k].matrix === 'R') } : {}),
    points: points.map((p, k) => ({
      point: k + 1,
      values: Object.fromEntries(axes.map((a, i) => [a.path, p.values[i]])),
      ...(sobol ? { row: sobol.roles[k].row + 1, matrix: roleName(sobol.roles[k], axes) } : {}),
      scenario_hash: scenarioHash(p.scenario),
    })),
    days: base.horizonDays,
    scale: base.scale,
  };
  const runColumns = columnsFor(points[0].scenario);
  // --sobol: the indices, once every run is in (the long CSV's sidecar holds them too)
  let indices: FigureIndices[] | null = null;
  const sobolOf = (r: readonly RunFigures[]) => (indices ??= figureIndices(axes.length, sobol!.roles, r, sobol!.seed));
  const collected = new FigureCollector();
  const sinks = openSinks(
    () => collected,
    () =>
      new LongCsvOutput(f.out, head, prefixOf, () => ({
        ...meta,
        // the summary tables' figures, for scripts: across the sampled runs, or per point across its seeds
        summary: sampled ? summaryRecords(collected.figures) : byPoint(collected.figures, seeds.length).map((runs, k) => ({ point: k + 1, figures: summaryRecords(runs) })),
        run_figures: runFigureRecords(collected.figures, (i) => ({ point: runs[i].scenario + 1, seed: runs[i].seed })),
        ...(sobol && sampled ? { sobol_indices: sobolRecords(sampled, sobolOf(collected.figures)) } : {}),
        // --cross: the crossings, as the summary says them, for scripts
        ...(f.crosses?.length ? { crossings: crossRecords(f.crosses, axes[0].values as number[], byPoint(collected.figures, seeds.length)) } : {}),
        columns: [POINT_COLUMN, ...axisColumns, SEED_COLUMN, ...runColumns],
        scenario_resolved: base,
      })),
    () =>
      f.bands
        ? sampled
          ? new BandWriter(f.bands, [], runColumns, runs.length, () => ({ g: 0, prefix: '' }), { ...meta, scenario_resolved: base }, f.bandLevel)
          : new BandWriter(f.bands, [POINT_COLUMN, ...axisColumns], runColumns, seeds.length, (i) => ({ g: runs[i].scenario, prefix: pointCells(runs[i].scenario) }), { ...meta, scenario_resolved: base }, f.bandLevel)
        : null,
  );
  const results = await runBatchInto(
    { scenarios: points.map((p) => p.scenario), runs, threads, quiet: f.quiet, label: (i) => `point ${runs[i].scenario + 1}${seeds.length > 1 ? ` seed ${runs[i].seed}` : ''}`, unit: 'runs' },
    sinks,
  );
  const secs = (performance.now() - started) / 1000;
  if (f.quiet) return;
  if (sampled && sobol) {
    process.stderr.write(`depinsim: ${base.name}, ${points.length} runs sampling ${axes.map((a) => a.path).join(', ')} (Saltelli's design on a scrambled Sobol sequence: ${sobol.rows} rows x ${axes.length + 3} points; ${describeSeeds(meta.seeds)}, one a row, and a second one each for the row's replicate), ${batchDone(results, secs, threads, note, written(f.out, f.bands))}\n`);
    process.stderr.write(summaryTable(results.map((r) => r.figures), 'across the sampled runs'));
    process.stderr.write(sobolTable(sampled, sobolOf(results.map((r) => r.figures)), points.length));
    return;
  }
  if (sampled) {
    process.stderr.write(`depinsim: ${base.name}, ${points.length} runs sampling ${axes.map((a) => a.path).join(', ')} (latin hypercube; ${describeSeeds(seeds)}), ${batchDone(results, secs, threads, note, written(f.out, f.bands))}\n`);
    process.stderr.write(summaryTable(results.map((r) => r.figures), 'across the sampled runs'));
    process.stderr.write(rankTable(sampled, points.map((p) => p.values as number[]), results.map((r) => r.figures)));
    return;
  }
  const seedText = `${seeds.length} run${seeds.length > 1 ? 's' : ''} each (${describeSeeds(seeds)})`;
  process.stderr.write(`depinsim: ${base.name}, sweep of ${axes.map((a) => a.path).join(' x ')}: ${points.length} points x ${seedText}, ${batchDone(results, secs, threads, note, written(f.out, f.bands))}\n`);
  const perPoint = byPoint(results.map((r) => r.figures), seeds.length);
  process.stderr.write(sweepTable(axes, points.map((p) => p.values), perPoint));
  if (seeds.length > 1 && points.length > 1) process.stderr.write(pairedTable(axes, points.map((p) => p.values), perPoint));
  if (f.crosses?.length) process.stderr.write(crossLines(axes[0], f.crosses, perPoint));
}

/** Each point's runs' figures: runs go point by point, each point's seeds together. */
function byPoint(runs: readonly RunFigures[], seedsPerPoint: number): RunFigures[][] {
  const out: RunFigures[][] = [];
  for (let k = 0; k * seedsPerPoint < runs.length; k++) out.push(runs.slice(k * seedsPerPoint, (k + 1) * seedsPerPoint));
  return out;
}

/**
 * --cross: per figure and value, where the points' means cross it along the one swept parameter, in
 * words with the parameter's unit from the schema ("utilization rises above 60.0% at about 152
 * jobs/h (between the points 120 and 180 jobs/h, taken as linear)").
 */
export function crossLines(axis: SweepAxis, crosses: readonly CrossSpec[], perPoint: readonly RunFigures[][]): string {
  const xs = axis.values as number[];
  const unit = fieldUnit(axis.path.split('.'));
  const xUnit = unit && unit !== 'share' ? ` ${unit}` : '';
  const n = perPoint[0]?.length ?? 0;
  // a swept value as given; an interpolated one to 3 significant digits (it is an estimate)
  const fx = (v: number) => valueText(xs.includes(v) ? v : Number(v.toPrecision(3)));
  const lines = crosses.map((c) => {
    const across = pointAcross(c, perPoint);
    const centres = across.map((a) => a.centre);
    if (centres.every((m) => Number.isNaN(m))) return `  ${c.figure.short}=${c.text}: the runs have no ${c.figure.short} (its columns are off in this scenario)`;
    const what = `${c.figure.short}${n > 1 ? ` (the ${c.figure.across ?? 'mean'} of ${n} seeds)` : ''}`;
    const words = crossingWords(crossingsOf(c, xs, centres), xs.map((x, k) => ({ x, y: centres[k] })), c.value, what, fx, xUnit, c.figure.format);
    // with intervals (several seeds): where the seeds cannot yet tell the side of the value
    const withIntervals = across.some((a) => !Number.isNaN(a.lo));
    const held = intervalHolds(c, xs, across);
    const seeds = !withIntervals
      ? ''
      : held.length
        ? ` Its 95% interval holds ${c.figure.format(c.value)} at ${held.map(fx).join(', ')}${xUnit}: there more seeds would tell on which side it lies.`
        : ` No point's 95% interval holds ${c.figure.format(c.value)}: the seeds place every point on its side.`;
    return `  ${words}${seeds}`;
  });
  return [`  where the figures cross the --cross values as ${axis.path} rises:`, ...lines].join('\n') + '\n';
}

/** A --sobol point's matrix as the sidecar names it: 'A', 'B', 'AB:<path>' (A with that parameter's value from B), or 'R' (A on the row's second seed). */
function roleName(role: SobolRole, axes: readonly SweepAxis[]): string {
  return typeof role.matrix === 'number' ? `AB:${axes[role.matrix].path}` : role.matrix;
}

/**
 * The summary: a row per point (its values, then each figure the runs have: the mean across seeds,
 * ± the 95% interval's half-width when there are two or more), columns padded to line up.
 */
export function sweepTable(axes: readonly SweepAxis[], values: readonly unknown[][], perPoint: readonly RunFigures[][]): string {
  const figs = figuresOf(perPoint);
  const n = perPoint[0]?.length ?? 0;
  const header = ['point', ...axes.map((a) => a.path), ...figs.map((f) => f.short)];
  const rows = values.map((v, k) => [
    `${k + 1}`,
    ...v.map(valueText),
    ...figs.map((f) => acrossText(f, acrossRuns(f, perPoint[k].map((r) => r[f.key])))),
  ]);
  const KIND_LABEL = { mean: 'mean of days', sum: 'whole run', ratio: 'ratio of the whole run\'s sums', last: 'last day with a value' } as const;
  const kinds = [
    ...(['mean', 'sum', 'ratio', 'last'] as const)
      .map((r) => [r, figs.filter((f) => f.reduce === r).map((f) => f.short)] as const)
      .filter(([, names]) => names.length)
      .map(([r, names]) => `${names.join(', ')}: ${KIND_LABEL[r]}`),
    // a weighted mean says what weighs the days (wait: the orders matched each day)
    ...figs.filter((f) => f.reduce === 'weighted').map((f) => `${f.short}: days weighted by ${f.per}`),
  ];
  const across = n > 1 ? `across ${n} seeds: ${acrossWords(figs)}` : 'one seed per point';
  return [`  per point, ${across}; ${kinds.join('; ')}`, ...aligned(header, rows)].join('\n') + '\n';
}

/** The figures the runs have, in FIGURES' order. */
function figuresOf(perPoint: readonly RunFigures[][]): FigureDef[] {
  const all = perPoint.flat();
  return FIGURES.filter((f) => all.some((r) => f.key in r));
}

/**
 * Each point's change against point 1, seed by seed: every point ran the same seeds, and every
 * concern draws from a stream seeded by the seed, so on one seed two points share their luck
 * (common random numbers) and the paired differences vary far less than the points' own values.
 * Per figure: the mean difference ± the 95% half-width (Student's t over the seeds), marked * when a
 * paired t-test finds the change at 5% after Holm's correction over every change in the table (a
 * sweep of 3 points and 10 figures makes 20 tests; at 5% each, one would look clear by chance in
 * 64% of such tables). perPoint[k][i] is point k's run on the i-th seed.
 */
export function pairedTable(axes: readonly SweepAxis[], values: readonly unknown[][], perPoint: readonly RunFigures[][]): string {
  const figs = figuresOf(perPoint);
  const n = perPoint[0]?.length ?? 0;
  const header = ['point', ...axes.map((a) => a.path), ...figs.map((f) => f.short)];
  const diffs = values.slice(1).map((_, j) => figs.map((f) => perPoint[j + 1].map((r, i) => pairedChange(r[f.key], perPoint[0][i][f.key]))));
  const adjusted = holmAdjust(diffs.flatMap((row) => row.map((d, k) => changeP(figs[k], d))));
  const tests = adjusted.filter((p) => !Number.isNaN(p)).length;
  const rows = values.slice(1).map((v, j) => [`${j + 2}`, ...v.map(valueText), ...figs.map((f, k) => changeText(f, diffs[j][k], adjusted[j * figs.length + k] < CLEAR_LEVEL))]);
  const medians = figs.filter((f) => f.across === 'median').map((f) => f.short);
  const medianWords = medians.length ? `; ${medians.join(', ')}: median change [95% interval from order statistics], sign test (a change to or from never counts by its sign)` : '';
  const title = `  change against point 1 (${values[0].map(valueText).join(', ')}) seed by seed over ${n} seeds (common random numbers): mean ± 95% half-width${medianWords}; * clear at 5% (paired t-test, Holm's correction over the table's ${tests} tests)`;
  return [title, ...aligned(header, rows)].join('\n') + '\n';
}
