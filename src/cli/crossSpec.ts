/**
 * `--cross figure=value` with a one-parameter --sweep: where the summary figure's mean (median, for
 * the payback) across seeds
 * crosses the value as the swept parameter rises (a break-even: "at what base rate does utilization
 * pass 60%?"), linear between the two points around it (metrics/sweepCrossings.ts, as the
 * dashboard's sweep reads it). The figure is named as the sweep's table heads it or by its key
 * (`fill rate`, `fill_rate`); a value ending in % is a percent of a share figure ("60%" is 0.6),
 * any other is in the figure's own unit (a share as a fraction, the price in USD per GPU-hour, the
 * wait in hours, the payback in months).
 */
import { closestNames, orList } from '../sim/scenario/closestNames.ts';
import { bandHoldsLine, lineCrossings, type Crossing } from '../sim/metrics/sweepCrossings.ts';
import { CliError } from './errors.ts';
import { FIGURES, type FigureDef, type RunFigures } from './replicaMessages.ts';
import type { SweepAxis } from './sweepSpec.ts';
import { acrossRuns, type AcrossRuns } from './acrossRuns.ts';

export interface CrossSpec {
  figure: FigureDef;
  value: number;
  /** As given, for the messages. */
  text: string;
}

const EXAMPLE = "e.g. --cross utilization=60% or --cross 'provider profit=0'";

/** A figure's names: its key and its table head, compared without case, spaces or underscores. */
const squash = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '');

/** Share figures take a value in percent: they are the ones whose change the tables write in points (pp). */
const isShare = (f: FigureDef) => f.delta !== undefined;

export function parseCross(spec: string): CrossSpec {
  const bad = (why: string) => new CliError(`--cross: ${why}, got '${spec}' (${EXAMPLE})`);
  const eq = spec.lastIndexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw bad('expected figure=value');
  const name = spec.slice(0, eq).trim();
  const figure = FIGURES.find((f) => squash(f.key) === squash(name) || squash(f.short) === squash(name));
  if (!figure) {
    const near = closestNames(
      FIGURES.map((f) => f.short),
      name,
    );
    throw bad(`no summary figure '${name}'${near.length ? ` (did you mean ${orList(near)}?)` : ''}; the figures: ${FIGURES.map((f) => f.short).join(', ')}`);
  }
  const text = spec.slice(eq + 1).trim();
  const percent = text.endsWith('%');
  if (percent && !isShare(figure)) throw bad(`${figure.short} is not a share: give its value without %`);
  const n = Number(percent ? text.slice(0, -1) : text);
  if (text === '' || text === '%' || !Number.isFinite(n)) throw bad('the value is not a number');
  return { figure, value: percent ? n / 100 : n, text };
}

/** --cross without --sweep (alone, with --runs or --sample): refused, as `run` and `validate` say it. */
export function refuseCrossWithoutSweep(crosses: readonly string[] | undefined, sweeps: readonly string[] | undefined): void {
  if (crosses?.length && !sweeps?.length) throw new CliError('--cross reads where a figure crosses a value along a swept parameter: it needs --sweep (e.g. --sweep demand.baseRateJobsPerHour=60:180:30 --cross utilization=60%)');
}

/** --cross reads a line along one numeric axis: refused before anything runs for any other sweep. */
export function checkCrossAxes(crosses: readonly CrossSpec[], axes: readonly SweepAxis[]): void {
  if (crosses.length === 0) return;
  if (axes.length !== 1) throw new CliError(`--cross reads where a figure crosses a value along one swept parameter: sweep one, got ${axes.length} (${axes.map((a) => a.path).join(', ')})`);
  if (!axes[0].values.every((v) => typeof v === 'number')) throw new CliError(`--cross needs a numeric --sweep: ${axes[0].path} takes ${axes[0].values.map((v) => JSON.stringify(v)).join(', ')}`);
}

/** Each figure's crossings of its value by the points' means (points in the sweep's order; NaN means skipped). */
export function crossingsOf(cross: CrossSpec, values: readonly number[], means: readonly number[]): Crossing[] {
  return lineCrossings(
    values.map((x, k) => ({ x, y: means[k] })),
    cross.value,
  );
}

/** A figure at each point across the point's seeds: their mean, or median for a median figure (centre NaN where no run has it), with its 95% interval. */
export function pointAcross(cross: CrossSpec, perPoint: readonly RunFigures[][]): AcrossRuns[] {
  return perPoint.map((runs) => acrossRuns(cross.figure, runs.map((r) => r[cross.figure.key])));
}

/**
 * The swept values whose 95% interval holds the value: there the seeds run so far cannot tell on
 * which side of it the figure lies (more seeds would), as the dashboard's sweep says where the
 * seeds' band holds its line. None without intervals (one seed; a median under 6).
 */
export function intervalHolds(cross: CrossSpec, values: readonly number[], across: readonly AcrossRuns[]): number[] {
  return bandHoldsLine(
    values.map((x, k) => ({ x, lo: across[k].lo, hi: across[k].hi })),
    cross.value,
  );
}

/**
 * The sidecar's `crossings`, for scripts: per --cross, the figure's key and value, the points' means
 * (`medians` instead for a median figure, with `never`: per point, the runs that never reach it),
 * each crossing (`at`: the parameter's value, linear between the points, null beside an infinite
 * one; `between`: the two swept values around it; `rising`) and `interval_holds`: the swept values
 * whose 95% interval holds the value. A mean or median that is not finite is
 * null (no run has the figure, or the median is "never": `never` tells which).
 */
export function crossRecords(crosses: readonly CrossSpec[], values: readonly number[], perPoint: readonly RunFigures[][]) {
  return crosses.map((c) => {
    const across = pointAcross(c, perPoint);
    const centres = across.map((a) => a.centre);
    const finite = centres.map((m) => (Number.isFinite(m) ? m : null));
    return {
      figure: c.figure.key,
      value: c.value,
      ...(c.figure.across === 'median' ? { medians: finite, never: across.map((a) => a.never) } : { means: finite }),
      crossings: crossingsOf(c, values, centres).map((x) => ({ at: Number.isNaN(x.x) ? null : x.x, between: [x.from, x.to], rising: x.rising })),
      interval_holds: intervalHolds(c, values, across),
    };
  });
}
