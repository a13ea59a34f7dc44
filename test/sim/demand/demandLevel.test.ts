/**
 * Random swings of the demand level (demand.levelVolatility, 0.7.0): a mean-reverting walk of the
 * log level, one value a day, with mean 1, so Monte Carlo runs differ in their demand path. Without
 * the field nothing changes: no draws, the same bytes.
 */
import { describe, expect, test } from 'vitest';
import { createRateModel, demandLevels, nextArrival } from '../../../src/sim/demand/arrivals.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import { parseScenario, validateScenario } from '../../../src/sim/scenario/validate.ts';
import { scenarioHash } from '../../../src/sim/scenario/hash.ts';
import { mmcOf } from '../../../src/sim/scenario/queueTheory.ts';
import { createRun } from '../../../src/sim/run.ts';
import { tableToCsv } from '../../../src/sim/metrics/csv.ts';
import { findPreset } from '../../../src/sim/scenario/presets.ts';

const steady = { horizonDays: 400, demand: { diurnalAmplitude: 0, trendGrowthPerYear: 0 } };
const withVol = (sd: number, halfLife?: number) => parseScenario({ ...steady, demand: { ...steady.demand, levelVolatility: sd, ...(halfLife ? { levelHalfLifeDays: halfLife } : {}) } });

describe('demand level', () => {
  test('a steady level (omitted or 0) draws nothing', () => {
    const rng = createStreams(1).get('demand-level');
    expect(demandLevels(parseScenario(steady).demand, 400, rng)).toBeNull();
    expect(demandLevels(withVol(0).demand, 400, rng)).toBeNull();
    expect(rng()).toBe(createStreams(1).get('demand-level')()); // untouched
  });

  test('day 0 is the scenario\'s level; the log level settles at the given spread, with mean 1 and the given half-life', () => {
    const sd = 0.4;
    const half = 20;
    const logs: number[] = [];
    const lagged: [number, number][] = [];
    let levelSum = 0;
    let n = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const lv = demandLevels(withVol(sd, half).demand, 400, createStreams(seed).get('demand-level'))!;
      expect(lv.length).toBe(401);
      expect(lv[0]).toBe(1);
      for (let d = 200; d <= 400; d += 20) {
        logs.push(Math.log(lv[d]));
        lagged.push([Math.log(lv[d - half]), Math.log(lv[d])]);
      }
      for (let d = 1; d <= 400; d++) (levelSum += lv[d]), n++;
    }
    const m = logs.reduce((a, b) => a + b, 0) / logs.length;
    const s = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (logs.length - 1));
    expect(s).toBeGreaterThan(0.9 * sd);
    expect(s).toBeLessThan(1.1 * sd);
    expect(m).toBeCloseTo(-(sd * sd) / 2, 1); // exp(X - var/2): the log level sits var/2 low ...
    expect(levelSum / n).toBeGreaterThan(0.95); // ... so the level itself has mean 1
    expect(levelSum / n).toBeLessThan(1.05);
    // after one half-life, half the swing is left: correlation 0.5
    const mx = lagged.reduce((a, [x]) => a + x, 0) / lagged.length;
    const my = lagged.reduce((a, [, y]) => a + y, 0) / lagged.length;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const [x, y] of lagged) (sxy += (x - mx) * (y - my)), (sxx += (x - mx) ** 2), (syy += (y - my) ** 2);
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.38);
    expect(sxy / Math.sqrt(sxx * syy)).toBeLessThan(0.62);
  });

  test('arrivals follow the level day by day, and thinning\'s bound holds (counts against the level)', () => {
    const s = withVol(0.5, 10);
    const lv = demandLevels(s.demand, s.horizonDays, createStreams(3).get('demand-level'))!;
    const rates = createRateModel(s, lv);
    for (let t = 0; t < 400 * 24; t += 7.3) expect(rates.bound(t, Math.min((Math.floor(t / 24) + 1) * 24, 400 * 24))).toBeGreaterThanOrEqual(rates.total(t) * (1 - 1e-12));
    const rng = createStreams(3).get('arrivals');
    const perDay = new Array(400).fill(0);
    for (let t = 0; ; ) {
      t = nextArrival(rates, t, 400 * 24, rng);
      if (t === Infinity) break;
      perDay[Math.floor(t / 24)]++;
    }
    // each day's count is Poisson(base x 24 x level): standardized residuals within 4.5 sd, mean near 0
    const base = s.demand.baseRateJobsPerHour * 24;
    let z2 = 0;
    for (let d = 0; d < 400; d++) {
      const mu = base * lv[d];
      const z = (perDay[d] - mu) / Math.sqrt(mu);
      expect(Math.abs(z), `day ${d}`).toBeLessThan(4.5);
      z2 += z * z;
    }
    expect(z2 / 400).toBeLessThan(1.3); // what a steady level would leave here is far larger
    const flat = perDay.map((c) => (c - base) / Math.sqrt(base));
    expect(flat.reduce((a, z) => a + z * z, 0) / 400).toBeGreaterThan(20);
  });

  test('the field left out gives the same run as 0, byte for byte, and the hash it always had', () => {
    const raw = findPreset('baseline')!.raw as Record<string, unknown>;
    const base = parseScenario({ ...raw, horizonDays: 10, scale: 0.1 });
    const zero = parseScenario({ ...raw, horizonDays: 10, scale: 0.1, demand: { ...(raw.demand as object), levelVolatility: 0 } });
    const csv = (sc: typeof base) => {
      const r = createRun(sc, 5);
      r.advance(r.horizonHours);
      return tableToCsv(r.table());
    };
    expect(csv(zero)).toBe(csv(base));
    expect(scenarioHash(parseScenario(raw))).toBe('dac6a257dd44dd99');
    // a volatile level moves the arrivals from day 1 on
    const vol = parseScenario({ ...raw, horizonDays: 10, scale: 0.1, demand: { ...(raw.demand as object), levelVolatility: 0.5 } });
    expect(csv(vol)).not.toBe(csv(base));
  });

  test('is outside the queueing theory, and out-of-range values are refused naming the field', () => {
    const mmc = findPreset('mmc')!.raw as Record<string, unknown>;
    expect(mmcOf(parseScenario(mmc))).not.toBeNull();
    expect(mmcOf(parseScenario({ ...mmc, demand: { ...(mmc.demand as object), levelVolatility: 0.2 } }))).toBeNull();
    for (const [field, v] of [['levelVolatility', -0.1], ['levelVolatility', 3], ['levelHalfLifeDays', 0.5], ['levelVolatility', 'high']] as const) {
      const r = validateScenario({ demand: { [field]: v } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(`demand.${field}`);
    }
  });
});
