/**
 * One-at-a-time sensitivity (a tornado chart): each parameter of a set moved down and up by the same
 * fraction of its value on the page, everything else as on the page, and a KPI over the whole run at
 * each end. The parameters are ranked by the swing, the distance between the KPI at the two ends:
 * the first bar is the parameter the KPI depends on most, over that range.
 */
import { quantileType7 } from '../../sim/metrics/quantile.ts';
import type { KpiDef } from './chartDefs/kpiDefs.ts';
import type { RunTable } from './bands.ts';
import type { ControlKind, ControlSpec } from './schemaControls.ts';
import { kpiOfRun } from './sweepPlan.ts';
import { pairedChange } from '../../sim/metrics/significance.ts';
import { distParamControls, PARAM_NAMES } from './distChoice.ts';

/** The changes offered, as fractions of the page's value. */
export const TORNADO_CHANGES = [0.1, 0.2, 0.5] as const;

export interface TornadoParam {
  path: string;
  label: string;
  unit: string;
  base: number;
  low: number;
  high: number;
}

/**
 * The parameters a set of controls offers the panel: its numbers (a weight map's entries are edited
 * as a whole map, so they are left out), then the parameters of its distributions in their current
 * shape ("how much do longer training jobs matter?": Training duration: median), which the sweep
 * offers too. Bare labels get their owner's name, as the panel's group heading would give it.
 */
export function tornadoControls(set: readonly ControlSpec[], valueAt: (path: string) => unknown): ControlSpec[] {
  const numbers = set.filter((c) => (c.kind === 'number' || c.kind === 'integer') && !c.weightMapParent).map((c) => ({ ...c, label: contextLabel(c.path, c.label) }));
  return [...numbers, ...distParamControls(set, valueAt).map((c) => ({ ...c, label: distLabel(c.path) }))];
}

/** A bare label ("Price") gets its parent's name: "Weights: price". */
function contextLabel(path: string, label: string): string {
  const parts = path.split('.');
  if (parts.length < 3 || label.includes(':')) return label;
  const parent = parts[parts.length - 2];
  return `${parent[0].toUpperCase()}${parent.slice(1)}: ${label.toLowerCase()}`;
}

/**
 * A distribution parameter's label short enough for a bar's row: "Inference duration: sigma (of
 * ln)", where the sweep's list says "Inference: duration hours: log-normal sigma (of ln)" (the
 * row's tooltip gives the path).
 */
function distLabel(path: string): string {
  const [owner, field, key] = path.split('.').slice(-3);
  const words = field.replace(/Hours$/, '').replace(/[A-Z]/g, (ch) => ` ${ch.toLowerCase()}`);
  return `${owner[0].toUpperCase()}${owner.slice(1)} ${words}: ${PARAM_NAMES[key]?.label ?? key}`;
}

/** Why a field of another kind has no ends (the panel offers numbers only; a new kind must say why here). */
const NOT_MOVABLE: Record<Exclude<ControlKind, 'number' | 'integer'>, string> = {
  boolean: 'a flag, not a number',
  choice: 'a choice, not a number',
  multiChoice: 'a list of choices, not a number',
  distribution: 'a distribution, not a number',
};

/**
 * The two ends for a field whose page value is `base`: base x (1 - f) and base x (1 + f), whole
 * numbers for an integer field, held within the field's range. Null, with the reason, when there
 * is nothing to move: a value of 0 (a fraction of it is 0) or both ends pinned to the page's value.
 */
export function tornadoEnds(c: ControlSpec, base: number, fraction: number): { low: number; high: number } | { reason: string } {
  if (c.kind !== 'number' && c.kind !== 'integer') return { reason: NOT_MOVABLE[c.kind] };
  if (!Number.isFinite(base)) return { reason: c.optionalGroup ? `off in this scenario (${c.optionalGroup.title.toLowerCase()})` : 'not a number on the page' };
  if (base === 0) return { reason: 'its value is 0, so a share of it moves nothing' };
  const round = (v: number) => (c.kind === 'integer' ? Math.round(v) : Number(v.toPrecision(12)));
  const clamp = (v: number) => Math.min(c.max ?? Infinity, Math.max(c.min ?? -Infinity, v));
  let low = clamp(round(base * (1 - fraction)));
  let high = clamp(round(base * (1 + fraction)));
  if (low > high) [low, high] = [high, low]; // a negative value
  // an exclusive lower bound (> 0) the low end may not touch
  if (c.exclusiveMin && c.min !== undefined && low <= c.min) low = base;
  if (low === base && high === base) return { reason: 'the field’s range leaves no room either way' };
  return { low, high };
}

