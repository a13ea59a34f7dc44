/**
 * Which provider type earns most, run by run (research/dashboards.md §6.5, CryptoEconLab's Monte
 * Carlo ranking): over the selected window, each type's profit per GPU-day (income + rewards - costs
 * over the GPU-days of its providers in the network) ranks the types in each run, and the rank
 * frequencies say whether one ordering is robust to luck or flips from seed to seed.
 */
import { ARCHETYPE_COLORS } from './chartDefs/palette.ts';
import { rowsInWindow } from './compareSet.ts';
import type { RunTable } from './bands.ts';

export interface TypeRanking {
  archetype: string;
  /** Runs in which the type ranked 1st, 2nd, ... (index 0 is 1st). */
  counts: number[];
  /** The type's profit per GPU-day in each run that had it (USD). */
  values: number[];
}

/** A type's profit per GPU-day over rows lo..hi; NaN without its columns or GPUs. */
export function profitPerGpuDay(t: RunTable, archetype: string, [lo, hi]: [number, number], periodHours: number): number {
  const col = (n: string) => t.data[`${n}_${archetype}`];
  const rev = col('provider_revenue_usd');
  const rew = col('provider_rewards_usd');
  const cost = col('provider_costs_usd');
  const gpus = col('gpus_total');
  if (!rev || !rew || !cost || !gpus) return NaN;
  let profit = 0;
  let gpuDays = 0;
  for (let i = lo; i <= hi; i++) {
    profit += rev[i] + rew[i] - cost[i];
    gpuDays += (gpus[i] * periodHours) / 24;
  }
  return gpuDays > 0 ? profit / gpuDays : NaN;
}

/** Rank frequencies of the types over the runs (best first); types no run has are left out. */
export function typeRanks(runs: readonly RunTable[], window: readonly [number, number], periodHours: number): { runs: number; rows: TypeRanking[] } {
  const types = Object.keys(ARCHETYPE_COLORS);
  const rows = types.map((archetype) => ({ archetype, counts: types.map(() => 0), values: [] as number[] }));
  let ranked = 0;
  for (const t of runs) {
    const w = rowsInWindow(t, window);
    if (!w) continue;
    const scored = types.map((a, k) => ({ k, v: profitPerGpuDay(t, a, w, periodHours) })).filter((x) => Number.isFinite(x.v));
    if (scored.length === 0) continue;
    ranked++;
    // best first; a tie goes to the type listed first, so every run gives each rank once
    scored.sort((x, y) => y.v - x.v || x.k - y.k);
    scored.forEach((x, r) => {
      rows[x.k].counts[r]++;
      rows[x.k].values.push(x.v);
    });
  }
  return { runs: ranked, rows: rows.filter((r) => r.values.length > 0) };
}
