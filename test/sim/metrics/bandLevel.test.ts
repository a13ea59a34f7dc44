// The band levels users pick (50, 80, 90, 95% of runs inside) and how they are named in CSV columns and prose.
import { describe, expect, it } from 'vitest';
import { BAND_LEVELS, bandPercentiles, bandProbs, bandSuffixes, bandWords, DEFAULT_BAND_LEVEL, isBandLevel, ordinal } from '../../../src/sim/metrics/bandLevel.ts';

describe('band levels', () => {
  it('offers 50, 80, 90 and 95%, 80 by default (the 10th to 90th percentile every band had before the choice)', () => {
    expect(BAND_LEVELS).toEqual([50, 80, 90, 95]);
    expect(DEFAULT_BAND_LEVEL).toBe(80);
    expect(bandProbs(80)).toEqual([0.1, 0.9]);
    expect(bandSuffixes(80)).toEqual(['p10', 'p90']);
  });

  it('a central interval: equal tails on both sides', () => {
    for (const l of BAND_LEVELS) {
      const [a, b] = bandProbs(l);
      expect(b - a).toBeCloseTo(l / 100, 12);
      expect(a + b).toBeCloseTo(1, 12);
    }
    expect(bandPercentiles(95)).toEqual([2.5, 97.5]);
    expect(bandPercentiles(50)).toEqual([25, 75]);
  });

  it('names columns without dots (p2_5) and percentiles in words', () => {
    expect(bandSuffixes(95)).toEqual(['p2_5', 'p97_5']);
    expect(bandSuffixes(90)).toEqual(['p5', 'p95']);
    expect(bandWords(80)).toBe('10th–90th percentile');
    expect(bandWords(95)).toBe('2.5th–97.5th percentile');
    expect([1, 2, 3, 11, 12, 13, 21, 22, 25].map(ordinal)).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '25th']);
  });

  it('accepts only the levels offered', () => {
    expect(isBandLevel(90)).toBe(true);
    for (const v of [85, '90', 0.9, null, undefined, NaN]) expect(isBandLevel(v)).toBe(false);
  });
});
