/**
 * The finished runs of this page's session, by scenario hash and seed. The core is deterministic (same
 * scenario, same seed, same version: the same bytes), so a run already done need not be simulated
 * again: going back to a preset, undoing an edit, or asking for Monte Carlo seeds or sweep points
 * already run shows them at once. A year takes seconds to simulate; its table is a few hundred kB.
 *
 * Entries are a run's table (with the dashboard's derived columns), plus, for a run that was on
 * screen, what the page needs to show it as its own: the column list, the per-provider report and
 * the run's event count and time. Memory only (a reload starts empty): a cache kept across versions
 * of the code could show numbers the current code would not give. Bounded by an estimate of its
 * bytes, the least recently used entry going first.
 */
import type { RunTable } from './bands.ts';
import type { ColumnInfo } from '../../worker/api.ts';

/** What the page needs besides the table to show a cached run as the one on screen. */
export interface ScreenRun {
  horizonHours: number;
  periodHours: number;
  columns: ColumnInfo[];
  providers: { runId: number; nowHours: number; rows: Record<string, number | string>[] } | null;
  eventsProcessed: number;
  busyMs: number;
}

export interface CachedRun {
  table: RunTable;
  screen: ScreenRun | null;
}

/** Default bound: a year's table is ~0.25 MB, its provider report ~3 MB; this keeps hundreds of tables. */
export const RUN_CACHE_BYTES = 160 * 2 ** 20;

// A provider record's fields as a browser keeps them (numbers and short strings, with the object's own overhead).
const BYTES_PER_FIELD = 24;

export class RunCache {
  // a Map iterates in insertion order: re-inserting on use keeps the least recently used first
  private entries = new Map<string, { run: CachedRun; bytes: number }>();
  private total = 0;

  constructor(readonly budgetBytes = RUN_CACHE_BYTES) {}

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

  private put(key: string, run: CachedRun): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    const bytes = sizeOf(run);
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

/** Estimated bytes held: the columns' buffers (a view may keep a larger buffer alive) and the provider report. */
function sizeOf(run: CachedRun): number {
  let b = 0;
  const seen = new Set<ArrayBufferLike>();
  for (const col of Object.values(run.table.data)) {
    if (seen.has(col.buffer)) continue;
    seen.add(col.buffer);
    b += col.buffer.byteLength;
  }
  const rows = run.screen?.providers?.rows;
  if (rows && rows.length) b += rows.length * Object.keys(rows[0]).length * BYTES_PER_FIELD;
  return b;
}
