// The dashboard's sensitivity all at once: the CLI's design and estimators, read per KPI from the runs that are in.
import { describe, expect, it } from 'vitest';
import { interactionShare, sampleRanges, sobolBars, sobolCommand, sobolCsv, sobolKpi, type SobolDesign, type SobolParam } from '../../src/ui/lib/sobolPlan.ts';
import { sobolPoints } from '../../src/sim/metrics/sampleDesign.ts';
import { runSeeds } from '../../src/sim/rng/runSeeds.ts';
import { parseSample } from '../../src/cli/sampleSpec.ts';
import type { KpiDef } from '../../src/ui/lib/chartDefs/kpiDefs.ts';
import type { RunTable } from '../../src/ui/lib/bands.ts';

const PARAMS: SobolParam[] = [
  { path: 'demand.baseRateJobsPerHour', label: 'Base rate', unit: 'jobs/h', base: 120, low: 96, high: 144, integer: false },
  { path: 'supply.providers', label: 'Providers', unit: 'providers', base: 2000, low: 1600, high: 2400, integer: true },
  { path: 'economy.token.maxSupply', label: 'Max supply', unit: 'tokens', base: 8e8, low: 6.4e8, high: 9.6e8, integer: false },
];

function design(rows: number, seed = 5): SobolDesign {
  const { points, roles } = sobolPoints(sampleRanges(PARAMS), rows, seed);
  const seeds = runSeeds(seed, 2 * rows);
  return { params: PARAMS, rows, seed, points, roles, runSeeds: roles.map((r) => seeds[r.matrix === 'R' ? rows + r.row : r.row]) };
}

/** A KPI that reads the table's one value (the test writes the model's output there). */
const KPI: KpiDef = { id: 'x', title: 'X', unit: '', definition: '', better: 'up', needs: ['x'], compute: (t) => t.data.x[0] };
const table = (v: number): RunTable => ({ rows: 1, data: { x: Float64Array.of(v) } });

/**
 * A market whose KPI is 2 x (base rate, scaled to [0, 1]) + 1 x (providers, scaled) + seed noise; the
 * max supply does nothing: S1 of the rate about 4/5 and of the providers 1/5 of what the parameters
 * explain, the max supply exactly 0 (its AB runs equal A on the same seed).
 */
function model(d: SobolDesign, noise: number) {
  return (r: number) => {
    const q = d.points[r];
    const u = (q[0] - 96) / 48;
    const p = (q[1] - 1600) / 800;
    const luck = ((d.runSeeds[r] % 1000) / 1000 - 0.5) * noise;
    return 2 * u + p + luck;
  };
}

describe('sensitivity all at once (Sobol indices) in the dashboard', () => {
  it("ranks the parameters by their share of the variance: the one that does nothing has 0, exactly; the seeds' share is there", () => {
    const d = design(64);
    const f = model(d, 0.3);
    const ki = sobolKpi(d, KPI, (r) => table(f(r)), () => 24);
    expect(ki.rows).toBe(64);
    expect(ki.complete).toBe(64);
    const [rate, providers, supply] = ki.indices;
    // the variance of 2U + P is 4/12 + 1/12: the rate explains 0.8 of it, the providers 0.2, less the seeds' part
    expect(rate.s1).toBeGreaterThan(0.6);
    expect(rate.s1).toBeLessThan(0.9);
    expect(providers.s1).toBeGreaterThan(0.08);
    expect(providers.s1).toBeLessThan(0.3);
    expect(supply.s1).toBe(0);
    expect(supply.st).toBe(0);
    expect(rate.s1Low).toBeLessThan(rate.s1);
    expect(rate.s1High).toBeGreaterThan(rate.s1);
    expect(ki.seeds!.share).toBeGreaterThan(0);
    expect(ki.seeds!.share).toBeLessThan(0.2);
    // no interaction in an additive model: what the S1 and the seeds leave is near 0
    expect(Math.abs(interactionShare(ki))).toBeLessThan(0.15);
    expect(sobolBars(d, ki).map((b) => b.path)).toEqual(['demand.baseRateJobsPerHour', 'supply.providers', 'economy.token.maxSupply']);
  });

  it('estimates from the rows whose runs are all in, and says how many; a row with a run still going is left out', () => {
    const d = design(16);
    const f = model(d, 0.3);
    const per = PARAMS.length + 3;
    // the first 10 rows in full, row 11 half done
    const ki = sobolKpi(d, KPI, (r) => (r < 10 * per + 3 ? table(f(r)) : undefined), () => 24);
    expect(ki.complete).toBe(10);
    expect(ki.rows).toBe(10);
    const none = sobolKpi(d, KPI, () => undefined, () => 24);
    expect(none.rows).toBe(0);
    expect(Number.isNaN(none.indices[0].s1)).toBe(true);
  });

  it('a run that never reaches the KPI (an infinite payback) is counted, and its row left out of the variance', () => {
    const d = design(16);
    const f = model(d, 0.3);
    const ki = sobolKpi(d, KPI, (r) => table(r === 0 || r === 7 ? Infinity : f(r)), () => 24);
    expect(ki.never).toBe(2);
    expect(ki.complete).toBe(16);
    expect(ki.rows).toBe(14);
    expect(Number.isFinite(ki.indices[0].s1)).toBe(true);
  });

  it("the command it shows runs the same design: --sample reads back the same ranges, so the CLI's points are the dashboard's", () => {
    const d = design(8, 7);
    const cmd = sobolCommand(d, 'scenario.json', 30);
    expect(cmd).toBe(
      'depinsim run scenario.json --days 30 --seed 7 --sample demand.baseRateJobsPerHour=96:144 --sample supply.providers=1600:2400 --sample economy.token.maxSupply=640000000:960000000 --sobol 8 --out sobol.csv',
    );
    const ranges = [...cmd.matchAll(/--sample (\S+)/g)].map((m) => parseSample(m[1]));
    expect(ranges.map((r) => [r.path, r.lo, r.hi, r.integer])).toEqual(PARAMS.map((p) => [p.path, p.low, p.high, p.integer]));
    expect(sobolPoints(ranges, 8, 7).points).toEqual(d.points);
  });

  it('writes the indices as CSV: a row per parameter in the chart order, then the seeds and the interactions', () => {
    const d = design(16);
    const f = model(d, 0.3);
    const ki = sobolKpi(d, KPI, (r) => table(f(r)), () => 24);
    const csv = sobolCsv('x', sobolBars(d, ki), ki, (v) => (Number.isFinite(v) ? String(Number(v.toPrecision(7))) : ''));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('rank,parameter,value_page,value_low,value_high,x_s1,s1_low,s1_high,x_st,st_low,st_high,rows');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['demand.baseRateJobsPerHour', 'supply.providers', 'economy.token.maxSupply', 'seeds', 'interactions']);
    expect(lines[3].split(',').slice(5, 11)).toEqual(['0', '0', '0', '0', '0', '0']);
    expect(lines.every((l) => l.split(',').length === 12)).toBe(true);
  });
});
