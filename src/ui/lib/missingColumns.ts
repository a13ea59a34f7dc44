/**
 * Why a chart or a KPI card has none of the columns it needs: the run's first rows are still to come
 * (or no run is shown yet), the scenario has no token economy (economy.enabled false: its columns
 * will never come), or the run has no such columns (one stored by a version from before they
 * came). The dashboard said "not available yet" and "not produced by this version of the core yet"
 * for all three, which for the queueing scenarios (mmc, erlang_a) was untrue once the run was done.
 */
import { ECONOMY_ONLY_COLUMNS } from '../../sim/run.ts';

export type Missing = 'pending' | 'economy-off' | 'absent';

/** What the run shown knows of its scenario and columns (RunInfo's part that matters here). */
export interface ShownRun {
  columns: readonly { name: string }[];
  scenario: { economy: { enabled: boolean } };
}

/** Of the columns `needed`, those the run `info` does not have at all (none while no run is shown). */
export function notInRun(info: ShownRun | null, needed: readonly string[]): string[] {
  return info ? needed.filter((n) => !info.columns.some((c) => c.name === n)) : [];
}

/** Why the columns `needed` (those the table lacks) are missing from the run `info` (null: no run shown yet). */
export function whyMissing(info: ShownRun | null, needed: readonly string[]): Missing {
  const absent = notInRun(info, needed);
  if (absent.length === 0) return 'pending';
  if (!info!.scenario.economy.enabled && absent.some((n) => ECONOMY_ONLY_COLUMNS.has(n))) return 'economy-off';
  return 'absent';
}

/** A card's or chart's words for it. */
export const ECONOMY_OFF = 'No token economy in this scenario (economy.enabled is false)';
