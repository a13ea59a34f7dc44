/**
 * `--sample path=lo:hi`: a parameter whose value is uncertain, drawn for each run from its range by a
 * Latin hypercube over all the sampled parameters (so every range is covered evenly), the points
 * seeded by --seed so the same command draws the same points. `lo:hi:log` draws it log-uniformly
 * (equal strata of log(value)): for a range over orders of magnitude, where a uniform draw would put
 * nine runs in ten in its top decade. A field the schema holds as an integer is rounded; other values
 * keep the decimals that tell the points apart.
 */
import { orList } from '../sim/scenario/closestNames.ts';
import { closestPaths, fieldTypes } from '../sim/scenario/fieldNames.ts';
import { parseOverride } from '../sim/scenario/overrides.ts';
import { CliError } from './errors.ts';
import type { SampleRange } from '../sim/metrics/sampleDesign.ts';


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
