/**
 * Which known name a misspelled one most likely meant: for the messages that refuse a word the user
 * typed (a scenario field, a preset, a command, an option), so they can say "did you mean
 * demand.baseRateJobsPerHour?" instead of sending the user to read a list.
 */

/**
 * Edit distance with adjacent swaps (optimal string alignment), on lower case: a swapped pair of
 * letters ("Huor") or a wrong case ("baserate") is one slip, not two.
 */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** At most this many names are offered: more reads as a list to search, not a suggestion. */
const MAX_SUGGESTIONS = 3;

/**
 * The names in `known` that `given` most likely meant, best first (none when nothing is close): the
 * names a slip of a letter or two away (a quarter of the name's length, at least one; only the
 * nearest of them), and the names that contain a cut-short `given` of at least 4 letters
 * ("baseRate" in baseRateJobsPerHour, "onlineHours" in onlineHoursMin, -Max and -Mean).
 */
export function closestNames(known: readonly string[], given: string): string[] {
  const g = given.toLowerCase();
  const scored = known.map((k) => ({ k, d: editDistance(g, k) }));
  const slips = scored.filter(({ k, d }) => d <= Math.max(1, Math.floor(Math.max(k.length, g.length) / 4)));
  const nearest = Math.min(...slips.map(({ d }) => d));
  return scored
    .filter(({ k, d }) => d === nearest || (g.length >= 4 && k.toLowerCase().includes(g)))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ k }) => k);
}

/** " (did you mean a or b?)" for a name not in `known`, or "" when nothing is close: for a message that names a wrong word. */
export function didYouMean(known: readonly string[], given: string): string {
  const near = closestNames(known, given);
  return near.length ? ` (did you mean ${orList(near)}?)` : '';
}

/** "a", "a or b", "a, b or c"; with `word` "and": "a, b and c". */
export function orList(items: readonly string[], word: 'or' | 'and' = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
