/**
 * The deterministic elementary functions: close to Math's (a few ulp) over the ranges the simulation
 * uses, right at the special values, and built so that every engine gives the same bits.
 */
import { describe, expect, test } from 'vitest';
import { cos, exp, log, pow, sin } from '../../../src/sim/core/detMath.ts';
import { createStreams } from '../../../src/sim/rng/streams.ts';

const rng = createStreams(7).get('detmath');

function expectClose(f: (x: number) => number, ref: (x: number) => number, xs: number[], relTol: number, absTol = 0) {
  let worst = 0;
  let at = NaN;
  for (const x of xs) {
    const a = f(x);
    const b = ref(x);
    // relative error, or absolute where |ref| < absTol
    const err = Math.abs(a - b) / Math.max(Math.abs(b), absTol, Number.MIN_VALUE);
    if (err > worst) {
      worst = err;
      at = x;
    }
  }
  expect(worst, `worst relative error ${worst} at x = ${at}`).toBeLessThan(relTol);
}

const uniform = (n: number, lo: number, hi: number) => Array.from({ length: n }, () => lo + (hi - lo) * rng());
const logUniform = (n: number, lo: number, hi: number) => uniform(n, Math.log(lo), Math.log(hi)).map(Math.exp);

describe('deterministic math', () => {
  test('exp within 2 ulp of Math.exp from underflow to overflow', () => {
    expectClose(exp, Math.exp, [...uniform(100_000, -700, 700), ...uniform(100_000, -1, 1), 0, 1e-300, -1e-300], 4.5e-16);
  });

  test('log within 2 ulp of Math.log, subnormals to the largest double', () => {
    expectClose(log, Math.log, [...logUniform(100_000, 1e-300, 1e300), ...uniform(100_000, 0.5, 2), 5e-324, 1e-310, Number.MAX_VALUE], 4.5e-16, 1e-16);
    expect(log(1)).toBe(0);
  });

  test('every power of two: log exact to an ulp, exp exact at integer multiples of ln 2 across the normal and subnormal range', () => {
    // the scaling by 2^k is a table for normal exponents and bit assembly for subnormal ones: both edges matter
    for (let k = -1074; k <= 1023; k++) {
      const x = 2 ** k;
      expect(Math.abs(log(x) - Math.log(x)), `log(2^${k})`).toBeLessThanOrEqual(Math.abs(Math.log(x)) * 2.3e-16);
    }
    for (let k = -1074; k <= 1023; k++) {
      const y = exp(k * Math.LN2);
      // k ln 2 is itself rounded (relative error |k ln 2| ulp in the result); subnormals are quantized to 2^-1074
      expect(Math.abs(y - 2 ** k) / 2 ** k, `exp(${k} ln 2)`).toBeLessThanOrEqual(Math.abs(k * Math.LN2) * 2.3e-16 + 2 ** (-1074 - k));
    }
  });

  test('pow within a few ulp (times |y log x|) for the exponents the simulation uses; integer powers by squaring', () => {
    const xs = logUniform(50_000, 1e-6, 1e6);
    // exp(y log x) carries the rounding of y log x: a few ulp times |y log x|. The worst error over
    // its tolerance is checked once (an expect per sample made this test take seconds under load).
    for (const y of [0.37, 1 / 0.7, 2.5, -1 / 3, 1 / 120]) {
      let worst = 0;
      let at = NaN;
      for (const x of xs) {
        const tol = (Math.abs(y * Math.log(x)) + 4) * 1.2e-16;
        const r = Math.abs(pow(x, y) - Math.pow(x, y)) / Math.pow(x, y) / tol;
        if (!(r <= worst)) (worst = r), (at = x);
      }
      expect(worst, `pow(${at}, ${y}): error ${worst} x its tolerance`).toBeLessThan(1);
    }
    expect(pow(2, -10)).toBe(1 / 1024);
    expect(pow(0.99, 30)).toBeCloseTo(Math.pow(0.99, 30), 15);
    expect(pow(-2, 3)).toBe(-8);
  });

  test('sin and cos within 1e-15 (absolute) of Math over +-1e4, and exact symmetries', () => {
    const xs = [...uniform(100_000, -1e4, 1e4), ...uniform(100_000, -7, 7)];
    expectClose(sin, Math.sin, xs, 1e-15, 1);
    expectClose(cos, Math.cos, xs, 1e-15, 1);
    for (const x of uniform(1000, 0, 100)) expect(sin(-x)).toBe(-sin(x));
    expect(sin(0)).toBe(0);
    expect(cos(0)).toBe(1);
  });

  test('special values follow Math', () => {
    for (const [f, g] of [
      [exp, Math.exp],
      [log, Math.log],
      [sin, Math.sin],
      [cos, Math.cos],
    ] as const) {
      for (const x of [NaN, Infinity, -Infinity, 0, -0, -1]) expect(Object.is(f(x), g(x)) || (Number.isNaN(f(x)) && Number.isNaN(g(x))), `${g.name}(${x}) = ${g(x)}, got ${f(x)}`).toBe(true);
    }
    for (const [x, y] of [
      [0, 2],
      [0, -1],
      [Infinity, 0.5],
      [0.5, Infinity],
      [2, -Infinity],
      [NaN, 1],
      [1, NaN],
      [-8, 1 / 3],
    ])
      expect(pow(x, y)).toEqual(Math.pow(x, y));
  });
});
