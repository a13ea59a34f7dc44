/**
 * The field names the scenario schema knows at a path, and the ones closest to a misspelled name,
 * so an unknown field's error can say what was meant ("did you mean demand.baseRateJobsPerHour?")
 * instead of sending the user to read the whole schema. Read from the JSON Schema that
 * `depinsim schema` prints, so the names are exactly the ones a file or --set must use.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';
import { closestNames } from './closestNames.ts';

interface Node {
  unit?: string;
  type?: string | string[];
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

/** The known fields at `parent` that `given` most likely meant, best first (closestNames.ts). */
export function closestFields(parent: readonly PropertyKey[], given: string): string[] {
  return closestNames(knownFields(parent), given);
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

/** The unit the schema gives the field at a dotted path ('jobs/h', 'share'), or '' when it gives none. */
export function fieldUnit(path: readonly string[]): string {
  return nodesAt(path).find((n) => typeof n.unit === 'string')?.unit ?? '';
}

/**
 * The JSON types the schema allows at a dotted path, over every shape the field may take (a
 * distribution's `median` is a number in its log-normal shape); empty when the schema has no such
 * field. An array's item is reached by its index.
 */
export function fieldTypes(path: readonly string[]): string[] {
  const types = new Set<string>();
  for (const n of nodesAt(path)) for (const t of [n.type ?? []].flat()) types.add(t);
  return [...types];
}
