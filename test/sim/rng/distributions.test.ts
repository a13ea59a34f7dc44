/**
 * Statistical tests of the distributions, in the style of d3-random's tests: draw many values from a
 * seeded stream and check mean and spread against the exact moments, within bounds derived from the
 * sampling error (not a fixed loose tolerance). Chi-square and Kolmogorov-Smirnov checks test the
 * whole shape where the moments alone would not catch a wrong tail.
 * Seeds are fixed, so each test is deterministic; the bounds are ~4.5 standard errors (or p = 1e-4).
 */
import { describe, expect, test } from 'vitest';
import { createStreams } from '../../../src/sim/rng/streams.ts';
import {
  beta,
  categorical,
  exponential,
  gamma,
  geometric,
  logNormal,
  normal,
  poisson,
  uniform,
  weibull,
  weibullResidual,
  type Sampler,
} from '../../../src/sim/rng/distributions.ts';
import { lnGamma, weibullScaleForMean } from '../../../src/sim/rng/special.ts';
import { meanOf, samplerOf } from '../../../src/sim/rng/fromDist.ts';

const N = 100_000;
const Z = 4.5;

function draws(s: Sampler, n = N): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = s();
  return x;
}

function moments(x: Float64Array) {
  const n = x.length;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    const d = (v - m) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean: m, variance, m4, n };
}

/** Mean within Z standard errors (exact variance); variance within Z standard errors of the sample variance. */
function expectMoments(x: Float64Array, mean: number, variance: number) {
  const s = moments(x);
  const seMean = Math.sqrt(variance / s.n);
  expect(Math.abs(s.mean - mean), `mean ${s.mean} vs ${mean} (se ${seMean})`).toBeLessThan(Z * seMean);
  // Var(s^2) ~ (mu4 - sigma^4) / n, with mu4 estimated from the sample
  const seVar = Math.sqrt(Math.max(s.m4 - s.variance ** 2, 0) / s.n);
  expect(Math.abs(s.variance - variance), `variance ${s.variance} vs ${variance} (se ${seVar})`).toBeLessThan(Z * seVar);
}

/** Upper quantile of chi-square(df) at p = 1e-4 (Wilson-Hilferty). */
function chi2Crit(df: number): number {
  const z = 3.719;
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

/**
 * Chi-square goodness of fit of integer draws against a pmf. Consecutive values are pooled until a
 * bin expects >= 5 draws; everything left (the tail, values outside [kMin, kMax]) is one last bin.
 */
function expectChiSquare(x: Float64Array, pmf: (k: number) => number, kMin: number, kMax: number) {
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  const n = x.length;
  let chi = 0;
  let bins = 0;
  let binnedE = 0;
  let binnedO = 0;
  let accE = 0;
  let accO = 0;
  for (let k = kMin; k <= kMax; k++) {
    accE += n * pmf(k);
    accO += counts.get(k) ?? 0;
    if (accE >= 5) {
      chi += (accO - accE) ** 2 / accE;
      bins++;
      binnedE += accE;
      binnedO += accO;
      accE = 0;
      accO = 0;
    }
  }
  const restE = n - binnedE;
  const restO = n - binnedO;
  if (restE > 1e-9) {
    chi += (restO - restE) ** 2 / restE;
    bins++;
  }
  expect(bins).toBeGreaterThan(2);
  expect(chi, `chi-square ${chi.toFixed(1)} with ${bins - 1} df`).toBeLessThan(chi2Crit(bins - 1));
}

/** Kolmogorov-Smirnov: sqrt(n) D below the p = 1e-4 critical value (~2.0). */
function expectKs(x: Float64Array, cdf: (v: number) => number) {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  expect(Math.sqrt(n) * d, `KS statistic sqrt(n) D = ${(Math.sqrt(n) * d).toFixed(3)}`).toBeLessThan(2.0);
}

/** erf with |error| < 1.2e-7 (Numerical Recipes erfc Chebyshev). */
function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r : r - 1;
}

const stream = (name: string, seed = 12345) => createStreams(seed).get(name);

describe('special functions', () => {
  test('lnGamma matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(2)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 10);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  test('weibullScaleForMean gives the requested mean', () => {
    for (const shape of [0.5, 0.7, 1, 2, 5]) {
      const scale = weibullScaleForMean(3, shape);
      expect(scale * Math.exp(lnGamma(1 + 1 / shape))).toBeCloseTo(3, 10);
    }
    expect(weibullScaleForMean(2, 1)).toBeCloseTo(2, 12); // shape 1 is the exponential
  });
});

