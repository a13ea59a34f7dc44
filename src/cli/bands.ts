/**
 * `--bands file.csv` with `--seeds`: per period, each column's mean and 10th, 50th and 90th
 * percentiles across the seeds, the table behind a fan chart (what DTSE-style dashboards export as
 * `*_mean, *_p10, *_p90`); `--band-level` widens or narrows the band (bandLevel.ts: 90 writes the 5th
 * and 95th percentiles as `*_p5, *_p95`, 95 the 2.5th and 97.5th as `*_p2_5, *_p97_5`, 50 the 25th
 * and 75th), and the sidecar names the level as `band_level`. Computed from the numbers in the runs'
 * CSVs, so anyone can recompute them from the long CSV. Percentiles interpolate linearly between
 * order statistics (type 7 of Hyndman and Fan, the default of R's quantile() and numpy.percentile). A
 * value undefined in some runs (NaN, an empty cell) is left out of that period's figures; undefined
 * in every run, the cells are empty.
 * With --sweep, each point gets its own bands, under the point's columns.
 */
import type { ColumnDef } from '../sim/metrics/table.ts';
import { csvCell, formatCsvNumber } from '../sim/metrics/csv.ts';
import { BAND_METHOD, bandCells, bandColumns, cellNumber } from '../sim/metrics/bandStats.ts';
import { DEFAULT_BAND_LEVEL, type BandLevel } from '../sim/metrics/bandLevel.ts';
import type { RunSink } from './batch.ts';
import { stageOutput, type StagedOutput } from './outputFiles.ts';

/** Seeds at most with --bands: each point's values are held until its last seed is in (8 bytes x seeds x periods x columns: 400 MB for 2,000 seeded years). */
export const MAX_BAND_SEEDS = 2000;

/**
 * The bands of groups of runs (a scenario's seeds; with --sweep, one group per point), each group's
 * rows computed and written as soon as its last run is in, so only one group's values are held.
 */
export class BandWriter implements RunSink {
  private out: StagedOutput;
  private groupRuns = 0;
  private group = -1;
  private header = '';
  private days: number[] = [];
  /** Per column, value of run k in row r at [r * runsPerGroup + k]. */
  private values: Float64Array[] = [];

  /**
   * Staged now, so an unwritable path fails before any run. `head`: the leading columns (the sweep's
   * point and values; none for replications); `groupOf(run)`: the run's group and the cells that lead
   * its rows; `meta`: the sidecar's provenance; `level`: the share of runs inside the band (%).
   */
  constructor(
    path: string,
    private head: readonly ColumnDef[],
    private runColumns: readonly ColumnDef[],
    private runsPerGroup: number,
    private groupOf: (run: number) => { g: number; prefix: string },
    private meta: Record<string, unknown>,
    private level: BandLevel = DEFAULT_BAND_LEVEL,
  ) {
    this.out = stageOutput(path);
    this.out.write(Buffer.from([...head, ...bandColumns(runColumns, level)].map((c) => csvCell(c.name)).join(',') + '\n', 'utf8'));
  }

  /** Adds the next run's CSV (runs come group by group). */
  add(run: number, res: { csv: string }): void {
    const { g, prefix } = this.groupOf(run);
    const lines = res.csv.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const rows = lines.length - 1;
    if (g !== this.group) {
      this.group = g;
      this.groupRuns = 0;
      this.header = lines[0];
      this.days = [];
      this.values = this.runColumns.slice(1).map(() => new Float64Array(rows * this.runsPerGroup).fill(NaN));
    }
    if (lines[0] !== this.header) throw new Error('runs of one scenario wrote different columns'); // one scenario, one column set
    const k = this.groupRuns++;
    for (let r = 0; r < rows; r++) {
      const cells = lines[r + 1].split(',');
      if (k === 0) this.days.push(cellNumber(cells[0]));
      for (let c = 1; c < cells.length; c++) this.values[c - 1][r * this.runsPerGroup + k] = cellNumber(cells[c]);
    }
    if (this.groupRuns === this.runsPerGroup) this.out.write(Buffer.from(this.rows(prefix), 'utf8'));
  }

  private rows(prefix: string): string {
    const n = this.runsPerGroup;
    const scratch = new Float64Array(n);
    const out: string[] = [];
    for (let r = 0; r < this.days.length; r++) {
      const cells = [formatCsvNumber(this.days[r])];
      for (const col of this.values) cells.push(...bandCells(col.subarray(r * n, r * n + n), n, scratch, this.level));
      out.push((prefix ? `${prefix},` : '') + cells.join(','));
    }
    return out.length ? out.join('\n') + '\n' : '';
  }

  /** Puts the file in place, with a sidecar: the provenance, the band level, how the statistics are computed, the columns. */
  publish(): void {
    const columns = [...this.head, ...bandColumns(this.runColumns, this.level)];
    this.out.publish(JSON.stringify({ ...this.meta, band_level: this.level, statistics: BAND_METHOD, columns }, null, 2) + '\n');
  }

  discard(): void {
    this.out.discard();
  }
}
