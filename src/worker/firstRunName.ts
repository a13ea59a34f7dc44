/**
 * The page's first run, carried to the worker in the worker's name (ui/lib/earlyRun.ts says why it
 * begins early). Not in a message: Chromium hands a new worker the messages posted to it only once
 * the page's main thread is free again, which at load is after the app has been evaluated and laid
 * out (about 0.3 s after the worker is ready); the name the worker is created with, it reads at once.
 */

export interface FirstRunRequest {
  /** The raw scenario, as the dashboard will send it to start(). */
  raw: Record<string, unknown>;
  seed: number;
  /** Runs the page's store probably has (api.ts runKey): the worker leaves those to the store. */
  storedKeys: string[];
}

const MARK = ' first-run ';

/** The worker name `base`, carrying `first` when there is one. */
export function nameWithFirstRun(base: string, first: FirstRunRequest | null): string {
  return first ? `${base}${MARK}${JSON.stringify(first)}` : base;
}

/** The first run a worker's name carries (null when none, or when it cannot be read). */
export function firstRunOfName(name: string): FirstRunRequest | null {
  const at = name.indexOf(MARK);
  if (at < 0) return null;
  try {
    const o = JSON.parse(name.slice(at + MARK.length)) as Partial<FirstRunRequest> | null;
    if (!o || typeof o.raw !== 'object' || o.raw === null || typeof o.seed !== 'number' || !Array.isArray(o.storedKeys)) return null;
    return { raw: o.raw, seed: o.seed, storedKeys: o.storedKeys.filter((k): k is string => typeof k === 'string') };
  } catch {
    return null;
  }
}
