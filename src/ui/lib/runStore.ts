/**
 * Finished runs kept across reloads, in the browser's IndexedDB, behind the session's run cache
 * (runCache.ts): reopening the page, or a scenario run yesterday, shows the run at once instead of
 * simulating it again.
 *
 * Every record is filed under the model id (a fingerprint of the simulation code, from
 * scripts/modelIdPlugin.ts): a run kept by another version of the model is never read, and is
 * deleted when the store opens. Bounded by an estimate of its bytes, the least recently used run
 * going first. Best effort: where IndexedDB is missing or refuses (a private window, a full disk),
 * runs are simply not kept, and the page works as without it.
 */
import type { CachedRun, RunStore, ScreenRun } from './runCache.ts';
import { packRows, unpackRows, type PackedRows } from './packedRows.ts';
import { StoredRunHint } from './storedRunHint.ts';

/** A run as stored: its provider report packed by column (packedRows.ts), a block copy instead of thousands of objects. */
interface StoredRun {
  table: CachedRun['table'];
  screen: (Omit<ScreenRun, 'providers'> & { providers: (Omit<NonNullable<ScreenRun['providers']>, 'rows'> & { packed: PackedRows }) | null }) | null;
}

function toStored(run: CachedRun): StoredRun {
  if (!run.screen) return { table: run.table, screen: null };
  const p = run.screen.providers;
  return { table: run.table, screen: { ...run.screen, providers: p ? { runId: p.runId, nowHours: p.nowHours, packed: packRows(p.rows) } : null } };
}

/** A stored run back as the cache keeps it; a record written before the reports were packed (rows as objects) is read as it is. */
function fromStored(s: StoredRun | CachedRun): CachedRun {
  const p = s.screen?.providers;
  if (!s.screen || !p || !('packed' in p)) return s as CachedRun;
  return { table: s.table, screen: { ...s.screen, providers: { runId: p.runId, nowHours: p.nowHours, rows: unpackRows(p.packed) } } };
}

/** Default bound on what is kept across reloads: about sixty baseline years with their provider reports. */
export const RUN_STORE_BYTES = 200 * 2 ** 20;

const DB = 'depinsim-runs';
const RUNS = 'runs'; // key -> CachedRun
const META = 'meta'; // key -> { bytes, usedAt }

interface Meta {
  bytes: number;
  usedAt: number;
}

function done(req: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error);
  });
}

export class IndexedDbRunStore implements RunStore {
  private db: Promise<IDBDatabase | null>;
  private clock = 0;

  /** Which keys hold a run ready to show, readable without waiting (storedRunHint.ts). */
  private hint: StoredRunHint;

  constructor(
    readonly modelId: string,
    readonly budgetBytes = RUN_STORE_BYTES,
    storage: ConstructorParameters<typeof StoredRunHint>[1] = typeof localStorage === 'undefined' ? undefined : localStorage,
  ) {
    this.hint = new StoredRunHint(modelId, storage);
    this.db = this.open().catch((e) => {
      console.warn(`depinsim: finished runs will not be kept across reloads (${e instanceof Error ? e.message : String(e)})`);
      return null;
    });
  }

  private prefix(): string {
    return `${this.modelId}|`;
  }

  private async open(): Promise<IDBDatabase | null> {
    if (typeof indexedDB === 'undefined') return null;
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(RUNS);
      req.result.createObjectStore(META);
    };
    const db = (await done(req)) as IDBDatabase;
    // Runs of other model versions can never be shown again: drop them.
    const tx = db.transaction([RUNS, META], 'readwrite');
    const keys = (await done(tx.objectStore(META).getAllKeys())) as string[];
    const metas = (await done(tx.objectStore(META).getAll())) as Meta[];
    keys.forEach((k, i) => {
      if (!k.startsWith(this.prefix())) {
        tx.objectStore(RUNS).delete(k);
        tx.objectStore(META).delete(k);
      } else this.clock = Math.max(this.clock, metas[i].usedAt);
    });
    await finished(tx);
    return db;
  }

  /** True when the store probably holds key's run with what the page needs to show it (no wait). */
  mayHaveScreen(key: string): boolean {
    return this.hint.has(key);
  }

  async get(key: string): Promise<CachedRun | undefined> {
    const db = await this.db;
    if (!db) return undefined;
    const k = this.prefix() + key;
    try {
      const tx = db.transaction([RUNS, META], 'readwrite');
      const run = (await done(tx.objectStore(RUNS).get(k))) as StoredRun | CachedRun | undefined;
      if (run) {
        const meta = (await done(tx.objectStore(META).get(k))) as Meta | undefined;
        if (meta) tx.objectStore(META).put({ bytes: meta.bytes, usedAt: ++this.clock }, k);
      }
      await finished(tx);
      if (!run?.screen) this.hint.remove([key]);
      return run && fromStored(run);
    } catch {
      return undefined;
    }
  }

  async put(key: string, run: CachedRun, bytes: number): Promise<void> {
    const db = await this.db;
    if (!db || bytes > this.budgetBytes) return;
    // in a task of its own: packing and copying a run (50-150 ms) must not lengthen the task that
    // has just drawn it (the run's end, when the page also takes in the provider report)
    await new Promise((resolve) => setTimeout(resolve, 0));
    const k = this.prefix() + key;
    try {
      const tx = db.transaction([RUNS, META], 'readwrite');
      tx.objectStore(RUNS).put(toStored(run), k);
      tx.objectStore(META).put({ bytes, usedAt: ++this.clock }, k);
      // the least recently used go until the rest fits
      const keys = (await done(tx.objectStore(META).getAllKeys())) as string[];
      const metas = (await done(tx.objectStore(META).getAll())) as Meta[];
      let total = metas.reduce((a, m) => a + m.bytes, 0);
      const order = keys.map((_, i) => i).sort((a, b) => metas[a].usedAt - metas[b].usedAt);
      const evicted: string[] = [];
      for (const i of order) {
        if (total <= this.budgetBytes) break;
        if (keys[i] === k) continue;
        tx.objectStore(RUNS).delete(keys[i]);
        tx.objectStore(META).delete(keys[i]);
        evicted.push(keys[i].slice(this.prefix().length));
        total -= metas[i].bytes;
      }
      await finished(tx);
      this.hint.remove(evicted);
      if (run.screen) this.hint.add(key);
    } catch {
      // not kept (quota, a private window): the session cache still has it
    }
  }
}
