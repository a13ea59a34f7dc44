/**
 * The fuzzer's edits of whole values (scenarioFuzz.ts moves scalars): a distribution switched to a
 * random shape, a weight map redrawn, a list of classes chosen, and scheduled events (demand,
 * price and reliability shocks, waves of providers, incentive programs...) added. Each value is
 * what the dashboard's editors could write: within the schema's ranges, on the schema's paths, as
 * one `--set path=JSON` (the CLI's form, so a finding's command reproduces it).
 */
import type { ControlSpec, DistShape } from '../../src/ui/lib/schemaControls.ts';
import type { ItemField, ScheduleKind } from '../../src/ui/lib/scheduleKinds.ts';

export type Rng = () => number;

/** The range a number is drawn in: the schema's, and the part of it a user would mostly try. */
export interface DrawRange {
  kind: 'number' | 'integer';
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  sliderMin?: number;
  sliderMax?: number;
}

/**
 * A number within r: an end, inside the typical part, log-uniform over the whole range, or uniform
 * over it. `typical`: inside the typical part only (the values users mostly try: the slider's range),
 * log-uniform when it spans more than two decades.
 */
export function drawNumber(r: DrawRange, rng: Rng, typical = false): number {
  const lo = r.min ?? -1e6;
  const hi = r.max ?? 1e6;
  if (typical) {
    const a = Math.max(lo, r.sliderMin ?? lo);
    const b = Math.min(hi, r.sliderMax ?? hi);
    let v = a > 0 && b / a > 100 ? Math.exp(Math.log(a) + rng() * (Math.log(b) - Math.log(a))) : a + rng() * (b - a);
    if (r.kind === 'integer') v = Math.min(hi, Math.max(lo, Math.round(v)));
    if (r.exclusiveMin && v <= lo) v = lo + (b - lo) * 1e-3;
    return v;
  }
  const u = rng();
  let v: number;
  if (u < 0.15) v = r.exclusiveMin ? lo + (hi - lo) * 1e-6 : lo;
  else if (u < 0.3) v = hi;
  else if (u < 0.55) v = (r.sliderMin ?? lo) + rng() * ((r.sliderMax ?? hi) - (r.sliderMin ?? lo));
  else if (u < 0.8 && lo >= 0 && hi > 0) {
    const a = Math.log(Math.max(lo, 1e-6));
    v = Math.exp(a + rng() * (Math.log(hi) - a));
  } else v = lo + rng() * (hi - lo);
  if (r.kind === 'integer') v = Math.round(v);
  v = Math.min(hi, Math.max(lo, v));
  if (r.exclusiveMin && v <= lo) v = lo + (hi - lo) * 1e-6;
  return v;
}

const pickOne = <T>(xs: readonly T[], rng: Rng): T => xs[Math.floor(rng() * xs.length)];

/** A non-empty random subset of `options`, in their order. */
function subset(options: readonly string[], rng: Rng): string[] {
  const out = options.filter(() => rng() < 0.5);
  return out.length > 0 ? out : [pickOne(options, rng)];
}

/**
 * A distribution of a random shape the field takes, its parameters within their ranges; hours
 * mostly between a minute and a few thousand (a uniform's ends in order).
 */
export function drawDistribution(c: ControlSpec, rng: Rng, typical = false): Record<string, unknown> {
  const shape: DistShape = pickOne(c.dists ?? [], rng);
  const out: Record<string, unknown> = { dist: shape.dist };
  for (const p of shape.params) {
    const range = p.key === 'sigma' ? [0.1, 3] : p.key === 'shape' ? [0.3, 5] : [0.02, 2000];
    out[p.key] = drawNumber({ kind: 'number', min: p.min, max: p.max, exclusiveMin: p.exclusiveMin, sliderMin: range[0], sliderMax: range[1] }, rng, typical);
  }
  if (shape.dist === 'uniform' && (out.min as number) > (out.max as number)) [out.min, out.max] = [out.max, out.min];
  return out;
}

/** A weight map over the keys of `members` (the controls of one map): some zero, the rest spread over three decades. */
export function drawWeightMap(members: readonly ControlSpec[], rng: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of members) {
    const key = m.path.slice(m.weightMapParent!.length + 1);
    const u = rng();
    out[key] = u < 0.25 ? 0 : u < 0.3 ? (m.max ?? 1e6) : Number((0.01 * Math.pow(1000, rng())).toPrecision(3));
  }
  return out;
}

/** Typical values of an event's fields: days within the run, a wave of up to a few thousand providers. */
function typicalRange(f: ItemField, horizonDays: number): [number, number] | undefined {
  if (f.key === 'startDay') return [0, horizonDays];
  if (f.key === 'durationDays' || f.key === 'rampDays') return [0, horizonDays];
  if (f.key === 'repeatEveryDays') return [1, horizonDays];
  if (f.key === 'providers') return [1, 5000];
  if (f.key === 'budgetUsd') return [1e3, 1e8];
  // a shock's multipliers: from a tenth to tenfold (a 400-fold token price shock is not what users try)
  if (/[mM]ultiplier$/.test(f.key)) return [0.1, 10];
  return undefined;
}

/** 1-3 events of one kind: required fields always, optional ones half the time, each within its range. */
export function drawSchedule(kind: ScheduleKind, horizonDays: number, rng: Rng, typical = false): Record<string, unknown>[] {
  const n = 1 + Math.floor(rng() * 3);
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const item: Record<string, unknown> = {};
    for (const f of kind.fields) {
      if (!f.required && rng() < 0.5) continue;
      if (f.kind === 'choice') item[f.key] = pickOne(f.options ?? [], rng);
      else if (f.kind === 'multi') item[f.key] = subset(f.options ?? [], rng);
      else {
        const t = typicalRange(f, horizonDays);
        item[f.key] = drawNumber({ kind: f.integer ? 'integer' : 'number', min: f.min, max: f.max, sliderMin: t?.[0], sliderMax: t?.[1] }, rng, typical);
      }
    }
    items.push(item);
  }
  return items;
}

/** A random non-empty list of a multi-choice control's options (the classes that rent spot). */
export function drawMultiChoice(c: ControlSpec, rng: Rng): string[] {
  return subset(c.options ?? [], rng);
}
