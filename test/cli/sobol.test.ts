// --sobol: variance-based sensitivity. The estimators on functions whose indices are known, the
// design's structure, and the CLI's runs, table and sidecar.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { saltelliDesign, sobolIndices } from '../../src/sim/metrics/sobolIndices.ts';
import { sobolPoints, type SampleRange } from '../../src/sim/metrics/sampleDesign.ts';
import { figureIndices, sobolRowsNote, sobolTable } from '../../src/cli/sobolTable.ts';
import { latinHypercube } from '../../src/sim/rng/latinHypercube.ts';
import { sobolSequence } from '../../src/sim/rng/sobolSequence.ts';
import { createStreams } from '../../src/sim/rng/streams.ts';
import { runSeeds } from '../../src/sim/rng/runSeeds.ts';

vi.setConfig({ testTimeout: 120_000 });

/** f over Saltelli's design of n rows in k dimensions (on a Latin hypercube or, as --sobol, a scrambled Sobol sequence), split into f(A), f(B) and f(AB_i) by row. */
function evaluate(f: (q: number[]) => number, n: number, k: number, seed = 7, base: 'lhs' | 'sobol' = 'lhs', resamples?: number) {
  const s = createStreams(seed);
  const design = base === 'lhs' ? latinHypercube(n, 2 * k, s.get('design')) : sobolSequence(n, 2 * k, s.get('design'));
  const { points, roles } = saltelliDesign(design, k);
  const fA: number[] = [];
  const fB: number[] = [];
  const fAB: number[][] = Array.from({ length: k }, () => []);
  points.forEach((q, r) => {
    const role = roles[r];
    const v = f(q);
    if (role.matrix === 'A') fA[role.row] = v;
    else if (role.matrix === 'B') fB[role.row] = v;
    else if (role.matrix !== 'R') fAB[role.matrix][role.row] = v;
  });
  return sobolIndices(fA, fB, fAB, s.get('bootstrap'), resamples);
}

/** f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 over [-pi, pi]^3: S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244. */
const ishigami = (q: number[]) => {
  const x = q.map((u) => -Math.PI + 2 * Math.PI * u);
  return Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
};
const ISHIGAMI = [
  [0.3139, 0.5576],
  [0.4424, 0.4424],
  [0, 0.2437],
];