describe('distributions from a seeded stream', () => {
  test('uniform', () => {
    const x = draws(uniform(stream('u'), 2, 5));
    expect(Math.min(...x)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...x)).toBeLessThan(5);
    expectMoments(x, 3.5, 9 / 12);
    expectKs(x, (v) => (v - 2) / 3);
  });

  test('exponential: mean 1/rate, variance 1/rate^2, exact CDF', () => {
    const rate = 2;
    const x = draws(exponential(stream('exp'), rate));
    expect(x.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    expectMoments(x, 1 / rate, 1 / rate ** 2);
    expectKs(x, (v) => 1 - Math.exp(-rate * v));
  });

  test('normal', () => {
    const x = draws(normal(stream('n'), -1, 3));
    expectMoments(x, -1, 9);
    expectKs(x, (v) => 0.5 * (1 + erf((v + 1) / (3 * Math.SQRT2))));
  });

  test('log-normal: mean e^(mu + s^2/2), variance (e^(s^2) - 1) e^(2mu + s^2), median e^mu', () => {
    const mu = 0.5;
    const s = 0.8;
    const x = draws(logNormal(stream('ln'), mu, s));
    expectMoments(x, Math.exp(mu + (s * s) / 2), (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s));
    expectKs(x, (v) => 0.5 * (1 + erf((Math.log(v) - mu) / (s * Math.SQRT2))));
  });

  test('weibull via weibullScaleForMean: heavy-tailed shape 0.7 and light shape 2', () => {
    for (const [shape, mean] of [
      [0.7, 4],
      [2, 1.5],
    ]) {
      const scale = weibullScaleForMean(mean, shape);
      const x = draws(weibull(stream(`w${shape}`), shape, scale));
      const g1 = Math.exp(lnGamma(1 + 1 / shape));
      const g2 = Math.exp(lnGamma(1 + 2 / shape));
      expectMoments(x, mean, scale * scale * (g2 - g1 * g1));
      expectKs(x, (v) => 1 - Math.exp(-Math.pow(v / scale, shape)));
    }
  });

  test('weibullResidual is the steady-state residual life: E[X^2]/2E[X] and E[X^3]/3E[X]; memoryless at shape 1', () => {
    for (const [shape, mean] of [
      [0.7, 4],
      [2, 1.5],
    ]) {
      const scale = weibullScaleForMean(mean, shape);
      const x = draws(weibullResidual(stream(`wr${shape}`), shape, scale));
      const moment = (n: number) => Math.pow(scale, n) * Math.exp(lnGamma(1 + n / shape));
      const m1 = moment(2) / (2 * moment(1));
      const m2 = moment(3) / (3 * moment(1));
      expectMoments(x, m1, m2 - m1 * m1);
    }
    // shape 1 is the exponential: the residual has the same law
    const x = draws(weibullResidual(stream('wr1'), 1, 3));
    expectKs(x, (v) => 1 - Math.exp(-v / 3));
  });

  test('gamma (Marsaglia-Tsang) incl. the boosted shape < 1 path', () => {
    for (const [shape, scale] of [
      [3, 2],
      [0.4, 1.5],
      [1, 1],
    ]) {
      const x = draws(gamma(stream(`g${shape}`), shape, scale));
      expect(x.every((v) => v > 0)).toBe(true);
      expectMoments(x, shape * scale, shape * scale * scale);
    }
    // shape 1 is the exponential: check the whole CDF
    expectKs(draws(gamma(stream('g-exp'), 1, 2)), (v) => 1 - Math.exp(-v / 2));
  });

  test('beta: mean a/(a+b), variance ab/((a+b)^2 (a+b+1))', () => {
    for (const [a, b] of [
      [2, 5],
      [0.5, 0.5],
      [18, 1.5],
    ]) {
      const x = draws(beta(stream(`b${a}`), a, b));
      expect(x.every((v) => v >= 0 && v <= 1)).toBe(true);
      expectMoments(x, a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)));
    }
    // Beta(1, 1) is uniform; Beta(0.5, 0.5) is the arcsine law
    expectKs(draws(beta(stream('b11'), 1, 1)), (v) => v);
    expectKs(draws(beta(stream('bas'), 0.5, 0.5)), (v) => (2 / Math.PI) * Math.asin(Math.sqrt(v)));
  });

  const poissonPmf = (lambda: number) => (k: number) => Math.exp(-lambda + k * Math.log(lambda) - lnGamma(k + 1));

  test('poisson, small lambda (inversion): mean = variance = lambda, pmf by chi-square', () => {
    for (const lambda of [0.3, 3.5, 9.9]) {
      const x = draws(poisson(stream(`p${lambda}`), lambda));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      expectMoments(x, lambda, lambda);
      expectChiSquare(x, poissonPmf(lambda), 0, Math.ceil(lambda * 4 + 20));
    }
  });

  test('poisson, large lambda (PTRS): mean = variance = lambda, pmf by chi-square', () => {
    for (const lambda of [10, 47.5, 1000]) {
      const x = draws(poisson(stream(`P${lambda}`), lambda));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      expectMoments(x, lambda, lambda);
      expectChiSquare(x, poissonPmf(lambda), 0, Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20));
    }
  });

  test('poisson(0) is always 0', () => {
    const s = poisson(stream('p0'), 0);
    for (let i = 0; i < 100; i++) expect(s()).toBe(0);
  });

  test('geometric on {1, 2, ...}: mean m, variance (1-p)/p^2', () => {
    const m = 4;
    const p = 1 / m;
    const x = draws(geometric(stream('geo'), m));
    expect(x.every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
    expectMoments(x, m, (1 - p) / (p * p));
    expectChiSquare(x, (k) => (k >= 1 ? p * (1 - p) ** (k - 1) : 0), 1, 80);
    const one = geometric(stream('geo1'), 1);
    for (let i = 0; i < 100; i++) expect(one()).toBe(1);
  });

  test('categorical (alias method): frequencies match the weights, zero weights never drawn', () => {
    const w = [1, 0, 3, 6, 0.5, 0];
    const total = w.reduce((a, b) => a + b, 0);
    const x = draws(categorical(stream('cat'), w));
    expect(x.every((v) => w[v] > 0)).toBe(true);
    const pmf = (k: number) => (w[k] ?? 0) / total;
    // chi-square over the non-zero categories
    const counts = w.map(() => 0);
    for (const v of x) counts[v]++;
    let chi = 0;
    let df = -1;
    w.forEach((wi, k) => {
      if (wi === 0) return;
      const e = N * pmf(k);
      chi += (counts[k] - e) ** 2 / e;
      df++;
    });
    expect(chi).toBeLessThan(chi2Crit(df));
    // a single category
    const only = categorical(stream('cat1'), [0, 0, 2]);
    for (let i = 0; i < 100; i++) expect(only()).toBe(2);
  });

  test('invalid parameters are refused at creation with the parameter named', () => {
    const r = stream('bad');
    expect(() => exponential(r, 0)).toThrow(/exponential rate must be > 0, got 0/);
    expect(() => exponential(r, NaN)).toThrow(/exponential rate/);
    expect(() => weibull(r, 0, 1)).toThrow(/weibull/);
    expect(() => gamma(r, -1)).toThrow(/gamma/);
    expect(() => beta(r, 0, 1)).toThrow(/beta/);
    expect(() => poisson(r, -1)).toThrow(/poisson mean/);
    expect(() => poisson(r, Infinity)).toThrow(/poisson mean/);
    expect(() => geometric(r, 0.5)).toThrow(/geometric mean must be >= 1/);
    expect(() => categorical(r, [])).toThrow(/at least one weight/);
    expect(() => categorical(r, [0, 0])).toThrow(/not all be zero/);
    expect(() => categorical(r, [1, -1])).toThrow(/finite and >= 0/);
    expect(() => uniform(r, 2, 1)).toThrow(/min <= max/);
    expect(() => normal(r, 0, -1)).toThrow(/sigma/);
  });
});

describe('scenario distribution specs (fromDist)', () => {
  test('samplerOf matches meanOf for every family', () => {
    const specs = [
      { dist: 'fixed', value: 2.5 },
      { dist: 'exponential', mean: 3 },
      { dist: 'lognormal', median: 2, sigma: 0.5 },
      { dist: 'lognormal', median: 2, sigma: 0 },
      { dist: 'weibull', mean: 5, shape: 0.8 },
      { dist: 'uniform', min: 1, max: 4 },
    ] as const;
    for (const d of specs) {
      const x = draws(samplerOf(d, stream(`spec-${JSON.stringify(d)}`)), 50_000);
      const { mean, variance, n } = moments(x);
      const se = Math.sqrt(variance / n);
      expect(Math.abs(mean - meanOf(d)), `${JSON.stringify(d)}: mean ${mean} vs ${meanOf(d)}`).toBeLessThanOrEqual(Z * se + 1e-12);
    }
  });
});
