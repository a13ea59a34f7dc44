/**
 * The bookkeeping of the page's scenario as edits over a preset: what a control shows, whether a
 * field counts as edited, whether an optional group is on, and the edits after one more edit or a
 * field reset. Pure functions of (the preset's resolved scenario, the edits by path), where an edit
 * may leave a field or a whole group out (undefined: a scenario file without the preset's
 * market.spot); the dashboard holds both as runes state and records what these return.
 */
import { getAt } from './paths.ts';
import { controlByPath } from './scenarioControls.ts';

/** The page's scenario as edits over a preset: what the functions here read (the dashboard is one). */
export interface EditedScenario {
  /** Edits by dotted path: a value (even an invalid one), or undefined where the edit leaves it out. */
  readonly edits: Record<string, unknown>;
  /** The preset, validated with the schema's defaults filled in (null when it does not validate). */
  readonly presetResolved: unknown;
}

/** The value a control shows: the user's edit (even if invalid), else the preset's value. */
export function valueOf(s: EditedScenario, path: string): unknown {
  if (path in s.edits) return s.edits[path];
  // (the controls are built only when needed: with no edits, as at start-up, the preset answers)
  const c = hasEdits(s) ? controlByPath(path) : undefined;
  if (c?.weightMapParent && c.weightMapParent in s.edits) {
    const map = s.edits[c.weightMapParent] as Record<string, unknown> | undefined;
    return map?.[path.split('.').pop()!] ?? 0;
  }
  // a field inside an edited list (a scheduled shock's multiplier: `demand.shocks.0.multiplier`)
  for (const k of Object.keys(s.edits)) {
    if (!path.startsWith(`${k}.`)) continue;
    if (s.edits[k] !== undefined) return getAt(s.edits[k], path.slice(k.length + 1));
    // a group the edits leave out (a scenario file without it): off, or on again with its defaults
    // once another of its fields is edited (as the scenario then reads)
    return groupOn(s, k) ? (c ?? controlByPath(path))?.default : undefined;
  }
  const v = getAt(s.presetResolved, path);
  if (v !== undefined) return v;
  const spec = c ?? controlByPath(path);
  // a field of an optional group the scenario does not have, nor the edits turn on: off, no value
  const g = spec?.optionalGroup?.path;
  if (g && !groupOn(s, g)) return undefined;
  return spec?.default;
}

/**
 * Whether the page's scenario has an optional group (`market.spot`): an edit of a field in it turns
 * it on; else an edit of the group itself decides (undefined: left out, as by a scenario file
 * without it); else the preset.
 */
export function groupOn(s: EditedScenario, path: string): boolean {
  const keys = Object.keys(s.edits);
  if (keys.some((k) => k.startsWith(`${path}.`) && s.edits[k] !== undefined)) return true;
  if (path in s.edits) return s.edits[path] !== undefined;
  return getAt(s.presetResolved, path) !== undefined;
}

/** Whether an edit leaves out a group holding `path` (a scenario file without the preset's market.spot). */
function leftOutAbove(s: EditedScenario, path: string): boolean {
  return Object.keys(s.edits).some((k) => path.startsWith(`${k}.`) && s.edits[k] === undefined);
}

/** Whether the field at `path` is edited: its own edit, or an edit of the weight map it is part of. */
export function isEdited(s: EditedScenario, path: string): boolean {
  if (path in s.edits) return true;
  if (!hasEdits(s)) return false;
  const c = controlByPath(path);
  return !!c?.weightMapParent && c.weightMapParent in s.edits;
}

function hasEdits(s: EditedScenario): boolean {
  return Object.keys(s.edits).length > 0;
}

/**
 * The edits with one more (any value: validation reports bad ones next to the field). A field of a
 * weight map edits the map whole; a value back at the preset's drops the edit.
 */
export function withEdit(s: EditedScenario, path: string, value: unknown): Record<string, unknown> {
  const c = controlByPath(path);
  const next = { ...s.edits };
  if (c?.weightMapParent) {
    const parent = c.weightMapParent;
    const current = (next[parent] as Record<string, unknown> | undefined) ?? { ...((getAt(s.presetResolved, parent) as object) ?? {}) };
    const map = { ...current, [path.split('.').pop()!]: value };
    const presetMap = getAt(s.presetResolved, parent);
    if (JSON.stringify(map) === JSON.stringify(presetMap)) delete next[parent];
    else next[parent] = map;
  } else {
    const presetValue = getAt(s.presetResolved, path);
    // back at the preset's value, or an optional field left out again as the preset leaves it: no edit
    // (unless an edit leaves out the group the field is in: the preset's value then is not there)
    if (!leftOutAbove(s, path) && (presetValue === undefined ? value === undefined : JSON.stringify(presetValue) === JSON.stringify(value))) delete next[path];
    else next[path] = value;
  }
  return next;
}

/** The edits with the field at `path` back at the preset's value (a weight map's field: set to it, the map stays whole). */
export function withFieldReset(s: EditedScenario, path: string): Record<string, unknown> {
  const c = controlByPath(path);
  if (c?.weightMapParent) {
    const v = getAt(s.presetResolved, path);
    return withEdit(s, path, v ?? 0);
  }
  const next = { ...s.edits };
  delete next[path];
  return next;
}
