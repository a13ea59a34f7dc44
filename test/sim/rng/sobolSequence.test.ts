// The Sobol sequence behind --sobol's design: the textbook points, balance kept under the scramble,
// and each scrambled point uniform on the cube.
import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMS, sobolSequence } from '../../../src/sim/rng/sobolSequence.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';

describe('sobolSequence', () => {
  it("unscrambled, gives SciPy's points (scipy.stats.qmc.Sobol(64, scramble=False), the same Joe-Kuo numbers) in dimensions 1 to 64", () => {
    // the first 32 points x 32, in dimensions 1, 2, 3, 10, 32 and 64
    const want: Record<number, string> = {
      0: '0,16,24,8,12,28,20,4,6,22,30,14,10,26,18,2,3,19,27,11,15,31,23,7,5,21,29,13,9,25,17,1',
      1: '0,16,8,24,12,28,4,20,10,26,2,18,6,22,14,30,15,31,7,23,3,19,11,27,5,21,13,29,9,25,1,17',
      2: '0,16,8,24,20,4,28,12,30,14,22,6,10,26,2,18,15,31,7,23,27,11,19,3,17,1,25,9,5,21,13,29',
      9: '0,16,24,8,20,4,12,28,10,26,18,2,30,14,6,22,5,21,29,13,17,1,9,25,15,31,23,7,27,11,3,19',
      31: '0,16,8,24,4,20,12,28,26,10,18,2,30,14,22,6,11,27,3,19,15,31,7,23,17,1,25,9,21,5,29,13',
      63: '0,16,24,8,4,20,28,12,22,6,14,30,18,2,10,26,3,19,27,11,7,23,31,15,21,5,13,29,17,1,9,25',
    };
    const x = sobolSequence(1024, SOBOL_MAX_DIMS, null);
    for (const [d, points] of Object.entries(want)) expect(x.slice(0, 32).map((p) => p[+d] * 32).join(','), `dimension ${+d + 1}`).toBe(points);
    // point 1000, x 2^20: its later digits too
    expect([0, 1, 2, 9, 31, 63].map((d) => x[1000][d] * 2 ** 20)).toEqual([230400, 101376, 543744, 72704, 152576, 467968]);
  });

  it('scrambled, keeps the balance: the first 2^m points put one in each of 2^m equal slices of every range, and dimensions 1 and 2 form a (0, m, 2)-net', () => {
    const m = 6;
    const n = 2 ** m;
    for (const seed of [1, 2, 3]) {
      const x = sobolSequence(n, 12, createStreams(seed).get('design'));
      for (let d = 0; d < 12; d++) {
        const slices = new Set(x.map((p) => Math.floor(p[d] * n)));
        expect(slices.size, `dimension ${d + 1}, seed ${seed}`).toBe(n);
      }
      // every box 2^-a by 2^-(m - a) holds exactly one point
      for (let a = 0; a <= m; a++) {
        const boxes = new Set(x.map((p) => `${Math.floor(p[0] * 2 ** a)}:${Math.floor(p[1] * 2 ** (m - a))}`));
        expect(boxes.size, `boxes 2^-${a} x 2^-${m - a}`).toBe(n);
      }
    }
  });

  it('scrambled, puts each point anywhere in the cube with equal chance, and other seeds give other points', () => {
    // the fifth point's coordinate in dimension 3 over 4,000 scrambles: a quarter in each quarter of [0, 1)
    const quarters = [0, 0, 0, 0];
    const s = createStreams(9).get('scrambles');
    for (let i = 0; i < 4000; i++) quarters[Math.floor(sobolSequence(5, 3, s)[4][2] * 4)]++;
    // binomial sd of a quarter's count: sqrt(4000 x 0.25 x 0.75) = 27; 4 sd either side
    for (const q of quarters) expect(Math.abs(q - 1000)).toBeLessThan(110);
    const a = sobolSequence(8, 4, createStreams(1).get('design'));
    expect(sobolSequence(8, 4, createStreams(1).get('design'))).toEqual(a);
    expect(sobolSequence(8, 4, createStreams(2).get('design'))).not.toEqual(a);
    for (const p of a) for (const v of p) expect(v >= 0 && v < 1).toBe(true);
  });

  it('refuses a design it cannot make', () => {
    expect(() => sobolSequence(0, 2, null)).toThrow(/at least one point/);
    expect(() => sobolSequence(4, 65, null)).toThrow(/1 to 64 dimensions, got 65/);
  });
});
