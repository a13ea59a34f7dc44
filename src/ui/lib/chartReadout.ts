/**
 * What a time chart says about a day in words and numbers: the tooltip's rows and columns (this
 * run, the Monte Carlo band, a picked run, the pinned baseline) and where it sits, the text the
 * plot's day slider reads out, and the chart's text alternative for screen readers. Pure; values
 * formatted by unit with format.ts.
 */
import type { ChartDef, SeriesDef } from './chartDefs/chartTypes.ts';
import type { BandView, RunTable } from './bands.ts';
import { formatValue, formatWithUnit } from './format.ts';
import { bandWords } from '../../sim/metrics/bandLevel.ts';

/** The units a chart's values are in: its own, and its right axis's. */
export type ChartUnits = Pick<ChartDef, 'unit' | 'rightUnit'>;

/** The unit of a series' values: the right axis's for a series drawn on it. */
export function unitOf(def: ChartUnits, s: SeriesDef): string {
  return s.right ? (def.rightUnit ?? '') : def.unit;
}

/** Each series' value at a row with its unit: "Utilization 61.2%; Fill rate 80.0%". */
function valuesAt(def: ChartUnits, series: readonly SeriesDef[], t: RunTable, row: number): string {
  return series.map((s) => `${s.label} ${formatWithUnit(t.data[s.column][row], unitOf(def, s))}`).join('; ');
}

/** The chart as one sentence (the SVG's label): every series on the run's last day. */
export function chartSummary(a: { def: Pick<ChartDef, 'title' | 'unit' | 'rightUnit'>; series: readonly SeriesDef[]; table: RunTable; available: boolean; days: number }): string {
  const { def, table } = a;
  if (!a.available) return `${def.title}: not available in this run.`;
  if (table.rows === 0) return `${def.title}: no data yet.`;
  const i = table.rows - 1;
  return `${def.title}, day ${Math.round(table.data.day[i])} of ${Math.round(a.days)}: ${valuesAt(def, a.series, table, i)}.`;
}

/** What the day slider reads out: the hovered day and every series on it (row -1: none hovered). */
export function dayReadout(def: ChartUnits, series: readonly SeriesDef[], table: RunTable, row: number): string {
  return row < 0 ? 'no day selected' : `day ${Math.round(table.data.day[row])}: ${valuesAt(def, series, table, row)}`;
}

/** One series in the tooltip: its value in this run, then one text per further column (empty where it has none). */
export interface TooltipRow {
  s: SeriesDef;
  value: string;
  others: string[];
}

export interface Tooltip {
  day: number;
  /** What the value columns are, left to right (named in its footer when there is more than one). */
  columns: string[];
  rows: TooltipRow[];
}

/** A table's row at the hovered day (-1: the table has none). */
interface AtRow {
  table: RunTable;
  row: number;
}

/**
 * The tooltip at a row of this run: a column of values for this run, then, where they are on the
 * chart, the band's range (for the series that have one), the picked run's values and the pinned
 * baseline's ('n/a' for a series the baseline does not have).
 */
export function tooltipAt(a: {
  def: ChartUnits;
  series: readonly SeriesDef[];
  now: AtRow;
  band: { view: BandView; row: number; series: readonly SeriesDef[] } | null;
  picked: (AtRow & { seed: number; series: readonly SeriesDef[] }) | null;
  base: AtRow | null;
}): Tooltip {
  const { def, now } = a;
  const band = a.band && a.band.row >= 0 ? a.band : null;
  const picked = a.picked && a.picked.row >= 0 ? a.picked : null;
  const base = a.base && a.base.row >= 0 ? a.base : null;
  const fmt = (s: SeriesDef, v: number) => formatValue(v, unitOf(def, s));
  return {
    day: Math.round(now.table.data.day[now.row]),
    columns: [
      'this run',
      ...(band ? [`${bandWords(band.view.level)} of ${band.view.runs} runs`] : []),
      ...(picked ? [`seed ${picked.seed}`] : []),
      ...(base ? ['pinned baseline'] : []),
    ],
    rows: a.series.map((s) => ({
      s,
      value: fmt(s, now.table.data[s.column][now.row]),
      others: [
        ...(band ? [band.series.includes(s) ? `${fmt(s, band.view.lo[s.column][band.row])} – ${fmt(s, band.view.hi[s.column][band.row])}` : ''] : []),
        ...(picked ? [picked.series.includes(s) ? fmt(s, picked.table.data[s.column][picked.row]) : ''] : []),
        ...(base ? [base.table.data[s.column] ? fmt(s, base.table.data[s.column][base.row]) : 'n/a'] : []),
      ],
    })),
  };
}

/**
 * The tooltip goes right of the crosshair when it fits, else left of it, else against the left
 * edge: with bands, a picked run and a pinned baseline it has four value columns and is wider
 * than half a chart.
 */
export function tooltipLeft(crosshairX: number | null, tooltipWidth: number, chartWidth: number): number {
  if (crosshairX === null) return 0;
  return crosshairX + 12 + tooltipWidth <= chartWidth ? crosshairX + 12 : Math.max(0, crosshairX - 12 - tooltipWidth);
}
