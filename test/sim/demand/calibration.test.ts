import { describe, expect, it } from 'vitest';
import { durationStats, hourOfDayCounts, interArrivalCv, ksDistance, modelArrivalTimes, modelDurations, peakToTrough } from '../../../bench/calibration.ts';
import { calibrate, calibrationMarkdown } from '../../../bench/calibrationReport.ts';
import { readTraces, tracesPresent } from '../../../bench/traceFiles.ts';
import { findPreset } from '../../../src/sim/scenario/presets.ts';
import { applyOverrides } from '../../../src/sim/scenario/overrides.ts';
import { parseScenario } from '../../../src/sim/scenario/validate.ts';
import { logNormal } from '../../../src/sim/rng/distributions.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';

const baseline = () => parseScenario(findPreset('baseline')!.raw);

describe('calibration statistics', () => {
  it('duration summary: quantiles, shares, tail weight and log-normal sigma', () => {
    // ten jobs of 0.5 h and 2 h alternating, one of 100 h
    const s = durationStats([0.5, 2, 0.5, 2, 0.5, 2, 0.5, 2, 0.5, 2, 100]);
    expect(s.n).toBe(11);
    expect(s.p50).toBe(2);
    expect(s.under1h).toBeCloseTo(5 / 11, 12);
    expect(s.over1d).toBeCloseTo(1 / 11, 12);
    // the longest 10% (one job of 11) holds 100 of the 112.5 hours
    expect(s.top10RuntimeShare).toBeCloseTo(100 / 112.5, 12);
    expect(s.meanHours).toBeCloseTo(112.5 / 11, 12);
    // a log-normal sample's sigma comes back
    const draw = logNormal(createStreams(5).get('test'), 0, 1.5);
    expect(durationStats(Array.from({ length: 50_000 }, draw)).logSigma).toBeCloseTo(1.5, 1);
  });

  it('Kolmogorov-Smirnov distance: 0 for the same sample, 1 for disjoint ones, the CDF gap otherwise', () => {
    expect(ksDistance([1, 2, 3], [3, 2, 1])).toBe(0);
    expect(ksDistance([1, 2], [3, 4])).toBe(1);
    expect(ksDistance([1, 2, 3, 4], [1, 2, 5, 6])).toBeCloseTo(0.5, 12);
  });

  it('hour-of-day counts wrap whole days, and the swing is the busiest hour over the quietest', () => {
    const c = hourOfDayCounts([0.5, 24.2, 47.9, 23.99, -0.5]);
    expect(c[0]).toBe(2);
    expect(c[23]).toBe(3);
    expect(peakToTrough(Array.from({ length: 24 }, (_, h) => (h === 14 ? 8 : 2)))).toBe(4);
    expect(() => peakToTrough([1, 2])).toThrow(/24 hourly/);
  });

  it('gaps of evenly spaced events vary by 0; of a Poisson process by about 1', () => {
    expect(interArrivalCv([0, 1, 2, 3, 4])).toBe(0);
    const s = parseScenario(applyOverrides(findPreset('baseline')!.raw, ['demand.diurnalAmplitude=0', 'demand.trendGrowthPerYear=0']));
    expect(interArrivalCv(modelArrivalTimes(s, 30, 1))).toBeCloseTo(1, 1);
  });

  it('geometric batches of mean m make the gaps vary by sqrt(2m - 1), the knob for a bursty trace', () => {
    // gaps are 0 inside a batch (probability 1 - 1/m) and exponential of mean m/lambda between batches
    const s = parseScenario(applyOverrides(findPreset('baseline')!.raw, ['demand.diurnalAmplitude=0', 'demand.trendGrowthPerYear=0', 'demand.burstMeanJobs=8']));
    expect(interArrivalCv(modelArrivalTimes(s, 60, 2)) / Math.sqrt(15)).toBeCloseTo(1, 1);
  });

  it('the table says why a daily swing is infinite (an hour of the day with no arrival), not just "Infinity"', () => {
    const md = calibrationMarkdown({ rows: [{ measure: 'Arrivals, busiest over quietest hour of the day', trace: 4.01, model: Infinity, unit: 'ratio', checks: 'openb' }], phillyKs: 0.1, seed: 1, draws: 10 }, 'bursty');
    expect(md).toContain('| Arrivals, busiest over quietest hour of the day | 4.01 | ∞ (an hour with no arrivals) |');
  });

  it('the model\'s durations are the class\'s: median and sigma as the scenario sets them', () => {
    const st = durationStats(modelDurations(baseline(), 'transcoding', 100_000, 3));
    expect(st.p50 * 60).toBeCloseTo(0.33 * 60, 0);
    expect(st.logSigma).toBeCloseTo(2.2, 1);
    expect(() => modelDurations(baseline(), 'mining' as never, 1, 1)).toThrow(/no job class 'mining'/);
  });
});

// The traces are reference data beside the checkout (../shared/data/traces), never committed: these
// checks run where they are present, which is every development and CI machine of this project.
// Nothing is read while the tests are collected, so a clone without the traces collects and skips
// them instead of failing to load the file.
describe.runIf(tracesPresent())('the baseline demand against the real traces', () => {
  let calibrated: ReturnType<typeof calibrate> | null = null;
  const cal = () => (calibrated ??= calibrate(baseline(), readTraces(), 100_000, 1));
  const row = (m: string) => cal().rows.find((r) => r.measure.startsWith(m))!;

  it('the transcoding class has the Philly runtime shape its default cites: median and log-normal sigma within 5%', () => {
    expect(row('Runtime median').model / row('Runtime median').trace).toBeCloseTo(1, 1);
    expect(Math.abs(row('Log-normal sigma').model / row('Log-normal sigma').trace - 1)).toBeLessThan(0.05);
    // a log-normal cannot follow Philly's every quantile; the CDFs stay within 0.15 of each other
    expect(cal().phillyKs).toBeLessThan(0.15);
  });

  it('the daily cycle is openb\'s ~4:1 swing within 25%', () => {
    const r = row('Arrivals, busiest');
    expect(r.trace).toBeGreaterThan(3);
    expect(Math.abs(r.model / r.trace - 1)).toBeLessThan(0.25);
  });

  it('most inference jobs ask for one GPU, as most openb pods do (within 10 points)', () => {
    const r = row('Inference jobs asking for one GPU');
    expect(Math.abs(r.model - r.trace)).toBeLessThan(0.1);
  });

  it('the bursty_demand preset\'s gaps between jobs vary as openb\'s pods do (coefficient of variation within 15%); the baseline\'s do not', () => {
    const bursty = calibrate(parseScenario(findPreset('bursty_demand')!.raw), readTraces(), 20_000, 1);
    const r = bursty.rows.find((x) => x.measure.startsWith('Arrivals, coefficient'))!;
    expect(r.trace).toBeGreaterThan(10);
    expect(Math.abs(r.model / r.trace - 1)).toBeLessThan(0.15);
    expect(row('Arrivals, coefficient').model).toBeLessThan(2);
  });

  it('the table names each trace and the parameters it checks, every figure with its unit', () => {
    const md = calibrationMarkdown(cal(), 'baseline');
    expect(md).toContain('Microsoft Philly, 83,154 job runtimes');
    expect(md).toContain('`demand.diurnalAmplitude`');
    expect(md).toMatch(/\| Runtime median \| 19\.8 min \| \d+\.\d min \|/);
    expect(md).toMatch(/\| Jobs under 1 h \| 76\.3% \|/);
  });
});
