/**
 * A synchronous hint of which runs the browser's run store (runStore.ts, IndexedDB) holds with what
 * the page needs to show them: the keys, in localStorage.
 *
 * Why: at load the page starts the simulation before it has looked in the store, because that
 * lookup waits for the main thread, busy laying out the page, for about half a second. When the
 * store has the run after all (a reload), the worker has meanwhile spent a second setting up a run
 * that is thrown away, and a run asked for right after waits for it. With this hint the page looks
 * in the store first exactly when the run is probably there.
 *
 * Only a hint: a key listed but gone (evicted, another tab, storage cleared) costs the lookup
 * before the run starts; a key missing costs the wasted set-up as before. Never wrong results.
 */

export const HINT_KEY = 'depinsim.storedRuns.v1';
/** Keys kept at most (the store holds about sixty baseline years; the newest matter). */
export const HINT_MAX = 100;

type Storage = { getItem(key: string): string | null; setItem(key: string, value: string): void };

export class StoredRunHint {
  constructor(
    /** The model's code fingerprint: the store never shows a run of another one. */
    private modelId: string,
    private storage: Storage | undefined,
  ) {}

  /** The keys listed for this model, oldest first (an unreadable or foreign entry counts as none). */
  private read(): string[] {
    try {
      const o = JSON.parse(this.storage?.getItem(HINT_KEY) ?? 'null') as { modelId?: unknown; keys?: unknown } | null;
      if (!o || o.modelId !== this.modelId || !Array.isArray(o.keys)) return [];
      return o.keys.filter((k): k is string => typeof k === 'string');
    } catch {
      return [];
    }
  }

  private write(keys: string[]): void {
    try {
      this.storage?.setItem(HINT_KEY, JSON.stringify({ modelId: this.modelId, keys: keys.slice(-HINT_MAX) }));
    } catch {
      // storage full or refused: the hint is only a hint
    }
  }

  /** True when the store probably holds the run of key, ready to show. */
  has(key: string): boolean {
    return this.read().includes(key);
  }

  /** The store now holds key (as the newest). */
  add(key: string): void {
    this.write([...this.read().filter((k) => k !== key), key]);
  }

  /** The store no longer holds these keys. */
  remove(keys: string[]): void {
    if (keys.length === 0) return;
    const gone = new Set(keys);
    const listed = this.read();
    const kept = listed.filter((k) => !gone.has(k));
    // (a Monte Carlo seed's table restored from the store is never listed: nothing to write then)
    if (kept.length !== listed.length) this.write(kept);
  }
}
