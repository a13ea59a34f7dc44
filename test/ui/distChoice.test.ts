import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/sim/scenario/schema.ts';
import { controlsFromJsonSchema } from '../../src/ui/lib/schemaControls.ts';
import { distMean, distParamControls, sweepEdits, switchDist } from '../../src/ui/lib/distChoice.ts';
import { applyEdits } from '../../src/ui/lib/paths.ts';
import { scenarioHash } from '../../src/sim/scenario/hash.ts';
import { parseScenario } from '../../src/sim/scenario/validate.ts';
import { JOB_CLASSES } from '../../src/sim/scenario/names.ts';

const controls = controlsFromJsonSchema(z.toJSONSchema(scenarioSchema, { io: 'input' }));

describe('distribution fields in the parameter panel', () => {
  it("are every job class's duration and patience, each with the schema's five shapes and their ranges", () => {
    const dists = controls.filter((c) => c.kind === 'distribution');
    expect(dists.map((c) => c.path).sort()).toEqual(JOB_CLASSES.flatMap((k) => [`demand.classes.${k}.durationHours`, `demand.classes.${k}.patienceHours`]).sort());
    const d = dists.find((c) => c.path === 'demand.classes.training.durationHours')!;
    expect(d.unit).toBe('h');
    expect(d.options).toEqual(['fixed', 'exponential', 'lognormal', 'weibull', 'uniform']);
    expect(d.dists!.find((s) => s.dist === 'lognormal')!.params).toEqual([
      { key: 'median', min: 0, max: 1e7, exclusiveMin: true },
      { key: 'sigma', min: 0, max: 5 },
    ]);
    expect(d.default).toEqual({ dist: 'lognormal', median: 24, sigma: 1.5 });
  });

  it('a new shape keeps the mean, and the spread where both shapes have one', () => {
    const logn = { dist: 'lognormal', median: 24, sigma: 1.5 };
    const m = distMean(logn);
    expect(m).toBeCloseTo(24 * Math.exp(1.125), 6);
    for (const to of ['fixed', 'exponential', 'lognormal', 'weibull', 'uniform']) {
      const d = switchDist(logn, to);
      expect(d.dist).toBe(to);
      expect(distMean(d) / m, to).toBeCloseTo(1, 3);
    }
    expect(switchDist(logn, 'lognormal')).toEqual({ dist: 'lognormal', median: 24, sigma: 1.5 });
    expect(switchDist({ dist: 'weibull', mean: 5, shape: 0.7 }, 'weibull')).toEqual({ dist: 'weibull', mean: 5, shape: 0.7 });
    expect(switchDist({ dist: 'exponential', mean: 5 }, 'uniform')).toEqual({ dist: 'uniform', min: 0, max: 10 });
    // a half-typed value has no mean: the new shape starts at 1
    expect(switchDist({ dist: 'exponential', mean: 'abc' }, 'fixed')).toEqual({ dist: 'fixed', value: 1 });
    expect(distMean({ dist: 'nope' })).toBeNaN();
  });

  it('what a switch writes is a valid scenario field', () => {
    for (const to of ['fixed', 'exponential', 'lognormal', 'weibull', 'uniform']) {
      const s = parseScenario({ demand: { classes: { training: { durationHours: switchDist({ dist: 'lognormal', median: 24, sigma: 1.5 }, to) } } } });
      expect(s.demand.classes.training.durationHours.dist).toBe(to);
    }
  });

  it("the current shape's parameters are number controls for the sweep, and a point writes its whole distribution", () => {
    const page: Record<string, unknown> = { 'demand.classes.training.durationHours': { dist: 'lognormal', median: 24, sigma: 1.5 } };
    const valueAt = (p: string) => page[p] ?? parseScenario({}).demand.classes[p.split('.')[2] as 'inference'][p.split('.')[3] as 'durationHours'];
    const params = distParamControls(controls, valueAt);
    const median = params.find((c) => c.path === 'demand.classes.training.durationHours.median')!;
    const sigma = params.find((c) => c.path === 'demand.classes.training.durationHours.sigma')!;
    expect(median).toMatchObject({ kind: 'number', unit: 'h', distParent: 'demand.classes.training.durationHours', min: 0, exclusiveMin: true, max: 1e7 });
    expect(median.label).toBe('Training: duration hours: log-normal median');
    expect(sigma.unit).toBe('');
    // one edit of the whole distribution; two parameters of it (a grid) in the same one
    expect(sweepEdits([[median, 48]], valueAt)).toEqual({ 'demand.classes.training.durationHours': { dist: 'lognormal', median: 48, sigma: 1.5 } });
    expect(sweepEdits([[median, 48], [sigma, 1]], valueAt)).toEqual({ 'demand.classes.training.durationHours': { dist: 'lognormal', median: 48, sigma: 1 } });
    const rate = controls.find((c) => c.path === 'demand.baseRateJobsPerHour')!;
    expect(sweepEdits([[rate, 90], [median, 48]], valueAt)).toEqual({ 'demand.baseRateJobsPerHour': 90, 'demand.classes.training.durationHours': { dist: 'lognormal', median: 48, sigma: 1.5 } });
    // the point is the scenario --set writes for that path (built from the default distribution)
    const fromPage = parseScenario(applyEdits({}, sweepEdits([[median, 48]], valueAt)));
    expect(scenarioHash(fromPage)).toBe(scenarioHash(parseScenario({ demand: { classes: { training: { durationHours: { dist: 'lognormal', median: 48, sigma: 1.5 } } } } })));
  });
});
