/**
 * What a chart definition holds: its series (column, label, colour, how each is drawn) and the
 * chart's units, scales, reference lines and views; when a chart belongs on screen for a run
 * (`usesMechanism`, from its `onlyWith`); and the notes a chart shows in its place when its columns
 * are missing. The charts themselves are in charts.ts.
 */
import type { ChartToggle } from '../chartViews.ts';
import { getAt } from '../paths.ts';
import type { Scenario } from '../../../sim/scenario/schema.ts';

/** 'areaDown': an area drawn down from 0 (a running total of what barDown draws per day). */
export type SeriesType = 'line' | 'area' | 'areaDown' | 'stack' | 'barUp' | 'barDown';

export interface SeriesDef {
  column: string;
  label: string;
  color: string;
  dash?: string;
  type?: SeriesType;
  width?: number;
  /** Secondary y axis on the right (different unit or magnitude). */
  right?: boolean;
  /** Drawn (and in the legend) only when the column holds a value other than 0: for mechanisms a scenario may not have, such as token unlocks. */
  onlyWhenNonZero?: boolean;
  /** Drawn (and in the legend) only when the column holds a value somewhere: for a figure that is empty without its mechanism (the waits of spot orders without spot leases). */
  onlyWhenValued?: boolean;
  /** Stands in for series of a newer column in runs from before it: drawn when its column exists, never listed as missing. */
  standIn?: boolean;
}

export interface ChartDef {
  id: string;
  title: string;
  /** One line under the title: what to look for. */
  subtitle: string;
  unit: string;
  rightUnit?: string;
  series: SeriesDef[];
  /**
   * 'auto' switches to log when positive values span more than two orders of magnitude; the user can
   * toggle it either way. 'never' for charts a log axis cannot show: ones with negative values (bars
   * drawn downwards, profits) or stacked areas.
   */
  log: 'auto' | 'never' | 'default-on';
  /** Fixed y domain, e.g. [0, 1] for shares. */
  yDomain?: [number, number];
  /**
   * The right axis's highest value, when the right series go above it: the axis stops there and the
   * lines leave the plot at its top (the tooltip and data table keep the values). For a figure whose
   * early or extreme values would flatten the part a reader looks at (a payback of 1,500 months in a
   * run's first weeks squeezed the 12- and 24-month thresholds into one pixel row).
   */
  rightCap?: number;
  /** The right axis stays linear even when its values span orders of magnitude (a countdown reads as a straight line to 0). */
  rightLinear?: boolean;
  /** Horizontal reference lines (on the right axis with `right`). */
  refs?: { value: number; label: string; right?: boolean }[];
  /** Columns without which the chart is "not available yet". */
  needs: string[];
  /** Why the chart may be missing, shown in its place. */
  pendingNote?: string;
  /**
   * Views the chart's header offers (lib/chartViews.ts): 'cumulative' when its left axis holds
   * per-day flows, 'usd' when it holds token amounts.
   */
  toggles?: ChartToggle[];
  /** The left axis's unit in the cumulative view, when not the chart's own (e.g. 'leases' for 'per day'). */
  cumulativeUnit?: string;
  /**
   * A scenario path to a list (e.g. 'economy.incentivePrograms'): the chart is drawn only for runs
   * whose scenario holds items there, or the group itself (market.escrow). A chart of a mechanism the
   * run does not use is a flat zero.
   */
  onlyWith?: string | string[];
  /**
   * A test of the run's scenario, for a chart whose mechanism is a choice rather than a group or a
   * list (e.g. burn-and-mint payment with settlement mints): drawn only when it holds. With
   * `onlyWith`, either will do.
   */
  onlyWhen?: (scenario: Scenario) => boolean;
  /** A sentence under the subtitle about how the run's scenario shapes what the chart shows (null: none). */
  note?: (scenario: Scenario) => string | null;
}

/**
 * Whether a chart belongs on screen for a run of `scenario`: always, unless what its `onlyWith`
 * names is missing there (an empty or absent list, or an absent group; of several paths, when all
 * are missing) and its `onlyWhen`, if any, does not hold. No run yet: not shown.
 */
export function usesMechanism(scenario: unknown, def: ChartDef): boolean {
  if (!def.onlyWith && !def.onlyWhen) return true;
  if (def.onlyWhen && scenario !== undefined && scenario !== null && def.onlyWhen(scenario as Scenario)) return true;
  // a list of paths: any of them will do
  return (Array.isArray(def.onlyWith) ? def.onlyWith : def.onlyWith ? [def.onlyWith] : []).some((path) => {
    const v = scenario === undefined ? undefined : getAt(scenario, path);
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
  });
}

/** What a chart of the token economy shows in its place when a run with the economy on has no economy columns (economy off: lib/missingColumns.ts). */
/**
 * Where a payback's scale stops, in months: as the payback histogram's last bin, 10 years and more
 * reads as "does not pay back". The payback chart's right axis and the payback card's sparkline cut
 * there, so a run's first weeks (little trailing profit yet: paybacks of thousands of months) do
 * not flatten the rest of the line.
 */
export const PAYBACK_CUT_MONTHS = 120;

export const ECONOMY_NOTE = 'This run has no token-economy columns (tokens, provider P&L) although its economy is on: it was stored by a version from before they came.';

/** Why a chart of an optional mechanism is missing for a run from before the mechanism came. */
export const cameIn = (what: string, version: string) => `${what} came in ${version}: runs from before have no columns for them.`;
