/**
 * The notes under a time chart's series legend that say what else is drawn: the Monte Carlo
 * band's shading, a run picked from the spread, the pinned baseline (with the outline of its
 * own band when it was pinned with Monte Carlo runs), and a line at the plot's edge where its
 * value is infinite. Pure text.
 */
import type { BandView } from './bands.ts';
import { bandWords } from '../../sim/metrics/bandLevel.ts';
import { describeSeeds } from '../../sim/rng/runSeeds.ts';

/** Bands no wider than this on screen (px) cannot be seen beside the lines. */
export const THIN_BAND_PX = 1.5;

/**
 * The shaded fans: which percentiles, of how many runs and which seeds; and, when the widest of
 * them is thinner than THIN_BAND_PX (`widestPx`), that the runs agree too closely for it to show.
 */
export function bandNote(band: BandView, widestPx = Infinity): string {
  // the darker middle is drawn only above 50% (at 50% the band is the 25th-75th itself)
  const darker = band.level > 50 ? ', darker: 25th–75th' : '';
  const thin = widestPx < THIN_BAND_PX ? '; too narrow to see on this axis: the runs agree to within a line' : '';
  return `shaded: ${bandWords(band.level)} of ${band.runs} runs (${band.level}% of runs inside; ${describeSeeds(band.seeds, '–')})${darker}${thin}`;
}

/** The thin lines of a run picked from the spread. */
export function pickedNote(seed: number): string {
  return `thin lines: the run with seed ${seed}`;
}

/** The dotted lines of the pinned baseline, and the outline of its band when one is drawn. */
export function baselineNote(outline: BandView | null): string {
  return `dotted: pinned baseline${outline ? ` (outline: its ${bandWords(outline.level)} of ${outline.runs} runs)` : ''}`;
}

/**
 * A line drawn along the plot's edge where its value lies beyond the axis (`beyond`, above the
 * cut of a capped axis: `cut`, "120 months") or is infinite (`never`: the median payback on days
 * the median provider never pays back). The edge alone would read as a value at the axis's end.
 */
export function edgeNote(label: string, e: { never: number; beyond: number; up: boolean }, shown: number, cut: string, periodWord = 'day'): string {
  const on = (n: number) => (n === shown ? `on every ${periodWord} shown` : `on ${n} of the ${shown} ${periodWord}s shown`);
  const parts = [...(e.beyond ? [`${e.up ? 'above' : 'below'} ${cut} ${on(e.beyond)}`] : []), ...(e.never ? [`never (∞, hatched along the edge) ${on(e.never)}`] : [])];
  return `${label} along the ${e.up ? 'top' : 'bottom'} edge: ${parts.join('; ')}`;
}

/**
 * A band that runs to the plot's top edge because its upper end is infinite: on those days at least
 * the share of the runs the band leaves above it (10% at the 80% band: its type-7 90th percentile is
 * infinite only then) never reach the value. The edge alone would read as a large value, on a
 * capped axis as one above the cut.
 */
export function bandEdgeNote(label: string, rows: number, shown: number, level: number, periodWord = 'day'): string {
  const above = (100 - level) / 2;
  const on = rows === shown ? `on every ${periodWord} shown` : `on ${rows} of the ${shown} ${periodWord}s shown`;
  return `${label}: the band runs to the top edge ${on}, where at least ${above}% of the runs never reach it (∞)`;
}
