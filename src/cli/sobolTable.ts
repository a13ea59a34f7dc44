/**
 * A `--sobol` batch's indices (sobolIndices.ts) for every sampled parameter and summary figure: as
 * two tables for stderr (first-order, then total), and as records for the sidecar.
 */
import { createStreams } from '../sim/rng/streams.ts';
import { aligned } from './alignedTable.ts';
import { FIGURES, type RunFigures } from './replicaMessages.ts';
import type { SampleRange } from '../sim/metrics/sampleDesign.ts';
import { sobolIndices, type SeedShare, type SobolIndex, type SobolRole } from '../sim/metrics/sobolIndices.ts';

/** One figure's indices: per parameter, and the rows they were estimated over. */
export interface FigureIndices {
  key: string;
  short: string;
  rows: number;
  indices: SobolIndex[];
  /** The share of the variance two seeds at the same parameters differ by (from each row's A and R). */
  seeds: SeedShare | null;
  /** Runs at +Infinity (a payback never reached): a variance cannot hold them, so their rows are out. */
  never: number;
}

/**
 * The indices of every figure the runs have. `roles[r]`: run r's place in the design; `seed`: the
 * batch's --seed, whose own stream ('sobol-bootstrap') draws the resamples (the same command gives
 * the same intervals). Each figure's resamples start that stream afresh (0.26.0; before, one stream
 * went on from figure to figure): a figure's intervals then do not depend on which figures come
 * before it (a run without the economy has fewer), and they are the dashboard's for the same KPI
 * (ui/lib/sobolPlan.ts draws them so).
 */
export function figureIndices(k: number, roles: readonly SobolRole[], perRun: readonly RunFigures[], seed: number): FigureIndices[] {
  const nRows = Math.max(0, ...roles.map((r) => r.row + 1));
  return FIGURES.filter((f) => perRun.some((r) => f.key in r)).map((f) => {
    const fA = new Array<number>(nRows).fill(NaN);
    const fB = new Array<number>(nRows).fill(NaN);
    const fAB = Array.from({ length: k }, () => new Array<number>(nRows).fill(NaN));
    const fR = roles.some((r) => r.matrix === 'R') ? new Array<number>(nRows).fill(NaN) : undefined;
    roles.forEach((role, r) => {
      const v = perRun[r][f.key] ?? NaN;
      if (role.matrix === 'A') fA[role.row] = v;
      else if (role.matrix === 'B') fB[role.row] = v;
      else if (role.matrix === 'R') fR![role.row] = v;
      else fAB[role.matrix][role.row] = v;
    });
    const { indices, rows, seeds } = sobolIndices(fA, fB, fAB, createStreams(seed).get('sobol-bootstrap'), undefined, fR);
    return { key: f.key, short: f.short, rows, indices, seeds, never: perRun.filter((r) => r[f.key] === Infinity).length };
  });
}

/**
 * Below this many rows the bootstrap intervals cover less than they say, even expanded
 * (expandedPercentile.ts): measured on the Ishigami function over 200 designs each (scrambled Sobol
 * points), 91-92% at 8 to 16 rows, 93% at 32, 97% at 64 to 128 and 98% at 256 (from there on wider
 * than they need be: the bootstrap takes the rows for independent draws, and Sobol points are more
 * even than that).
 */
export const FAIR_ROWS = 32;

/**
 * A note when the rows are not a power of two: a Sobol sequence's first 2^m points are balanced
 * (each of the 2^m equal slices of every range holds one), other counts only nearly. Null when they are.
 */
export function sobolRowsNote(rows: number): string | null {
  if ((rows & (rows - 1)) === 0) return null;
  const below = 2 ** Math.floor(Math.log2(rows));
  return `--sobol ${rows}: the Sobol points cover each range evenly at a power of two rows (${below} or ${below * 2} here); ${rows} rows are valid, but less even`;
}

const fmt = (v: number) => (Number.isNaN(v) ? 'no value' : (v < 0 ? '-' : '') + Math.abs(v).toFixed(2));
const cell = (v: number, lo: number, hi: number) => (Number.isNaN(v) ? 'no value' : `${fmt(v)} [${fmt(lo)}, ${fmt(hi)}]`);

/**
 * The table for stderr: per figure, a row per parameter with its S1 and ST, then the sum of the S1
 * (what 1 - the sum leaves is the seeds' share and the interactions'), figure by figure so it stays
 * narrow whatever the number of figures.
 */
export function sobolTable(ranges: readonly SampleRange[], figs: readonly FigureIndices[], runs: number): string {
  const rows = figs[0]?.rows ?? 0;
  const label = (r: SampleRange) => `${r.path} (${r.lo} to ${r.hi}${r.log ? ', log' : ''})`;
  const body = figs.flatMap((f) => [
    ...ranges.map((r, i) => {
      const x = f.indices[i];
      return [i === 0 ? f.short : '', label(r), cell(x.s1, x.s1Low, x.s1High), cell(x.st, x.stLow, x.stHigh)];
    }),
    ['', 'sum of S1', fmt(f.indices.reduce((s, x) => s + x.s1, 0)), ''],
    ...(f.seeds ? [['', "seeds (A again, another seed)", cell(f.seeds.share, f.seeds.low, f.seeds.high), '']] : []),
  ]);
  const fewer = figs.filter((f) => f.rows < rows).map((f) => `${f.short} over ${f.rows}${f.never ? ` (${f.never} runs never reach it: no variance to apportion, their rows are left out)` : ''}`);
  // the design's rows (not those with a value, which a run without a figure makes fewer)
  const uneven = sobolRowsNote(runs / (ranges.length + 3));
  const title =
    `  variance-based sensitivity (Sobol indices) across ${runs} runs, ${rows} rows of Saltelli's design on a scrambled Sobol sequence (A, B and A with one parameter from B; each row one seed): ` +
    `S1, the share of a figure's variance across the runs a parameter explains alone (Saltelli 2010); ST, with its interactions (Jansen); ` +
    `[95% interval, expanded bootstrap over the rows]; 1 - sum of S1: the share the seeds (their own row: a row's A run again on another seed) and the interactions leave${fewer.length ? `; rows with a value: ${fewer.join(', ')}` : ''}` +
    (rows < FAIR_ROWS ? `; with fewer than ${FAIR_ROWS} rows the intervals are too narrow (on the Ishigami test function they held the true index 91-92% of the time at 8 to 16 rows)` : '') +
    (uneven ? `; ${uneven}` : '');
  return [title, ...aligned(['figure', 'parameter (range)', 'S1 [95%]', 'ST [95%]'], body)].join('\n') + '\n';
}

/** The indices as the sidecar holds them: one record per figure and parameter. */
export function sobolRecords(ranges: readonly SampleRange[], figs: readonly FigureIndices[]): Record<string, unknown>[] {
  const num = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(6)) : null);
  return figs.flatMap((f) =>
    ranges.map((r, i) => {
      const x = f.indices[i];
      return { figure: f.key, path: r.path, rows: f.rows, s1: num(x.s1), s1_low: num(x.s1Low), s1_high: num(x.s1High), st: num(x.st), st_low: num(x.stLow), st_high: num(x.stHigh) };
    }).concat(f.seeds ? [{ figure: f.key, path: 'seeds', rows: f.rows, s1: num(f.seeds.share), s1_low: num(f.seeds.low), s1_high: num(f.seeds.high), st: null, st_low: null, st_high: null }] : []),
  );
}
