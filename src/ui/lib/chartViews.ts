/**
 * A chart's views, switched in its header (research/dashboards.md §6.3: "view toggles sit in the
 * chart headers: token ↔ USD, per-period ↔ cumulative"):
 *  - cumulative: the left axis's per-day flows as running totals from the run's first day (so the
 *    totals do not change when the time window moves); bars become areas, up or down;
 *  - in USD: token amounts at each day's token price (a flow at the price of the day it happened,
 *    a stock at the day's price: its market value).
 * Both at once: the running total of each day's USD value (what the emissions cost when minted).
 * A view draws twin columns (`minted_tokens__usd__cum`, ...) that deriveColumns adds to every run's
 * table, the Monte Carlo runs' too, so a view's lines get their bands like any other. The twins are
 * the dashboard's own: no export of the run's table carries them.
 */
import type { ChartDef, SeriesDef, SeriesType } from './chartDefs/chartTypes.ts';

export type ChartToggle = 'cumulative' | 'usd';

/** The toggles a chart offers (ChartDef.toggles), with the words of their checkboxes. */
export const TOGGLE_LABELS: Record<ChartToggle, string> = { cumulative: 'cumulative', usd: 'in USD' };

/** Which views are on, per chart id. */
export type ChartView = Partial<Record<ChartToggle, boolean>>;

/** The column a view draws for a series' column (USD first, then the running total). */
export function viewColumn(column: string, view: ChartView): string {
  return `${column}${view.usd ? '__usd' : ''}${view.cumulative ? '__cum' : ''}`;
}

const CUMULATIVE_TYPE: Partial<Record<SeriesType, SeriesType>> = { barUp: 'area', barDown: 'areaDown' };

/** Views on, of those the chart offers. */
function onViews(def: ChartDef, view: ChartView): ChartView {
  const t = def.toggles ?? [];
  return { cumulative: t.includes('cumulative') && !!view.cumulative, usd: t.includes('usd') && !!view.usd };
}

/**
 * The chart as a view draws it: the left axis's series on their twin columns, the unit and the
 * subtitle saying what changed, the left axis's reference lines dropped (drawn for per-day token
 * amounts, they mean nothing on totals or dollars). The right axis is left as it is.
 */
export function viewOf(def: ChartDef, view: ChartView): ChartDef {
  const v = onViews(def, view);
  if (!v.cumulative && !v.usd) return def;
  const series: SeriesDef[] = def.series.map((s) => {
    if (s.right) return s;
    const type = v.cumulative && s.type ? (CUMULATIVE_TYPE[s.type] ?? s.type) : s.type;
    return { ...s, column: viewColumn(s.column, v), type };
  });
  const unit = v.usd ? 'USD' : def.unit;
  const words = [
    v.usd ? 'token amounts in USD at each day\'s token price' : '',
    v.cumulative ? 'running totals from the run\'s first day' : '',
  ].filter(Boolean);
  // the title says the view too, so an exported SVG or PNG says what it shows
  const named = [v.cumulative ? TOGGLE_LABELS.cumulative : '', v.usd ? TOGGLE_LABELS.usd : ''].filter(Boolean).join(', ');
  return {
    ...def,
    title: `${def.title} (${named})`,
    series,
    unit: v.cumulative ? (def.cumulativeUnit ?? unit) : unit,
    subtitle: `${def.subtitle}. Shown: ${words.join('; ')}${def.rightUnit ? ' (left axis)' : ''}`,
    refs: def.refs?.filter((r) => r.right),
  };
}

/** Every column some view of some chart draws as a line (for the Monte Carlo bands). */
export function viewLineColumns(charts: readonly ChartDef[]): string[] {
  const out: string[] = [];
  for (const def of charts) {
    for (const view of viewsOf(def)) {
      for (const s of viewOf(def, view).series) if ((s.type ?? 'line') === 'line' && !s.right) out.push(s.column);
    }
  }
  return out;
}

/** A metric the compare view can draw: a series of a chart, or of one of its views. */
export interface CompareMetric {
  column: string;
  label: string;
  unit: string;
}

/**
 * Every series the charts draw as a metric to compare, then each chart's views of them (running
 * totals, USD values: "Minted vs burned (cumulative, in USD): Minted"); a column drawn by two
 * charts is one metric. The views' twin columns are in every run's table (deriveColumns), kept runs'
 * too, so any scenario can be compared on them.
 */
export function compareMetrics(charts: readonly ChartDef[]): CompareMetric[] {
  const of = (c: ChartDef) => c.series.map((s) => ({ column: s.column, label: `${c.title}: ${s.label.replace(/ \(right axis\)$/, '')}`, unit: s.right ? (c.rightUnit ?? c.unit) : c.unit }));
  const all = [...charts.flatMap(of), ...charts.flatMap((c) => viewsOf(c).flatMap((v) => of(viewOf(c, v)).filter((m) => !c.series.some((s) => s.column === m.column))))];
  return all.filter((x, i) => all.findIndex((y) => y.column === x.column) === i);
}

/** The combinations of the chart's toggles other than none. */
function viewsOf(def: ChartDef): ChartView[] {
  const t = def.toggles ?? [];
  const out: ChartView[] = [];
  if (t.includes('cumulative')) out.push({ cumulative: true });
  if (t.includes('usd')) out.push({ usd: true });
  if (t.includes('cumulative') && t.includes('usd')) out.push({ cumulative: true, usd: true });
  return out;
}

/**
 * The twin columns the charts' views draw, from a run's table (its own and its derived columns).
 * A running total skips a day without a value (NaN: drawn as a gap, the total carries on after it);
 * a USD value is NaN where the price is.
 */
export function viewColumns(charts: readonly ChartDef[], data: Record<string, Float64Array>, rows: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  const price = data.token_price_usd;
  for (const def of charts) {
    const t = def.toggles ?? [];
    if (t.length === 0) continue;
    for (const s of def.series) {
      const src = data[s.column];
      if (s.right || !src) continue;
      if (t.includes('cumulative')) out[viewColumn(s.column, { cumulative: true })] ??= runningTotal(src, rows);
      if (t.includes('usd') && price) {
        const usd = (out[viewColumn(s.column, { usd: true })] ??= valued(src, price, rows));
        if (t.includes('cumulative')) out[viewColumn(s.column, { usd: true, cumulative: true })] ??= runningTotal(usd, rows);
      }
    }
  }
  return out;
}

function runningTotal(a: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  let s = 0;
  for (let i = 0; i < rows; i++) {
    if (Number.isFinite(a[i])) {
      s += a[i];
      out[i] = s;
    } else out[i] = NaN;
  }
  return out;
}

function valued(a: Float64Array, price: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = a[i] * price[i];
  return out;
}
