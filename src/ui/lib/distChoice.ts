/**
 * Switching a distribution field (a job class's duration or patience) from one shape to another
 * without losing what it says: the new shape starts at the same mean, so "log-normal, median 24 h,
 * sigma 1.5" (mean 74 h) becomes "exponential, mean 74 h", not an arbitrary default. The spread
 * carries over where the shapes share it (a log-normal's sigma, a Weibull's shape); else it starts
 * at the shape's plainest (sigma 1, shape 1: an exponential; a uniform from 0 to twice the mean).
 */
import { meanOf } from '../../sim/rng/fromDist.ts';
import type { Dist } from '../../sim/scenario/params.ts';
import type { ControlSpec } from './schemaControls.ts';

/** The names the field shows for the shapes. */
export const DIST_NAMES: Record<string, string> = {
  fixed: 'fixed',
  exponential: 'exponential',
  lognormal: 'log-normal',
  weibull: 'Weibull',
  uniform: 'uniform',
};

/** What each parameter is, in the field's words; the unit is the field's own unless said. */
export const PARAM_NAMES: Record<string, { label: string; unitless?: boolean }> = {
  value: { label: 'value' },
  mean: { label: 'mean' },
  median: { label: 'median' },
  sigma: { label: 'sigma (of ln)', unitless: true },
  shape: { label: 'shape k', unitless: true },
  min: { label: 'min' },
  max: { label: 'max' },
};

const round = (v: number) => Number(v.toPrecision(4));

/** The mean of a field's value, NaN when it is not a whole distribution (a half-typed edit). */
export function distMean(d: unknown): number {
  try {
    const m = meanOf(d as Dist);
    return Number.isFinite(m) ? m : NaN;
  } catch {
    return NaN;
  }
}

/** The distribution of shape `to` with the mean of `from` (its spread kept where both shapes have it). */
export function switchDist(from: unknown, to: string): Record<string, unknown> {
  const f = (from ?? {}) as Record<string, unknown>;
  const m = distMean(from);
  const mean = Number.isFinite(m) && m > 0 ? m : 1;
  switch (to) {
    case 'fixed':
      return { dist: 'fixed', value: round(mean) };
    case 'exponential':
      return { dist: 'exponential', mean: round(mean) };
    case 'lognormal': {
      const sigma = typeof f.sigma === 'number' ? f.sigma : 1;
      return { dist: 'lognormal', median: round(mean / Math.exp((sigma * sigma) / 2)), sigma };
    }
    case 'weibull':
      return { dist: 'weibull', mean: round(mean), shape: typeof f.shape === 'number' ? f.shape : 1 };
    case 'uniform':
      return { dist: 'uniform', min: 0, max: round(2 * mean) };
    default:
      throw new Error(`unknown distribution '${to}'`);
  }
}

/**
 * The parameters of each distribution field's current shape as number controls, for the sweep:
 * "what if training jobs ran longer?" sweeps `demand.classes.training.durationHours.median`, the
 * path `--set` and `--sweep` take. `distParent` names the distribution, which a point's edit writes
 * whole (sweepEdits), since a parameter alone is no valid distribution.
 */
export function distParamControls(controls: readonly ControlSpec[], valueAt: (path: string) => unknown): ControlSpec[] {
  const out: ControlSpec[] = [];
  for (const c of controls) {
    if (c.kind !== 'distribution') continue;
    const v = valueAt(c.path) as { dist?: unknown } | undefined;
    const shape = c.dists?.find((d) => d.dist === v?.dist);
    for (const p of shape?.params ?? []) {
      const name = PARAM_NAMES[p.key] ?? { label: p.key };
      out.push({
        path: `${c.path}.${p.key}`,
        group: c.group,
        kind: 'number',
        label: `${c.label}: ${DIST_NAMES[shape!.dist] ?? shape!.dist} ${name.label}`,
        unit: name.unitless ? '' : c.unit,
        description: c.description,
        min: p.min,
        max: p.max,
        ...(p.exclusiveMin ? { exclusiveMin: true } : {}),
        distParent: c.path,
      });
    }
  }
  return out;
}

/**
 * A sweep point's edits: each control's value at its path, except a distribution's parameter, which
 * writes its whole distribution (the page's, with that parameter and any other swept one of it
 * changed: a grid of a log-normal's median and sigma).
 */
export function sweepEdits(values: readonly (readonly [ControlSpec, number])[], valueAt: (path: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [c, v] of values) {
    if (!c.distParent) {
      out[c.path] = v;
      continue;
    }
    const base = (out[c.distParent] ?? valueAt(c.distParent) ?? {}) as Record<string, unknown>;
    out[c.distParent] = { ...base, [c.path.slice(c.distParent.length + 1)]: v };
  }
  return out;
}
