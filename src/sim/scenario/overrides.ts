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

/** The default at a path of the scenario (undefined past a leaf or an array). */
function defaultAt(path: readonly string[]): unknown {
  let v: unknown = scenarioDefaults();
  for (const k of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Returns a deep copy of `raw` with the value set at the path (missing objects start from their defaults). */
export function applyOverride(raw: unknown, path: readonly string[], value: unknown): Record<string, unknown> {
  refusePrototypePath(path, '--set');
  const root = deepCopy((raw ?? {}) as Record<string, unknown>);
  let o: Record<string, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    // own fields only: an inherited name (toString) is no field of a scenario
    const next = Object.hasOwn(o, k) ? o[k] : undefined;
    if (next === undefined || next === null) {
      const d = defaultAt(path.slice(0, i + 1));
      o[k] = d !== null && typeof d === 'object' && !Array.isArray(d) ? deepCopy(d) : {};
    } else if (typeof next !== 'object') {
      throw new ScenarioError([{ path: path.slice(0, i + 1).join('.'), message: `is ${JSON.stringify(next)}, not an object: cannot set ${path.join('.')}` }], '--set');
    }
    o = o[k] as Record<string, unknown>;
  }
  o[path[path.length - 1]] = value;
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
