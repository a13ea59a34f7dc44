/**
 * The level of a Monte Carlo band: the share of runs a central interval holds, as the 10th to 90th
 * percentile holds 80%. Users pick it (the dashboard's Band control, the CLI's --band-level): 50, 80,
 * 90 or 95% (research dashboards.md §3 and §6.5: "band level 50 / 80 / 90 / 95%", after
 * Mosqlimate-project/Data-platform#252). 80% is the default, what every band was before the choice.
 *
 * With few runs a wide band is mostly the range of the runs: the type-7 quantiles of 5 values at
 * 2.5% and 97.5% lie a tenth of the way in from the smallest and largest.
 */

export const BAND_LEVELS = [50, 80, 90, 95] as const;
export type BandLevel = (typeof BAND_LEVELS)[number];
export const DEFAULT_BAND_LEVEL: BandLevel = 80;

export function isBandLevel(v: unknown): v is BandLevel {
  return typeof v === 'number' && (BAND_LEVELS as readonly number[]).includes(v);
}

/** The probabilities of the interval's ends: 80 gives [0.1, 0.9]; 95 gives [0.025, 0.975]. */
export function bandProbs(level: BandLevel): [number, number] {
  const tail = (100 - level) / 200;
  return [tail, 1 - tail];
}

/** The ends as percentiles: 80 gives [10, 90]; 95 gives [2.5, 97.5]. */
export function bandPercentiles(level: BandLevel): [number, number] {
  const tail = (100 - level) / 2;
  return [tail, 100 - tail];
}

/** A percentile as a column-name suffix: 10 is 'p10', 2.5 is 'p2_5' (no dot: names stay identifiers in R and pandas). */
export function percentileSuffix(pct: number): string {
  return `p${String(pct).replace('.', '_')}`;
}

/** The ends' column suffixes: 80 gives ['p10', 'p90']; 95 gives ['p2_5', 'p97_5']. */
export function bandSuffixes(level: BandLevel): [string, string] {
  const [a, b] = bandPercentiles(level);
  return [percentileSuffix(a), percentileSuffix(b)];
}

/** An ordinal for a percentile in prose: 10 is '10th', 2.5 is '2.5th', 97.5 is '97.5th', 5 is '5th'. */
export function ordinal(pct: number): string {
  if (!Number.isInteger(pct)) return `${pct}th`;
  const mod100 = pct % 100;
  const mod10 = pct % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${pct}${suffix}`;
}

/** The interval in words: 80 gives '10th–90th percentile' (with `joint` ' to ': '10th to 90th percentile'). */
export function bandWords(level: BandLevel, joint = '–'): string {
  const [a, b] = bandPercentiles(level);
  return `${ordinal(a)}${joint}${ordinal(b)} percentile`;
}
