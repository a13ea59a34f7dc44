/**
 * The Sensitivity panel's form (method, parameter set, spread, seeds per end, rows, the KPI shown),
 * kept across reloads with the page's other view choices (persist.ts). Runs are kept across reloads
 * too (the run cache's store), so after a reload the same choices run again from memory at once.
 * Stored data is untrusted: each choice is checked on its own, and one out of what the form offers
 * falls back to its default.
 */
import { KPIS } from './chartDefs/kpiDefs.ts';
import { SOBOL_ROWS } from './sobolPlan.ts';
import { TORNADO_CHANGES } from './tornadoPlan.ts';
import { oneOf } from './storedChoice.ts';

/** The parameter sets the panel offers ('scheduled' only while the scenario schedules something). */
export const SENSITIVITY_SETS = ['first', 'supply', 'demand', 'market', 'economy', 'scheduled'] as const;
export type SensitivitySet = (typeof SENSITIVITY_SETS)[number];

/** Seeds per end the one-at-a-time method offers. */
export const SEEDS_PER_END = [1, 3, 5] as const;

export interface SensitivityChoices {
  /** One at a time (a tornado) or all at once (Sobol indices). */
  method: 'oat' | 'sobol';
  set: SensitivitySet;
  /** Each parameter moved (or drawn within) ± this share of its page value. */
  fraction: number;
  seedsPerEnd: number;
  /** Rows of the Sobol design. */
  rows: number;
  /** The KPI the tornado shows, and the one the Sobol chart shows. */
  kpi: string;
  sobolKpi: string;
}

export function defaultSensitivity(): SensitivityChoices {
  return { method: 'oat', set: 'first', fraction: 0.2, seedsPerEnd: 1, rows: 16, kpi: 'utilization', sobolKpi: 'utilization' };
}

const kpiIds = KPIS.map((k) => k.id);

/** Stored choices as the form can take them: each one it does not offer is its default; undefined for what is not an object. */
export function readSensitivity(v: unknown): SensitivityChoices | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const d = defaultSensitivity();
  return {
    method: oneOf(['oat', 'sobol'] as const, o.method, d.method),
    set: oneOf(SENSITIVITY_SETS, o.set, d.set),
    fraction: oneOf(TORNADO_CHANGES as readonly number[], o.fraction, d.fraction),
    seedsPerEnd: oneOf(SEEDS_PER_END as readonly number[], o.seedsPerEnd, d.seedsPerEnd),
    rows: oneOf(SOBOL_ROWS as readonly number[], o.rows, d.rows),
    kpi: oneOf(kpiIds, o.kpi, d.kpi),
    sobolKpi: oneOf(kpiIds, o.sobolKpi, d.sobolKpi),
  };
}
