/**
 * `--sweep path=values`: the values one scenario field takes across a sweep, and the grid of points
 * that several sweeps make. Values are written as `--set` writes one (JSON when it parses as JSON, else
 * a string), as a list `a,b,c`, a numeric range `start:stop:step` (both ends included), or a JSON
 * array `[...]` (for values that themselves hold commas).
 */
import { parseOverride, parseOverrideValue } from '../sim/scenario/overrides.ts';
import { CliError } from './errors.ts';

export interface SweepAxis {
  /** The dotted scenario path, as in --set. */
  path: string;
  values: unknown[];
}

/** Runs in one sweep (points x seeds): more is a typo more often than a plan. */
export const MAX_SWEEP_RUNS = 10_000;

const EXAMPLE = "e.g. --sweep market.matcher=spheron,auction or --sweep demand.baseRateJobsPerHour=80:160:20";

export function parseSweep(spec: string): SweepAxis {
  const bad = (why: string) => new CliError(`--sweep: ${why}, got '${spec}' (${EXAMPLE})`);
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw bad('expected path=values');
  // the path is checked as --set checks it (dotted, no empty parts)
  const path = parseOverride(`${spec.slice(0, eq)}=0`).path.join('.');
  const text = spec.slice(eq + 1).trim();
  let values: unknown[];
  if (text.startsWith('[')) {
    const v = parseOverrideValue(text);
    if (!Array.isArray(v)) throw bad('a value list in brackets must be a JSON array');
    values = v;
  } else {
    values = rangeValues(text, bad) ?? text.split(',').map((t) => parseOverrideValue(t.trim()));
  }
  if (values.length < 2) throw bad('give at least two values (one value is --set)');
  const seen = new Set<string>();
  for (const v of values) {
    const key = JSON.stringify(v);
    if (seen.has(key)) throw bad(`the value ${key} is listed twice`);
    seen.add(key);
  }
  return { path, values };
}

/**
 * `start:stop:step` as the numbers start, start + step, ... up to stop, rounded to the decimals the
 * three are written with (0.1:0.3:0.1 gives 0.1, 0.2, 0.3, not 0.30000000000000004); null when the
 * text is not a range.
 */
function rangeValues(text: string, bad: (why: string) => Error): number[] | null {
  const parts = text.split(':');
  if (parts.length !== 3) return null;
  const [a, b, step] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (![a, b, step].every(Number.isFinite)) throw bad('a range start:stop:step takes three numbers');
  if (!(step > 0)) throw bad('the step of a range must be > 0');
  if (b < a) throw bad('a range start:stop:step runs from the smaller number up');
  const decimals = Math.max(...parts.map(decimalsOf));
  const n = Math.floor((b - a) / step + 1e-9) + 1;
  if (n > MAX_SWEEP_RUNS) throw bad(`the range has ${n} values (at most ${MAX_SWEEP_RUNS})`);
  return Array.from({ length: n }, (_, i) => Number((a + i * step).toFixed(decimals)));
}

/** Digits after the decimal point of a number as written ("0.25" -> 2, "1e-3" -> 3). */
function decimalsOf(text: string): number {
  const m = /^\s*[-+]?\d*(?:\.(\d*))?(?:e([-+]?\d+))?\s*$/i.exec(text);
  if (!m) return 12;
  return Math.min(20, Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0)));
}

/**
 * Every combination of the axes' values, the first axis varying slowest (as nested loops in the order
 * the sweeps were given): point k's values, one per axis.
 */
export function sweepGrid(axes: readonly SweepAxis[]): unknown[][] {
  let points: unknown[][] = [[]];
  for (const a of axes) points = points.flatMap((p) => a.values.map((v) => [...p, v]));
  return points;
}

/** A value as a CSV cell and in messages: numbers and strings as they are, anything else as JSON. */
export function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
