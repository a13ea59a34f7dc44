/** `--seeds` lists: "1-10", "1,4,9", "1-5,20-22". */
import { CliError } from './errors.ts';

const MAX_SEED = 2 ** 32 - 1;
/** More runs than this is a typo more often than a plan (a 1x year each). */
export const MAX_SEEDS = 10_000;

export function parseSeeds(spec: string): number[] {
  const bad = (why: string) => new CliError(`--seeds: ${why}, got '${spec}' (e.g. --seeds 1-10 or --seeds 1,4,9)`);
  const seeds: number[] = [];
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw bad(`'${part}' is not a seed or a range a-b of whole numbers >= 0`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a > MAX_SEED || b > MAX_SEED) throw bad(`seeds go up to ${MAX_SEED}`);
    if (b < a) throw bad(`the range ${a}-${b} runs backwards`);
    if (seeds.length + (b - a + 1) > MAX_SEEDS) throw bad(`at most ${MAX_SEEDS} seeds`);
    for (let s = a; s <= b; s++) seeds.push(s);
  }
  const seen = new Set<number>();
  for (const s of seeds) {
    if (seen.has(s)) throw bad(`seed ${s} is listed twice`);
    seen.add(s);
  }
  if (seeds.length < 2) throw bad('give at least two seeds (one run is --seed N)');
  return seeds;
}
