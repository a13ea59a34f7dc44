// The hint of which runs the browser's store holds (localStorage), read at once so that a reload
// looks in the store before simulating a run it already has.
import { describe, expect, it } from 'vitest';
import { HINT_KEY, HINT_MAX, StoredRunHint } from '../../src/ui/lib/storedRunHint.ts';
import { RunCache, type CachedRun, type RunStore } from '../../src/ui/lib/runCache.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('StoredRunHint', () => {
  it('remembers the keys stored, forgets those removed, and survives a new page (a new instance)', () => {
    const s = memoryStorage();
    const h = new StoredRunHint('model-1', s);
    expect(h.has('abc#1')).toBe(false);
    h.add('abc#1');
    h.add('abc#2');
    h.remove(['abc#1']);
    const after = new StoredRunHint('model-1', s);
    expect(after.has('abc#1')).toBe(false);
    expect(after.has('abc#2')).toBe(true);
  });

  it('knows nothing of another model version: the store never shows its runs', () => {
    const s = memoryStorage();
    new StoredRunHint('model-1', s).add('abc#1');
    expect(new StoredRunHint('model-2', s).has('abc#1')).toBe(false);
  });

  it('keeps the newest keys only, a key stored again counting as new', () => {
    const s = memoryStorage();
    const h = new StoredRunHint('m', s);
    for (let i = 0; i < HINT_MAX; i++) h.add(`k#${i}`);
    h.add('k#0'); // stored again: now the newest
    h.add('k#new'); // pushes out the oldest, k#1
    expect(h.has('k#0')).toBe(true);
    expect(h.has('k#1')).toBe(false);
    expect(h.has('k#new')).toBe(true);
    expect((JSON.parse(s.m.get(HINT_KEY)!) as { keys: string[] }).keys.length).toBe(HINT_MAX);
  });

  it('treats unreadable storage as an empty hint, and a refusing or missing storage as no hint, without throwing', () => {
    const s = memoryStorage();
    s.setItem(HINT_KEY, '{not json');
    expect(new StoredRunHint('m', s).has('a#1')).toBe(false);
    s.setItem(HINT_KEY, JSON.stringify({ modelId: 'm', keys: [1, 'a#1', null] }));
    expect(new StoredRunHint('m', s).has('a#1')).toBe(true);
    const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => new StoredRunHint('m', refusing).add('a#1')).not.toThrow();
    const none = new StoredRunHint('m', undefined);
    none.add('a#1');
    expect(none.has('a#1')).toBe(false);
  });
});

describe('RunCache.probablyRestorable', () => {
  const run: CachedRun = { table: { rows: 1, data: { utilization: new Float64Array(1) } }, screen: null };
  it('asks the store for its hint when the run is not in memory; a cache without a store says no', () => {
    const listed = new Set(['h#1']);
    const store: RunStore = { get: async () => undefined, put: async () => undefined, mayHaveScreen: (k) => listed.has(k) };
    const c = new RunCache(1e9, store);
    expect(c.probablyRestorable('h#1')).toBe(true);
    expect(c.probablyRestorable('h#2')).toBe(false);
    expect(new RunCache(1e9).probablyRestorable('h#1')).toBe(false);
    // a table alone (a Monte Carlo seed) cannot be shown as the page's run
    const m = new RunCache(1e9);
    m.putTable('t#1', run.table);
    expect(m.probablyRestorable('t#1')).toBe(false);
  });
});

describe('StoredRunHint.remove', () => {
  it('writes nothing when none of the keys was listed (a Monte Carlo table read from the store)', () => {
    const s = memoryStorage();
    const h = new StoredRunHint('m', s);
    h.add('a#1');
    let writes = 0;
    const counting = { getItem: s.getItem, setItem: (k: string, v: string) => (writes++, s.setItem(k, v)) };
    new StoredRunHint('m', counting).remove(['b#1', 'c#2']);
    expect(writes).toBe(0);
    expect(h.has('a#1')).toBe(true);
  });
});
