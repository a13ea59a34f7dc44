/**
 * The page's first run, begun before the app has loaded.
 *
 * At load the worker is ready about 0.3 s before the app has been evaluated and laid out enough to
 * ask for a run, and then needs a second to set the run up and simulate its first day. So the page's
 * entry works out what the dashboard will ask for (what the user last ran, from localStorage, or
 * the baseline) and creates the worker with it (worker/firstRunName.ts); the worker begins that run
 * at once (api.ts `prestart`), and when the dashboard's start() asks for the same scenario and seed,
 * adopts it. The dashboard reads the same stored choice with the same code (runChoice.ts) and derives
 * the scenario the same way (applyEdits over the preset); should the two ever differ, the worker
 * discards its run and starts the one asked for: a lost head start, never another run's rows.
 *
 * Not attempted when a share link opened the page (the dashboard checks it first), when the run is
 * paced to be watched, or when the browser's run store probably has the run (storedRunHint.ts: the
 * dashboard shows it from there, and the worker would only be busy when the user's next run comes).
 */
import { MODEL_ID } from 'virtual:depinsim-model-id';
import type { FirstRunRequest } from '../../worker/firstRunName.ts';
import { applyEdits } from './paths.ts';
import { presetByName } from './presets.ts';
import { DEFAULT_PRESET, DEFAULT_SEED, readRunChoice, readStored } from './runChoice.ts';
import { StoredRunHint } from './storedRunHint.ts';

type Storage = { getItem(key: string): string | null; setItem(key: string, value: string): void };

/** What the dashboard will run first, as far as the page's entry can tell (null: leave it to the dashboard). */
export function firstRun(storage: Storage | undefined, locationHash: string): FirstRunRequest | null {
  if (locationHash.length > 1) return null; // a share link: the dashboard decides, after checking it
  const choice = readRunChoice(readStored(storage) ?? {});
  if (choice.speed !== undefined && choice.speed > 0) return null; // paced: no wait to save
  const preset = (choice.preset !== undefined && presetByName(choice.preset)) || presetByName(DEFAULT_PRESET);
  if (!preset) return null;
  return {
    raw: applyEdits(preset.raw, choice.edits ?? {}),
    seed: choice.seed ?? DEFAULT_SEED,
    storedKeys: new StoredRunHint(MODEL_ID, storage).keys(),
  };
}

/** firstRun() for this page; never throws (storage refused in a sandboxed frame: no head start). */
export function pageFirstRun(): FirstRunRequest | null {
  try {
    const page = globalThis as { localStorage?: Storage; location?: { hash: string } };
    return firstRun(page.localStorage, page.location?.hash ?? '');
  } catch {
    return null;
  }
}
