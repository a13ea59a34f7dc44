/**
 * Keeping the run on screen to compare (Compare scenarios): why it cannot be kept yet, keeping it
 * with its Monte Carlo runs (the first kept is the baseline the charts draw dotted), pinning the
 * preset's control run (the same scenario without its shock) as the baseline, and the comparison's
 * columns. The kept runs themselves, and bringing them back after a reload, are keptRuns.svelte.ts.
 */
import type { BandView, RunTable } from '../lib/bands.ts';
import { compareEntries, MAX_KEPT, type CompareEntry } from '../lib/compareSet.ts';
import type { Preset } from '../lib/presets.ts';
import { comparedOf, type KeptRuns, type Pinned } from './keptRuns.svelte.ts';
import type { Message } from './messages.svelte.ts';
import type { ProviderReport, RunInfo, TableView, UiStatus } from './pageRun.svelte.ts';

/** What pinning reads of the dashboard, and does with it (the dashboard is one). */
export interface PinningHost {
  readonly info: RunInfo | null;
  readonly table: TableView;
  readonly status: UiStatus;
  readonly providers: ProviderReport | null;
  /** The Monte Carlo runs finished so far, with their seeds, and their bands. */
  readonly mcRuns: { seeds: number[]; tables: RunTable[] };
  readonly bands: BandView | null;
  readonly presetObj: Preset;
  readonly preset: string;
  readonly seed: number;
  /** The page's edits: the control run is run as the page's scenario with the control's edits on top. */
  edits: Record<string, unknown>;
  readonly kept: Pinned[];
  readonly keptRuns: KeptRuns;
  run(): Promise<void>;
  persist(): void;
  say(kind: Message['kind'], text: string): void;
}

export class Pinning {
  constructor(private host: PinningHost) {}

  /** Why the run on screen cannot be kept to compare (null: it can). */
  keepBlocked = $derived.by((): string | null => {
    const i = this.host.info;
    if (!i || this.host.table.rows === 0) return 'no run on screen yet';
    // a kept run is a whole run: it comes back whole after a reload, and compares like for like
    if (this.host.status !== 'done') return 'the run on screen is not finished yet';
    if (this.host.keptRuns.restoring) return 'the runs kept before are still being brought back';
    return this.host.keptRuns.refusal(comparedOf({ info: i, table: this.host.table, runs: [], seeds: [] }));
  });

  /**
   * Keeps the run on screen (with its Monte Carlo runs, when two or more are done) to compare; the
   * first kept is the baseline. `as`: the name it is kept under (else the scenario's), and whether
   * to say so (pinControl says it its own way).
   */
  pin(as: { name?: string; quiet?: boolean } = {}): void {
    if (!this.host.info || this.host.table.rows === 0) return;
    const refusal = this.keepBlocked;
    if (refusal) {
      this.host.say('error', `Not kept: ${refusal}.`);
      return;
    }
    const data: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(this.host.table.data)) data[k] = v.slice();
    // the Monte Carlo tables are never written to once finished: kept as they are
    const many = this.host.mcRuns.tables.length >= 2;
    const runs = many ? [...this.host.mcRuns.tables] : [];
    const info = as.name ? { ...this.host.info, preset: as.name } : this.host.info;
    this.host.keptRuns.keep({ info, table: { rows: this.host.table.rows, data }, providers: this.host.providers, runs, seeds: many ? [...this.host.mcRuns.seeds] : [], bands: many ? this.host.bands : null });
    if (as.quiet) return;
    const mc = runs.length ? ` with its ${runs.length} Monte Carlo runs` : '';
    const who = `${this.host.info.preset}, seed ${this.host.info.seed}`;
    const n = this.host.kept.length;
    if (n === 1) this.host.say('success', `Pinned this run (${who})${mc} as the baseline. Change something and run again to compare.`);
    else this.host.say('success', `Kept this run (${who})${mc} as ${String.fromCharCode(64 + n)} to compare with the baseline (${n} of ${MAX_KEPT}).`);
  }

  /** The preset's control run (a scenario's "control": the same scenario without its shock), if it names one. */
  // ($derived.by, not $derived(expression): the host is set in the constructor, after the fields)
  control = $derived.by(() => (this.host.presetObj.raw as { control?: { name: string; set: Record<string, unknown> } }).control ?? null);
  /** True while pinControl() runs the control and then the page's scenario again. */
  pinningControl = $state(false);

  /**
   * Runs the preset's control (the page's edits plus the control's, same seed) to the end, pins it as
   * the baseline, then shows the page's own scenario again (from memory when it was run before): the
   * charts and cards then read the scenario against the same run without its shock.
   */
  async pinControl(): Promise<void> {
    const c = this.control;
    if (!c || this.pinningControl || this.host.kept.length > 0) return;
    this.pinningControl = true;
    const saved = $state.snapshot(this.host.edits) as Record<string, unknown>;
    let pinned = false;
    try {
      this.host.edits = { ...saved, ...structuredClone(c.set) };
      await this.host.run();
      if (await this.settled()) {
        this.pin({ name: `${this.host.preset} ${c.name}`, quiet: true });
        pinned = this.host.kept.length > 0;
      }
    } finally {
      this.host.edits = saved;
      this.host.persist();
      this.pinningControl = false;
    }
    if (!pinned) {
      this.host.say('error', `The control run (${c.name}) did not finish: nothing pinned.`);
      return;
    }
    await this.host.run();
    this.host.say('success', `Pinned the control run (${c.name}, seed ${this.host.seed}) as the baseline: the charts and cards now read ${this.host.preset} against it.`);
  }

  /** Waits until the run on screen stops (done, paused, invalid or failed); true when it is done. */
  private async settled(): Promise<boolean> {
    while (this.host.status === 'starting' || this.host.status === 'running') await new Promise((r) => setTimeout(r, 100));
    return this.host.status === 'done';
  }

  /** Drops every kept run (the charts lose their dotted baseline). */
  unpin(): void {
    this.host.keptRuns.clear();
  }

  /** The comparison's columns: the kept runs (A = baseline) and the run on screen unless it is one of them. */
  comparison = $derived.by((): CompareEntry[] => {
    if (this.host.kept.length === 0) return [];
    const i = this.host.info;
    const many = this.host.mcRuns.tables.length >= 2;
    const onScreen = i && this.host.table.rows > 0 ? comparedOf({ info: i, table: this.host.table, runs: many ? this.host.mcRuns.tables : [], seeds: many ? this.host.mcRuns.seeds : [] }) : null;
    return compareEntries(this.host.kept.map(comparedOf), onScreen);
  });
}