describe('Sobol indices', () => {
  it("Saltelli's design: per row A, B, A with one column from B, then A again (its replicate R)", () => {
    const { points, roles } = saltelliDesign([[0.1, 0.2, 0.7, 0.8]], 2);
    expect(points).toEqual([
      [0.1, 0.2],
      [0.7, 0.8],
      [0.7, 0.2],
      [0.1, 0.8],
      [0.1, 0.2],
    ]);
    expect(roles).toEqual([
      { row: 0, matrix: 'A' },
      { row: 0, matrix: 'B' },
      { row: 0, matrix: 0 },
      { row: 0, matrix: 1 },
      { row: 0, matrix: 'R' },
    ]);
  });

  it("tell the seeds' share from the parameters': x plus as much noise again, each row on one seed and its replicate on another, splits half and half", () => {
    // f = x + e, x ~ U(0, 1) the parameter, e ~ U(-0.5, 0.5) the seed's draw (the same for a row's A, B and AB; another for R)
    const n = 4096;
    const s = createStreams(11);
    const { points, roles } = saltelliDesign(latinHypercube(n, 2, s.get('design')), 1);
    const noise = s.get('noise');
    const rowNoise = Array.from({ length: n }, () => noise() - 0.5);
    const repNoise = Array.from({ length: n }, () => noise() - 0.5);
    const fA: number[] = [];
    const fB: number[] = [];
    const fAB: number[][] = [[]];
    const fR: number[] = [];
    points.forEach((q, r) => {
      const { row, matrix } = roles[r];
      const v = q[0] + (matrix === 'R' ? repNoise[row] : rowNoise[row]);
      if (matrix === 'A') fA[row] = v;
      else if (matrix === 'B') fB[row] = v;
      else if (matrix === 'R') fR[row] = v;
      else fAB[0][row] = v;
    });
    const { indices, seeds } = sobolIndices(fA, fB, fAB, s.get('bootstrap'), 200, fR);
    expect(indices[0].s1).toBeCloseTo(0.5, 1);
    expect(indices[0].st).toBeCloseTo(0.5, 1);
    expect(seeds!.share).toBeCloseTo(0.5, 1);
    expect(seeds!.low).toBeLessThan(seeds!.share);
    expect(seeds!.high).toBeGreaterThan(seeds!.share);
    // without the replicate there is nothing to say of the seeds
    expect(sobolIndices(fA, fB, fAB, s.get('bootstrap'), 20).seeds).toBeNull();
  });

  it('give an additive model its shares: 2 x1 + x2 splits the variance 4:1, and a parameter that does nothing gets exactly 0', () => {
    const { indices, rows } = evaluate((q) => 2 * q[0] + q[1], 2048, 3);
    expect(rows).toBe(2048);
    const [x1, x2, x3] = indices;
    expect(x1.s1).toBeCloseTo(0.8, 1);
    expect(x1.st).toBeCloseTo(0.8, 1);
    expect(x2.s1).toBeCloseTo(0.2, 1);
    expect(x2.st).toBeCloseTo(0.2, 1);
    // no interactions: each total index is its first-order one
    expect(Math.abs(x1.st - x1.s1)).toBeLessThan(0.05);
    // x3 never moves f: f(AB_3) = f(A) in every row
    expect([x3.s1, x3.st, x3.stLow, x3.stHigh]).toEqual([0, 0, 0, 0]);
    for (const x of [x1, x2]) {
      expect(x.s1Low).toBeLessThan(x.s1);
      expect(x.s1High).toBeGreaterThan(x.s1);
    }
  });

  it('find the Ishigami function\'s known indices, x3 acting only through its interaction with x1', () => {
    const { indices } = evaluate(ishigami, 4096, 3);
    const want = ISHIGAMI;
    indices.forEach((x, i) => {
      expect(Math.abs(x.s1 - want[i][0]), `S1 of x${i + 1}: ${x.s1}`).toBeLessThan(0.04);
      expect(Math.abs(x.st - want[i][1]), `ST of x${i + 1}: ${x.st}`).toBeLessThan(0.04);
    });
    // x3: nothing alone, a quarter of the variance with x1
    expect(indices[2].s1Low).toBeLessThan(0);
    expect(indices[2].stLow).toBeGreaterThan(0.15);
  });

  it("come closer to the truth on --sobol's scrambled Sobol points than on a Latin hypercube of as many rows", () => {
    // the root mean square error of the six Ishigami indices over 12 designs of 1,024 rows each
    const rmse = (base: 'lhs' | 'sobol') => {
      let se = 0;
      for (let seed = 1; seed <= 12; seed++) {
        evaluate(ishigami, 1024, 3, seed, base, 2).indices.forEach((x, i) => (se += (x.s1 - ISHIGAMI[i][0]) ** 2 + (x.st - ISHIGAMI[i][1]) ** 2));
      }
      return Math.sqrt(se / (12 * 6));
    };
    const [lhs, sobol] = [rmse('lhs'), rmse('sobol')];
    // measured over 100 designs: 0.026 on a Latin hypercube, 0.007 on Sobol points
    expect(sobol).toBeLessThan(0.015);
    expect(sobol).toBeLessThan(lhs / 2);
  });

  it('leave out rows where a run has no value, and say nothing of a figure that does not vary', () => {
    const fA = [1, 2, NaN, 4, 5];
    const fB = [2, 3, 4, 5, 6];
    const r = sobolIndices(fA, fB, [[1.5, 2.5, 3.5, 4.5, 5.5]], createStreams(1).get('b'), 50);
    expect(r.rows).toBe(4);
    expect(Number.isFinite(r.indices[0].s1)).toBe(true);
    const flat = sobolIndices([3, 3, 3], [3, 3, 3], [[3, 3, 3]], createStreams(1).get('b'), 50);
    expect(flat.indices[0].s1).toBeNaN();
    expect(flat.indices[0].st).toBeNaN();
  });
});

describe('--sobol figures', () => {
  it("each figure's intervals are its own: the same whatever other figures the runs have (a run without the economy has fewer)", () => {
    const ranges: SampleRange[] = [
      { path: 'a', lo: 0, hi: 1, integer: false, log: false },
      { path: 'b', lo: 0, hi: 1, integer: false, log: false },
    ];
    const { points, roles } = sobolPoints(ranges, 16, 5);
    // two figures of the parameters, with some noise so the bootstrap has something to resample
    const noise = createStreams(1).get('noise');
    const perRun = points.map((q) => ({ utilization: q[0] + 0.3 * q[1] + 0.1 * noise(), price: q[1] ** 2 + 0.2 * noise() }));
    const both = figureIndices(2, roles, perRun, 9);
    const priceAlone = figureIndices(2, roles, perRun.map((r) => ({ price: r.price })), 9);
    expect(both.map((f) => f.key)).toEqual(['utilization', 'price']);
    expect(priceAlone[0].indices).toEqual(both[1].indices);
    expect(priceAlone[0].seeds).toEqual(both[1].seeds);
    // the intervals are resampled, not fixed: another --seed draws others
    expect(figureIndices(2, roles, perRun, 10)[1].indices[0].s1Low).not.toBe(both[1].indices[0].s1Low);
  });
});

