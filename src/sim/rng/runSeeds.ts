/**
 * The seeds of a batch of runs (Monte Carlo runs, a sweep's seeds per point, the sensitivity
 * chart's): the seed itself, then deriveSeed(seed, 1), deriveSeed(seed, 2), ... Before 0.7.0 a batch
 * was seed, seed + 1, ..., so batches from seeds 42 and 43 shared all runs but one and a user who
 * changed the seed to see "another" set of runs saw nearly the same one (research/peer_lessons.md).
 * The first run keeps the seed itself, so the page's own run (`depinsim run --seed s`) stays one of
 * its batch, and two scenarios started from the same seed still share every seed (paired runs).
 */
import { deriveSeed } from './streams.ts';

export function runSeeds(seed: number, n: number): number[] {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a whole number >= 0, got ${seed}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`a batch needs at least one run, got ${n}`);
  const out = [seed];
  const seen = new Set(out);
  // a 32-bit hash can repeat (50 seeds collide about once in 3 million batches): the batch skips a repeat, so its runs stay distinct
  for (let i = 1; out.length < n; i++) {
    const s = deriveSeed(seed, i);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** Whether `seeds` is exactly the batch runSeeds(seeds[0], seeds.length). */
export function isRunBatch(seeds: readonly number[]): boolean {
  if (seeds.length < 2 || !Number.isSafeInteger(seeds[0]) || seeds[0] < 0) return false;
  const b = runSeeds(seeds[0], seeds.length);
  return b.every((s, i) => s === seeds[i]);
}

/**
 * The order in which a batch's runs are added up: the runSeeds order when the seeds, in any order,
 * are one batch (`--seed s --runs N`), else ascending (as `--seeds a-b` lists them). A mean summed in
 * this order is the CLI's to the last bit.
 */
export function batchOrder(seeds: readonly number[]): number[] {
  const set = new Set(seeds);
  if (set.size === seeds.length && seeds.length >= 2) {
    for (const first of seeds) {
      const b = runSeeds(first, seeds.length);
      if (b.every((s) => set.has(s))) return b;
    }
  }
  return [...seeds].sort((a, b) => a - b);
}

/** "1-10", "1-3, 7, 9-10": consecutive seeds as short ranges (`dash` between the ends). */
export function seedRanges(seeds: readonly number[], dash = '-'): string {
  const out: string[] = [];
  for (let i = 0; i < seeds.length; ) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j] + 1) j++;
    out.push(j > i ? `${seeds[i]}${dash}${seeds[j]}` : `${seeds[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * The seeds of a batch in a few words, for legends and messages: "seed 42 and the 9 derived from it"
 * for a runSeeds batch (the --seed 42 --runs 10 that reproduces it), else their ranges ("seeds 4-8",
 * "seeds 1, 4, 9", "seed 7"), the middle of a long list elided.
 */
export function describeSeeds(seeds: readonly number[], dash = '-'): string {
  if (seeds.length === 0) return 'no seeds';
  if (isRunBatch(seeds)) return `seed ${seeds[0]} and the ${seeds.length - 1} derived from it`;
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  const text = seedRanges(seeds, dash);
  const parts = text.split(', ');
  return `seeds ${parts.length > 8 ? `${parts.slice(0, 3).join(', ')}, … ${parts.length - 4} more …, ${parts[parts.length - 1]}` : text}`;
}
