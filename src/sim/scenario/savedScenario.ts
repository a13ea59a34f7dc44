/**
 * The scenario inside a JSON file that holds one. Three kinds do: a scenario file as the CLI takes
 * it (scenarios/*.json), the dashboard's own JSON export ({depinsim_version, scenario_hash, seed,
 * scenario, resolved}) and the CLI's provenance sidecar (<results>.csv.meta.json: {seed,
 * scenario_hash, scenario_resolved, ...}). The last two also carry the seed, so a run of what they
 * hold reproduces the run that saved them. A sweep's sidecar (--sweep) holds the base scenario and
 * each point's values: it gives point 1, the base with those values set, as `--set` would.
 * The dashboard's Open… and the CLI's scenario argument both read files through this, so what one
 * saves the other runs. Nothing here validates the scenario itself.
 */
import { applyOverride } from './overrides.ts';

export type ScenarioFileKind = 'scenario file' | 'dashboard export' | 'CLI provenance sidecar';

/** What a file that holds a scenario gives. */
export interface SavedScenarioFile {
  ok: true;
  kind: ScenarioFileKind;
  /** The raw scenario (what validateScenario takes). */
  raw: Record<string, unknown>;
  /** The seed the file records (exports and sidecars), else null. */
  seed: number | null;
  /** Seeds the file records (a --seeds sidecar lists several; `seed` is the first). */
  seedsInFile: number;
  /** The scenario hash the file records for the scenario it gives, if any. */
  recorded: string | null;
  /** A sweep sidecar's: the number of points and the values of point 1, the one given ("market.matcher=auction"). */
  sweep: { points: number; opened: string } | null;
}

export type SavedScenario = SavedScenarioFile | { ok: false; reason: string };

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The scenario a parsed JSON object holds, by the kind of file it is; `fileName` names it in a reason. */
export function savedScenario(json: Record<string, unknown>, fileName: string): SavedScenario {
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
  return { ok: true, kind, raw: raw as Record<string, unknown>, seed, seedsInFile, recorded, sweep };
}
