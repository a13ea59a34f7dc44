/**
 * Where a batch's sampled parameters go: the values of a design's points over the parameters'
 * ranges, from a Latin hypercube (`--sample` with `--runs`) or from Saltelli's design on a scrambled
 * Sobol sequence (`--sobol`, and the dashboard's sensitivity "all at once"). One implementation, so
 * the dashboard's design of a scenario, seed and ranges is the CLI's, point for point.
 */
import { latinHypercube } from '../rng/latinHypercube.ts';
import { sobolSequence } from '../rng/sobolSequence.ts';
import { createStreams } from '../rng/streams.ts';
import { saltelliDesign, type SobolRole } from './sobolIndices.ts';
import { exp, log } from '../core/detMath.ts';

export interface SampleRange {
  path: string;
  lo: number;
  hi: number;
  /** The schema holds the field as an integer: values are rounded. */
  integer: boolean;
  /** Drawn uniformly in log(value) (`low:high:log`), not in value. */
  log: boolean;
}

/** n points, one value per range each: a Latin hypercube from --seed's own stream ('sample-design'). */
export function samplePoints(ranges: readonly SampleRange[], n: number, seed: number): number[][] {
  const design = latinHypercube(n, ranges.length, createStreams(seed).get('sample-design'));
  return design.map((q) => valuesAt(ranges, q, n));
}

/**
 * The parameter values of a design point q in [0, 1)^k over the ranges, in a design of n strata per
 * range: integers rounded; other values to a thousandth of a stratum (the narrowest, at the low end,
 * on a log scale), so the points read apart and --set reproduces them as printed.
 */
export function valuesAt(ranges: readonly SampleRange[], q: readonly number[], n: number): number[] {
  return ranges.map((r, d) => {
    const v = r.log ? exp(log(r.lo) + (log(r.hi) - log(r.lo)) * q[d]) : r.lo + (r.hi - r.lo) * q[d];
    if (r.integer) return Math.min(Math.floor(r.hi), Math.max(Math.ceil(r.lo), Math.round(v)));
    const stratum = r.log ? (r.lo * log(r.hi / r.lo)) / n : (r.hi - r.lo) / n;
    const decimals = decimalsFor(stratum / 1000);
    return Math.min(r.hi, Math.max(r.lo, Number(v.toFixed(decimals))));
  });
}

/**
 * --sobol's points (sobolIndices.ts): Saltelli's A, B and AB_i matrices of n rows from one scrambled
 * Sobol sequence in 2k dimensions (the scramble from --seed's own stream, 'sobol-design'), row by
 * row, with each point's role.
 */
export function sobolPoints(ranges: readonly SampleRange[], n: number, seed: number): { points: number[][]; roles: SobolRole[] } {
  const base = sobolSequence(n, 2 * ranges.length, createStreams(seed).get('sobol-design'));
  const { points, roles } = saltelliDesign(base, ranges.length);
  return { points: points.map((q) => valuesAt(ranges, q, n)), roles };
}

/**
 * The fewest decimals (0 to 12) that show a step of x: ceil(-log10(x)), by exact powers of ten
 * rather than a logarithm (this runs in Node and the browser alike: sim/core/detMath.ts).
 */
function decimalsFor(x: number): number {
  let d = 0;
  let scale = 1;
  while (d < 12 && x < 1 / scale) {
    scale *= 10;
    d++;
  }
  return d;
}
