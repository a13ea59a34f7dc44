/**
 * Exceedance probabilities across Monte Carlo runs: "in how many of the N runs does a KPI cross a
 * threshold?" (P(median payback > 24 months), P(utilization < 30%), ...). With a handful of runs the
 * share alone misleads, so it comes with its Wilson score interval: 1 of 5 runs is anywhere from
 * about 5% to 56% at 90% confidence.
 */

export type Comparator = '<' | '>';

export interface ExceedanceRule {
  kpi: string;
  cmp: Comparator;
  /** In the KPI's own unit (a share as a fraction: 0.3 for 30%). */
  threshold: number;
}

/** The rules shown first (research/dashboards.md §6.5): payback, burn-to-mint, utilization, inflation. */
export const DEFAULT_RULES: ExceedanceRule[] = [
  { kpi: 'payback', cmp: '>', threshold: 24 },
  { kpi: 'burn-mint', cmp: '<', threshold: 0.8 },
  { kpi: 'utilization', cmp: '<', threshold: 0.3 },
  { kpi: 'inflation', cmp: '>', threshold: 0.1 },
];

/** A side and a line, in a KPI's own unit: the part of a rule that says whether a value crosses. */
export type Line = Pick<ExceedanceRule, 'cmp' | 'threshold'>;

/** Whether v is strictly past the line (NaN never is; an infinite payback is above any line). */
export function crosses(v: number, line: Line): boolean {
  return line.cmp === '<' ? v < line.threshold : v > line.threshold;
}

/**
 * A line as the user types it: shares in percent ("30" is 0.3), everything else in the KPI's own
 * unit. null for text that is not a number (the field keeps it; the line keeps its last value).
 */
export function lineFromText(text: string, unit: string): number | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return null;
  return unit === 'share' ? n / 100 : n;
}

/** A line's value as its field shows it (the inverse of lineFromText). */
export function lineText(threshold: number, unit: string): string {
  return String(unit === 'share' ? Number((threshold * 100).toPrecision(10)) : threshold);
}

/** The unit written after a line's field: % for shares, none for ratios and indexes. */
export function lineUnit(unit: string): string {
  return unit === 'share' ? '%' : unit === 'ratio' || unit.startsWith('index') ? '' : unit;
}

export interface Exceedance {
  /** Runs crossing the threshold, runs with a value, their share, and its 90% Wilson interval. */
  k: number;
  n: number;
  p: number;
  lo: number;
  hi: number;
}

/** z for a two-sided 90% interval. */
const Z90 = 1.6448536269514722;

/** Wilson score interval for k successes in n trials (NaN when n is 0). */
export function wilson(k: number, n: number, z = Z90): { lo: number; hi: number } {
  if (n === 0) return { lo: NaN, hi: NaN };
  const p = k / n;
  const z2 = z * z;
  const mid = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, mid - half), hi: Math.min(1, mid + half) };
}

/**
 * How many of the values cross the rule's threshold (strictly). Runs where the KPI is undefined (NaN)
 * do not count either way; an infinite payback (a median provider making no profit) is above any threshold.
 */
export function exceedance(values: readonly number[], rule: ExceedanceRule): Exceedance {
  let k = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    if (crosses(v, rule)) k++;
  }
  return { k, n, p: n ? k / n : NaN, ...wilson(k, n) };
}
