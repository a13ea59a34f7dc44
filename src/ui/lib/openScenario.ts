/**
 * Reading a scenario file the user opens in the dashboard: a scenario file, the dashboard's own
 * JSON export or a CLI sidecar (sim/scenario/savedScenario.ts says what each holds; the last two
 * bring their seed, so opening one reproduces that run). Nothing is applied unless the scenario
 * validates; a scenario edited after it was saved opens, and says its recorded hash no longer matches.
 */
import { parseJsonText, ScenarioError, validateScenario } from '../../sim/scenario/validate.ts';
import { scenarioHash } from '../../sim/scenario/hash.ts';
import { isObject, savedScenario, type SavedScenarioFile } from '../../sim/scenario/savedScenario.ts';

/** A file opened: what it holds (savedScenario.ts), with the hash of its scenario and whether the file's own record of it still matches. */
export type OpenedScenario =
  | (Omit<SavedScenarioFile, 'recorded'> & {
      /** scenarioHash of the resolved scenario. */
      hash: string;
      /** When the file records a hash that the scenario no longer gives: it was edited after export. */
      hashMismatch: string | null;
    })
  | { ok: false; reason: string };

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
  const saved = savedScenario(json, fileName);
  if (!saved.ok) return saved;
  const { kind, raw, seed, seedsInFile, recorded, sweep } = saved;
  const v = validateScenario(raw);
  if (!v.ok) {
    const shown = v.issues.slice(0, SHOW_ISSUES).map((i) => `${i.path}: ${i.message}`);
    const more = v.issues.length - shown.length;
    return { ok: false, reason: `${fileName} is not a valid scenario: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}` };
  }
  const hash = scenarioHash(v.scenario);
  return { ok: true, kind, raw: raw as Record<string, unknown>, seed, hash, hashMismatch: recorded !== null && recorded !== hash ? recorded : null, seedsInFile, sweep };
}
