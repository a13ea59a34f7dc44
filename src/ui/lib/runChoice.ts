/**
 * What the page runs first: the preset, edits, seed and speed the user left in localStorage (or the
 * defaults), read with no more code than that, because the page's entry reads it before the app has
 * loaded (earlyRun.ts) as well as the dashboard when it starts (persist.ts). Stored data is
 * untrusted input: shape-checked here, validated like any other scenario before it runs.
 */

export const STORAGE_KEY = 'depinsim.dashboard.v1';
/** The preset and seed of a first visit. */
export const DEFAULT_PRESET = 'baseline';
export const DEFAULT_SEED = 1;

export interface RunChoice {
  preset: string;
  edits: Record<string, unknown>;
  seed: number;
  /** Simulated days per second; 0 runs as fast as the machine allows. */
  speed: number;
}

/** The run-choice fields of a stored object that pass their checks (the others are left out). */
export function readRunChoice(o: Record<string, unknown>): Partial<RunChoice> {
  const out: Partial<RunChoice> = {};
  if (typeof o.preset === 'string' && o.preset.length <= 80) out.preset = o.preset;
  if (o.edits && typeof o.edits === 'object' && !Array.isArray(o.edits)) {
    const edits: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o.edits as Record<string, unknown>)) {
      if (/^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/.test(k) && k.length < 200) edits[k] = v;
    }
    out.edits = edits;
  }
  if (Number.isSafeInteger(o.seed) && (o.seed as number) >= 0) out.seed = o.seed as number;
  if (typeof o.speed === 'number' && o.speed >= 0) out.speed = o.speed;
  return out;
}

/** The stored object (null when there is none or it is not an object). */
export function readStored(storage: { getItem(key: string): string | null } | undefined): Record<string, unknown> | null {
  try {
    const o = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
