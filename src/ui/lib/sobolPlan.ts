/**
 * Sensitivity all at once (variance-based, Sobol indices) in the dashboard: every parameter of a set
 * drawn over the same ±share of its page value as the one-at-a-time chart's ends, all of them varying
 * together, and for a KPI over the whole run, how much of its variance across the runs each parameter
 * explains alone (S1) and with every interaction it takes part in (ST), with 95% intervals.
 *
 * The design and the estimators are the CLI's (`--sample ... --sobol N`, sim/metrics/sampleDesign.ts
 * and sobolIndices.ts): the same scenario, seed, ranges and rows give the same runs, so a result seen
 * here can be re-run and scripted with the command `sobolCommand` writes.
 */
import type { SampleRange } from '../../sim/metrics/sampleDesign.ts';
import { sobolIndices, type SeedShare, type SobolIndex, type SobolRole } from '../../sim/metrics/sobolIndices.ts';
import { createStreams } from '../../sim/rng/streams.ts';
import type { KpiDef } from './chartDefs/kpiDefs.ts';
import type { RunTable } from './bands.ts';
import { kpiOfRun } from './sweepPlan.ts';
import type { TornadoParam } from './tornadoPlan.ts';

/** Rows offered: powers of two, where the Sobol points cover each range evenly (the CLI notes any other count). */
export const SOBOL_ROWS = [8, 16, 32, 64] as const;

/** Below this many rows the intervals hold the true index less often than 95% (the CLI's FAIR_ROWS: 93% at 32, 91-92% at 8 to 16). */
export const SOBOL_FAIR_ROWS = 32;

/** A parameter of the design: its page value and the range it is drawn over (uniformly), the one-at-a-time chart's ends. */
export interface SobolParam extends TornadoParam {
  /** The schema holds it as an integer: drawn values are rounded, as --sample rounds them. */
  integer: boolean;
}

/** A design ready to run: each run's point (a value per parameter), its role, and its seed. */
export interface SobolDesign {
  params: SobolParam[];
  rows: number;
  /** The page's seed: the design's scramble and the bootstrap's resamples are drawn from it, as --seed does. */
  seed: number;
  points: number[][];
  roles: SobolRole[];
  /** Per run: row j's A, B and AB points run on seeds[j], its R on seeds[rows + j] (runSeeds(seed, 2 rows)). */
  runSeeds: number[];
}

/** The ranges of the parameters, as `--sample path=low:high` reads them. */
export function sampleRanges(params: readonly SobolParam[]): SampleRange[] {
  return params.map((p) => ({ path: p.path, lo: p.low, hi: p.high, integer: p.integer, log: false }));
}

/** One KPI's indices: per parameter (in the design's order), the seeds' share, and how many rows and runs they rest on. */
export interface KpiIndices {
  indices: SobolIndex[];
  seeds: SeedShare | null;
  /** Rows with every run finished and a finite KPI: what the estimates rest on. */
  rows: number;
  /** Rows with every run finished. */
  complete: number;
  /** Runs whose KPI is infinite (a payback never reached): a variance cannot hold them, so their rows are out. */
  never: number;
}

/**
 * The indices of KPI `k` over the runs finished so far: `tableOf(r)` gives run r's table or
 * undefined. A row counts once all its runs are in; the intervals' resamples come from the page
 * seed's own stream ('sobol-bootstrap'), started afresh for each KPI as the CLI's --sobol does for
 * each figure (cli/sobolTable.ts), so the same design gives the CLI's intervals.
 */
