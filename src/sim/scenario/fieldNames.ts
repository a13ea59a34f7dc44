/**
 * The field names the scenario schema knows at a path, and the ones closest to a misspelled name,
 * so an unknown field's error can say what was meant ("did you mean demand.baseRateJobsPerHour?")
 * instead of sending the user to read the whole schema. Read from the JSON Schema that
 * `depinsim schema` prints, so the names are exactly the ones a file or --set must use.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

interface Node {
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  oneOf?: Node[];
  anyOf?: Node[];
}

/** The JSON Schema of scenario files, as `depinsim schema` prints it (zod's, from the schema's `.meta()`): a fresh copy per call. */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

let cached: Node | null = null;
function root(): Node {
  return (cached ??= scenarioJsonSchema() as Node);
}

/** The schema nodes at a path (more than one where a field is one of several shapes: a distribution). */
function nodesAt(path: readonly PropertyKey[]): Node[] {
  let nodes = [root()];
  for (const key of path) {
    const next: Node[] = [];
    for (const n of nodes.flatMap(variants)) {
      const k = String(key);
      if (/^\d+$/.test(k) && n.items) next.push(n.items);
      else if (n.properties && Object.hasOwn(n.properties, k)) next.push(n.properties[k]);
      else if (n.additionalProperties && typeof n.additionalProperties === 'object') next.push(n.additionalProperties);
    }
    nodes = next;
  }
  return nodes.flatMap(variants);
}

function variants(n: Node): Node[] {
  const alts = n.oneOf ?? n.anyOf;
  return alts ? alts.flatMap(variants) : [n];
}

/** The field names the schema knows in the object at `path` (empty past a leaf or at a free-form table). */
export function knownFields(path: readonly PropertyKey[]): string[] {
  const names = new Set<string>();
  for (const n of nodesAt(path)) for (const k of Object.keys(n.properties ?? {})) names.add(k);
  return [...names];
}

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
 * The known fields at `parent` that `given` most likely meant, best first (none when nothing is
 * close): the names a slip of a letter or two away (a quarter of the name's length, at least one;
 * only the nearest of them), and the names that contain a cut-short `given` of at least 4 letters
 * ("baseRate" in baseRateJobsPerHour, "onlineHours" in onlineHoursMin, -Max and -Mean).
 */
export function closestFields(parent: readonly PropertyKey[], given: string): string[] {
  const g = given.toLowerCase();
  const scored = knownFields(parent).map((k) => ({ k, d: editDistance(g, k) }));
  const slips = scored.filter(({ k, d }) => d <= Math.max(1, Math.floor(Math.max(k.length, g.length) / 4)));
  const nearest = Math.min(...slips.map(({ d }) => d));
  return scored
    .filter(({ k, d }) => d === nearest || (g.length >= 4 && k.toLowerCase().includes(g)))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ k }) => k);
}

/**
 * For a dotted path the schema does not hold, the likeliest paths it meant: the first unknown part
 * replaced by its closest fields, the rest kept (demnd.baseRateJobsPerHour: demand.baseRateJobsPerHour).
 * Empty when the path is a field, or nothing is close.
 */
export function closestPaths(path: readonly string[]): string[] {
  for (let i = 0; i < path.length; i++) {
    if (nodesAt(path.slice(0, i + 1)).length > 0) continue;
    return closestFields(path.slice(0, i), path[i]).map((k) => [...path.slice(0, i), k, ...path.slice(i + 1)].join('.'));
  }
  return [];
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
