/**
 * The finished runs of this page's session, by scenario hash and seed. The core is deterministic (same
 * scenario, same seed, same version: the same bytes), so a run already done need not be simulated
 * again: going back to a preset, undoing an edit, or asking for Monte Carlo seeds or sweep points
 * already run shows them at once. A year takes seconds to simulate; its table is a few hundred kB.
 *
 * Entries are a run's table (with the dashboard's derived columns), plus, for a run that was on
 * screen, what the page needs to show it as its own: the column list, the per-provider report and
 * the run's event count and time. Bounded by an estimate of its bytes, the least recently used
 * entry going first. With a store behind it (runStore.ts: IndexedDB, filed under the model's code
 * fingerprint), every run kept is also written there, and restore() brings a run back from it after
 * a reload; without one it is memory only.
 */
import type { RunTable } from './bands.ts';
import type { ColumnInfo, RunCheckInfo } from '../../worker/api.ts';

/** What the page needs besides the table to show a cached run as the one on screen. */
export interface ScreenRun {
  horizonHours: number;
  periodHours: number;
  columns: ColumnInfo[];
  providers: { runId: number; nowHours: number; rows: Record<string, number | string>[] } | null;
  eventsProcessed: number;
  busyMs: number;
  /** The run's model checks (absent in runs stored before 0.18.0: the page then shows none). */
  checks?: RunCheckInfo[] | null;
}

/** A store behind the cache, keeping runs across reloads (runStore.ts); best effort, never throws. */
export interface RunStore {
  get(key: string): Promise<CachedRun | undefined>;
  put(key: string, run: CachedRun, bytes: number): Promise<void>;
  /** True when the store probably holds key's run ready to show; answered at once, without waiting. */
  mayHaveScreen?(key: string): boolean;
}

export interface CachedRun {
  table: RunTable;
  screen: ScreenRun | null;
}

/** Default bound: a year's table is ~0.25 MB, its provider report ~3 MB; this keeps hundreds of tables. */
export const RUN_CACHE_BYTES = 160 * 2 ** 20;
/**
 * A provider report above this is not written to the store (the table still is): copying it for
 * IndexedDB is main-thread work, about 10 ms per MB, and a 10x network's report is ~30 MB.
 */
export const STORE_PROVIDERS_MAX_BYTES = 8 * 2 ** 20;

// A provider record's fields as a browser keeps them (numbers and short strings, with the object's own overhead).
const BYTES_PER_FIELD = 24;

export class RunCache {
  // a Map iterates in insertion order: re-inserting on use keeps the least recently used first
  private entries = new Map<string, { run: CachedRun; bytes: number }>();
  private total = 0;

  constructor(
    readonly budgetBytes = RUN_CACHE_BYTES,
    private store: RunStore | null = null,
  ) {}

  /** True when runs are also kept across reloads. */
  get persistent(): boolean {
    return this.store !== null;
  }

  /**
   * The run for key from memory, or else from the store (then kept in memory too); with
   * `screen`, only a run that can be shown as the page's run counts.
   */
  async restore(key: string, screen = false): Promise<CachedRun | undefined> {
    const hit = screen ? this.screen(key) : this.get(key);
    if (hit || !this.store) return hit;
    const run = await this.store.get(key);
    if (!run || (screen && !run.screen)) return undefined;
    if (!(screen ? this.screen(key) : this.get(key))) this.put(key, run, false);
    return screen ? this.screen(key) : this.get(key);
  }

  /** True when key's run, ready to show, is in memory or probably in the store (a hint: restore() says for sure). */
  probablyRestorable(key: string): boolean {
    return !!this.entries.get(key)?.run.screen || !!this.store?.mayHaveScreen?.(key);
  }

  static key(hash: string, seed: number): string {
    return `${hash}#${seed}`;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** The run for key, if kept (and marks it as just used). */
  get(key: string): CachedRun | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.run;
  }

  /** The run for key only if it can be shown as the page's run (it was on screen once). */
  screen(key: string): (CachedRun & { screen: ScreenRun }) | undefined {
    const r = this.get(key);
    return r?.screen ? (r as CachedRun & { screen: ScreenRun }) : undefined;
  }

  /** Keeps a finished run's table; what is known of it already for the screen is kept. */
  putTable(key: string, table: RunTable): void {
    this.put(key, { table, screen: this.entries.get(key)?.run.screen ?? null });
  }

  /** Keeps a finished run shown on the page, with what it takes to show it again. */
  putScreen(key: string, table: RunTable, screen: ScreenRun): void {
    this.put(key, { table, screen });
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Keeps run under key in memory and, unless it came from there (`toStore` false), in the store. */
  private put(key: string, run: CachedRun, toStore = true): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    const bytes = sizeOf(run);
    if (toStore && this.store) {
      const kept = forStore(run);
      void this.store.put(key, kept, sizeOf(kept));
    }
    if (bytes > this.budgetBytes) return; // larger than the whole cache: not kept
    this.entries.set(key, { run, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.budgetBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }
}

/**
 * What is written to the store: columns copied to their own buffers (a view into a growable
 * buffer would take the whole buffer along), and the provider report only when it is small.
 */
function forStore(run: CachedRun): CachedRun {
  const data: Record<string, Float64Array> = {};
  for (const [k, col] of Object.entries(run.table.data)) data[k] = col.byteLength === col.buffer.byteLength ? col : col.slice();
  const table = { rows: run.table.rows, data };
  return { table, screen: providerBytes(run) > STORE_PROVIDERS_MAX_BYTES ? null : run.screen };
}

/** Estimated bytes held: the columns' buffers (a view may keep a larger buffer alive) and the provider report. */
function sizeOf(run: CachedRun): number {
  let b = 0;
  const seen = new Set<ArrayBufferLike>();
  for (const col of Object.values(run.table.data)) {
    if (seen.has(col.buffer)) continue;
    seen.add(col.buffer);
    b += col.buffer.byteLength;
  }
  return b + providerBytes(run);
}

function providerBytes(run: CachedRun): number {
  const rows = run.screen?.providers?.rows;
  return rows && rows.length ? rows.length * Object.keys(rows[0]).length * BYTES_PER_FIELD : 0;
}
