/**
 * What the page's entry asks the worker to begin before the app has loaded (ui/lib/earlyRun.ts) must
 * be exactly what the dashboard will then start, or nothing: the run the user left, with its edits
 * and seed; the baseline on a first visit; nothing for a share link, a paced run or a stored run.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_ID } from 'virtual:depinsim-model-id';
import { firstRun } from '../../src/ui/lib/earlyRun.ts';
import { applyEdits } from '../../src/ui/lib/paths.ts';
import { presetByName } from '../../src/ui/lib/presets.ts';
import { STORAGE_KEY } from '../../src/ui/lib/runChoice.ts';
import { loadPersisted } from '../../src/ui/lib/persist.ts';
import { HINT_KEY } from '../../src/ui/lib/storedRunHint.ts';
import { firstRunOfName, nameWithFirstRun } from '../../src/worker/firstRunName.ts';

function storage(items: Record<string, unknown>) {
  const m = new Map(Object.entries(items).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

/** What the dashboard's init() makes of the same storage (dashboard.svelte.ts: preset if known, edits, seed). */
function dashboardRun(s: ReturnType<typeof storage>) {
  const p = loadPersisted(s);
  const preset = p.preset && presetByName(p.preset) ? p.preset : 'baseline';
  return { raw: applyEdits(presetByName(preset)!.raw, p.edits ?? {}), seed: p.seed ?? 1 };
}

describe('the first run begun early', () => {
  it('a first visit: the baseline, seed 1', () => {
    const f = firstRun(storage({}), '');
    expect(f).toEqual({ raw: presetByName('baseline')!.raw, seed: 1, storedKeys: [] });
  });

  it('the run the user left: preset, edits and seed, the same scenario (to the key order) the dashboard will send', () => {
    const s = storage({ [STORAGE_KEY]: { preset: 'halving', edits: { 'demand.baseRateJobsPerHour': 150, 'supply.providers': 900 }, seed: 42, speed: 0, autoRun: true } });
    const f = firstRun(s, '')!;
    expect(JSON.stringify([f.raw, f.seed])).toBe(JSON.stringify([dashboardRun(s).raw, dashboardRun(s).seed]));
    expect((f.raw.demand as Record<string, unknown>).baseRateJobsPerHour).toBe(150);
  });

  it('an unknown preset falls back to the baseline with the edits, as the dashboard does; bad stored data counts as none', () => {
    const s = storage({ [STORAGE_KEY]: { preset: 'no-such', edits: { horizonDays: 30 }, seed: 5 } });
    expect(JSON.stringify(firstRun(s, '')!.raw)).toBe(JSON.stringify(dashboardRun(s).raw));
    expect(firstRun(storage({ [STORAGE_KEY]: '{not json' }), '')).toMatchObject({ raw: presetByName('baseline')!.raw, seed: 1 });
  });

  it('nothing for a share link (the dashboard checks it first) or a run paced to be watched', () => {
    expect(firstRun(storage({}), '#s=abc')).toBeNull();
    expect(firstRun(storage({ [STORAGE_KEY]: { preset: 'baseline', speed: 5 } }), '')).toBeNull();
  });

  it('passes on the runs the browser store keeps for this model (the worker leaves those to the store), not another model’s', () => {
    expect(firstRun(storage({ [HINT_KEY]: { modelId: MODEL_ID, keys: ['abc#1'] } }), '')!.storedKeys).toEqual(['abc#1']);
    expect(firstRun(storage({ [HINT_KEY]: { modelId: 'other', keys: ['abc#1'] } }), '')!.storedKeys).toEqual([]);
  });

  it('travels in the worker name and back unchanged; a plain or mangled name carries nothing', () => {
    const f = firstRun(storage({ [STORAGE_KEY]: { preset: 'cheating', edits: { seedNote: 'a "quoted" first-run ' }, seed: 9 } }), '')!;
    const name = nameWithFirstRun('depinsim-sim', f);
    expect(name.startsWith('depinsim-sim')).toBe(true);
    expect(firstRunOfName(name)).toEqual(f);
    expect(nameWithFirstRun('depinsim-sim', null)).toBe('depinsim-sim');
    expect(firstRunOfName('depinsim-sim')).toBeNull();
    expect(firstRunOfName(name.slice(0, -3))).toBeNull();
    expect(firstRunOfName('depinsim-sim first-run {"raw":1,"seed":1,"storedKeys":[]}')).toBeNull();
  });
});
