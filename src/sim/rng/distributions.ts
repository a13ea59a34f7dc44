/**
 * Distributions over an injected uniform stream, in the style of d3-random: each factory takes the
 * source and its parameters and returns a sampler. Parameters are validated once, at creation.
 */
import type { Rng } from './streams.ts';
import { cos, exp, log, pow } from '../core/detMath.ts';

export type Sampler = () => number;

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`invalid distribution parameter: ${what}`);
}

export function uniform(rng: Rng, min = 0, max = 1): Sampler {
  check(Number.isFinite(min) && Number.isFinite(max) && max >= min, `uniform needs min <= max, got [${min}, ${max}]`);
  const w = max - min;
  return () => min + w * rng();
}

/** Exponential with the given rate (mean 1/rate). */
export function exponential(rng: Rng, rate: number): Sampler {
  check(rate > 0 && Number.isFinite(rate), `exponential rate must be > 0, got ${rate}`);
  return () => -log(1 - rng()) / rate;
}

/** Standard normal by Box-Muller, one value per call (no cached spare: state stays in the stream). */
export function normal(rng: Rng, mu = 0, sigma = 1): Sampler {
  check(sigma >= 0 && Number.isFinite(mu), `normal needs sigma >= 0, got ${sigma}`);
  return () => {
    const u = 1 - rng();
    const v = rng();
    return mu + sigma * Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
  };
}

/** Log-normal: exp(N(mu, sigma)). Median = e^mu, mean = e^(mu + sigma^2/2). */
export function logNormal(rng: Rng, mu: number, sigma: number): Sampler {
  const n = normal(rng, mu, sigma);
  return () => exp(n());
}

/** Weibull with shape k and scale lambda; shape < 1 gives the heavy tail of up/down intervals. */
export function weibull(rng: Rng, shape: number, scale: number): Sampler {
  check(shape > 0 && scale > 0, `weibull needs shape > 0 and scale > 0, got ${shape}, ${scale}`);
  const inv = 1 / shape;
  return () => scale * pow(-log(1 - rng()), inv);
}

/**
 * Forward recurrence time of a renewal process with Weibull(shape, scale) intervals, seen at a random
 * moment in steady state: how long the current interval still lasts. The interval that covers a
 * random moment is length-biased; for a Weibull, (X / scale)^shape of it is Gamma(1 + 1/shape), and
 * the moment falls uniformly inside it. Mean: scale * Gamma(1 + 2/k) / (2 Gamma(1 + 1/k)).
 */
export function weibullResidual(rng: Rng, shape: number, scale: number): Sampler {
  check(shape > 0 && scale > 0, `weibullResidual needs shape > 0 and scale > 0, got ${shape}, ${scale}`);
  const g = gamma(rng, 1 + 1 / shape);
  const inv = 1 / shape;
  return () => scale * pow(g(), inv) * rng();
}

/** Gamma(shape, scale) by Marsaglia and Tsang (2000), boosted for shape < 1. */
export function gamma(rng: Rng, shape: number, scale = 1): Sampler {
  check(shape > 0 && scale > 0, `gamma needs shape > 0 and scale > 0, got ${shape}, ${scale}`);
  const n = normal(rng);
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    let x: number, v: number, u: number;
    for (;;) {
      do {
        x = n();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      u = 1 - rng();
      if (u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v))) break;
    }
    let g = d * v;
    if (boost) g *= pow(1 - rng(), 1 / shape);
    return g * scale;
  };
}

/** Beta(a, b) from two gammas. */
export function beta(rng: Rng, a: number, b: number): Sampler {
  check(a > 0 && b > 0, `beta needs a > 0 and b > 0, got ${a}, ${b}`);
  const ga = gamma(rng, a);
  const gb = gamma(rng, b);
  return () => {
    const x = ga();
    return x / (x + gb());
  };
}

/**
 * Poisson(lambda): inversion by sequential search for small lambda, PTRS (Hormann 1993) above 10,
 * so the cost stays bounded for large means.
 */
export function poisson(rng: Rng, lambda: number): Sampler {
  check(lambda >= 0 && Number.isFinite(lambda), `poisson mean must be >= 0, got ${lambda}`);
  if (lambda === 0) return () => 0;
  if (lambda < 10) {
    const L = exp(-lambda);
    return () => {
      let k = 0;
      let p = L;
      let s = p;
      const u = rng();
      while (u > s && k < 1000) {
        k++;
        p *= lambda / k;
        s += p;
      }
      return k;
    };
  }
  const slam = Math.sqrt(lambda);
  const loglam = log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  return () => {
    for (;;) {
      const U = rng() - 0.5;
      const V = 1 - rng();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (log(V) + log(invalpha) - log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
    }
  };
}

function logFactorial(k: number): number {
  if (k < 2) return 0;
  // Stirling series; exact enough for k >= 2 in the PTRS acceptance test.
  const x = k + 1;
  return (x - 0.5) * log(x) - x + 0.5 * log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** Geometric on {1, 2, ...} with the given mean (>= 1): number of trials to the first success. */
export function geometric(rng: Rng, mean: number): Sampler {
  check(mean >= 1 && Number.isFinite(mean), `geometric mean must be >= 1, got ${mean}`);
  if (mean === 1) return () => 1;
  const p = 1 / mean;
  const lq = log(1 - p);
  return () => 1 + Math.floor(log(1 - rng()) / lq);
}

/**
 * Categorical over indices 0..n-1 with the given non-negative weights (need not sum to 1).
 * Walker's alias method: O(n) setup, O(1) per draw with a single uniform.
 */
export function categorical(rng: Rng, weights: readonly number[]): Sampler {
  const n = weights.length;
  check(n > 0, 'categorical needs at least one weight');
  let total = 0;
  for (const w of weights) {
    check(w >= 0 && Number.isFinite(w), `categorical weights must be finite and >= 0, got ${w}`);
    total += w;
  }
  check(total > 0, 'categorical weights must not all be zero');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((s, i) => (s < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return () => {
    const x = rng() * n;
    const i = Math.min(n - 1, Math.floor(x));
    return x - i < prob[i] ? i : alias[i];
  };
}
