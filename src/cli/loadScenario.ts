/** Resolves a scenario argument (a preset name or a JSON file) and applies --set overrides. */
import { existsSync, readFileSync } from 'node:fs';
import { findPreset, PRESETS } from '../sim/scenario/presets.ts';
import { applyOverrides } from '../sim/scenario/overrides.ts';
import { parseScenario, ScenarioError } from '../sim/scenario/validate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { CliError } from './errors.ts';

export function loadRaw(arg: string): { raw: unknown; source: string } {
  if (existsSync(arg)) {
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${arg}: ${(e as Error).message}`);
    }
    try {
      return { raw: JSON.parse(text), source: arg };
    } catch (e) {
      const msg = (e as Error).message;
      const m = /position (\d+)/.exec(msg);
      let where = '';
      if (m) {
        const before = text.slice(0, Number(m[1]));
        where = ` at line ${before.split('\n').length}, column ${Number(m[1]) - before.lastIndexOf('\n')}`;
      }
      throw new ScenarioError([{ path: '(file)', message: `malformed JSON${where}: ${msg}` }], arg);
    }
  }
  const preset = findPreset(arg);
  if (preset) return { raw: preset.raw, source: `preset '${arg}'` };
  throw new CliError(`no scenario file or preset named '${arg}' (presets: ${PRESETS.map((p) => p.name).join(', ')})`);
}

export function loadScenario(arg: string, sets: readonly string[]): Scenario {
  const { raw, source } = loadRaw(arg);
  const withSets = sets.length ? applyOverrides(raw, sets) : raw;
  return parseScenario(withSets, sets.length ? `${source} with --set` : source);
}