export function sobolKpi(d: SobolDesign, k: KpiDef, tableOf: (run: number) => RunTable | undefined, periodHours: (run: number) => number): KpiIndices {
  const n = d.rows;
  const kp = d.params.length;
  const fA = new Array<number>(n).fill(NaN);
  const fB = new Array<number>(n).fill(NaN);
  const fR = new Array<number>(n).fill(NaN);
  const fAB = Array.from({ length: kp }, () => new Array<number>(n).fill(NaN));
  const missing = new Array<number>(n).fill(0);
  let never = 0;
  d.roles.forEach((role, r) => {
    const t = tableOf(r);
    if (!t) {
      missing[role.row]++;
      return;
    }
    const v = kpiOfRun(k, t, periodHours(r));
    if (v === Infinity || v === -Infinity) never++;
    if (role.matrix === 'A') fA[role.row] = v;
    else if (role.matrix === 'B') fB[role.row] = v;
    else if (role.matrix === 'R') fR[role.row] = v;
    else fAB[role.matrix][role.row] = v;
  });
  // rows still running are left out by sobolIndices as rows with a missing value
  const complete = missing.filter((m) => m === 0).length;
  const { indices, rows, seeds } = sobolIndices(fA, fB, fAB, createStreams(d.seed).get('sobol-bootstrap'), undefined, fR);
  return { indices, seeds, rows, complete, never };
}

/** A parameter's row of the chart: its indices, widest total first. */
export interface SobolBar extends SobolParam, SobolIndex {}

/** The parameters with their indices, by total index (ST) then first-order (S1), largest first; no value last, in the design's order. */
export function sobolBars(d: SobolDesign, ki: KpiIndices): SobolBar[] {
  const key = (b: SobolBar) => (Number.isNaN(b.st) ? -Infinity : b.st);
  return d.params
    .map((p, i) => ({ b: { ...p, ...ki.indices[i] }, i }))
    .sort((x, y) => key(y.b) - key(x.b) || (Number.isNaN(y.b.s1) ? -1 : Number.isNaN(x.b.s1) ? 1 : y.b.s1 - x.b.s1) || x.i - y.i)
    .map((x) => x.b);
}

/**
 * What the first-order indices leave: 1 - the sum of the S1 - the seeds' share, the variance that
 * only parameters acting together explain (give or take the estimates' own error). NaN without a value.
 */
export function interactionShare(ki: KpiIndices): number {
  const s1 = ki.indices.reduce((s, x) => s + x.s1, 0);
  return 1 - s1 - (ki.seeds?.share ?? 0);
}

/**
 * The command that runs the same design from a terminal: the page's scenario saved as `file` (the
 * JSON button), its horizon, seed, ranges and rows. Its summary and sidecar give every figure's
 * indices, as this panel gives one KPI's.
 */
export function sobolCommand(d: SobolDesign, file: string, days: number): string {
  const samples = sampleRanges(d.params).map((r) => `--sample ${r.path}=${r.lo}:${r.hi}`);
  return ['depinsim run', file, `--days ${days}`, `--seed ${d.seed}`, ...samples, `--sobol ${d.rows}`, '--out sobol.csv'].join(' ');
}

/**
 * The indices as CSV, in the chart's order: a row per parameter (its page value and range, S1 and ST
 * with their intervals), then `seeds` (the seeds' share in s1) and `interactions` (what the S1 and
 * the seeds leave, in s1), each with the rows they rest on.
 */
export function sobolCsv(kpiId: string, bars: readonly SobolBar[], ki: KpiIndices, format: (v: number) => string): string {
  const head = ['rank', 'parameter', 'value_page', 'value_low', 'value_high', `${kpiId}_s1`, 's1_low', 's1_high', `${kpiId}_st`, 'st_low', 'st_high', 'rows'];
  const lines = bars.map((b, i) => [String(i + 1), b.path, format(b.base), format(b.low), format(b.high), format(b.s1), format(b.s1Low), format(b.s1High), format(b.st), format(b.stLow), format(b.stHigh), String(ki.rows)].join(','));
  const s = ki.seeds;
  if (s) lines.push(['', 'seeds', '', '', '', format(s.share), format(s.low), format(s.high), '', '', '', String(ki.rows)].join(','));
  lines.push(['', 'interactions', '', '', '', format(interactionShare(ki)), '', '', '', '', '', String(ki.rows)].join(','));
  return [head.join(','), ...lines].join('\n') + '\n';
}
