// One-at-a-time sensitivity: the ends each parameter moves to, the bars ranked by swing, and their CSV.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tornadoBars, tornadoBase, tornadoControls, tornadoCsv, tornadoEnds, type TornadoParam } from '../../src/ui/lib/tornadoPlan.ts';
import { controlsFromJsonSchema } from '../../src/ui/lib/schemaControls.ts';
import { scenarioSchema } from '../../src/sim/scenario/schema.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { getAt } from '../../src/ui/lib/paths.ts';
import { KPIS } from '../../src/ui/lib/chartDefs/kpiDefs.ts';
import type { ControlSpec } from '../../src/ui/lib/schemaControls.ts';

const control = (over: Partial<ControlSpec> = {}): ControlSpec => ({ path: 'demand.baseRateJobsPerHour', group: 'demand', kind: 'number', label: 'Base rate', unit: 'jobs/h', description: '', min: 0, ...over });
const utilization = KPIS.find((k) => k.id === 'utilization')!;
/** A one-day run whose utilization is u. */
const run = (u: number) => ({ rows: 1, data: { gpus_busy: Float64Array.of(u * 100), gpus_online: Float64Array.of(100) } });

describe('tornadoEnds', () => {
  it('moves the page value down and up by the fraction', () => {
    expect(tornadoEnds(control(), 120, 0.2)).toEqual({ low: 96, high: 144 });
    expect(tornadoEnds(control(), 0.3, 0.1)).toEqual({ low: 0.27, high: 0.33 }); // not 0.27000000000000002
  });

  it('whole numbers for an integer field, within the field range', () => {
    expect(tornadoEnds(control({ kind: 'integer' }), 32, 0.1)).toEqual({ low: 29, high: 35 });
    expect(tornadoEnds(control({ max: 1 }), 0.9, 0.2)).toEqual({ low: 0.72, high: 1 });
    expect(tornadoEnds(control({ min: 1 }), 1, 0.2)).toEqual({ low: 1, high: 1.2 }); // burst mean 1: only up
    expect(tornadoEnds(control({ min: 0, exclusiveMin: true }), 0.01, 1)).toEqual({ low: 0.01, high: 0.02 });
  });

  it('says why a parameter cannot move: a value of 0, or no room in its range', () => {
    expect(tornadoEnds(control(), 0, 0.2)).toEqual({ reason: expect.stringMatching(/value is 0/) });
    expect(tornadoEnds(control({ min: 5, max: 5 }), 5, 0.2)).toEqual({ reason: expect.stringMatching(/no room/) });
    expect(tornadoEnds(control(), NaN, 0.2)).toEqual({ reason: expect.stringMatching(/not a number/) });
    // a field of a mechanism the scenario does not have (escrow runways): no value to move
    expect(tornadoEnds(control({ optionalGroup: { path: 'market.escrow', title: 'Escrow runways' } }), NaN, 0.2)).toEqual({ reason: 'off in this scenario (escrow runways)' });
  });

  it('says a field that is not a number has no ends (a choice, a list of job classes), whatever its value reads as', () => {
    const classes = control({ path: 'market.spot.classes', kind: 'multiChoice', options: ['inference', 'training'], optionalGroup: { path: 'market.spot', title: 'Spot leases' } });
    expect(tornadoEnds(classes, Number(['training']), 0.2)).toEqual({ reason: 'a list of choices, not a number' });
    expect(tornadoEnds(classes, Number([]), 0.2)).toEqual({ reason: 'a list of choices, not a number' }); // [] reads as 0
    expect(tornadoEnds(control({ kind: 'choice', options: ['a', 'b'] }), NaN, 0.2)).toEqual({ reason: 'a choice, not a number' });
  });
});

describe('tornadoControls', () => {
  it("offers a group's numbers and its distributions' parameters (how much do longer training jobs matter?), with labels that fit a bar's row", () => {
    const all = controlsFromJsonSchema(z.toJSONSchema(scenarioSchema, { io: 'input' }));
    const page = parseScenario({});
    const offered = tornadoControls(all.filter((c) => c.group === 'demand'), (p) => getAt(page, p));
    const median = offered.find((c) => c.path === 'demand.classes.training.durationHours.median')!;
    expect(median).toMatchObject({ kind: 'number', distParent: 'demand.classes.training.durationHours', label: 'Training duration: median' });
    expect(offered.find((c) => c.path === 'demand.classes.inference.durationHours.sigma')!.label).toBe('Inference duration: sigma (of ln)');
    expect(offered.find((c) => c.path === 'demand.classes.training.patienceHours.mean')!.label).toBe('Training patience: mean');
    // a distribution itself is not a number to move; its parameters are
    expect(offered.some((c) => c.kind === 'distribution')).toBe(false);
    expect(tornadoEnds(median, 24, 0.2)).toEqual({ low: 19.2, high: 28.8 });
    expect(offered.find((c) => c.path === 'demand.baseRateJobsPerHour')).toBeDefined();
  });
});

