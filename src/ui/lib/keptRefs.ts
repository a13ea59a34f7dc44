/**
 * What it takes to bring a kept run back (Compare scenarios): its raw scenario, seed, hash and the
 * seeds of its Monte Carlo runs, but no numbers, which come back from the run store or are simulated
 * again (same scenario and seed, same numbers). Kept in localStorage across reloads and carried by
 * share links, so both are untrusted input: shape-checked here, all or nothing, and each scenario
 * is validated and must reproduce its hash before anything runs (the dashboard does that).
 */
import { MAX_KEPT } from './compareSet.ts';

export interface KeptRef {
  /** The preset label the run was made from ("baseline (custom)"). */
  preset: string;
  seed: number;
  /** scenarioHash of the resolved scenario. */
  hash: string;
  scenario: Record<string, unknown>;
  /** Seeds of its Monte Carlo runs when it was kept with two or more (else absent). */
  seeds?: number[];
}

/** Monte Carlo runs a kept run may bring back (the dashboard's own limit). */
const MAX_SEEDS = 50;

const isSeed = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The refs if `v` is a list of well-formed ones (at most MAX_KEPT, no run twice), else null. */
export function readKeptRefs(v: unknown): KeptRef[] | null {
  if (!Array.isArray(v) || v.length > MAX_KEPT) return null;
  const out: KeptRef[] = [];
  for (const r of v as unknown[]) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return null;
    const o = r as Record<string, unknown>;
    if (typeof o.preset !== 'string' || o.preset.length > 80) return null;
    if (!isSeed(o.seed)) return null;
    if (typeof o.hash !== 'string' || !/^[0-9a-f]{16}$/.test(o.hash)) return null;
    if (o.scenario === null || typeof o.scenario !== 'object' || Array.isArray(o.scenario)) return null;
    if (o.seeds !== undefined && !(Array.isArray(o.seeds) && o.seeds.length >= 2 && o.seeds.length <= MAX_SEEDS && o.seeds.every(isSeed))) return null;
    if (Object.keys(o).some((k) => !['preset', 'seed', 'hash', 'scenario', 'seeds'].includes(k))) return null;
    if (out.some((x) => x.hash === o.hash && x.seed === o.seed)) return null;
    out.push({ preset: o.preset, seed: o.seed, hash: o.hash, scenario: o.scenario as Record<string, unknown>, ...(o.seeds ? { seeds: [...(o.seeds as number[])] } : {}) });
  }
  return out;
}
