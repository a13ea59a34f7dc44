/**
 * The Sweep panel's form, kept across reloads with the page's other view choices (persist.ts): the
 * parameter(s) and their ranges, points, seeds per point, the KPI shown, the change view and the
 * goal line. Runs are kept across reloads too (the run cache's store), so after a reload the same
 * sweep runs again from memory at once. Stored data is untrusted: each choice is checked on its own,
 * and one out of what the form offers falls back to its default. A parameter path is kept as text
 * (the panel falls back to its default when the scenario has no such parameter).
 */
import { KPIS } from './chartDefs/kpiDefs.ts';
import { isPrototypeKey } from '../../sim/scenario/prototypeKeys.ts';
import { flag, oneOf, text } from './storedChoice.ts';

/** Points the form offers for the first parameter, and for the second (a grid). */
export const SWEEP_STEPS = [3, 5, 7, 9, 11] as const;
export const SWEEP_STEPS2 = [3, 5, 7] as const;
/** Seeds per point the form offers. */
export const SWEEP_SEEDS = [1, 3, 5, 10] as const;

export interface SweepChoices {
  path: string;
  /** The range as typed (text: a half-typed number stays as it is). */
  from: string;
  to: string;
  steps: number;
  /** The path and page value the range was suggested for ('' for none yet): another suggests a new range. */
  rangeFor: string;
  grid: boolean;
  path2: string;
  from2: string;
  to2: string;
  steps2: number;
  rangeFor2: string;
  seeds: number;
  kpi: string;
  /** With several seeds: each point as its change from the first point, seed by seed. */
  asChange: boolean;
  /** The line the median is read against (one parameter), or the goal cells are marked by (a grid). */
  goalOn: boolean;
  goalCmp: '<' | '>';
  goal: string;
}

export function defaultSweepChoices(): SweepChoices {
  return {
    path: 'demand.baseRateJobsPerHour',
    from: '',
    to: '',
    steps: 5,
    rangeFor: '',
    grid: false,
    path2: 'economy.emission.tokensPerDay',
    from2: '',
    to2: '',
    steps2: 3,
    rangeFor2: '',
    seeds: 1,
    kpi: 'utilization',
    asChange: false,
    goalOn: false,
    goalCmp: '>',
    goal: '50',
  };
}

/** The key of a suggested range: the parameter and its page value (re-suggested when either changes). */
export function rangeKey(path: string, pageValue: unknown): string {
  return `${path}=${String(pageValue)}`;
}

const isPath = (v: unknown): v is string => typeof v === 'string' && v.length < 200 && /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/.test(v) && !v.split('.').some(isPrototypeKey);

/** Stored choices as the form can take them: each one it does not offer is its default; undefined for what is not an object. */
export function readSweepChoices(v: unknown): SweepChoices | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const d = defaultSweepChoices();
  return {
    path: isPath(o.path) ? o.path : d.path,
    from: text(o.from, d.from),
    to: text(o.to, d.to),
    steps: oneOf(SWEEP_STEPS as readonly number[], o.steps, d.steps),
    rangeFor: text(o.rangeFor, d.rangeFor, 400),
    grid: flag(o.grid, d.grid),
    path2: isPath(o.path2) ? o.path2 : d.path2,
    from2: text(o.from2, d.from2),
    to2: text(o.to2, d.to2),
    steps2: oneOf(SWEEP_STEPS2 as readonly number[], o.steps2, d.steps2),
    rangeFor2: text(o.rangeFor2, d.rangeFor2, 400),
    seeds: oneOf(SWEEP_SEEDS as readonly number[], o.seeds, d.seeds),
    kpi: oneOf(KPIS.map((k) => k.id), o.kpi, d.kpi),
    asChange: flag(o.asChange, d.asChange),
    goalOn: flag(o.goalOn, d.goalOn),
    goalCmp: oneOf(['<', '>'] as const, o.goalCmp, d.goalCmp),
    goal: text(o.goal, d.goal),
  };
}