describe('tornadoBars', () => {
  const params: TornadoParam[] = [
    { path: 'a', label: 'A', unit: '', base: 1, low: 0.8, high: 1.2 },
    { path: 'b', label: 'B', unit: '', base: 1, low: 0.8, high: 1.2 },
    { path: 'c', label: 'C', unit: '', base: 1, low: 0.8, high: 1.2 },
  ];
  // utilization at each end: A moves it 0.50 -> 0.55, B 0.40 -> 0.70 (the widest), C only has its low end so far
  const u: Record<string, number | undefined> = { 'a low': 0.5, 'a high': 0.55, 'b low': 0.4, 'b high': 0.7, 'c low': 0.45 };
  const tableOf = (i: number, end: 'low' | 'high') => {
    const v = u[`${params[i].path} ${end}`];
    return v === undefined ? undefined : run(v);
  };

  it('ranks by the swing between the two ends, widest first; a bar still missing an end goes last', () => {
    const bars = tornadoBars(params, [1], utilization, tableOf, 24);
    expect(bars.map((b) => b.path)).toEqual(['b', 'a', 'c']);
    expect(bars[0].swing).toBeCloseTo(0.3, 12);
    expect(bars[0].atLow).toBeCloseTo(0.4, 12);
    expect(bars[2].nHigh).toBe(0);
    expect(bars[2].swing).toBeNaN();
  });

  it('the median across seeds at each end, and the page value across its seeds', () => {
    const bySeed: Record<number, number> = { 1: 0.5, 2: 0.6, 3: 0.9 };
    const bars = tornadoBars(params.slice(0, 1), [1, 2, 3], utilization, (_, end, s) => run(end === 'low' ? bySeed[s] : bySeed[s] + 0.1), 24);
    expect(bars[0].atLow).toBeCloseTo(0.6, 12);
    expect(bars[0].atHigh).toBeCloseTo(0.7, 12);
    expect(bars[0].nLow).toBe(3);
    expect(tornadoBase([1, 2, 3], utilization, (s) => run(bySeed[s]), 24)).toBeCloseTo(0.6, 12);
  });

  it('seed by seed: a short bar that every seed moves the same way is not noise; one that flips sign is', () => {
    // the seeds' luck (0.5, 0.6, 0.9) is shared by both ends: +0.01 on every seed
    const bySeed: Record<number, number> = { 1: 0.5, 2: 0.6, 3: 0.9 };
    const steady = tornadoBars(params.slice(0, 1), [1, 2, 3], utilization, (_, end, s) => run(end === 'low' ? bySeed[s] : bySeed[s] + 0.01), 24)[0];
    expect(steady.perSeed.n).toBe(3);
    expect(steady.perSeed.min).toBeCloseTo(0.01, 12);
    expect(steady.perSeed.sameSign).toBe(true);
    const flips: Record<number, number> = { 1: 0.02, 2: -0.01, 3: 0.01 };
    const noisy = tornadoBars(params.slice(0, 1), [1, 2, 3], utilization, (_, end, s) => run(end === 'low' ? bySeed[s] : bySeed[s] + flips[s]), 24)[0];
    expect(noisy.perSeed.sameSign).toBe(false);
    // one seed cannot say
    expect(tornadoBars(params.slice(0, 1), [1], utilization, (_, end) => run(end === 'low' ? 0.5 : 0.6), 24)[0].perSeed.sameSign).toBe(false);
  });

  it('a payback never reached counts as the longest at an end (the median of seeds is not made shorter), and ranks first', () => {
    const payback = KPIS.find((k) => k.id === 'payback')!;
    const months = (v: number) => ({ rows: 1, data: { payback_months_median: Float64Array.of(v) } });
    // A: the low end never pays back on 2 of 3 seeds; B: 20 -> 30 months on every seed
    const at: Record<string, number[]> = { 'a low': [40, Infinity, Infinity], 'a high': [30, 32, 34], 'b low': [20, 20, 20], 'b high': [30, 30, 30] };
    const bars = tornadoBars(params.slice(0, 2), [0, 1, 2], payback, (i, end, s) => months(at[`${params[i].path} ${end}`][s]), 24);
    expect(bars.map((x) => x.path)).toEqual(['a', 'b']);
    expect(bars[0].atLow).toBe(Infinity); // leaving "never" out would have said 40 months
    expect(bars[0].swing).toBe(Infinity);
    expect(bars[0].perSeed).toMatchObject({ n: 3, sameSign: true }); // high minus low: -10, -inf, -inf
  });

  it('CSV: one row per parameter in rank order, with both ends and the swing', () => {
    const csv = tornadoCsv('utilization', tornadoBars(params, [1], utilization, tableOf, 24), (v) => (Number.isFinite(v) ? String(Number(v.toFixed(6))) : ''));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('rank,parameter,value_page,value_low,value_high,utilization_at_low,utilization_at_high,utilization_swing,seeds_low,seeds_high,utilization_change_min_per_seed,utilization_change_max_per_seed,seeds_paired');
    expect(lines[1]).toBe('1,b,1,0.8,1.2,0.4,0.7,0.3,1,1,0.3,0.3,1');
    expect(lines[3]).toBe('3,c,1,0.8,1.2,0.45,,,1,0,,,0');
  });
});
