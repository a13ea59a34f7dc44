/** Turns a scenario's distribution spec into a sampler over a stream. */
import type { Dist } from '../scenario/params.ts';
import { exponential, logNormal, uniform, weibull, type Sampler } from './distributions.ts';
import { weibullScaleForMean } from './special.ts';
import type { Rng } from './streams.ts';
import { exp, log } from '../core/detMath.ts';

export function samplerOf(d: Dist, rng: Rng): Sampler {
  switch (d.dist) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'exponential':
      return exponential(rng, 1 / d.mean);
    case 'lognormal':
      return d.sigma === 0 ? () => d.median : logNormal(rng, log(d.median), d.sigma);
    case 'weibull':
      return weibull(rng, d.shape, weibullScaleForMean(d.mean, d.shape));
    case 'uniform':
      return uniform(rng, d.min, d.max);
  }
}

/** Mean of a distribution spec (for calibration and documentation). */
export function meanOf(d: Dist): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return d.median * exp((d.sigma * d.sigma) / 2);
    case 'weibull':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
  }
}
