/**
 * The user's edits survive a reload: preset, edits, seed, speed, the exceedance rules, the runs kept
 * to compare, the Sensitivity and Sweep panels' forms and layout choices go to localStorage on every change and come back on load. Stored data is untrusted input: it is
 * shape-checked here and validated like any other scenario before it is run.
 */

import { readKeptRefs, type KeptRef } from './keptRefs.ts';
import { isBandLevel, type BandLevel } from '../../sim/metrics/bandLevel.ts';
import { isPrototypeKey } from '../../sim/scenario/prototypeKeys.ts';
import { offeredSpeed } from './speeds.ts';
import { readSensitivity, type SensitivityChoices } from './sensitivityChoices.ts';
import { readSweepChoices, type SweepChoices } from './sweepChoices.ts';

export const STORAGE_KEY = 'depinsim.dashboard.v1';
/** The most Monte Carlo runs the dashboard offers (each takes a worker's time: a baseline year is about 10 s). */
export const MAX_RUNS = 50;

export interface Persisted {
  preset: string;
  edits: Record<string, unknown>;
  seed: number;
  speed: number;
  autoRun: boolean;
  /** Monte Carlo runs (1: the seed alone). */
  runs?: number;
  /** The exceedance rules as edited (lib/exceedance.ts), and the KPI "Is N enough?" follows. */
  rules?: { kpi: string; cmp: '<' | '>'; threshold: number }[];
  convergenceKpi?: string;
  /** The level of the Monte Carlo bands (% of runs inside), bandLevel.ts. */
  bandLevel?: BandLevel;
  /** The runs kept to compare (lib/keptRefs.ts), A first. */
  compare?: KeptRef[];
  /** The Sensitivity panel's form (lib/sensitivityChoices.ts). */
  sensitivity?: SensitivityChoices;
  /** The Sweep panel's form (lib/sweepChoices.ts). */
  sweep?: SweepChoices;
}

/**
 * How an edit that leaves a field out is stored: JSON has no `undefined`, so an edit removing a field
 * the preset sets (an optional field cleared, every class ticked again, a preset field a scenario
 * file leaves out) would vanish on a reload and the preset's value come back under the same name.
 * No scenario field takes an object with this key, so it cannot stand for a real value.
 */
const LEFT_OUT = '$leftOut';
const isLeftOut = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && (v as Record<string, unknown>)[LEFT_OUT] === true;

/** Rules kept at most: the panel shows four. */
const MAX_RULES = 8;
const isKpiId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v);

export function loadPersisted(storage: { getItem(key: string): string | null } | undefined): Partial<Persisted> {
  if (!storage) return {};
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (!text) return {};
    const o = JSON.parse(text) as Record<string, unknown>;
    const out: Partial<Persisted> = {};
    if (typeof o.preset === 'string' && o.preset.length <= 80) out.preset = o.preset;
    if (o.edits && typeof o.edits === 'object' && !Array.isArray(o.edits)) {
      const edits: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o.edits as Record<string, unknown>)) {
        if (/^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/.test(k) && k.length < 200 && !k.split('.').some(isPrototypeKey)) edits[k] = isLeftOut(v) ? undefined : v;
      }
      out.edits = edits;
    }
    if (Number.isSafeInteger(o.seed) && (o.seed as number) >= 0) out.seed = o.seed as number;
    if (typeof o.speed === 'number' && o.speed >= 0) out.speed = offeredSpeed(o.speed);
    if (typeof o.autoRun === 'boolean') out.autoRun = o.autoRun;
    if (Number.isSafeInteger(o.runs) && (o.runs as number) >= 1 && (o.runs as number) <= MAX_RUNS) out.runs = o.runs as number;
    if (Array.isArray(o.rules) && o.rules.length <= MAX_RULES) {
      type Rule = NonNullable<Persisted['rules']>[number];
      const rules = (o.rules as Record<string, unknown>[]).filter(
        (r): r is Rule => !!r && typeof r === 'object' && isKpiId(r.kpi) && (r.cmp === '<' || r.cmp === '>') && typeof r.threshold === 'number' && Number.isFinite(r.threshold),
      );
      // all or nothing: a partly broken list would renumber the panel's rules
      if (rules.length === o.rules.length && rules.length > 0) out.rules = rules.map((r) => ({ kpi: r.kpi, cmp: r.cmp, threshold: r.threshold }));
    }
    if (isKpiId(o.convergenceKpi)) out.convergenceKpi = o.convergenceKpi;
    if (isBandLevel(o.bandLevel)) out.bandLevel = o.bandLevel;
    const sensitivity = readSensitivity(o.sensitivity);
    if (sensitivity) out.sensitivity = sensitivity;
    const sweep = readSweepChoices(o.sweep);
    if (sweep) out.sweep = sweep;
    const compare = readKeptRefs(o.compare);
    if (compare && compare.length > 0) out.compare = compare;
    return out;
  } catch {
    return {};
  }
}

export function savePersisted(storage: { setItem(key: string, value: string): void } | undefined, p: Persisted): void {
  if (!storage) return;
  try {
    const edits = Object.fromEntries(Object.entries(p.edits).map(([k, v]) => [k, v === undefined ? { [LEFT_OUT]: true } : v]));
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...p, edits }));
  } catch {
    // Storage full or disabled (private mode): edits then last for this page only.
  }
}
