/**
 * Monte Carlo runs in the browser: the scenario on the page run again with other seeds, each on its
 * own worker (one per core beyond the main run's, at least one), at full speed, so the charts can
 * show the spread a single seed hides. The runs are the same simulation as the main run (same
 * worker code, same determinism): seed s here is exactly `depinsim run --seed s`. Each finished
 * run's table (with the dashboard's derived columns) is kept; a new scenario or seed cancels them.
 */
import { SimClient, type WorkerEvent } from '../lib/simClient.ts';
import { deriveColumns } from '../lib/chartDefs.ts';
import type { RunTable } from '../lib/bands.ts';
import { ColumnBuffers } from '../lib/columnBuffers.ts';
import { ensembleWorkers } from '../lib/ensembleWorkers.ts';

/** A worker of the ensemble: its client, the run it is on and the rows streamed so far. */
interface Slot {
  client: SimClient;
  runId: number;
  seed: number;
  buffers: ColumnBuffers;
}

export class Ensemble {
  /** Seeds of this ensemble (not counting the main run's), finished runs by seed, and failures. */
  seeds = $state.raw<number[]>([]);
  tables = $state.raw<Map<number, RunTable>>(new Map());
  error = $state<string | null>(null);

  private slots: Slot[] = [];
  private queue: number[] = [];
  private raw: unknown = null;
  private periodHours = 24;
  private generation = 0;

  get running(): boolean {
    return this.seeds.length > 0 && this.tables.size < this.seeds.length && !this.error;
  }

  /** Runs `raw` (an already validated scenario) once per seed; replaces any ensemble in progress. */
  start(raw: unknown, seeds: number[], periodHours: number, scale: number): void {
    this.cancel();
    const gen = ++this.generation;
    this.raw = raw;
    this.periodHours = periodHours;
    this.seeds = seeds;
    this.queue = [...seeds];
    const want = ensembleWorkers(seeds.length, scale, typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2);
    while (this.slots.length < want) this.slots.push(this.newSlot());
    for (const slot of this.slots.slice(0, want)) void this.next(slot, gen);
  }

  /** Stops every run of the ensemble; its tables are dropped. */
  cancel(): void {
    this.generation++;
    this.queue = [];
    for (const s of this.slots) {
      if (s.runId) void s.client.cancel().catch(() => undefined);
      s.runId = 0;
      s.buffers.reset();
    }
    this.seeds = [];
    this.tables = new Map();
    this.error = null;
  }

  /** Ends the workers (the page is going away, or the user went back to a single run). */
  dispose(): void {
    this.cancel();
    for (const s of this.slots) s.client.dispose();
    this.slots = [];
  }

  private newSlot(): Slot {
    const slot: Slot = { client: null as unknown as SimClient, runId: 0, seed: 0, buffers: new ColumnBuffers() };
    slot.client = new SimClient({
      onEvent: (ev) => this.onEvent(slot, ev),
      onCrash: (msg) => {
        slot.runId = 0;
        this.error = `a Monte Carlo worker crashed (${msg})`;
      },
    });
    return slot;
  }

  private async next(slot: Slot, gen: number): Promise<void> {
    if (gen !== this.generation) return;
    const seed = this.queue.shift();
    if (seed === undefined) {
      slot.runId = 0;
      return;
    }
    slot.seed = seed;
    slot.buffers.reset();
    // events can arrive before start() resolves: expect the id the client will use
    slot.runId = slot.client.peekNextRunId();
    try {
      const r = await slot.client.start(this.raw, seed, { speedDaysPerSecond: 0 });
      if (!r.ok && gen === this.generation) this.error = `seed ${seed} did not start: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
    } catch (e) {
      if (gen === this.generation) this.error = `seed ${seed} did not start: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private onEvent(slot: Slot, ev: WorkerEvent): void {
    if (ev.runId !== slot.runId || slot.runId === 0) return;
    if (ev.kind === 'error') {
      this.error = `seed ${slot.seed} stopped with an error: ${ev.message}`;
      slot.runId = 0;
      return;
    }
    if (ev.kind === 'rows' && ev.rows > 0) slot.buffers.append(ev.from, ev.rows, ev.data);
    if (ev.status === 'done') {
      const v = slot.buffers.view();
      const data = { ...v.data, ...deriveColumns(v.data, v.rows, this.periodHours) };
      const tables = new Map(this.tables);
      tables.set(slot.seed, { rows: v.rows, data });
      this.tables = tables;
      slot.buffers = new ColumnBuffers(); // the table keeps the old buffers' arrays
      slot.runId = 0; // a second 'done' of this run (a last batch, then the status) is ignored
      void this.next(slot, this.generation);
    }
  }
}
