/**
 * A Latin hypercube design (McKay, Beckman and Conover 1979): n points in [0, 1)^dims such that each
 * dimension's n equal strata hold one point each. For sampling uncertain parameters, it covers every
 * parameter's range evenly with far fewer runs than independent draws need to (no clumps, no gaps),
 * while the pairing across dimensions stays random.
 */
import type { Rng } from './streams.ts';

export function latinHypercube(n: number, dims: number, rng: Rng): number[][] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`a design needs at least one point, got ${n}`);
  const points = Array.from({ length: n }, () => new Array<number>(dims));
  for (let d = 0; d < dims; d++) {
    // a random permutation of the strata (Fisher-Yates), then a uniform place inside each stratum
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < n; i++) points[i][d] = (strata[i] + rng()) / n;
  }
  return points;
}
