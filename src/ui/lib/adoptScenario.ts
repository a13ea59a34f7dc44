/**
 * A scenario opened from outside the page (a share link, a scenario file, a CLI sidecar) taken in as
 * the page holds scenarios: edits over a preset (the one the scenario names, else baseline), so the
 * controls show its values and the picker says "custom" when it differs. Pure: the dashboard records
 * the preset and edits it returns (lib/scenarioEdits.ts reads them).
 */
import { scenarioDefaults, validateScenario } from '../../sim/scenario/validate.ts';
import { getAt } from './paths.ts';
import { PRESETS, presetByName, type Preset } from './presets.ts';
import { allControls } from './scenarioControls.ts';

/**
 * A validated raw scenario as edits over the preset named (else baseline). Leaves are compared with
 * the preset's resolved values, so a fully resolved scenario (a CLI sidecar's) gives edits only where
 * it really differs; what the preset sets and the scenario leaves out is an edit too (the schema's
 * default, or the field or group left out).
 */
export function adoptScenario(raw: Record<string, unknown>, presetName: string): { preset: Preset; edits: Record<string, unknown> } {
  const base = presetByName(presetName) ?? PRESETS[0];
  const v = validateScenario(base.raw);
  const resolved = v.ok ? v.scenario : base.raw;
  const leaves = flattenForEdits(raw);
  const presetLeaves = flattenForEdits(base.raw);
  const edits: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(leaves)) if (JSON.stringify(getAt(resolved, k)) !== JSON.stringify(val)) edits[k] = val;
  for (const k of Object.keys(presetLeaves)) {
    if (k in leaves) continue;
    const d = getAt(scenarioDefaults(), k);
    if (d !== undefined) {
      edits[k] = structuredClone(d); // a copy: the defaults are shared
      continue;
    }
    // No default: an optional field, or a field of an optional group (market.spot), that the file
    // leaves out. Left out where the file's own absence starts: a field set to undefined inside a
    // group would leave the group there, turned on with its defaults (found by an e2e test). Not at
    // a group the schema defaults (a file with no `market` at all runs the market's defaults: left
    // out whole, every market field read empty).
    const parts = k.split('.');
    let at = k;
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      if (getAt(raw, prefix) === undefined && getAt(scenarioDefaults(), prefix) === undefined) {
        at = prefix;
        break;
      }
    }
    edits[at] = undefined;
  }
  return { preset: base, edits };
}

/**
 * Leaves of a raw scenario as edit paths. Weight maps (objects whose schema has a unit), arrays and
 * distributions stay whole, because they are defaulted as a unit.
 */
export function flattenForEdits(raw: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !isAtomic(prefix, raw)) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) flattenForEdits(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = raw;
  return out;
}

/**
 * Whether the object at `path` is edited whole: a distribution, a weight map, or the control run
 * (whose `set` is keyed by dotted paths, which would read as nested fields).
 */
function isAtomic(path: string, v: object): boolean {
  return path === 'control' || 'dist' in v || allControls().some((c) => c.weightMapParent === path);
}