export interface TornadoBar extends TornadoParam {
  /** The KPI's median across seeds at each end, and the seeds finished there. */
  atLow: number;
  atHigh: number;
  nLow: number;
  nHigh: number;
  /** |atHigh - atLow|; NaN until both ends have a value. */
  swing: number;
  /**
   * The change from the low end to the high end seed by seed (KPI at high minus at low on the same
   * seed, over the seeds with both ends): its least and greatest, and on how many seeds. A seed
   * gives both ends the same luck (common random numbers), so when every seed moves the KPI the
   * same way (`sameSign`, two seeds or more) the bar is not seed noise, however short.
   */
  perSeed: { min: number; max: number; n: number; sameSign: boolean };
}

/** Over the runs with a value: an infinite one (a payback never reached) counts as the longest, as in spreadOf. */
function median(values: number[]): number {
  const x = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  return quantileType7(x, x.length, 0.5);
}

/**
 * The bars for KPI `k`, widest swing first (bars still missing an end last, in the parameters' order).
 * `tableOf(param, end, seed)` gives a finished run or undefined; `period` is the metric period (h).
 */
export function tornadoBars(
  params: readonly TornadoParam[],
  seeds: readonly number[],
  k: KpiDef,
  tableOf: (param: number, end: 'low' | 'high', seed: number) => RunTable | undefined,
  period: number,
): TornadoBar[] {
  const at = (i: number, end: 'low' | 'high') => {
    const v = seeds.map((s) => tableOf(i, end, s)).filter((t): t is RunTable => !!t).map((t) => kpiOfRun(k, t, period));
    return { m: median(v), n: v.filter((x) => !Number.isNaN(x)).length };
  };
  const perSeed = (i: number) => {
    const d: number[] = [];
    for (const s of seeds) {
      const lo = tableOf(i, 'low', s);
      const hi = tableOf(i, 'high', s);
      const v = lo && hi ? pairedChange(kpiOfRun(k, hi, period), kpiOfRun(k, lo, period)) : NaN;
      if (!Number.isNaN(v)) d.push(v); // "never" at one end only is an infinite change, of a known sign
    }
    const min = d.length ? Math.min(...d) : NaN;
    const max = d.length ? Math.max(...d) : NaN;
    return { min, max, n: d.length, sameSign: d.length >= 2 && (min > 0 || max < 0) };
  };
  const bars = params.map((p, i) => {
    const lo = at(i, 'low');
    const hi = at(i, 'high');
    return { ...p, atLow: lo.m, atHigh: hi.m, nLow: lo.n, nHigh: hi.n, swing: Math.abs(hi.m - lo.m), perSeed: perSeed(i) };
  });
  // stable: equal swings keep the parameters' order
  return bars
    .map((b, i) => ({ b, i }))
    .sort((x, y) => {
      const a = x.b.swing;
      const c = y.b.swing;
      if (Number.isNaN(a) !== Number.isNaN(c)) return Number.isNaN(a) ? 1 : -1;
      return (Number.isNaN(a) ? 0 : c - a) || x.i - y.i;
    })
    .map((x) => x.b);
}

/** The KPI across the page scenario's seeds (the bars' common reference). */
export function tornadoBase(seeds: readonly number[], k: KpiDef, tableOf: (seed: number) => RunTable | undefined, period: number): number {
  return median(seeds.map((s) => tableOf(s)).filter((t): t is RunTable => !!t).map((t) => kpiOfRun(k, t, period)));
}

/**
 * The bars as CSV, widest swing first: the parameter, its values at the page and both ends, the KPI
 * at both ends and the swing, then the change high minus low seed by seed (least, greatest, seeds).
 */
export function tornadoCsv(kpiId: string, bars: readonly TornadoBar[], format: (v: number) => string): string {
  const head = ['rank', 'parameter', 'value_page', 'value_low', 'value_high', `${kpiId}_at_low`, `${kpiId}_at_high`, `${kpiId}_swing`, 'seeds_low', 'seeds_high', `${kpiId}_change_min_per_seed`, `${kpiId}_change_max_per_seed`, 'seeds_paired'];
  const lines = bars.map((b, i) =>
    [String(i + 1), b.path, format(b.base), format(b.low), format(b.high), format(b.atLow), format(b.atHigh), format(b.swing), String(b.nLow), String(b.nHigh), format(b.perSeed.min), format(b.perSeed.max), String(b.perSeed.n)].join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}
