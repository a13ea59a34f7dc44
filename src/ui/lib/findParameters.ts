/**
 * Finding a parameter among the scenario's few hundred without knowing its group: "where is the
 * take rate?", "what sets the halving?". Every word of the query must appear in a field's label,
 * path, unit or explanation (or a scheduled event's title and line, or a chart's title); fields
 * whose label holds the words come first, then those whose path does, then the rest, each in the
 * panel's own order. When nothing matches, the words of the labels and paths a slip away are
 * offered instead.
 */
import { closestNames } from '../../sim/scenario/closestNames.ts';
import type { ControlSpec } from './schemaControls.ts';

export interface FoundParameters {
  fields: ControlSpec[];
  /** Charts and tables on the page whose title holds the words (the chart index's entries). */
  charts: { id: string; title: string }[];
  /** Scheduled-event kinds (the schedule editor's lists) whose title or line matches. */
  events: { path: string; title: string; blurb: string }[];
  /** When nothing matched: the query with its slipped word corrected, each a query to try. */
  suggestions: string[];
}

/** The query's words, lower case; "take-rate" and "take rate" are both two words. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s\-_.,;:()/]+/)
    .filter((w) => w.length > 0);
}

/** Splits camelCase path parts into words: baseRateJobsPerHour is base, rate, jobs, per, hour. */
function pathWords(path: string): string {
  return path.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/\./g, ' ').toLowerCase();
}

function allIn(words: readonly string[], text: string): boolean {
  return words.every((w) => text.includes(w));
}

export function findParameters(
  controls: readonly ControlSpec[],
  kinds: readonly { path: string; title: string; blurb: string }[],
  query: string,
  panels: readonly { id: string; title: string }[] = [],
): FoundParameters {
  const words = queryWords(query);
  if (words.length === 0) return { fields: [], charts: [], events: [], suggestions: [] };
  const charts = panels.filter((p) => allIn(words, p.title.toLowerCase()));
  const ranked: { c: ControlSpec; rank: number; i: number }[] = [];
  controls.forEach((c, i) => {
    const label = c.label.toLowerCase();
    const path = `${c.path.toLowerCase()} ${pathWords(c.path)}`;
    const rest = `${c.unit} ${c.description} ${c.optionalGroup?.title ?? ''}`.toLowerCase();
    if (!allIn(words, `${label} ${path} ${rest}`)) return;
    ranked.push({ c, rank: allIn(words, label) ? 0 : allIn(words, `${label} ${path}`) ? 1 : 2, i });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const events = kinds.filter((k) => allIn(words, `${k.title} ${k.blurb} ${k.path} ${pathWords(k.path)}`.toLowerCase()));
  const fields = ranked.map((r) => r.c);
  if (fields.length > 0 || events.length > 0 || charts.length > 0) return { fields, charts, events, suggestions: [] };
  // nothing: the query again with its first word that no label or path holds replaced by the
  // words a slip away ("emmision rate": "emission rate")
  const vocabulary = new Set<string>();
  for (const c of controls) for (const w of queryWords(`${c.label} ${pathWords(c.path)}`)) if (w.length >= 3) vocabulary.add(w);
  for (const k of kinds) for (const w of queryWords(k.title)) if (w.length >= 3) vocabulary.add(w);
  const known = [...vocabulary];
  const at = words.findIndex((w) => !known.some((k) => k.includes(w)));
  const suggestions = at < 0 ? [] : closestNames(known, words[at]).map((k) => words.map((w, i) => (i === at ? k : w)).join(' '));
  return { fields, charts, events, suggestions };
}
