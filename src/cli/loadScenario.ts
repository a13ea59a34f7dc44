/**
 * Resolves a scenario argument (a preset name or a JSON file) and applies --set overrides. A file
 * may be a scenario file, the dashboard's JSON export or a CLI sidecar (sim/scenario/savedScenario.ts):
 * the last two give their scenario, and their seed for `run` to take when none is given.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { closestNames, orList } from '../sim/scenario/closestNames.ts';
import { findPreset, PRESETS } from '../sim/scenario/presets.ts';
import { applyOverrides } from '../sim/scenario/overrides.ts';
import { parseJsonText, parseScenario } from '../sim/scenario/validate.ts';
import { isObject, savedScenario } from '../sim/scenario/savedScenario.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { CliError } from './errors.ts';

export interface LoadedRaw {
  raw: unknown;
  /** Where it came from, for messages: the file ("saved.json (dashboard export)") or the preset. */
  source: string;
  /** The seed a dashboard export or a sidecar records, else null. */
  seed: number | null;
}

export function loadRaw(arg: string): LoadedRaw {
  if (existsSync(arg)) {
    if (statSync(arg).isDirectory()) throw new CliError(`${arg} is a directory, not a scenario file (a .json file, or a preset: ${PRESETS.map((p) => p.name).join(', ')})`);
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${arg}: ${(e as Error).message}`);
    }
    const json = parseJsonText(text, arg);
    if (!isObject(json)) return { raw: json, source: arg, seed: null };
    const saved = savedScenario(json, arg);
    if (!saved.ok) throw new CliError(saved.reason);
    if (saved.kind === 'scenario file') return { raw: json, source: arg, seed: null };
    const point = saved.sweep ? `, point 1 of ${saved.sweep.points}: ${saved.sweep.opened}` : '';
    return { raw: saved.raw, source: `${arg} (${saved.kind}${point})`, seed: saved.seed };
  }
  const preset = findPreset(arg);
  if (preset) return { raw: preset.raw, source: `preset '${arg}'`, seed: null };
  // a preset's name slipped ("token-pump"), or given as a file that is not there ("scenarios/baselin.json")
  const near = closestNames(
    PRESETS.map((p) => p.name),
    basename(arg).replace(/\.json$/i, ''),
  );
  const hint = near.length ? `did you mean ${orList(near)}? ` : '';
  throw new CliError(`no scenario file or preset named '${arg}' (${hint}presets: ${PRESETS.map((p) => p.name).join(', ')})`);
}

export function loadScenario(arg: string, sets: readonly string[]): Scenario {
  const { raw, source } = loadRaw(arg);
  const withSets = sets.length ? applyOverrides(raw, sets) : raw;
  return parseScenario(withSets, sets.length ? `${source} with --set` : source);
}

/** A control's edits (`control.set`: path -> value) as the --set specs that apply them. */
export function controlSpecs(set: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(set).map(([path, value]) => `${path}=${JSON.stringify(value)}`);
}

/** The sidecar's `control` (the control run's name), only for a --control run: every other sidecar keeps its keys. */
export function controlField(control: string | undefined): { control?: string } {
  return control === undefined ? {} : { control };
}
