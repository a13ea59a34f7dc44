/**
 * The long CSV of a batch (replications, sweeps): the runs' tables stacked under one header, each row
 * led by the cells that say which run it is (seed; point, values, seed). Written to a staged file run
 * by run as results come in, so a batch of thousands of years never holds every table in memory at
 * once (a year of the baseline is about 230 kB of CSV), and a batch that fails or is interrupted
 * leaves the file at the path as it was. To stdout it is written whole at the end, as a single run's
 * is, so a failed batch prints no partial table.
 */
import { stageOutput, type StagedOutput } from './outputFiles.ts';
import type { RunSink } from './batch.ts';

/**
 * One run's rows with `prefix` (its cells, comma-separated) in front of each; the first run also
 * gives the header, with `head` (the leading column names) in front of the runs' shared header.
 */
export function prefixedChunk(head: string, prefix: string, csv: string, first: boolean): string {
  const nl = csv.indexOf('\n');
  const header = first ? `${head},${csv.slice(0, nl + 1)}` : '';
  const body = csv.slice(nl + 1);
  if (body === '') return header;
  const p = `${prefix},`;
  return header + p + body.slice(0, -1).replace(/\n/g, `\n${p}`) + '\n';
}

/** Several runs' CSVs as one long table (what LongCsvOutput writes, as one string). */
export function joinLong(head: string, parts: readonly { prefix: string; csv: string }[]): string {
  return parts.map((r, i) => prefixedChunk(head, r.prefix, r.csv, i === 0)).join('');
}

export class LongCsvOutput implements RunSink {
  private file: StagedOutput | null;
  private buffered: string[] = [];
  private runs = 0;

  /**
   * `path`: the --out file (staged now, so an unwritable path fails before any run), or undefined for
   * stdout; `head`: the leading column names; `prefixOf(run)`: that run's leading cells; `meta`: the sidecar.
   */
  constructor(
    path: string | undefined,
    private head: string,
    private prefixOf: (run: number) => string,
    /** The sidecar, or what makes it once every run is in (a batch's figures across the runs). */
    private meta: Record<string, unknown> | (() => Record<string, unknown>),
  ) {
    this.file = path === undefined ? null : stageOutput(path);
  }

  /** Appends the next run's rows (runs come in their output order). */
  add(run: number, r: { csv: string }): void {
    const chunk = prefixedChunk(this.head, this.prefixOf(run), r.csv, this.runs++ === 0);
    if (this.file) this.file.write(Buffer.from(chunk, 'utf8'));
    else this.buffered.push(chunk);
  }

  /** Puts the finished table in place with its sidecar, or prints it. */
  publish(): void {
    if (this.file) this.file.publish(JSON.stringify(typeof this.meta === 'function' ? this.meta() : this.meta, null, 2) + '\n');
    else process.stdout.write(this.buffered.join(''));
    this.buffered = [];
  }

  /** Removes what was written; the file at the path stays as it was. */
  discard(): void {
    this.file?.discard();
    this.buffered = [];
  }
}
