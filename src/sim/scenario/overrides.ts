/**
 * `--set path=value` overrides, applied to the raw scenario before validation, so an override is
 * checked exactly like a field in a file (a misspelled path is an unknown field).
 *
 * An override inside an object the scenario leaves to its default starts from that default: setting
 * `demand.classes.inference.patienceHours.mean=2` where the file gives no patience changes the
 * default exponential's mean, rather than leaving an object with a mean and no distribution, and
 * adding one weight to a defaulted weights table keeps the others.
 */
import { scenarioDefaults, ScenarioError } from './validate.ts';
import { isPrototypeKey } from './prototypeKeys.ts';
import { fieldTypes } from './fieldNames.ts';

function refusePrototypePath(path: readonly string[], source: string): void {
  if (path.some(isPrototypeKey)) {
    throw new ScenarioError([{ path: path.join('.'), message: `is not a scenario field ('${path.find(isPrototypeKey)}' names an object's prototype, not a field)` }], source);
  }
}

/** Parses `a.b.c=value`; the value is JSON when it parses as JSON, else a plain string. */
export function parseOverride(spec: string): { path: string[]; value: unknown } {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new ScenarioError([{ path: spec || '(empty)', message: 'expected --set path=value, e.g. --set demand.baseRateJobsPerHour=60' }], '--set');
  const path = spec.slice(0, eq).trim().split('.');
  if (path.some((p) => p === '')) throw new ScenarioError([{ path: spec.slice(0, eq), message: 'expected a dotted path without empty parts' }], '--set');
  refusePrototypePath(path, '--set');
  return { path, value: parseOverrideValue(spec.slice(eq + 1)) };
}

/** An override's value: JSON when the text parses as JSON, else the text itself (a bare word such as `auction`). */
export function parseOverrideValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The default at a path of the scenario (undefined past a leaf, or inside a list). */
function defaultAt(path: readonly string[]): unknown {
  let v: unknown = scenarioDefaults();
  for (const k of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/**
 * The slot `key` names in a list at `path`: an item's index, at most one past the end (which adds an
 * item: `--set demand.shocks.0.startDay=30 --set demand.shocks.0.durationDays=7 ...` builds a shock
 * the scenario did not have). A gap or a name is refused: JSON lists have no holes and no names.
 */
function listIndex(list: unknown[], key: string, path: readonly string[], at: number): number {
  const where = path.slice(0, at).join('.');
  const n = list.length;
  const valid = n === 0 ? '0, to add the first item' : `0 to ${n - 1} for an item it has, ${n} to add one`;
  const refuse = (why: string) => new ScenarioError([{ path: path.slice(0, at + 1).join('.'), message: `${why}: expected an index (${valid})` }], '--set');
  if (!/^\d+$/.test(key)) throw refuse(`${where} is a list, '${key}' is not an index`);
  const i = Number(key);
  if (i > n) throw refuse(`${where} has ${n === 0 ? 'no items' : n === 1 ? '1 item' : `${n} items`}`);
  return i;
}

/** Returns a deep copy of `raw` with the value set at the path (missing objects and lists start from their defaults). */
export function applyOverride(raw: unknown, path: readonly string[], value: unknown): Record<string, unknown> {
  refusePrototypePath(path, '--set');
  const root = deepCopy((raw ?? {}) as Record<string, unknown>);
  let o: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    let k: string | number = path[i];
    if (Array.isArray(o)) k = listIndex(o, k, path, i);
    const slot = o as Record<string | number, unknown>;
    if (last) {
      slot[k] = value;
      break;
    }
    // own fields only: an inherited name (toString) is no field of a scenario
    const next = Object.hasOwn(slot, k) ? slot[k] : undefined;
    if (next === undefined || next === null) {
      // a field the input lacks starts as its default; an item added to a list starts empty; a field
      // without a default starts as an empty list where the schema has a list, else an empty object
      const d = Array.isArray(o) ? undefined : defaultAt(path.slice(0, i + 1));
      slot[k] = d !== null && typeof d === 'object' ? deepCopy(d) : fieldTypes(path.slice(0, i + 1)).includes('array') ? [] : {};
    } else if (typeof next !== 'object') {
      throw new ScenarioError([{ path: path.slice(0, i + 1).join('.'), message: `is ${JSON.stringify(next)}, not an object: cannot set ${path.join('.')}` }], '--set');
    }
    o = slot[k] as Record<string, unknown> | unknown[];
  }
  return root;
}

export function applyOverrides(raw: unknown, specs: readonly string[]): Record<string, unknown> {
  let out = deepCopy((raw ?? {}) as Record<string, unknown>);
  for (const s of specs) {
    const { path, value } = parseOverride(s);
    out = applyOverride(out, path, value);
  }
  return out;
}

/** JSON-safe deep copy (scenarios are JSON data). */
function deepCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
