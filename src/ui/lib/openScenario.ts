/**
 * Reading a scenario file the user opens in the dashboard. Three kinds of JSON hold a scenario:
 * a scenario file as the CLI takes it (scenarios/*.json), the dashboard's own JSON export
 * ({depinsim_version, scenario_hash, seed, scenario, resolved}) and the CLI's provenance sidecar
 * (<results>.csv.meta.json: {seed, scenario_hash, scenario_resolved, ...}). The last two also carry
 * the seed, so opening one reproduces that run. A sweep's sidecar (--sweep) holds the base scenario
 * and each point's values: it opens point 1, the base with those values set, as `--set` would.
 * Nothing is applied unless the scenario validates.
 */
import { parseJsonText, ScenarioError, validateScenario } from '../../sim/scenario/validate.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { applyOverride } from '../../sim/scenario/overrides.ts';

export type ScenarioFileKind = 'scenario file' | 'dashboard export' | 'CLI provenance sidecar';

export type OpenedScenario =
  | {
      ok: true;
      kind: ScenarioFileKind;
      /** The raw scenario (what validateScenario takes). */
      raw: Record<string, unknown>;
      /** The seed the file records (exports and sidecars), else null. */
      seed: number | null;
      /** scenarioHash of the resolved scenario. */
      hash: string;
      /** When the file records a hash that the scenario no longer gives: it was edited after export. */
      hashMismatch: string | null;
      /** Seeds the file records (a --seeds sidecar lists several; `seed` is the first). */
      seedsInFile: number;
      /** A sweep sidecar's: the number of points and the values of point 1, the one opened ("market.matcher=auction"). */
      sweep: { points: number; opened: string } | null;
    }
  | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** At most this many problems are listed in the message; the rest are counted. */
const SHOW_ISSUES = 3;

export function readScenarioFile(text: string, fileName: string): OpenedScenario {
  let json: unknown;
  try {
    json = parseJsonText(text, fileName);
  } catch (e) {
    return { ok: false, reason: e instanceof ScenarioError ? e.message : String(e) };
  }
  if (!isObject(json)) return { ok: false, reason: `${fileName}: expected a JSON object holding a scenario, got ${Array.isArray(json) ? 'an array' : JSON.stringify(json)}` };
  let kind: ScenarioFileKind = 'scenario file';
  let raw: unknown = json;
  if ('scenario_resolved' in json) {
    kind = 'CLI provenance sidecar';
    raw = json.scenario_resolved;
  } else if ('depinsim_version' in json && 'scenario' in json) {
    kind = 'dashboard export';
    raw = json.scenario;
  }
  if (!isObject(raw)) return { ok: false, reason: `${fileName}: the ${kind} holds no scenario object` };
  let recorded = typeof json.scenario_hash === 'string' ? json.scenario_hash : null;
  let sweep: { points: number; opened: string } | null = null;
  if (kind === 'CLI provenance sidecar' && Array.isArray(json.points)) {
    const p = json.points[0];
    if (!isObject(p) || !isObject(p.values)) return { ok: false, reason: `${fileName}: the sweep sidecar's points[0] should hold the point's values` };
    try {
      for (const [path, value] of Object.entries(p.values)) raw = applyOverride(raw, path.split('.'), value);
    } catch (e) {
      return { ok: false, reason: `${fileName}: point 1 of the sweep cannot be set: ${(e as Error).message}` };
    }
    recorded = typeof p.scenario_hash === 'string' ? p.scenario_hash : null;
    const opened = Object.entries(p.values).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    sweep = { points: json.points.length, opened: opened.join(', ') };
  }
  let seed: number | null = null;
  let seedsInFile = 1;
  if (kind !== 'scenario file') {
    // a replications sidecar (--seeds) lists its seeds: the dashboard shows the first
    const seeds = Array.isArray(json.seeds) && !('seed' in json) ? (json.seeds as unknown[]) : null;
    const s = seeds ? seeds[0] : json.seed;
    if (!(Number.isSafeInteger(s) && (s as number) >= 0)) return { ok: false, reason: `${fileName}: the ${kind}'s seed should be a whole number >= 0, got ${JSON.stringify(s)}` };
    seed = s as number;
    seedsInFile = seeds ? seeds.length : 1;
  }
  const v = validateScenario(raw);
  if (!v.ok) {
    const shown = v.issues.slice(0, SHOW_ISSUES).map((i) => `${i.path}: ${i.message}`);
    const more = v.issues.length - shown.length;
    return { ok: false, reason: `${fileName} is not a valid scenario: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}` };
  }
  const hash = scenarioHash(v.scenario);
  return { ok: true, kind, raw: raw as Record<string, unknown>, seed, hash, hashMismatch: recorded !== null && recorded !== hash ? recorded : null, seedsInFile, sweep };
}
