/**
 * Where a swept KPI crosses a line: "what emission makes the median payback 24 months?", "how many
 * jobs an hour before utilization passes 80%?" (the break-even reading of a sweep, as CryptoEconLab
 * draws it for Filecoin). Between two swept points the KPI is taken as linear, which the words say:
 * the crossing is an estimate, as good as the points are close.
 */

export interface SweepPoint {
  x: number;
  y: number;
}

export interface Crossing {
  /** The parameter's value where the line is crossed (linear between the points); NaN when one side is infinite (a payback of "never"). */
  x: number;
  /** The swept points it lies between (equal when a point is on the line). */
  from: number;
  to: number;
  /** Whether the KPI goes from below the line to above it as the parameter rises. */
  rising: boolean;
}

const side = (y: number, t: number) => (y > t ? 1 : y < t ? -1 : 0);

/**
 * The crossings of the line `t` by the points (sorted by x here; NaN values skipped). A point exactly
 * on the line is a crossing only when the points around it lie on opposite sides; one that touches
 * the line and turns back is not.
 */
export function lineCrossings(points: readonly SweepPoint[], t: number): Crossing[] {
  const pts = points.filter((p) => Number.isFinite(p.x) && !Number.isNaN(p.y)).sort((a, b) => a.x - b.x);
  const out: Crossing[] = [];
  let last: SweepPoint | null = null; // the last point off the line
  let touch: SweepPoint | null = null; // the first point on the line since it
  for (const p of pts) {
    const s = side(p.y, t);
    if (s === 0) {
      touch ??= p;
      continue;
    }
    if (last && side(last.y, t) !== s) {
      if (touch) out.push({ x: touch.x, from: touch.x, to: touch.x, rising: s > 0 });
      else {
        const finite = Number.isFinite(last.y) && Number.isFinite(p.y);
        const x = finite ? last.x + ((t - last.y) / (p.y - last.y)) * (p.x - last.x) : NaN;
        out.push({ x, from: last.x, to: p.x, rising: s > 0 });
      }
    }
    last = p;
    touch = null;
  }
  return out;
}

/** The swept values at which a band holds the line (lo <= t <= hi): where the seeds disagree on its side. */
export function bandHoldsLine(points: readonly { x: number; lo: number; hi: number }[], t: number): number[] {
  return points.filter((p) => p.lo <= t && t <= p.hi).map((p) => p.x);
}

/**
 * The crossings in words, for the sweep's chart: `fx` writes a parameter value without its unit and
 * `xUnit` is the unit after it (written once after a pair: "between 200k and 300k tokens/day"),
 * `fy` a KPI value with its unit.
 */
export function crossingWords(crossings: readonly Crossing[], points: readonly SweepPoint[], t: number, what: string, fx: (v: number) => string, xUnit: string, fy: (v: number) => string): string {
  const between = (c: Crossing) => `${fx(c.from)} and ${fx(c.to)}${xUnit}`;
  const at = (c: Crossing) => (c.from === c.to ? `at ${fx(c.x)}${xUnit} (a swept point)` : Number.isNaN(c.x) ? `between ${between(c)}` : `at about ${fx(c.x)}${xUnit} (between the points ${between(c)}, taken as linear)`);
  if (crossings.length === 0) {
    const ys = points.map((p) => p.y).filter((y) => !Number.isNaN(y));
    if (ys.length === 0) return `No ${what} to compare with ${fy(t)} yet.`;
    const above = ys.every((y) => y >= t);
    return `The ${what} stays ${above ? 'above' : 'below'} ${fy(t)} over the whole range (from ${fy(Math.min(...ys))} to ${fy(Math.max(...ys))}).`;
  }
  if (crossings.length === 1) {
    const c = crossings[0];
    return `The ${what} ${c.rising ? 'rises above' : 'falls below'} ${fy(t)} ${at(c)}.`;
  }
  return `The ${what} crosses ${fy(t)} ${crossings.length} times: ${crossings.map((c) => `${c.rising ? 'up' : 'down'} ${at(c)}`).join('; ')}.`;
}
