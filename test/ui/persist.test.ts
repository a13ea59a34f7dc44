import { describe, expect, it } from 'vitest';
import { loadPersisted, savePersisted, STORAGE_KEY } from '../../src/ui/lib/persist.ts';

function store(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('persisted edits', () => {
  it('round-trips what it saves', () => {
    const s = store();
    const p = { preset: 'baseline', edits: { 'supply.providers': 500, 'demand.baseRateJobsPerHour': 'abc' }, seed: 3, speed: 5, autoRun: false, runs: 10 };
    savePersisted(s, p);
    expect(loadPersisted(s)).toEqual(p);
  });

  it('drops what is malformed instead of failing', () => {
    expect(loadPersisted(store({ [STORAGE_KEY]: '{not json' }))).toEqual({});
    expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ seed: -1, preset: 5, edits: { 'a..b': 1, ok: 2 }, speed: 'x' }) }))).toEqual({ edits: { ok: 2 } });
    // Monte Carlo runs: a whole number from 1 to 50 (a stored 1e6 would start a million runs)
    for (const runs of [0, 51, 1e6, 2.5, '5']) expect(loadPersisted(store({ [STORAGE_KEY]: JSON.stringify({ runs }) }))).toEqual({});
    expect(loadPersisted(undefined)).toEqual({});
  });

  it('survives a storage that throws (private mode, quota)', () => {
    expect(() => savePersisted({ setItem: () => { throw new Error('quota'); } }, { preset: 'b', edits: {}, seed: 1, speed: 0, autoRun: true })).not.toThrow();
  });
});
