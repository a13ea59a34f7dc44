/**
 * `--sample path=lo:hi`: a parameter whose value is uncertain, drawn for each run from its range by a
 * Latin hypercube over all the sampled parameters (so every range is covered evenly), the points
 * seeded by --seed so the same command draws the same points. `lo:hi:log` draws it log-uniformly
 * (equal strata of log(value)): for a range over orders of magnitude, where a uniform draw would put
 * nine runs in ten in its top decade. A field the schema holds as an integer is rounded; other values
 * keep the decimals that tell the points apart.
 */
import { latinHypercube } from '../sim/rng/latinHypercube.ts';
import { sobolSequence } from '../sim/rng/sobolSequence.ts';
import { createStreams } from '../sim/rng/streams.ts';
import { orList } from '../sim/scenario/closestNames.ts';
import { closestPaths, fieldTypes } from '../sim/scenario/fieldNames.ts';
import { parseOverride } from '../sim/scenario/overrides.ts';
import { CliError } from './errors.ts';
import { saltelliDesign, type SobolRole } from './sobolIndices.ts';

export interface SampleRange {
  path: string;
  lo: number;
  hi: number;
  /** The schema holds the field as an integer: values are rounded. */
  integer: boolean;
  /** Drawn uniformly in log(value) (`low:high:log`), not in value. */
  log: boolean;
}

const EXAMPLE = 'e.g. --sample demand.baseRateJobsPerHour=100:140, or economy.emission.tokensPerDay=1e4:1e6:log';

export function parseSample(spec: string): SampleRange {
  const bad = (why: string) => new CliError(`--sample: ${why}, got '${spec}' (${EXAMPLE})`);
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw bad('expected path=low:high');
  const path = parseOverride(`${spec.slice(0, eq)}=0`).path.join('.');
  const parts = spec.slice(eq + 1).split(':');
  if (parts.length === 3 && parts[2] !== 'log') throw bad(`the only scale after low:high is 'log'`);
  if (parts.length !== 2 && parts.length !== 3) throw bad('a range is two numbers, low:high (or low:high:log)');
  const [lo, hi] = parts.slice(0, 2).map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw bad('a range is two numbers, low:high');
  if (!(hi > lo)) throw bad('the high end must be above the low end');
  const log = parts.length === 3;
  if (log && !(lo > 0)) throw bad('a log range needs a low end above 0');
  const type = fieldType(path);
  if (type === null) {
    const near = closestPaths(path.split('.'));
    throw bad(`${path} is not a field of the scenario schema${near.length ? ` (did you mean ${orList(near)}?)` : ''}`);
  }
  if (type !== 'number' && type !== 'integer') throw bad(`${path} is not a number (it is ${type})`);
  return { path, lo, hi, integer: type === 'integer', log };
}

/** The JSON Schema type of a dotted path ('number', 'integer', ...), or null when the schema has no such field (a distribution's parameters included: fieldNames.ts). */
function fieldType(path: string): string | null {
  const types = fieldTypes(path.split('.'));
  if (types.length === 0) return null;
  return types.includes('integer') ? 'integer' : types.includes('number') ? 'number' : types[0];
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
    const v = r.log ? Math.exp(Math.log(r.lo) + (Math.log(r.hi) - Math.log(r.lo)) * q[d]) : r.lo + (r.hi - r.lo) * q[d];
    if (r.integer) return Math.min(Math.floor(r.hi), Math.max(Math.ceil(r.lo), Math.round(v)));
    const stratum = r.log ? (r.lo * Math.log(r.hi / r.lo)) / n : (r.hi - r.lo) / n;
    const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(stratum / 1000))));
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
