/**
 * The daily bars of one series as a single SVG path (one DOM node, not one <rect> per day: a year
 * of bars stays cheap to redraw while the run streams in).
 *
 * A bar covers its period, (day - period, day], and rises from `basePx`: the zero line, or on a log
 * axis (which has no zero) the axis floor. A bar of 0 or of no value is not drawn, and on a log axis
 * neither is a non-positive one, which the axis cannot place (it would give NaN coordinates).
 */
export interface BarSpec {
  day: ArrayLike<number>;
  values: ArrayLike<number>;
  /** First and last row to draw (inclusive). */
  from: number;
  to: number;
  x: (day: number) => number;
  y: (value: number) => number;
  /** Pixel row the bars rise from. */
  basePx: number;
  periodDays: number;
  /** Horizontal offset of this series' bars within the period (side-by-side series), px. */
  offsetPx: number;
  widthPx: number;
  /** Draw below the base (values plotted as -v): outflows such as exits or burns. */
  down: boolean;
  log: boolean;
}

export function barsPath(b: BarSpec): string {
  if (b.log && b.down) throw new Error('bars drawn downwards need a linear axis: a log axis has no negative values');
  let d = '';
  const y0 = b.basePx.toFixed(1);
  const w = b.widthPx.toFixed(2);
  for (let i = b.from; i <= b.to; i++) {
    const v = b.values[i];
    if (!Number.isFinite(v) || v === 0 || (b.log && v < 0)) continue;
    const x0 = b.x(b.day[i] - b.periodDays) + b.offsetPx;
    const y1 = b.y(b.down ? -v : v);
    d += `M${x0.toFixed(1)},${y0}V${y1.toFixed(1)}h${w}V${y0}Z`;
  }
  return d;
}
