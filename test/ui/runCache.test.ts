// The session's run cache: finished runs by scenario hash and seed, least recently used dropped first
// when the estimated bytes pass the bound.
import { describe, expect, it } from 'vitest';
import { RunCache, STORE_PROVIDERS_MAX_BYTES, type CachedRun, type RunStore, type ScreenRun } from '../../src/ui/lib/runCache.ts';

/** A table of `rows` rows and one column (8 bytes a row). */
const table = (rows: number, v = 1) => ({ rows, data: { utilization: new Float64Array(rows).fill(v) } });
const screen = (providers: number): ScreenRun => ({
  horizonHours: 240,
  periodHours: 24,
  columns: [{ name: 'utilization', unit: 'share', description: '' }],
  providers: { runId: 1, nowHours: 240, rows: Array.from({ length: providers }, (_, i) => ({ id: i, archetype: 'home' })) },
  eventsProcessed: 1000,
  busyMs: 50,
});

describe('RunCache', () => {
  it('keys by scenario hash and seed: another seed or hash is another run', () => {
    const c = new RunCache();
    c.putTable(RunCache.key('abc', 1), table(10, 0.5));
    expect(c.get(RunCache.key('abc', 1))?.table.data.utilization[0]).toBe(0.5);
    expect(c.get(RunCache.key('abc', 2))).toBeUndefined();
    expect(c.get(RunCache.key('abd', 1))).toBeUndefined();
  });

  it('only a run shown on screen before (with its provider report) can be shown again as the page run', () => {
    const c = new RunCache();
    c.putTable('k', table(10));
    expect(c.get('k')).toBeDefined();
    expect(c.screen('k')).toBeUndefined();
    c.putScreen('k', table(10, 2), screen(3));
    expect(c.screen('k')?.screen.eventsProcessed).toBe(1000);
    // a Monte Carlo worker finishing the same run later keeps what the screen needs
    c.putTable('k', table(10, 3));
    expect(c.screen('k')?.screen.providers?.rows.length).toBe(3);
    expect(c.screen('k')?.table.data.utilization[0]).toBe(3);
  });

  it('drops the least recently used runs past its byte bound, and counts the provider report', () => {
    const c = new RunCache(8 * 100 * 3); // room for three 100-row tables
    c.putTable('a', table(100));
    c.putTable('b', table(100));
    c.putTable('c', table(100));
    expect(c.bytes).toBe(2400);
    c.get('a'); // a is now the most recently used: b goes first
    c.putTable('d', table(100));
    expect(c.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].every((k) => c.get(k))).toBe(true);
    // a screen run with a provider report weighs more than its table: it pushes out two tables
    c.putScreen('e', table(100), screen(10));
    expect(c.size).toBe(2);
    expect(c.bytes).toBeLessThanOrEqual(2400);
    expect(c.screen('e')).toBeDefined();
  });

  it('a run larger than the whole bound is not kept, and does not push others out', () => {
    const c = new RunCache(1000);
    c.putTable('small', table(10));
    c.putTable('huge', table(1000));
    expect(c.get('huge')).toBeUndefined();
    expect(c.get('small')).toBeDefined();
  });

  it('counts a view by the buffer it keeps alive', () => {
    const c = new RunCache();
    const big = new Float64Array(1000);
    c.putTable('v', { rows: 10, data: { a: big.subarray(0, 10), b: big.subarray(10, 20) } });
    expect(c.bytes).toBe(8000);
  });
});

/** A store in memory that counts its writes (the browser's is IndexedDB, checked in the e2e tests). */
class MemoryStore implements RunStore {
  runs = new Map<string, CachedRun>();
  writes = 0;
  async get(key: string) {
    return this.runs.get(key);
  }
  async put(key: string, run: CachedRun) {
    this.writes++;
    this.runs.set(key, run);
  }
}

describe('RunCache with a store behind it (runs kept across reloads)', () => {
  it('writes every run it keeps to the store, and a new session restores it from there', async () => {
    const store = new MemoryStore();
    const first = new RunCache(undefined, store);
    first.putScreen('k', table(10, 0.25), screen(5));
    expect(store.writes).toBe(1);
    // a reload: an empty session cache over the same store
    const second = new RunCache(undefined, store);
    expect(second.get('k')).toBeUndefined();
    const back = await second.restore('k', true);
    expect(back?.table.data.utilization[3]).toBe(0.25);
    expect(back?.screen?.providers?.rows.length).toBe(5);
    // now in memory too, and not written back
    expect(second.screen('k')).toBeDefined();
    expect(store.writes).toBe(1);
    expect(await second.restore('absent')).toBeUndefined();
  });

  it('a table-only run is not restored as a page run', async () => {
    const store = new MemoryStore();
    new RunCache(undefined, store).putTable('t', table(10));
    const c = new RunCache(undefined, store);
    expect(await c.restore('t', true)).toBeUndefined();
    expect((await c.restore('t'))?.table.rows).toBe(10);
  });

  it('stores columns in buffers of their own, and leaves a very large provider report out', async () => {
    const store = new MemoryStore();
    const c = new RunCache(undefined, store);
    const big = new Float64Array(1000);
    c.putTable('v', { rows: 10, data: { a: big.subarray(0, 10) } });
    expect(store.runs.get('v')!.table.data.a.buffer.byteLength).toBe(80);
    // a report past the bound (a 10x network's): the table is stored, the report is not
    const huge = Math.ceil(STORE_PROVIDERS_MAX_BYTES / (2 * 24)) + 1;
    c.putScreen('big', table(10), screen(huge));
    expect(store.runs.get('big')!.screen).toBeNull();
    expect(c.screen('big')).toBeDefined(); // memory keeps all of it
    c.putScreen('small', table(10), screen(10));
    expect(store.runs.get('small')!.screen?.providers?.rows.length).toBe(10);
  });
});
