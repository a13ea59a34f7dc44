/**
 * Cloud price shocks (demand.cloudPriceShocks): the outside option a job's budget is drawn from
 * moves with them, for the GPU segments they name, from the day they start; the job draws
 * themselves stay the same.
 */
import { describe, expect, it } from 'vitest';
import { cloudReference, createCloudPrices } from '../../../src/sim/demand/cloudPrices.ts';
import { createJobSampler } from '../../../src/sim/demand/jobs.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario, validateScenario } from '../../../src/sim/scenario/validate.ts';
import { JOB_CLASSES } from '../../../src/sim/scenario/schema.ts';
import { GPU_CATALOGUE } from '../../../src/sim/supply/catalogue.ts';

const H = 24; // hours per day
const withShocks = (cloudPriceShocks: unknown[]) => parseScenario({ demand: { cloudPriceShocks } });
const cheapest = (pred: (g: (typeof GPU_CATALOGUE)[number]) => boolean) => Math.min(...GPU_CATALOGUE.filter(pred).map((g) => g.cloudPriceUsdPerGpuHour));

describe('cloud prices over time', () => {
  it('without shocks, the listed prices at every time', () => {
    const c = createCloudPrices(parseScenario({}));
    expect(c.moves).toBe(false);
    for (const v of [0, 24, 48, 80]) expect(c.reference(v, 0, 1000 * H)).toBe(cloudReference(v, 0));
  });

  it('a data-centre cut moves the jobs that need a data-centre GPU from its day on, and no others', () => {
    const c = createCloudPrices(withShocks([{ startDay: 90, durationDays: 36500, multiplier: 0.55, segments: ['datacenter'] }]));
    expect(c.moves).toBe(true);
    const h80 = cheapest((g) => g.vramGb >= 80);
    expect(GPU_CATALOGUE.filter((g) => g.vramGb >= 80).every((g) => g.segment === 'datacenter')).toBe(true);
    expect(c.reference(80, 0, 89.9 * H)).toBe(h80);
    expect(c.reference(80, 0, 90 * H)).toBeCloseTo(0.55 * h80, 12);
    expect(c.reference(80, 0, 300 * H)).toBeCloseTo(0.55 * h80, 12);
    // an 8 GB job's cheapest fit is a consumer card: unmoved
    expect(c.reference(8, 0, 300 * H)).toBe(cloudReference(8, 0));
  });

  it('ramps in and out linearly, and shocks on the same GPUs multiply', () => {
    const c = createCloudPrices(withShocks([{ startDay: 10, durationDays: 20, rampDays: 10, multiplier: 2 }]));
    const base = cloudReference(24, 0);
    expect(c.reference(24, 0, 15 * H)).toBeCloseTo(1.5 * base, 12); // half-way up the ramp
    expect(c.reference(24, 0, 25 * H)).toBeCloseTo(2 * base, 12);
    expect(c.reference(24, 0, 45 * H)).toBeCloseTo(1.5 * base, 12); // half-way down
    expect(c.reference(24, 0, 60 * H)).toBe(base);
    const two = createCloudPrices(withShocks([
      { startDay: 0, durationDays: 100, multiplier: 2 },
      { startDay: 0, durationDays: 100, multiplier: 0.25, segments: ['consumer', 'workstation', 'datacenter'] },
    ]));
    expect(two.reference(24, 0, 50 * H)).toBeCloseTo(0.5 * base, 12);
  });

  it('the reference is the cheapest fitting GPU at the moved prices: a consumer spike hands it to another segment', () => {
    // consumer cloud prices x 10: a 24 GB job's outside option is now the cheapest non-consumer card with 24 GB or more
    const c = createCloudPrices(withShocks([{ startDay: 0, durationDays: 1000, multiplier: 10, segments: ['consumer'] }]));
    const other = cheapest((g) => g.vramGb >= 24 && g.segment !== 'consumer');
    const consumer = cheapest((g) => g.vramGb >= 24 && g.segment === 'consumer');
    expect(c.reference(24, 0, 1 * H)).toBeCloseTo(Math.min(other, 10 * consumer), 12);
    expect(other).toBeLessThan(10 * consumer); // so the test does exercise the switch
  });

  it('jobs arriving after a cut budget from the cut price; the draws themselves are the same', () => {
    const weights = JOB_CLASSES.map((c) => (c === 'inference' ? 1 : 0));
    const classes = { inference: { minVramGb: { '80': 1 }, budgetFactorMin: 0.5, budgetFactorMax: 0.9 } };
    const plain = createJobSampler(parseScenario({ demand: { classes } }), createStreams(3).get('jobs'));
    const cut = createJobSampler(
      parseScenario({ demand: { classes, cloudPriceShocks: [{ startDay: 10, durationDays: 36500, multiplier: 0.5 }] } }),
      createStreams(3).get('jobs'),
    );
    for (let i = 0; i < 2000; i++) {
      const t = i * 0.5; // hours: days 0 to 41
      const a = { ...plain.draw(weights, undefined, t) };
      const b = { ...cut.draw(weights, undefined, t) };
      const f = t >= 10 * H ? 0.5 : 1;
      expect(b.cloudUsdPerGpuHour).toBeCloseTo(f * a.cloudUsdPerGpuHour, 12);
      expect(b.budgetUsdPerGpuHour).toBeCloseTo(f * a.budgetUsdPerGpuHour, 12);
      // everything else drawn alike: same stream, same order of draws
      expect({ ...b, cloudUsdPerGpuHour: 0, budgetUsdPerGpuHour: 0 }).toEqual({ ...a, cloudUsdPerGpuHour: 0, budgetUsdPerGpuHour: 0 });
    }
  });

  it('a patience multiplier follows the price shock\'s course, for the jobs priced by a moved GPU only', () => {
    const c = createCloudPrices(withShocks([{ startDay: 10, durationDays: 20, rampDays: 10, multiplier: 1.5, segments: ['datacenter'], patienceMultiplier: 3 }]));
    expect(c.patience(80, 0, 5 * H)).toBe(1); // before it
    expect(c.patience(80, 0, 15 * H)).toBeCloseTo(2, 12); // half-way up the ramp
    expect(c.patience(80, 0, 25 * H)).toBeCloseTo(3, 12);
    expect(c.patience(80, 0, 45 * H)).toBeCloseTo(2, 12); // half-way down
    expect(c.patience(80, 0, 60 * H)).toBe(1);
    // an 8 GB job rents a consumer card in the cloud: its tenant can still get one
    expect(c.patience(8, 0, 25 * H)).toBe(1);
    // a price shock without the field leaves patience alone
    expect(createCloudPrices(withShocks([{ startDay: 0, durationDays: 100, multiplier: 2 }])).patience(80, 0, 50 * H)).toBe(1);
  });

  it('jobs arriving in a sold-out cloud wait longer; every other draw is the same', () => {
    const weights = JOB_CLASSES.map((c) => (c === 'inference' ? 1 : 0));
    const classes = { inference: { minVramGb: { '80': 1 } } };
    const shock = { startDay: 10, durationDays: 36500, multiplier: 1, segments: ['datacenter'] };
    const plain = createJobSampler(parseScenario({ demand: { classes, cloudPriceShocks: [shock] } }), createStreams(3).get('jobs'));
    const sold = createJobSampler(parseScenario({ demand: { classes, cloudPriceShocks: [{ ...shock, patienceMultiplier: 3 }] } }), createStreams(3).get('jobs'));
    for (let i = 0; i < 2000; i++) {
      const t = i * 0.5; // hours: days 0 to 41
      const a = { ...plain.draw(weights, undefined, t) };
      const b = { ...sold.draw(weights, undefined, t) };
      expect(b.patienceHours).toBeCloseTo((t >= 10 * H ? 3 : 1) * a.patienceHours, 9);
      expect({ ...b, patienceHours: 0 }).toEqual({ ...a, patienceHours: 0 });
    }
  });

  it('bad shocks are refused naming the field', () => {
    const bad = (shock: unknown) => {
      const v = validateScenario({ demand: { cloudPriceShocks: [shock] } });
      return v.ok ? [] : v.issues.map((i) => i.path);
    };
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 0 })).toEqual(['demand.cloudPriceShocks.0.multiplier']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 0.5, segments: ['gaming'] })).toEqual(['demand.cloudPriceShocks.0.segments.0']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 0.5, classes: ['inference'] })).toEqual(['demand.cloudPriceShocks.0.classes']); // a demand shock's field: unknown here
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 0.5, patienceMultiplier: 0 })).toEqual(['demand.cloudPriceShocks.0.patienceMultiplier']);
    expect(bad({ startDay: 1, durationDays: 1, multiplier: 0.5 })).toEqual([]);
  });
});
