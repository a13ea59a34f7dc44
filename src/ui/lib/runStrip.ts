/**
 * Where each Monte Carlo run falls on one KPI: a dot per run on a value axis, with the rule's
 * threshold, so a reader sees the whole spread of outcomes (and which seeds are the outliers)
 * behind an exceedance count such as "2 of 10 runs". Dots closer than a diameter stack upward
 * instead of hiding each other (a one-sided beeswarm), so every run stays visible and clickable.
 *
 * Runs whose KPI is undefined (NaN) are not drawn and are counted apart; an infinite value (a
 * payback that never comes) is drawn in a column of its own past the axis's end, marked "∞".
 * Pure: the component only turns the result into SVG.
 */
import { scaleLinear } from 'd3';
import { crosses, type ExceedanceRule } from './exceedance.ts';

export interface StripDot {
  seed: number;
  value: number;
  /** Centre, in pixels from the strip's left edge. */
  x: number;
  /** Stack level: 0 on the axis, 1 above it, ... */
  row: number;
  /** True when the value crosses the rule's threshold (the runs counted in "k of N"). */
  crosses: boolean;
}

export interface StripLayout {
  /** The value range the axis spans (finite values and the threshold, padded). */
  domain: [number, number];
  /** Pixel range of the axis: [left, right]. The ∞ column, when there is one, is to the right of it. */
  range: [number, number];
  /** x of the ∞ column (NaN when no run is infinite). */
  infinityX: number;
  /** Ticks on the axis: value and x. */
  ticks: { v: number; x: number }[];
  /** x of the threshold (clamped to the axis). */
  thresholdX: number;
  dots: StripDot[];
  /** Stack levels used (1 when no two dots overlap). */
  rows: number;
  /** Runs with no value (NaN), not drawn. */
  missing: number;
}

export interface StripOptions {
  width: number;
  radius: number;
  /** Space kept at each end, pixels (half a tick label). */
  pad: number;
}

/** The layout of the runs' values (values[i] from the run with seeds[i]) against a rule. */
export function runStrip(values: readonly number[], seeds: readonly number[], rule: ExceedanceRule, o: StripOptions): StripLayout {
  let lo = rule.threshold;
  let hi = rule.threshold;
  let missing = 0;
  let infinite = false;
  for (const v of values) {
    if (Number.isNaN(v)) missing++;
    else if (!Number.isFinite(v)) infinite = true;
    else {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi === lo) {
    // one value (and the threshold on it): a window around it that still reads as a scale
    const half = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= half;
    hi += half;
  }
  const infinityGap = infinite ? 4 * o.radius + 6 : 0;
  const range: [number, number] = [o.pad, Math.max(o.pad + 10, o.width - o.pad - infinityGap)];
  const x = scaleLinear().domain([lo, hi]).range(range).nice(4);
  const domain = x.domain() as [number, number];
  const infinityX = infinite ? range[1] + infinityGap - o.radius - 1 : NaN;

  const order = values.map((_, i) => i).filter((i) => !Number.isNaN(values[i]));
  // left to right, ties by seed: the stacking below is the same on every redraw
  order.sort((a, b) => values[a] - values[b] || seeds[a] - seeds[b]);
  const lastX: number[] = []; // per stack level, the x of its rightmost dot so far
  const minGap = 2 * o.radius + 1;
  const dots: StripDot[] = [];
  for (const i of order) {
    const v = values[i];
    const cx = Number.isFinite(v) ? x(v) : infinityX;
    let row = 0;
    while (row < lastX.length && cx - lastX[row] < minGap) row++;
    lastX[row] = cx;
    dots.push({ seed: seeds[i], value: v, x: cx, row, crosses: crosses(v, rule) });
  }
  return {
    domain,
    range,
    infinityX,
    ticks: x.ticks(4).map((v) => ({ v, x: x(v) })),
    thresholdX: Math.min(range[1], Math.max(range[0], x(rule.threshold))),
    dots,
    rows: Math.max(1, lastX.length),
    missing,
  };
}