describe('--sobol points', () => {
  it('are most even at a power of two rows, and a note says so for other counts', () => {
    for (const rows of [4, 32, 1024]) expect(sobolRowsNote(rows)).toBeNull();
    expect(sobolRowsNote(20)).toBe('--sobol 20: the Sobol points cover each range evenly at a power of two rows (16 or 32 here); 20 rows are valid, but less even');
    // the table repeats it for the design's rows (5 x (1 parameter + 3) runs), not for those with a value (4 here)
    const x = { s1: 0.5, s1Low: 0.1, s1High: 0.9, st: 0.6, stLow: 0.2, stHigh: 1 };
    const range: SampleRange = { path: 'demand.baseRateJobsPerHour', lo: 80, hi: 160, integer: false, log: false };
    const table = sobolTable([range], [{ key: 'utilization', short: 'utilization', rows: 4, indices: [x], seeds: null, never: 0 }], 20);
    expect(table).toContain('--sobol 5: the Sobol points cover each range evenly');
    expect(sobolTable([range], [{ key: 'utilization', short: 'utilization', rows: 3, indices: [x], seeds: null, never: 0 }], 16)).not.toContain('power of two');
    // the note comes before any run (here the unwritable --out stops it before the first), so a long design can be stopped and asked again
    const r = cli(['run', 'baseline', '--sample', 'demand.baseRateJobsPerHour=80:160', '--sobol', '5', '--days', '1', '--out', '/nonexistent/x.csv']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('depinsim: note: --sobol 5: the Sobol points cover each range evenly at a power of two rows (4 or 8 here); 5 rows are valid, but less even');
  });

  it('are the ranges\' values, the AB points A\'s but for one parameter taken from B, the same for the same seed', () => {
    const ranges: SampleRange[] = [
      { path: 'demand.baseRateJobsPerHour', lo: 80, hi: 160, integer: false, log: false },
      { path: 'supply.providers', lo: 1000, hi: 3000, integer: true, log: false },
    ];
    const { points, roles } = sobolPoints(ranges, 6, 3);
    expect(points).toHaveLength(6 * 5);
    expect(sobolPoints(ranges, 6, 3).points).toEqual(points);
    expect(sobolPoints(ranges, 6, 4).points).not.toEqual(points);
    for (let j = 0; j < 6; j++) {
      const [a, b, ab0, ab1, rep] = points.slice(5 * j, 5 * j + 5);
      expect(roles.slice(5 * j, 5 * j + 5).map((r) => r.row)).toEqual([j, j, j, j, j]);
      expect(ab0).toEqual([b[0], a[1]]);
      expect(ab1).toEqual([a[0], b[1]]);
      expect(rep).toEqual(a);
      for (const p of [a, b]) {
        expect(p[0]).toBeGreaterThanOrEqual(80);
        expect(p[0]).toBeLessThanOrEqual(160);
        expect(Number.isInteger(p[1])).toBe(true);
      }
    }
  });
});

const BIN = join(__dirname, '../../bin/depinsim.js');
const dir = mkdtempSync(join(tmpdir(), 'depinsim-sobol-'));
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('depinsim run --sample ... --sobol N', () => {
  it('runs N rows x (parameters + 3) points, each row on one seed (its replicate on a second), and prints and keeps each parameter\'s indices per figure', () => {
    const r = cli(['run', 'baseline', '--sample', 'demand.baseRateJobsPerHour=60:180', '--sample', 'market.weights.price=0:3', '--sobol', '4', '--days', '2', '--scale', '0.05', '--out', 'sob.csv', '--bands', 'sobb.csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      "baseline, 20 runs sampling demand.baseRateJobsPerHour, market.weights.price (Saltelli's design on a scrambled Sobol sequence: 4 rows x 5 points; seed 1 and the 3 derived from it, one a row, and a second one each for the row's replicate)",
    );
    expect(r.err).toContain('variance-based sensitivity (Sobol indices) across 20 runs, 4 rows of Saltelli\'s design on a scrambled Sobol sequence');
    // 4 rows: the table warns that its intervals are too narrow; 4 is a power of two, so no note on the rows
    expect(r.err).toContain('with fewer than 32 rows the intervals are too narrow');
    expect(r.err).not.toContain('power of two');
    // a row per figure and parameter, then the sum of the figure's S1
    expect(r.err).toMatch(/\n {2}utilization +demand\.baseRateJobsPerHour \(60 to 180\) +-?\d\.\d\d \[-?\d\.\d\d, -?\d\.\d\d\] +-?\d\.\d\d \[/);
    expect(r.err).toMatch(/\n {19}market\.weights\.price \(0 to 3\) +-?\d\.\d\d \[/);
    expect(r.err).toMatch(/\n {19}sum of S1 +-?\d\.\d\d\n {19}seeds \(A again, another seed\) +-?\d\.\d\d \[/);
    const rows = readFileSync(join(dir, 'sob.csv'), 'utf8').trim().split('\n');
    const names = rows[0].split(',');
    expect(names.slice(0, 4)).toEqual(['point', 'demand.baseRateJobsPerHour', 'market.weights.price', 'seed']);
    const byPoint = new Map<string, string[]>();
    for (const l of rows.slice(1)) byPoint.set(l.split(',')[0], l.split(',').slice(1, 4));
    expect(byPoint.size).toBe(20);
    const seeds = runSeeds(1, 8).map(String);
    for (let j = 0; j < 4; j++) {
      const [a, b, ab0, ab1, rep] = [1, 2, 3, 4, 5].map((i) => byPoint.get(String(5 * j + i))!);
      // the row's seed for its first four, the row's second seed for A's replicate
      expect([a[2], b[2], ab0[2], ab1[2], rep[2]]).toEqual([seeds[j], seeds[j], seeds[j], seeds[j], seeds[4 + j]]);
      expect(ab0.slice(0, 2)).toEqual([b[0], a[1]]);
      expect(ab1.slice(0, 2)).toEqual([a[0], b[1]]);
      expect(rep.slice(0, 2)).toEqual(a.slice(0, 2));
    }
    const meta = JSON.parse(readFileSync(join(dir, 'sob.csv.meta.json'), 'utf8'));
    expect(meta.design).toMatch(/^sobol \(Saltelli, on a scrambled Sobol sequence\): 4 rows/);
    expect(meta.seeds).toEqual(runSeeds(1, 4));
    expect(meta.replicate_seeds).toEqual(runSeeds(1, 8).slice(4));
    expect(meta.points.slice(0, 5).map((p: { row: number; matrix: string }) => [p.row, p.matrix])).toEqual([
      [1, 'A'],
      [1, 'B'],
      [1, 'AB:demand.baseRateJobsPerHour'],
      [1, 'AB:market.weights.price'],
      [1, 'R'],
    ]);
    const util = meta.sobol_indices.filter((x: { figure: string }) => x.figure === 'utilization');
    expect(util.map((x: { path: string }) => x.path)).toEqual(['demand.baseRateJobsPerHour', 'market.weights.price', 'seeds']);
    expect(util[2].st).toBeNull();
    for (const x of util.slice(0, 2)) {
      expect(x.rows).toBe(4);
      expect(x.st_low).toBeLessThanOrEqual(x.st_high);
      expect(x.st).toBeGreaterThanOrEqual(0);
    }
    // --bands pools every run of the design, as with --sample: a row per day
    const bands = readFileSync(join(dir, 'sobb.csv'), 'utf8').trim().split('\n');
    expect(bands).toHaveLength(1 + 2);
    expect(bands[0]).toContain('utilization_p50');
    // the table's utilization row is the sidecar's
    expect(r.err).toContain(`demand.baseRateJobsPerHour (60 to 180)  ${util[0].s1 < 0 ? '-' : ''}${Math.abs(util[0].s1).toFixed(2)} [`);
  });

  it('is refused without --sample, with --runs or --seeds, and below its fewest rows', () => {
    for (const [args, msg] of [
      [['--sobol', '8'], /--sobol N estimates how much .* give them/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--sobol', '8', '--runs', '4'], /--sobol N sets the runs itself .*: drop --runs/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--sobol', '8', '--seeds', '1-3'], /drop --seeds/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--sobol', '3'], /--sobol: expected an integer in \[4, 2500\], got '3'/],
      [['--sample', 'demand.baseRateJobsPerHour=80:160', '--sobol', 'x'], /--sobol: expected an integer/],
      [[...Array.from({ length: 33 }, () => ['--sample', 'demand.baseRateJobsPerHour=80:160']).flat(), '--sobol', '8'], /--sobol takes at most 32 --sample parameters \(its Sobol sequence has 64 dimensions, two per parameter\), got 33/],
    ] as const) {
      const r = cli(['run', 'baseline', '--days', '1', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(msg);
    }
    expect(cli(['validate', 'baseline', '--sample', 'demand.baseRateJobsPerHour=80:160', '--sobol', '8']).err).toMatch(/'validate' does not use --sobol/);
  });
});
