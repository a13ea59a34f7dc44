/**
 * Scenario presets for the picker: the core's bundled scenarios (scenarios/*.json, listed in
 * src/sim/scenario/presets.ts, the same list the CLI uses), each with the question it answers.
 * Baseline comes first.
 */
import { PRESETS as CORE_PRESETS } from '../../sim/scenario/presets.ts';

export interface Preset {
  name: string;
  question: string;
  description: string;
  raw: Record<string, unknown>;
}

export const PRESETS: Preset[] = CORE_PRESETS.map((p) => ({
  name: p.name,
  question: p.question,
  description: typeof p.raw.description === 'string' ? p.raw.description : '',
  raw: p.raw,
})).sort((a, b) => (a.name === 'baseline' ? -1 : b.name === 'baseline' ? 1 : 0));

export function presetByName(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
