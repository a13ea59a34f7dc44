// The session's run cache: finished runs by scenario hash and seed, least recently used dropped first
// when the estimated bytes pass the bound.
import { describe, expect, it } from 'vitest';
import { RunCache, type ScreenRun } from '../../src/ui/lib/runCache.ts';

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
